import CarrierTestSupport
import Foundation
import JSONValue
import Testing

/// `carrier run --shard I/N` as separate processes at once, then `carrier merge-reports`: the merged reports are
/// the documents one unsharded run writes (timings aside), against embedded SCIM servers; and what merge refuses.
@Suite("Shards merged into one run's reports", .serialized)
struct ShardingTests {
    typealias F = CollectionFixture

    /// The portals' collection: Basic auth from the environment, a request a pre-request script skips for some
    /// portals, console lines, tests that fail where the password is wrong.
    static func portalCollection() -> String {
        F.collection(name: "Portals", items: [
            F.folder("SCIM", [
                F.request("Config", url: "{{base}}/ServiceProviderConfig",
                          tests: "pm.test('config answers 200', () => pm.response.to.have.status(200));\nconsole.log('portal', pm.environment.get('portal'));"),
                F.request("Users", url: "{{base}}/Users?filter=userName eq \"{{portal}}\"",
                          tests: "pm.test('users answers 200', () => pm.response.to.have.status(200));\npm.test('lists', () => pm.expect(pm.response.json().Resources || []).to.be.an('array'));"),
                F.request("Optional", url: "{{base}}/Schemas",
                          tests: "pm.test('schemas answer', () => pm.response.to.have.status(200));",
                          prerequest: "if (pm.environment.get('skip') === 'yes') { pm.execution.skipRequest(); }"),
            ]),
        ], auth: F.auth("basic", [("username", "{{user}}"), ("password", "{{pass}}")]))
    }

    /// 40 portals on two servers (one in every seven with a wrong password, one on a port where nothing
    /// listens), written in an order unlike their names' so the merge has to restore the run's own order.
    static func portals(in dir: TemporaryDirectory, servers: [EmbeddedSCIMServer]) throws -> String {
        for i in 0..<40 {
            let server = servers[i % servers.count]
            let base = i == 13 ? "http://127.0.0.1:9/scim/v2" : server.baseURL
            let password = i % 7 == 3 ? "wrong" : EmbeddedSCIMServer.password
            let name = String(format: "portal-%02d", (i * 17) % 40)
            try dir.write(String(format: "portals/file-%02d.json", i), F.environment(name: name, [
                ("base", base), ("portal", name), ("user", EmbeddedSCIMServer.username), ("pass", password),
                ("skip", i % 5 == 0 ? "yes" : "no"),
            ], secret: ["pass"]))
        }
        return dir.path + "/portals"
    }

    /// `carrier` once per argument list, all at once, as CI jobs would.
    static func inParallel(_ runs: [[String]]) throws -> [ProcessResult] {
        let results = ResultBox(count: runs.count)
        DispatchQueue.concurrentPerform(iterations: runs.count) { index in
            if let result = try? CarrierProcess.run(runs[index], seconds: 120) { results.set(index, result) }
        }
        return try results.all.map { try #require($0, "a carrier process did not start") }
    }

    /// JUnit text without the values that depend on the clock.
    static func normalisedJUnit(_ path: String) throws -> String {
        let xml = try String(contentsOfFile: path, encoding: .utf8)
        return xml.replacingOccurrences(of: #" (time|timestamp)="[^"]*""#, with: "", options: .regularExpression)
    }

    /// HTML without the clock's values (the generation time, durations, the response-time chart, Date headers) and
    /// without the random Postman-Token each request carries.
    static func normalisedHTML(_ path: String) throws -> String {
        try String(contentsOfFile: path, encoding: .utf8)
            .replacingOccurrences(of: #"generated [^<]*"#, with: "generated", options: .regularExpression)
            .replacingOccurrences(of: #"<svg[\s\S]*?</svg>"#, with: "<svg/>", options: .regularExpression)
            .replacingOccurrences(of: #"\d+(\.\d+)?(µs|ms|s|m)\b"#, with: "T", options: .regularExpression)
            .replacingOccurrences(of: #"(Postman-Token|Date): [^\n<]*"#, with: "$1: …", options: .regularExpression)
    }

    /// What must agree between two JSON reports' runs: names, counts, failures, and each execution's item,
    /// cursor, assertions and status (not times, not the random Postman-Token).
    static func comparable(_ document: JSONValue) -> [JSONValue] {
        let runs = document["runs"]?.arrayValue ?? [document]
        return runs.map { entry in
            let run = entry["run"]
            let executions = (run?["executions"]?.arrayValue ?? []).map { execution -> JSONValue in
                ["item": execution["item"] ?? .null, "cursor": execution["cursor"] ?? .null,
                 "assertions": execution["assertions"] ?? .null, "code": execution["response"]?["code"] ?? .null,
                 "requestError": execution["requestError"] ?? .null, "folders": execution["carrier"]?["folders"] ?? .null]
            }
            return ["environmentName": entry["environmentName"] ?? entry["run"]?["environmentName"] ?? .null,
                    "stats": run?["stats"] ?? .null, "failures": run?["failures"] ?? .null, "executions": .array(executions),
                    "skipped": .number(Double(run?["skippedExecutions"]?.arrayValue?.count ?? 0)),
                    "warnings": run?["warnings"] ?? .null, "error": run?["error"] ?? .null]
        }
    }

    static func readJSON(_ path: String) throws -> JSONValue {
        try JSONParser.parse(bytes: Array(try Data(contentsOf: URL(fileURLWithPath: path))))
    }

    @Test("40 portals: 4 shards run at once and merged give the unsharded run's JUnit, JSON and HTML")
    func fortyPortalsInFourShards() throws {
        let servers = [try EmbeddedSCIMServer(), try EmbeddedSCIMServer()]
        let dir = try TemporaryDirectory()
        let collection = try dir.write("portals.json", Self.portalCollection())
        let portals = try Self.portals(in: dir, servers: servers)
        let common = ["run", collection, "-e", portals, "--parallel", "4"]
        // Two shards write the combined JSON document, two one file per environment: merge reads both.
        let runs = [common + ["-r", "cli,json,junit,html", "--reporter-json-export", dir.path + "/full/all.json",
                              "--reporter-junit-export", dir.path + "/full/junit.xml", "--reporter-html-export", dir.path + "/full/report.html"]]
            + (1...4).map { index in
                common + ["--shard", "\(index)/4", "-r", "json", "--reporter-json-export",
                          dir.path + (index <= 2 ? "/shards/\(index)/all.json" : "/shards/\(index)/{environment}.json")]
            }
        let results = try Self.inParallel(runs)
        #expect(results[0].exitCode == 1, "\(results[0].standardError)")
        for result in results.dropFirst() { #expect(result.exitCode == 0 || result.exitCode == 1, "\(result.standardError)") }
        #expect(results.dropFirst().contains { $0.exitCode == 1 })

        let merged = try CarrierProcess.run(["merge-reports", dir.path + "/shards", "-r", "cli,junit,json,html",
                                             "--reporter-junit-export", dir.path + "/merged/junit.xml",
                                             "--reporter-json-export", dir.path + "/merged/all.json",
                                             "--reporter-html-export", dir.path + "/merged/report.html"])
        #expect(merged.exitCode == 1, "\(merged.standardError)")
        #expect(merged.standardError.isEmpty, "\(merged.standardError)")
        let failedPortals = results[0].standardOutput.split(separator: "\n").last.map(String.init)
        #expect(merged.standardOutput.split(separator: "\n").last.map(String.init) == failedPortals)

        let full = try Self.readJSON(dir.path + "/full/all.json"), combined = try Self.readJSON(dir.path + "/merged/all.json")
        let expected = Self.comparable(full), got = Self.comparable(combined)
        #expect(expected.count == 40)
        #expect(got.count == expected.count)
        for (a, b) in zip(expected, got) { #expect(a == b, "\(a["environmentName"] ?? .null)") }
        #expect(combined["runs"]?[0]?["run"]?["shard"] == nil)
        #expect(full["runs"]?.arrayValue?.contains { $0["run"]?["failures"]?.arrayValue?.isEmpty == false } == true)
        #expect(try Self.normalisedJUnit(dir.path + "/merged/junit.xml") == Self.normalisedJUnit(dir.path + "/full/junit.xml"))
        #expect(try Self.normalisedHTML(dir.path + "/merged/report.html") == Self.normalisedHTML(dir.path + "/full/report.html"))

        // The {environment} layout: one JUnit file per portal, as run writes them.
        let perEnvironment = try CarrierProcess.run(["merge-reports", dir.path + "/shards", "-r", "junit",
                                                     "--reporter-junit-export", dir.path + "/per/{environment}.xml"])
        #expect(perEnvironment.exitCode == 1)
        let files = try FileManager.default.contentsOfDirectory(atPath: dir.path + "/per").sorted()
        #expect(files == (0..<40).map { String(format: "portal-%02d.xml", $0) })
        let one = try String(contentsOfFile: dir.path + "/per/portal-05.xml", encoding: .utf8)
        #expect(one.contains("<testsuite name=\"portal-05 / SCIM / Config\""))
        #expect(one.contains("classname=\"Portals [portal-05].SCIM / Config\""))

        // A shard missing, a shard twice.
        let missing = try CarrierProcess.run(["merge-reports", dir.path + "/shards/1", dir.path + "/shards/2", dir.path + "/shards/4"])
        #expect(missing.exitCode == 2)
        #expect(missing.standardError == "carrier: missing shard 3/4\n")
        try FileManager.default.copyItem(atPath: dir.path + "/shards/2", toPath: dir.path + "/again")
        let twice = try CarrierProcess.run(["merge-reports", dir.path + "/shards", dir.path + "/again"])
        #expect(twice.exitCode == 2)
        #expect(twice.standardError.hasPrefix("carrier: shard 2/4 (environment "), "\(twice.standardError)")
        #expect(twice.standardError.contains(" given twice: \(dir.path)/shards/2/all.json and \(dir.path)/again/all.json"),
                "\(twice.standardError)")
    }

    @Test("1,000 data rows in 7 shards merge into the unsharded run, iteration numbers kept; other collections are refused")
    func thousandRowsInSevenShards() throws {
        let server = try EmbeddedSCIMServer()
        let dir = try TemporaryDirectory()
        let collection = try dir.write("rows.json", F.collection(name: "Rows", items: [
            F.request("Config", url: "{{base}}/ServiceProviderConfig",
                      tests: "pm.test('row ' + pm.iterationData.get('n'), () => pm.expect(Number(pm.iterationData.get('n')) % 97).to.not.equal(0));"),
        ], auth: F.auth("basic", [("username", EmbeddedSCIMServer.username), ("password", EmbeddedSCIMServer.password)])))
        let env = try dir.write("env.json", F.environment(name: "acme", [("base", server.baseURL)]))
        let data = try dir.write("rows.csv", "n\n" + (1...1000).map(String.init).joined(separator: "\n") + "\n")
        let common = ["run", collection, "-e", env, "-d", data]
        let runs = [common + ["-r", "json,junit", "--reporter-json-export", dir.path + "/full/r.json",
                              "--reporter-junit-export", dir.path + "/full/r.xml"]]
            + (1...7).map { common + ["--shard", "\($0)/7", "-r", "json", "--reporter-json-export", dir.path + "/shards/\($0)/r.json"] }
        let results = try Self.inParallel(runs)
        #expect(results.allSatisfy { $0.exitCode == 1 || $0.exitCode == 0 }, "\(results.map(\.standardError))")
        #expect(results[0].exitCode == 1)

        let merged = try CarrierProcess.run(["merge-reports", dir.path + "/shards", "-r", "junit,json",
                                             "--reporter-junit-export", dir.path + "/merged/r.xml",
                                             "--reporter-json-export", dir.path + "/merged/r.json"])
        #expect(merged.exitCode == 1, "\(merged.standardError)")
        let full = try Self.readJSON(dir.path + "/full/r.json"), combined = try Self.readJSON(dir.path + "/merged/r.json")
        #expect(Self.comparable(full) == Self.comparable(combined))
        #expect(combined["run"]?["stats"]?["iterations"]?["total"] == 1000)
        // 97, 194, ..., 970: ten rows fail, at their own iteration numbers.
        let failures = combined["run"]?["failures"]?.arrayValue ?? []
        #expect(failures.compactMap { $0["cursor"]?["iteration"]?.intValue } == (1...10).map { $0 * 97 - 1 })
        #expect(try Self.normalisedJUnit(dir.path + "/merged/r.xml") == Self.normalisedJUnit(dir.path + "/full/r.xml"))
        let shardFour = try Self.readJSON(dir.path + "/shards/4/r.json")
        #expect(shardFour["run"]?["shard"]?["index"] == 4)
        #expect(shardFour["run"]?["executions"]?[0]?["cursor"]?["iteration"] == 429)

        // Another collection's shard, a missing one, a shard given twice: one line each, exit 2.
        let otherCollection = try dir.write("other.json", F.collection(name: "Rows", items: [
            F.request("Config", url: "{{base}}/ServiceProviderConfig"),
        ]))
        let other = try CarrierProcess.run(["run", otherCollection, "-e", env, "-d", data, "--shard", "3/7", "-r", "json",
                                            "--reporter-json-export", dir.path + "/other/r.json"])
        #expect(other.exitCode == 0, "\(other.standardError)")
        let mixed = try CarrierProcess.run(["merge-reports", dir.path + "/shards/1/r.json", dir.path + "/other/r.json"])
        #expect(mixed.exitCode == 2)
        #expect(mixed.standardError.hasPrefix("carrier: reports of different collections: \(dir.path)/shards/1/r.json (sha256 "),
                "\(mixed.standardError)")
        #expect(mixed.standardError.contains(") and \(dir.path)/other/r.json (sha256 "))
        let shardPaths = (1...7).filter { $0 != 5 }.map { dir.path + "/shards/\($0)" }
        let missing = try CarrierProcess.run(["merge-reports"] + shardPaths)
        #expect(missing.exitCode == 2 && missing.standardError == "carrier: missing shard 5/7\n", "\(missing.standardError)")
        let twice = try CarrierProcess.run(["merge-reports", dir.path + "/shards", dir.path + "/shards/6/r.json"])
        #expect(twice.exitCode == 2)
        #expect(twice.standardError == "carrier: shard 6/7 given twice: \(dir.path)/shards/6/r.json and \(dir.path)/shards/6/r.json\n")
        let unsharded = try CarrierProcess.run(["merge-reports", dir.path + "/full/r.json", dir.path + "/shards/1/r.json"])
        #expect(unsharded.exitCode == 2 && unsharded.standardError.contains("has no shard (an unsharded run)"))
        let empty = try CarrierProcess.run(["merge-reports", dir.path + "/nothing-here"])
        #expect(empty.exitCode == 2)
        // A shard with no rows left exits 0 and says so.
        let idle = try CarrierProcess.run(["run", collection, "-e", env, "-d", data, "--shard", "1001/1002"])
        #expect(idle.exitCode == 0)
        #expect(idle.standardError == "carrier: shard 1001/1002 has nothing to do (1000 iterations for 1002 shards)\n")
    }
}

/// Results by index, filled from `concurrentPerform`'s threads.
private final class ResultBox: @unchecked Sendable {
    // Unchecked: `slots` is only touched holding `lock`.
    private let lock = NSLock()
    private var slots: [ProcessResult?]
    init(count: Int) { slots = Array(repeating: nil, count: count) }
    func set(_ index: Int, _ result: ProcessResult) { lock.lock(); slots[index] = result; lock.unlock() }
    var all: [ProcessResult?] { lock.lock(); defer { lock.unlock() }; return slots }
}
