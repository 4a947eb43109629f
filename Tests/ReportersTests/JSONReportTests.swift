import JSONValue
import RunContracts
import RunnerCore
import Testing
@testable import Reporters

@Suite("JSON report")
struct JSONReportTests {
    func summary(_ record: RunRecord = RunFixture.record()) -> JSONValue {
        JSONReport.render(record, collection: nil, environment: nil, globals: nil)
    }

    @Test("has Newman's top-level shape")
    func shape() {
        let s = summary()
        #expect(s.objectValue?.keys == ["collection", "environment", "globals", "run"])
        // Newman's members, then Carrier's (what merge-reports reads back).
        #expect(s["run"]?.objectValue?.keys == ["stats", "timings", "executions", "transfers", "failures", "error",
                                                "collection", "environmentName", "iterationCount", "started", "ended"])
        #expect(s["collection"]?["info"]?["name"] == "Carrier Demo")
        #expect(s["environment"]?["name"] == "Staging")
        #expect(s["run"]?["error"] == .null)
    }

    @Test("stats carry every counter with total, pending and failed")
    func stats() {
        let stats = summary()["run"]?["stats"]
        #expect(stats?.objectValue?.keys == ["iterations", "items", "scripts", "prerequests", "requests", "tests",
                                             "assertions", "testScripts", "prerequestScripts"])
        #expect(stats?["assertions"] == ["total": 8, "pending": 0, "failed": 1])
        #expect(stats?["requests"]?["failed"] == 2)
    }

    @Test("failures: one per run failure with error, at, source and cursor")
    func failures() {
        let failures = summary()["run"]?["failures"]?.arrayValue ?? []
        #expect(failures.count == 5)
        let first = failures[0]
        #expect(first["error"]?["name"] == "AssertionError")
        #expect(first["error"]?["test"] == "Has id")
        #expect(first["error"]?["index"] == 1)
        #expect(first["error"]?["message"] == "expected undefined to exist")
        #expect(first["at"] == "assertion:1 in test-script")
        #expect(first["source"] == ["id": "item-2", "name": "Create user"])
        #expect(first["parent"]?["name"] == "Users")
        #expect(first["cursor"]?["iteration"] == 0)
        #expect(first["cursor"]?["position"] == 1)
        #expect(failures[2]["error"]?["name"] == "Error")
        #expect(failures[2]["error"]?["code"] == "ECONNREFUSED")
        #expect(failures[2]["at"] == "request")
        #expect(failures[4]["cursor"]?["iteration"] == 1)
    }

    @Test("executions list assertions by name with skipped flags and errors")
    func executions() {
        let executions = summary()["run"]?["executions"]?.arrayValue ?? []
        #expect(executions.count == 6)
        let names = executions.flatMap { ($0["assertions"]?.arrayValue ?? []).compactMap { $0["assertion"]?.stringValue } }
        #expect(names == ["Status is 200", "Later", "Status is 201", "Has id", "Status is 200", "Later", "Status is 201", "Has id"])
        let first = executions[0]
        #expect(first["item"] == ["id": "item-1", "name": "Get status"])
        #expect(first["assertions"]?[1]?["skipped"] == true)
        #expect(first["assertions"]?[0]?["error"] == nil)
        #expect(first["cursor"]?["cycles"] == 2)
        #expect(first["cursor"]?["bof"] == true)
        #expect(executions[5]["cursor"]?["eof"] == true)
        let hasID = executions[1]["assertions"]?[1]?["error"]
        #expect(hasID?["name"] == "AssertionError")
        #expect(hasID?["test"] == "Has id")
        #expect(hasID?["index"] == 1)
        #expect(executions[1]["testScript"]?[0]?["error"]?["name"] == "TypeError")
        #expect(executions[1]["prerequestScript"] == nil)
        #expect(executions[2]["requestError"]?["code"] == "ECONNREFUSED")
        #expect(executions[2]["response"] == nil)
    }

    @Test("requests and responses: method, url, headers as key/value, body bytes as a Buffer, time and size")
    func exchange() {
        let execution = summary()["run"]?["executions"]?[1]
        #expect(execution?["request"]?["method"] == "POST")
        #expect(execution?["request"]?["url"] == "http://127.0.0.1:8080/users")
        #expect(execution?["request"]?["header"] == [["key": "Content-Type", "value": "application/json"]])
        #expect(execution?["request"]?["body"]?["raw"] == "{\"name\":\"ann\"}")
        let response = execution?["response"]
        #expect(response?["code"] == 201)
        #expect(response?["status"] == "Created")
        #expect(response?["stream"] == ["type": "Buffer", "data": [123, 125]])
        #expect(response?["responseTime"] == 120)
        #expect(response?["responseSize"] == 2)
    }

    @Test("timings and transfers summarise the responses; start and end come from the record")
    func timings() {
        let run = summary()["run"]
        #expect(run?["timings"]?["responseAverage"] == 82.5)
        #expect(run?["timings"]?["responseMin"] == 45)
        #expect(run?["timings"]?["responseMax"] == 120)
        #expect(run?["timings"]?["responseSd"] == 37.5)
        #expect(run?["timings"]?["dnsAverage"] == 2)
        #expect(run?["timings"]?["started"] == .number(RunFixture.startedAt))
        #expect(run?["timings"]?["completed"] == .number(RunFixture.startedAt + 1_234))
        #expect(run?["transfers"]?["responseTotal"] == 12)
    }

    @Test("given collection, environment and globals are copied as is; a run error is reported")
    func passThrough() {
        var record = RunFixture.record()
        record.runError = "callback timed out"
        let collection: JSONValue = ["info": ["name": "From file"], "item": [["name": "x"]]]
        let environment: JSONValue = ["id": "e", "values": [["key": "k", "value": "v"]]]
        let s = JSONReport.render(record, collection: collection, environment: environment, globals: ["values": []])
        #expect(s["collection"] == collection)
        #expect(s["environment"] == environment)
        #expect(s["run"]?["error"]?["message"] == "callback timed out")
    }

    @Test("serialises to JSON that parses back to the same value")
    func roundTrip() throws {
        let s = summary()
        #expect(try JSONParser.parse(s.serialized(indent: 2)) == s)
    }

    @Test("the redactor sees every string")
    func redaction() {
        let s = JSONReport.render(RunFixture.record(), collection: nil, environment: nil, globals: nil,
                                  redactor: { $0 == "http://127.0.0.1:8080/users" ? "[redacted]" : $0 })
        #expect(s["run"]?["executions"]?[1]?["request"]?["url"] == "[redacted]")
    }

    @Test("an item is listed once per request event, as Newman pushes it: pm.sendRequest repeats it, a skip drops it")
    func executionsPerRequestEvent() {
        var record = RunFixture.record(iterations: 1)
        let count = record.executions.count
        record.executions[0].sendRequestCount = 2
        record.executions[1].skipped = true
        let executions = summary(record)["run"]?["executions"]?.arrayValue ?? []
        #expect(executions.count == count + 2 - 1)
        #expect(executions[0] == executions[1] && executions[1] == executions[2])
        #expect(executions[2]["item"]?["id"] == .string(record.executions[0].item.id))
        #expect(executions[3]["item"]?["id"] == .string(record.executions[2].item.id))
    }

    @Test("warnings are kept in run.warnings, and only when there are some")
    func warnings() {
        var record = RunFixture.record(iterations: 1)
        #expect(summary(record)["run"]?["warnings"] == nil)
        record.warnings = ["Create user: a pm.sendRequest callback threw TypeError: x (ignored, as Newman ignores it)"]
        #expect(summary(record)["run"]?["warnings"] == .array([.string(record.warnings[0])]))
    }
}

