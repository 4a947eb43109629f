import AtomicFile
import Foundation
import Testing

@Suite("AtomicFile: whole files or none")
struct AtomicFileTests {
    let directory: String = {
        let path = NSTemporaryDirectory() + "atomic-file-tests-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }()

    func leftovers() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.hasSuffix(".tmp") }
    }

    @Test("writes, replaces, creates missing directories, and leaves no temporary file")
    func replaces() throws {
        let path = directory + "/a/b/report.json"
        try AtomicFile.write("first", to: path)
        try AtomicFile.write("second", to: path)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "second")
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory + "/a/b") == ["report.json"])
    }

    @Test("a body that fails leaves the old file whole and removes its temporary file")
    func failureKeepsOld() throws {
        let path = directory + "/store.json"
        try AtomicFile.write("old", to: path)
        #expect(throws: AtomicFileError.self) {
            try AtomicFile.write(to: path) { (writer: AtomicFile.Writer) throws(AtomicFileError) in
                try writer.write("half of the n")
                throw AtomicFileError(path: path, message: "stopped")
            }
        }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "old")
        #expect(try leftovers().isEmpty)
    }

    @Test("pieces are written in order; permissions are the caller's")
    func pieces() throws {
        let path = directory + "/users.json"
        try AtomicFile.write(to: path, permissions: 0o600) { (writer: AtomicFile.Writer) throws(AtomicFileError) in
            try writer.write("[")
            try writer.write(Array("1,2".utf8))
            try writer.write("]")
        }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "[1,2]")
        let mode = try #require(try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int)
        #expect(mode == 0o600)
    }

    @Test("an unwritable place is one error naming the path")
    func unwritable() throws {
        let blocker = directory + "/file"
        try AtomicFile.write("x", to: blocker)
        do {
            try AtomicFile.write("y", to: blocker + "/inside.json")
            Issue.record("expected an error")
        } catch {
            #expect(error.description.hasPrefix(blocker + "/inside.json: cannot create its directory"))
        }
    }
}
