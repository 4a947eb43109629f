import CarrierTestSupport
import Foundation
import Testing

/// One line of `MalformedInputs/manifest.tsv`.
struct CorpusEntry: Sendable, CustomTestStringConvertible {
    enum Outcome: String, Sendable { case error, loads, warns, runs }
    var file: String
    var role: String
    var outcome: Outcome
    var fragments: [String]
    var testDescription: String { "\(file) as \(role)" }

    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("MalformedInputs").path

    static let all: [CorpusEntry] = {
        guard let text = try? String(contentsOfFile: directory + "/manifest.tsv", encoding: .utf8) else { return [] }
        return text.split(separator: "\n").compactMap { line in
            guard !line.hasPrefix("#"), !line.trimmingCharacters(in: .whitespaces).isEmpty else { return nil }
            let columns = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard columns.count >= 3, let outcome = Outcome(rawValue: columns[2]) else { return nil }
            let fragments = columns.count > 3 ? columns[3].components(separatedBy: " | ") : []
            return CorpusEntry(file: columns[0], role: columns[1], outcome: outcome, fragments: fragments)
        }
    }()
}

/// Every malformed input gives one line on stderr with the file, the place and the fix, exit 2 and no request;
/// valid but unusual files (BOMs, UTF-16) load; lenient ones run without crashing.
@Suite("malformed inputs")
struct MalformedInputTests {
    @Test("the manifest lists every file of the corpus, and only those")
    func manifestIsComplete() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: CorpusEntry.directory).filter { $0 != "manifest.tsv" }
        let listed = Set(CorpusEntry.all.filter { $0.role != "missing" }.map(\.file))
        #expect(Set(files) == listed)
        #expect(CorpusEntry.all.count >= 70)
    }

    @Test("each corpus input is refused with one clear line, or loads", arguments: CorpusEntry.all)
    func corpusInput(_ entry: CorpusEntry) throws {
        let server = try EchoServer()
        let dir = try TemporaryDirectory()
        let path = try stage(entry, in: dir, baseURL: server.baseURL)
        let valid = try dir.write("valid-collection.json", Fixture.collection(items: [Fixture.request("hit", url: server.baseURL + "/hit")]))
        var arguments = ["run"]
        switch entry.role {
        case "environment": arguments += [valid, "-e", path]
        case "globals": arguments += [valid, "-g", path]
        case "data": arguments += [valid, "-d", path]
        case let role where role.hasPrefix("folder="): arguments += [path, "--folder", String(role.dropFirst("folder=".count))]
        default: arguments += [path]
        }
        let result = try BoundedRun.carrier(arguments, in: dir.path, seconds: 60)
        #expect(!result.timedOut && !result.signalled, "\(entry.file) hung or crashed")
        #expect(result.crashMarkers.isEmpty, "\(result.crashMarkers): \(result.standardError)")
        switch entry.outcome {
        case .error:
            #expect(result.exitCode == 2, "\(entry.file): exit \(result.exitCode); \(result.standardError)")
            let line = result.standardError.hasSuffix("\n") ? String(result.standardError.dropLast()) : result.standardError
            #expect(!line.isEmpty && !line.contains("\n"), "not one line: \(result.standardError)")
            #expect(line.hasPrefix("carrier: "), "\(line)")
            #expect(line.contains(path), "the line does not name the file: \(line)")
            for fragment in entry.fragments {
                #expect(line.contains(fragment), "missing \"\(fragment)\" in: \(line)")
            }
            #expect(result.standardOutput.isEmpty, "\(result.standardOutput)")
            #expect(server.requests.isEmpty, "a request was sent for \(entry.file)")
        case .loads:
            #expect(result.exitCode == 0, "\(entry.file): exit \(result.exitCode); \(result.standardError)")
            #expect(server.requests.count >= 1)
        case .warns:
            #expect(result.exitCode == 0, "\(entry.file): exit \(result.exitCode); \(result.standardError)")
            #expect(server.requests.count >= 1)
            for fragment in entry.fragments {
                #expect(result.standardError.contains(fragment), "missing \"\(fragment)\" in: \(result.standardError)")
            }
            #expect(result.standardError.contains("carrier: warning: "), "\(result.standardError)")
        case .runs:
            #expect(result.exitCode == 0 || result.exitCode == 1, "\(entry.file): exit \(result.exitCode); \(result.standardError)")
        }
    }

    /// Copies the corpus file (or directory) into the scratch directory with `@ECHO@` replaced; returns its path.
    private func stage(_ entry: CorpusEntry, in dir: TemporaryDirectory, baseURL: String) throws -> String {
        let source = CorpusEntry.directory + "/" + entry.file
        let target = dir.path + "/" + entry.file
        if entry.role == "missing" { return target }
        var isDirectory: ObjCBool = false
        _ = FileManager.default.fileExists(atPath: source, isDirectory: &isDirectory)
        if isDirectory.boolValue {
            try FileManager.default.copyItem(atPath: source, toPath: target)
            return target
        }
        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: source)))
        bytes = replace(Array("@ECHO@".utf8), with: Array(baseURL.utf8), in: bytes)
        // UTF-16 files hold the placeholder in UTF-16 too.
        for bigEndian in [false, true] {
            bytes = replace(utf16("@ECHO@", bigEndian: bigEndian), with: utf16(baseURL, bigEndian: bigEndian), in: bytes)
        }
        return try dir.write(entry.file, bytes: bytes)
    }

    private func utf16(_ text: String, bigEndian: Bool) -> [UInt8] {
        text.utf16.flatMap { unit in bigEndian ? [UInt8(unit >> 8), UInt8(unit & 0xFF)] : [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
    }

    private func replace(_ pattern: [UInt8], with replacement: [UInt8], in bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            if index + pattern.count <= bytes.count, bytes[index..<(index + pattern.count)].elementsEqual(pattern) {
                out += replacement
                index += pattern.count
            } else {
                out.append(bytes[index])
                index += 1
            }
        }
        return out
    }
}
