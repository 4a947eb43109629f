import Foundation
import Reporters
import RunContracts
import Testing

/// `-r markdown`: the job-page summary reads right, escapes what would break a table, and masks secrets.
@Suite("Markdown summary")
struct MarkdownReportTests {
    let reporter = MarkdownFileReporter()

    @Test("one run: verdict, one table row of the record's counts, each failure named by its test or its error")
    func oneRun() {
        let record = RunFixture.record(iterations: 2)
        let text = reporter.render(ReportInput(runs: [EnvironmentRun(environmentName: "", record: record)], groupsByEnvironment: false))
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines[0] == "## ❌ Carrier Demo — failed")
        #expect(lines.contains("| iterations | requests | assertions | failed assertions | errors | duration |"))
        let errors = record.failures.filter { $0.kind != .assertion }.count
        #expect(lines.contains("| 2 | 6 | 8 | 1 | \(errors) | 1234ms |"))
        #expect(lines.contains("### Failures"))
        let listed = lines.filter { $0.range(of: #"^\d+\. "#, options: .regularExpression) != nil }
        #expect(listed.count == record.failures.count)
        let assertion = record.failures.first { $0.kind == .assertion }
        #expect(assertion != nil)
        #expect(listed.contains { $0.contains(assertion?.source ?? "?") && $0.contains("`Users / Create user`") })
        #expect(listed.contains { $0.contains("TypeError") && $0.contains("(iteration 2)") })
    }

    @Test("several environments: a row each, named; all passing says passed and lists nothing")
    func environments() {
        let runs = ["acme", "globex"].map { EnvironmentRun(environmentName: $0, record: MultiRunReportTests.simpleRecord(environment: $0, passed: 3)) }
        let text = reporter.render(ReportInput(runs: runs, groupsByEnvironment: true))
        #expect(text.hasPrefix("## ✅ Smoke — passed\n"))
        #expect(text.contains("| acme | 0 | 1 | 3 | 0 | 0 | 250ms |"))
        #expect(text.contains("| globex | 0 | 1 | 3 | 0 | 0 | 250ms |"))
        #expect(!text.contains("### Failures"))
    }

    @Test("markup in names and messages stays text: pipes, backticks, HTML and line breaks cannot break the page")
    func escaping() {
        var record = MultiRunReportTests.simpleRecord(environment: "a|b", passed: 0, failed: 1)
        record.failures[0].message = "expected <b>x</b> | y\nsecond line"
        record.failures[0].item.name = "List `users`"
        let text = reporter.render(ReportInput(runs: [EnvironmentRun(environmentName: "a|b", record: record)], groupsByEnvironment: true))
        #expect(text.contains("| a\\|b |"))
        #expect(text.contains("expected \\<b\\>x\\</b\\> \\| y second line"))
        #expect(text.contains("`Users / List 'users'`"))
        #expect(!text.contains("<b>"))
    }

    @Test("secrets in names and messages go through the redactor")
    func redaction() {
        var record = MultiRunReportTests.simpleRecord(environment: "acme", passed: 0, failed: 1)
        record.failures[0].message = "token s3cr3t-value refused"
        let redactor = SecretRedactor(values: ["s3cr3t-value"])
        let text = reporter.render(ReportInput(runs: [EnvironmentRun(environmentName: "acme", record: record)], groupsByEnvironment: true,
                                               redactor: { redactor.redact($0) }))
        #expect(!text.contains("s3cr3t-value"))
        #expect(text.contains("token \\[secret\\] refused"))
    }

    @Test("past the listed limit, failures are counted, not listed")
    func manyFailures() {
        var record = MultiRunReportTests.simpleRecord(environment: "acme", passed: 0, failed: 1)
        let one = record.failures[0]
        record.failures = Array(repeating: one, count: MarkdownFileReporter.listedFailures + 7)
        let text = reporter.render(ReportInput(runs: [EnvironmentRun(environmentName: "acme", record: record)], groupsByEnvironment: true))
        #expect(text.contains("…and 7 more failures"))
    }
}

/// The registry is the only list of reporters: names are unique, each renders its own format.
@Suite("Reporter registry")
struct ReporterRegistryTests {
    @Test("every file reporter has a unique name and extension, and `-r` names are the registry's")
    func uniqueNames() {
        let names = ReporterRegistry.fileReporters.map(\.name)
        #expect(Set(names).count == names.count)
        #expect(Set(ReporterRegistry.fileReporters.map(\.fileExtension)).count == names.count)
        #expect(ReporterRegistry.names == ["cli"] + names)
        #expect(ReporterRegistry.fileReporter(named: "tap") == nil)
    }

    @Test("each reporter renders its own format from the same input (no reporter falls back to another)")
    func formats() throws {
        let input = ReportInput(runs: [EnvironmentRun(environmentName: "", record: RunFixture.record())], groupsByEnvironment: false)
        func render(_ name: String) throws -> String { try #require(ReporterRegistry.fileReporter(named: name)).render(input) }
        #expect(try render("json").hasPrefix("{"))
        #expect(try render("junit").hasPrefix("<?xml"))
        #expect(try render("html").lowercased().hasPrefix("<!doctype html>"))
        #expect(try render("markdown").hasPrefix("## "))
    }
}
