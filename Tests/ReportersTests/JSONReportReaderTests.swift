import JSONValue
import RunContracts
import RunnerCore
import Testing
@testable import Reporters

/// `JSONReportReader` gets back what the renderers take: rendering the record read from a JSON report gives the
/// same JSON, JUnit and HTML as rendering the original record, so `carrier merge-reports` needs no renderer of its own.
@Suite("JSON report reader")
struct JSONReportReaderTests {
    /// The fixture, plus a skipped request (no entry in Newman's executions), an item that also sent two
    /// `pm.sendRequest`s (three entries, one execution), phase timings, a shard and sources.
    static func record() -> RunRecord {
        var record = RunFixture.record()
        var skipped = ItemExecution(cursor: Cursor(iteration: 1, iterationCount: 2, position: 2, length: 3),
                                    item: ItemReference(id: "item-9", name: "Skipped", folders: ["Users", "Deep"]),
                                    startedAt: RunFixture.startedAt + 900)
        skipped.skipped = true
        skipped.console = [ConsoleMessage(level: .info, text: "skipping")]
        record.executions.append(skipped)
        record.executions[0].sendRequestCount = 2
        record.executions[0].response?.httpVersion = "HTTP/2"
        record.executions[0].response?.finalURL = "http://127.0.0.1:8080/status/final"
        record.warnings = ["auth type \"ntlm\" is not supported"]
        record.start.sources = [InputOrigin(role: "collection", kind: "file", location: "c.json", sha256: "ab12", size: 10)]
        record.start.shard = RunShard(index: 2, total: 4, slice: .iterations, environment: "Staging", position: 0, environmentCount: 1)
        record.runError = "the run timed out"
        return record
    }

    private func renderAll(_ record: RunRecord, name: String) -> (JSONValue, String, String) {
        let json = JSONReport.render(record, collection: nil, environment: nil, globals: nil)
        let junit = JUnitReport.render(record, options: JUnitOptions())
        let html = HTMLReport.render(runs: [EnvironmentRun(environmentName: name, record: record)],
                                     options: HTMLReportOptions(generatedAt: RunFixture.startedAt))
        return (json, junit, html)
    }

    @Test("render → read → render gives the same JSON, JUnit and HTML")
    func roundTrip() throws {
        for original in [Self.record(), RunFixture.hostileText()] {
            let json = JSONReport.render(original, collection: nil, environment: nil, globals: nil)
            let text = json.serialized(indent: 2)
            let read = try JSONReportReader.read(try JSONParser.parse(text), file: "r.json")
            #expect(!read.isMultiRun && read.runs.count == 1)
            let record = try #require(read.runs.first?.record)
            #expect(record.executions.count == original.executions.count)
            #expect(record.failures == original.failures)
            #expect(record.stats == original.stats)
            #expect(record.warnings == original.warnings && record.runError == original.runError)
            #expect(record.start.shard == original.start.shard && record.start.sources == original.start.sources)
            #expect(record.executions.map(\.console) == original.executions.map(\.console))
            #expect(record.executions.map(\.scriptFailures) == original.executions.map(\.scriptFailures))
            let again = renderAll(record, name: "Staging"), first = renderAll(original, name: "Staging")
            #expect(again.0 == first.0)
            #expect(again.1 == first.1)
            #expect(again.2 == first.2)
        }
    }

    @Test("the many-environment document reads back run by run, with each environment's name")
    func multiRun() throws {
        var second = RunFixture.record(iterations: 1)
        second.start.environmentName = "Prod"
        let runs = [EnvironmentRun(environmentName: "staging (2)", record: Self.record()), EnvironmentRun(environmentName: "prod", record: second)]
        let document = JSONReport.render(runs: runs, documents: [], collection: nil)
        let read = try JSONReportReader.read(try JSONParser.parse(document.serialized()), file: "all.json")
        #expect(read.isMultiRun)
        #expect(read.runs.map(\.environmentName) == ["staging (2)", "prod"])
        let back = read.runs.map { EnvironmentRun(environmentName: $0.environmentName, record: $0.record) }
        #expect(JSONReport.render(runs: back, documents: [], collection: nil) == document)
        #expect(JUnitReport.render(runs: back, options: JUnitOptions()) == JUnitReport.render(runs: runs, options: JUnitOptions()))
    }

    @Test("what is not a Carrier JSON report is named by file and JSON path")
    func refusals() throws {
        let cases: [(JSONValue, String)] = [
            ([1, 2], "r.json: not a Carrier JSON report: $ is not a JSON object"),
            (["collection": [:]], "r.json: not a Carrier JSON report: $.run is missing"),
            (["runs": "x"], "r.json: not a Carrier JSON report: $.runs is not an array"),
        ]
        for (document, message) in cases {
            #expect { _ = try JSONReportReader.read(document, file: "r.json") } throws: { "\($0)" == message }
        }
        // A Newman summary (no Carrier members) names the first member it lacks.
        var newman = JSONReport.render(RunFixture.record(), collection: nil, environment: nil, globals: nil)
        if case .object(var object) = newman, case .object(var run)? = object["run"] {
            run["collection"] = nil
            object["run"] = .object(run)
            newman = .object(object)
        }
        #expect { _ = try JSONReportReader.read(newman, file: "newman.json") } throws: {
            "\($0)" == "newman.json: not a Carrier JSON report: $.run.collection is missing"
        }
    }
}
