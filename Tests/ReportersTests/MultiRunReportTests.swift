import Foundation
import JSONValue
import Reporters
import RunContracts
import RunnerCore
import Testing

/// Reports over several environments' runs: JUnit's counts and names, JSON's `runs`, the CLI's closing table.
@Suite("Reports of many environments")
struct MultiRunReportTests {
    /// A run with one request and `passed` passing assertions (and `failed` failing ones).
    static func simpleRecord(environment: String, passed: Int, failed: Int = 0, url: String = "http://127.0.0.1:1/x") -> RunRecord {
        let start = RunStartInfo(collectionName: "Smoke", collectionId: "col", collectionPath: "/tmp/smoke.json",
                                 environmentName: environment, iterationCount: 1, startedAt: RunFixture.startedAt)
        var record = RunRecord(start: start, completedAt: RunFixture.startedAt + 250)
        let item = ItemReference(id: "i1", name: "List users", folders: ["Users"])
        let cursor = Cursor(iteration: 0, iterationCount: 1, position: 0, length: 1)
        var execution = ItemExecution(cursor: cursor, item: item, startedAt: RunFixture.startedAt)
        execution.request = PreparedRequest(method: "GET", url: url, headers: [HTTPHeader("Authorization", "Bearer tok-\(environment)")])
        execution.response = HTTPResponse(code: failed > 0 ? 500 : 200, reason: failed > 0 ? "Server Error" : "OK",
                                          body: Array("{\"env\":\"\(environment)\"}".utf8), responseTime: 30)
        for index in 0..<passed { execution.assertions.append(AssertionResult(name: "ok \(index)", status: .passed, index: index)) }
        for index in 0..<failed {
            execution.assertions.append(AssertionResult(name: "bad \(index)", status: .failed, errorName: "AssertionError",
                                                        message: "expected 500 to equal 200", index: passed + index))
            record.failures.append(RunFailure(kind: .assertion, cursor: cursor, item: item, name: "AssertionError",
                                              message: "expected 500 to equal 200", source: "bad \(index)",
                                              at: "assertion:\(passed + index) in test-script"))
        }
        record.executions = [execution]
        record.stats.requests = StatCount(total: 1)
        record.stats.assertions = StatCount(total: passed + failed, failed: failed)
        return record
    }

    static let runs = [
        EnvironmentRun(environmentName: "acme", record: simpleRecord(environment: "acme", passed: 2)),
        EnvironmentRun(environmentName: "globex.eu", record: simpleRecord(environment: "globex.eu", passed: 1, failed: 2)),
        EnvironmentRun(environmentName: "staging", record: RunFixture.record()),
    ]

    private func attribute(_ name: String, in xml: String, element: String) -> [String] {
        xml.components(separatedBy: "<\(element) ").dropFirst().compactMap { chunk in
            let tag = chunk.prefix { $0 != ">" }
            guard let range = tag.hasPrefix("\(name)=\"") ? tag.range(of: "\(name)=\"") : tag.range(of: " \(name)=\"")
            else { return nil }
            return String(chunk[range.upperBound...].prefix { $0 != "\"" })
        }
    }

    @Test("JUnit over several environments: root counts are the sums of each environment's own document")
    func junitCounts() throws {
        let combined = JUnitReport.render(runs: Self.runs, options: JUnitOptions())
        var sums = [0, 0, 0]
        var skipped = 0
        func suiteSkipped(_ xml: String) -> Int { attribute("skipped", in: xml, element: "testsuite").compactMap { Int($0) }.reduce(0, +) }
        for run in Self.runs {
            let single = JUnitReport.render(run.record, options: JUnitOptions(environmentName: run.environmentName))
            for (index, name) in ["tests", "failures", "errors"].enumerated() {
                sums[index] += Int(try #require(attribute(name, in: single, element: "testsuites").first)) ?? -1
            }
            skipped += suiteSkipped(single)
        }
        let root = ["tests", "failures", "errors"].map { attribute($0, in: combined, element: "testsuites").first.flatMap(Int.init) }
        #expect(root == sums.map(Optional.some))
        #expect(sums[0] > 0 && sums[1] > 0 && sums[2] > 0)
        // junit-10.xsd has no root `skipped`; the suites' attributes carry it, summing to the same total.
        #expect(attribute("skipped", in: combined, element: "testsuites").isEmpty)
        #expect(skipped > 0 && suiteSkipped(combined) == skipped)
        // Per suite: as many suites as the single documents together, each counted the same way.
        let suiteCount = Self.runs.map { JUnitReport.render($0.record, options: JUnitOptions()).components(separatedBy: "<testsuite ").count - 1 }
            .reduce(0, +)
        #expect(combined.components(separatedBy: "<testsuite ").count - 1 == suiteCount)
    }

    @Test("JUnit over several environments: suite names start with the environment, which is also a property and the classname's package")
    func junitNames() {
        let combined = JUnitReport.render(runs: Self.runs, options: JUnitOptions())
        let names = attribute("name", in: combined, element: "testsuite")
        #expect(names.contains("acme / Users / List users"))
        #expect(names.contains("globex.eu / Users / List users"))
        #expect(names.allSatisfy { $0.hasPrefix("acme / ") || $0.hasPrefix("globex.eu / ") || $0.hasPrefix("staging / ") })
        #expect(combined.contains("<property name=\"environment\" value=\"acme\"/>"))
        #expect(combined.contains("<property name=\"environment\" value=\"globex.eu\"/>"))
        // The dot of globex.eu must not become Jenkins' package separator.
        #expect(combined.contains("classname=\"Smoke [globex_eu].Users / List users\""))
        #expect(combined.hasSuffix("</testsuites>\n"))
    }

    @Test("JSON over several environments: the collection once, then one Newman summary per environment in runs[]")
    func jsonRuns() throws {
        let documents: [(environment: JSONValue?, globals: JSONValue?)] = Self.runs.map { _ in (nil, nil) }
        let summary = JSONReport.render(runs: Self.runs, documents: documents, collection: nil)
        let runs = try #require(summary["runs"]?.arrayValue)
        #expect(runs.count == 3)
        #expect(runs.map { $0["environmentName"]?.stringValue } == ["acme", "globex.eu", "staging"])
        #expect(runs[1]["run"]?["stats"]?["assertions"]?["failed"] == 2)
        #expect(summary["collection"]?["info"]?["name"] == "Smoke")
        #expect(runs[0]["collection"] == nil)
    }

    @Test("the CLI table lists each environment and the last line names the failed ones")
    func cliTable() throws {
        let lines = CLIMultiRunSummary.table(Self.runs, color: false, disableUnicode: true, redactor: { $0 })
        #expect(lines.contains { $0.contains("acme") && $0.contains("passed") && $0.contains("0/2") })
        #expect(lines.contains { $0.contains("globex.eu") && $0.contains("failed") && $0.contains("2/3") })
        #expect(lines.last == "2 of 3 environments failed: globex.eu, staging")
        #expect(lines.allSatisfy { $0.unicodeScalars.allSatisfy(\.isASCII) })
        let passing = CLIMultiRunSummary.table([Self.runs[0]], color: false, disableUnicode: false, redactor: { $0 })
        #expect(passing.last == "All 1 environments passed.")
    }
}
