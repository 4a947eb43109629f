import Foundation
import Testing
@testable import JSCSandbox

/// BootstrapManifest against the Bootstrap folder and against what each file defines once the sandbox is up.
@Suite("Bootstrap manifest")
struct BootstrapManifestTests {
    static var folder: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Sources/JSCSandbox/Bootstrap")
    }

    @Test("every .js file of the folder is listed once, and every listed file exists")
    func filesMatchTheFolder() throws {
        let onDisk = try FileManager.default.contentsOfDirectory(atPath: Self.folder.path).filter { $0.hasSuffix(".js") }
        let listed = BootstrapManifest.files.map(\.name)
        #expect(Set(onDisk) == Set(listed))
        #expect(Set(listed).count == listed.count)
    }

    @Test("each file is named for what it defines: a node-<name>.js file defines the module <name>")
    func namesSayWhat() {
        for file in BootstrapManifest.files where file.name.hasPrefix("node-") {
            let stem = String(file.name.dropFirst(5).dropLast(3)).replacingOccurrences(of: "-", with: "_")
            #expect(file.modules.contains(stem) || file.name == "node-text.js", "\(file.name)")
        }
    }

    @Test("every listed module is found by require, and every listed global exists (without loading lazy ones)")
    func definesWhatItSays() {
        let harness = Harness()
        let modules = BootstrapManifest.files.flatMap(\.modules)
        let globals = BootstrapManifest.files.flatMap(\.globals)
        let script = """
            const modules = [\(modules.map { "'\($0)'" }.joined(separator: ", "))], globals = [\(globals.map { "'\($0)'" }.joined(separator: ", "))];
            for (const name of modules) { let ok; try { ok = require(name) !== undefined; } catch (e) { ok = e.message; } console.log(name, ok); }
            for (const name of globals) console.log(name, Object.getOwnPropertyDescriptor(globalThis, name) !== undefined);
            """
        let lines = harness.log(script)
        #expect(lines == modules.map { "\($0) true" } + globals.map { "\($0) true" })
    }

    @Test("events and tv4 are Debian's (node-events, libjs-tv4), not our own")
    func debianLibraries() {
        let lines = Harness().log("""
            const EventEmitter = require('events');
            const e = new EventEmitter(); let seen = [];
            e.once('x', (v) => seen.push(v)); e.emit('x', 1); e.emit('x', 2);
            console.log(seen.join(), e.listenerCount('x'), EventEmitter.defaultMaxListeners, typeof EventEmitter.once);
            console.log(typeof tv4.validateMultiple, typeof tv4.addSchema, tv4 === require('tv4'));
            """)
        #expect(lines == ["1 0 10 function", "function function true"])
    }

    /// tv4's own messages, codes and paths (ErrorCodes and ErrorMessagesDefault of tv4 1.2/1.3).
    @Test("tv4.validate and tv4.error give tv4's messages, codes and paths")
    func tv4Messages() {
        let lines = Harness().log(#"""
            const schema = { type: 'object', required: ['id'], properties: { id: { type: 'number' }, name: { type: 'string', minLength: 3 },
                             tags: { type: 'array', items: { enum: ['a', 'b'] } } } };
            console.log(tv4.validate({ id: 1, name: 'Ada' }, schema), tv4.error);
            console.log(tv4.validate({ id: 'one' }, schema), tv4.error.message, tv4.error.code, tv4.error.dataPath, tv4.error.schemaPath);
            tv4.validate({}, schema); console.log(tv4.error.message, tv4.error.code);
            tv4.validate({ id: 1, name: 'Al' }, schema); console.log(tv4.error.message, tv4.error.dataPath);
            tv4.validate({ id: 1, tags: ['a', 'c'] }, schema); console.log(tv4.error.message, tv4.error.dataPath);
            const multiple = tv4.validateMultiple({ id: 'x', name: 1 }, schema);
            console.log(multiple.valid, multiple.errors.map((e) => e.message).join(' | '));
            """#)
        #expect(lines == [
            "true null",
            "false Invalid type: string (expected number) 0 /id /properties/id/type",
            "Missing required property: id 302",
            "String is too short (2 chars), minimum 3 /name",
            "No enum match for: \"c\" /tags/1",
            "false Invalid type: string (expected number) | Invalid type: number (expected string)",
        ])
    }
}
