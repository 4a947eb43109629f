@testable import CarrierCLI
import CollectionModel
import Foundation
import Testing

/// The text scans behind `carrier check`: names scripts set, modules they require, the host part of a URL.
@Suite("Pre-flight scans")
struct PreflightScanTests {
    private func collection(scripts: [String]) -> Collection {
        let items = scripts.enumerated().map { index, source in
            Item(id: "i\(index)", name: "r\(index)", kind: .request(RequestDefinition()),
                 events: [ScriptEvent(listen: .test, source: source)])
        }
        return Collection(info: CollectionInfo(name: "c"), items: [Item(id: "f", name: "F", kind: .folder(items))],
                          events: [ScriptEvent(listen: .prerequest, source: "pm.globals.set('fromCollection', 1)")])
    }

    @Test("every scope's setter and the legacy ones count, with any quote; getters and other objects' set() do not")
    func namesSetByScripts() {
        let names = PreflightCheck.namesSetByScripts(collection(scripts: [
            "pm.environment.set('token', t); pm.collectionVariables.set(\"userId\", id);",
            "pm.variables.set(`local`, 1);\npm.environment .set( 'spaced' , 2)",
            "postman.setEnvironmentVariable('legacyEnv', 1); postman.setGlobalVariable(\"legacyGlobal\", 2);",
            "pm.environment.get('readOnly'); pm.request.headers.set('X-Header', 1); pm.environment.set(name, 3);",
        ]))
        #expect(names == ["token", "userId", "local", "spaced", "legacyEnv", "legacyGlobal", "fromCollection"])
    }

    @Test("require() calls by module name, not pm.require or a method called require")
    func requiredModules() {
        #expect(PreflightCheck.requiredModules("const _ = require('lodash');\nconst m = require(\"moment\");\nrequire( `left-pad` )")
                == ["lodash", "moment", "left-pad"])
        #expect(PreflightCheck.requiredModules("pm.require('npm:x'); loader.require('y'); require(name)").isEmpty)
    }

    @Test("the host of a URL: after the scheme and any user info, before the path, query or fragment")
    func host() {
        #expect(PreflightCheck.host(of: "https://user:pw@{{host}}:8443/scim/v2?x=1") == "{{host}}:8443")
        #expect(PreflightCheck.host(of: "{{baseUrl}}/Users") == "{{baseUrl}}")
        #expect(PreflightCheck.host(of: "http://api.example.com#top") == "api.example.com")
        #expect(PreflightCheck.host(of: "example.com/{{path}}") == "example.com")
    }

    @Test("environment names for file names keep letters, digits, dot, underscore and dash")
    func safeFileNames() {
        #expect(EnvironmentSource.safeFileName("Acme Portal (EU)") == "Acme_Portal__EU_")
        #expect(EnvironmentSource.safeFileName("globex.eu-1") == "globex.eu-1")
        #expect(EnvironmentSource.safeFileName("../x") == ".._x")
        #expect(EnvironmentSource.safeFileName("..") == "environment")
        #expect(EnvironmentSource.stem(of: "envs/acme.postman_environment.json") == "acme")
    }

    @Test("the modules check knows exactly the modules the sandbox's bootstrap provides")
    func providedModulesMatchTheSandbox() throws {
        let bootstrap = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Sources/JSCSandbox/Bootstrap")
        var names: Set<String> = []
        for file in try FileManager.default.contentsOfDirectory(atPath: bootstrap.path) where file.hasSuffix(".js") {
            let source = try String(contentsOf: bootstrap.appendingPathComponent(file), encoding: .utf8)
            names.formUnion(Self.matches(#"\b(?:define|defineModule)\('([^']+)'"#, in: source))
            if file == "modules.js" {
                // The library table: `name: { files|node|special: … debian: … }` entries.
                names.formUnion(Self.matches(#"^\s*'?([a-z0-9./_-]+)'?: \{ (?:files|node|special):"#, in: source))
            }
        }
        #expect(names == PreflightCheck.providedModules)
    }

    private static func matches(_ pattern: String, in text: String) -> [String] {
        guard let regex = try? NSRegularExpression(pattern: pattern, options: [.anchorsMatchLines]) else { return [] }
        return regex.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap { match in
            Range(match.range(at: 1), in: text).map { String(text[$0]) }
        }
    }
}
