import CarrierTestSupport
import Foundation
import Testing

/// Enormous and deeply nested inputs, generated here: each ends within a deadline, in bounded memory, with a
/// result or one clear line.
@Suite("enormous inputs", .serialized)
struct LargeInputTests {
    private static let fiftyMegabytes = 50 * 1024 * 1024
    /// The refusals read the same code path as the load, so a smaller file keeps the suite within CI's budget.
    private static let sixteenMegabytes = 16 * 1024 * 1024

    /// The largest resident size of any child this process has waited for, in bytes.
    private func peakChildMemory() -> Int {
        var usage = rusage()
        getrusage(RUSAGE_CHILDREN.rawValue, &usage)
        return usage.ru_maxrss * 1024
    }

    private func header() -> String {
        "{\"info\": {\"name\": \"big\", \"schema\": \"\(Fixture.schema)\", \"description\": \""
    }

    @Test("a collection holding a 50 MB string loads and runs in bounded time and memory")
    func fiftyMegabyteString() throws {
        let server = try EchoServer()
        let dir = try TemporaryDirectory()
        var bytes = Array(header().utf8)
        bytes.append(contentsOf: repeatElement(UInt8(ascii: "x"), count: Self.fiftyMegabytes))
        bytes += Array("\"}, \"item\": [{\"name\": \"r\", \"request\": {\"url\": \"\(server.baseURL)/big\"}}]}".utf8)
        let path = try dir.write("big.json", bytes: bytes)
        let result = try BoundedRun.carrier(["run", path], in: dir.path, seconds: 120)
        #expect(!result.timedOut && !result.signalled, "\(result.standardError)")
        #expect(result.exitCode == 0, "\(result.standardError)")
        #expect(server.requests.count == 1)
        #expect(peakChildMemory() < 1_500_000_000, "peak \(peakChildMemory()) bytes")
    }

    @Test("a 16 MB string that never ends is one line with its place, exit 2")
    func fiftyMegabyteUnterminated() throws {
        let dir = try TemporaryDirectory()
        var bytes = Array(header().utf8)
        bytes.append(contentsOf: repeatElement(UInt8(ascii: "y"), count: Self.sixteenMegabytes))
        let path = try dir.write("unterminated.json", bytes: bytes)
        let result = try BoundedRun.carrier(["run", path], in: dir.path, seconds: 120)
        #expect(result.exitCode == 2)
        #expect(result.standardError.contains("unterminated.json: line 1, column"))
        #expect(result.standardError.split(separator: "\n").count == 1)
    }

    @Test("100,000 nested arrays and objects are refused at the nesting limit, without exhausting the stack",
          arguments: ["[", "{\"a\":"])
    func deepNesting(_ opener: String) throws {
        let dir = try TemporaryDirectory()
        let path = try dir.write("deep.json", String(repeating: opener, count: 100_000))
        for role in [[path], ["-e", path], ["-d", path]] {
            let collection = try dir.write("ok.json", Fixture.collection(items: []))
            let arguments = role.count == 1 ? ["run", path] : ["run", collection] + role
            let result = try BoundedRun.carrier(arguments, in: dir.path, seconds: 60)
            #expect(!result.signalled, "crashed: \(result.standardError)")
            #expect(result.exitCode == 2)
            #expect(result.standardError.contains("deep.json: line 1, column"))
            #expect(result.standardError.contains("nesting deeper than"))
        }
    }

    @Test("200 nested folders (400 JSON levels, under the parser's 512) run, and every reporter renders them")
    func deepFolders() throws {
        let server = try EchoServer()
        let dir = try TemporaryDirectory()
        var item = Fixture.request("bottom", url: server.baseURL + "/bottom")
        for level in (0..<200).reversed() { item = Fixture.folder("level \(level)", [item]) }
        let path = try dir.write("folders.json", Fixture.collection(items: [item]))
        let result = try BoundedRun.carrier(["run", path, "-r", "cli,json,junit", "--reporter-json-export", "s.json",
                                             "--reporter-junit-export", "j.xml"], in: dir.path, seconds: 60)
        #expect(result.exitCode == 0, "\(result.standardError)")
        #expect(server.requests.map(\.path) == ["/bottom"])
        #expect(FileManager.default.fileExists(atPath: dir.path + "/j.xml"))
    }

    @Test("an 8 MB CSV field whose quote never closes is one line with its row, exit 2")
    func hugeUnterminatedCSV() throws {
        let server = try EchoServer()
        let dir = try TemporaryDirectory()
        var bytes = Array("name,n\nann,1\n\"".utf8)
        bytes.append(contentsOf: repeatElement(UInt8(ascii: "z"), count: 8 * 1024 * 1024))
        let data = try dir.write("data.csv", bytes: bytes)
        let collection = try dir.write("c.json", Fixture.collection(items: [Fixture.request("r", url: server.baseURL + "/r")]))
        let result = try BoundedRun.carrier(["run", collection, "-d", data], in: dir.path, seconds: 120)
        #expect(result.exitCode == 2)
        #expect(result.standardError.contains("data.csv: row 2"))
        #expect(result.standardError.contains("never closed"))
        #expect(server.requests.isEmpty)
    }

    @Test("an environment of 100,000 variables and a 1 MB header value run to completion")
    func manyVariablesAndHugeHeader() throws {
        let server = try EchoServer()
        let dir = try TemporaryDirectory()
        let values = (0..<100_000).map { (key: "v\($0)", value: "value-\($0)", type: "default") }
        let env = try dir.write("env.json", Fixture.variableFile(name: "wide", values))
        let collection = try dir.write("c.json", Fixture.collection(items: [
            Fixture.request("wide", url: server.baseURL + "/w/{{v99999}}"),
            Fixture.request("huge header", url: server.baseURL + "/h", headers: [("X-Huge", String(repeating: "h", count: 1_000_000))]),
            Fixture.request("after", url: server.baseURL + "/after"),
        ]))
        let result = try BoundedRun.carrier(["run", collection, "-e", env], in: dir.path, seconds: 120)
        #expect(!result.timedOut && !result.signalled, "\(result.standardError)")
        #expect(result.exitCode == 0 || result.exitCode == 1)
        #expect(server.requests.first?.path == "/w/value-99999")
        #expect(server.requests.last?.path == "/after", "the run went on after the huge header")
    }
}
