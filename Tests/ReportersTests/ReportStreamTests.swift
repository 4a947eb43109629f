import Foundation
import JSONValue
import RunContracts
import RunnerCore
import Testing
@testable import Reporters

/// Streams a record's executions the way the runner hands them over: each with the record as it stood then
/// (the failures recorded so far), then finishes with the whole record.
func stream(_ record: RunRecord, into json: JSONReportStream?, _ junit: JUnitReportStream?) {
    for execution in record.executions {
        var soFar = record
        soFar.executions = []
        soFar.failures = record.failures.filter {
            ($0.cursor.iteration, $0.cursor.position) <= (execution.cursor.iteration, execution.cursor.position)
        }
        json?.add(execution)
        junit?.add(execution, record: soFar)
    }
}

private func scratchPath(_ name: String) -> String {
    NSTemporaryDirectory() + "carrier-report-stream-\(UUID().uuidString)/reports/\(name)"
}

@Suite("Streamed reports")
struct ReportStreamTests {
    @Test("the streamed JUnit report is the rendered one, byte for byte, run suite included")
    func junitMatchesRender() throws {
        var record = RunFixture.record()
        // A failure no execution shows (it belongs to no recorded item) lands in the run suite in both.
        let orphan = ItemReference(id: "item-9", name: "Gone", folders: [])
        record.failures.append(RunFailure(kind: .scriptError, cursor: Cursor(iteration: 1, iterationCount: 2, position: 7, length: 3),
                                          item: orphan, name: "Error", message: "lost", source: "collection", at: "test-script"))
        record.runError = "callback timed out"
        let options = JUnitOptions(hostname: "ci-runner", redactor: { $0.replacingOccurrences(of: "ann", with: "***") })
        let path = scratchPath("junit.xml")
        let junit = try JUnitReportStream(path: path, options: options)
        stream(record, into: nil, junit)
        var finished = record
        finished.executions = []
        try junit.finish(finished)
        let written = try String(contentsOfFile: path, encoding: .utf8)
        #expect(written == JUnitReport.render(record, options: options))
        #expect(written.contains("<testcase name=\"collection\""))
    }

    @Test("the streamed JSON summary is the rendered one, executions in order and redacted")
    func jsonMatchesRender() throws {
        let record = RunFixture.record()
        let redact: @Sendable (String) -> String = { $0.replacingOccurrences(of: "ann", with: "***") }
        let path = scratchPath("summary.json")
        let json = try JSONReportStream(path: path, redactor: redact)
        stream(record, into: json, nil)
        var finished = record
        finished.executions = []
        let environment: JSONValue = ["id": "env", "name": "Staging", "values": []]
        try json.finish(finished, collection: nil, environment: environment, globals: nil)
        let written = try String(contentsOfFile: path, encoding: .utf8)
        let rendered = JSONReport.render(record, collection: nil, environment: environment, globals: nil, redactor: redact)
            .serialized(indent: 2) + "\n"
        #expect(written == rendered)
        #expect(written.contains("{\\\"name\\\":\\\"***\\\"}"))
        #expect(try JSONParser.parse(written)["run"]?["executions"]?.arrayValue?.count == record.executions.count)
    }

    @Test("a run without executions still writes complete documents, and nothing is left beside them")
    func emptyRun() throws {
        var record = RunFixture.record()
        record.executions = []
        record.failures = []
        let jsonPath = scratchPath("empty.json")
        let junitPath = (jsonPath as NSString).deletingLastPathComponent + "/empty.xml"
        let json = try JSONReportStream(path: jsonPath)
        let junit = try JUnitReportStream(path: junitPath, options: JUnitOptions())
        try json.finish(record, collection: nil, environment: nil, globals: nil)
        try junit.finish(record)
        #expect(try String(contentsOfFile: jsonPath, encoding: .utf8)
                == JSONReport.render(record, collection: nil, environment: nil, globals: nil).serialized(indent: 2) + "\n")
        #expect(try String(contentsOfFile: junitPath, encoding: .utf8) == JUnitReport.render(record, options: JUnitOptions()))
        let directory = (jsonPath as NSString).deletingLastPathComponent
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory).sorted() == ["empty.json", "empty.xml"])
    }

    @Test("accumulated timings equal the batch statistics")
    func timingsAccumulate() {
        let record = RunFixture.record(iterations: 3)
        var accumulator = RunTimingsAccumulator()
        for response in record.executions.compactMap(\.response) { accumulator.add(response) }
        let batch = RunTimings(record), streamed = accumulator.timings
        #expect(streamed.response.average == batch.response.average)
        #expect(streamed.response.min == batch.response.min && streamed.response.max == batch.response.max)
        #expect(abs(streamed.response.standardDeviation - batch.response.standardDeviation) < 1e-9)
        #expect(streamed.dns == batch.dns)
        #expect(streamed.responseTotal == batch.responseTotal)
    }
}
