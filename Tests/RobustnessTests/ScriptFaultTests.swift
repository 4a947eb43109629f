import CarrierTestSupport
import Foundation
import JSONValue
import Testing

/// Hostile or broken scripts: each fault is reported against its script and request, and the run goes on.
@Suite("script faults", .serialized)
struct ScriptFaultTests {
    /// name, phase, script, a fragment the reported error must hold ("" = only "no crash, the run goes on").
    static let faults: [(String, String, String, String)] = [
        ("infinite loop", "prerequest", "while (true) {}", "timeout"),
        ("deep recursion", "test", "function down(n) { return down(n + 1) + 1; }\ndown(0);", "call stack"),
        // Newman ignores what a sendRequest callback throws: a warning, not a fault (checked below).
        ("throw in a sendRequest callback", "test",
         "pm.sendRequest(pm.variables.get('base') + '/inner', function (err, res) { throw new Error('thrown inside the callback'); });",
         ""),
        ("unhandled promise rejection", "test", "Promise.reject(new Error('nobody catches this'));", ""),
        ("syntax error", "test", "function ( {", "SyntaxError"),
        ("require fs", "prerequest", "require('fs').readFileSync('/etc/passwd');", "fs"),
        ("require child_process", "test", "require('child_process').execSync('touch /tmp/carrier-escaped');", "child_process"),
        ("process.exit", "test", "process.exit(3);", ""),
        ("eval of a throw", "test", "eval('throw new TypeError(\"from eval\")');", "from eval"),
    ]

    @Test("each script fault is reported against its script and request; the run reaches the last request")
    func scriptFaults() throws {
        let server = try EchoServer()
        let dir = try TemporaryDirectory()
        var items = Self.faults.map { name, phase, script, _ in
            phase == "prerequest"
                ? Fixture.request(name, url: server.baseURL + "/" + name.replacingOccurrences(of: " ", with: "-"), prerequest: script)
                : Fixture.request(name, url: server.baseURL + "/" + name.replacingOccurrences(of: " ", with: "-"), tests: script)
        }
        items.append(Fixture.request("after", url: server.baseURL + "/after",
                                     tests: "pm.test('still alive', function () { pm.response.to.have.status(200); });"))
        let collection = try dir.write("c.json", Fixture.collection(items: items, variables: [("base", server.baseURL)]))
        let result = try BoundedRun.carrier(["run", collection, "--timeout-script", "1500", "-r", "cli,json",
                                             "--reporter-json-export", dir.path + "/s.json"], in: dir.path, seconds: 120)
        #expect(!result.timedOut && !result.signalled && result.crashMarkers.isEmpty, "\(result.standardError)")
        #expect(result.exitCode == 1, "\(result.standardError)")
        #expect(!FileManager.default.fileExists(atPath: "/tmp/carrier-escaped"), "a script reached child_process")
        let summary = try readJSON(dir.path + "/s.json")
        // Newman's shape lists an item once per request event (the sendRequest item twice in a row); one per item here.
        var executions: [JSONValue] = []
        for entry in summary["run"]?["executions"]?.arrayValue ?? [] where entry["cursor"] != executions.last?["cursor"] {
            executions.append(entry)
        }
        try #require(executions.count == items.count, "every item ran")
        #expect(summary["run"]?["executions"]?.arrayValue?.count == items.count + 1)
        let warnings = summary["run"]?["warnings"]?.arrayValue?.compactMap(\.stringValue) ?? []
        #expect(warnings.contains { $0.contains("throw in a sendRequest callback") && $0.contains("thrown inside the callback") }, "\(warnings)")
        #expect(result.standardOutput.contains("thrown inside the callback"))
        #expect(server.requests.last?.path == "/after")
        #expect(executions.last?["assertions"]?[0]?["error"] == nil, "the last request's test passed")
        let failures = summary["run"]?["failures"]?.arrayValue ?? []
        for (index, fault) in Self.faults.enumerated() where !fault.3.isEmpty {
            let (name, phase, _, fragment) = fault
            let key = phase == "prerequest" ? "prerequestScript" : "testScript"
            let error = executions[index][key]?[0]?["error"]
            let text = "\(error?["name"]?.stringValue ?? ""): \(error?["message"]?.stringValue ?? "")"
            #expect(error != nil, "\(name): no \(key) error")
            #expect(text.lowercased().contains(fragment.lowercased()), "\(name): \(text)")
            #expect(failures.contains { $0["source"]?["name"]?.stringValue == name }, "\(name) is not among the failures")
        }
    }
}
