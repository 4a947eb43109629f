import Foundation
import RunContracts
import RunnerCore
import Testing
@testable import Reporters

/// Runs the fixture's events through a CLI reporter and returns everything it wrote.
func cliOutput(_ options: CLIReporterOptions = CLIReporterOptions(), record: RunRecord = RunFixture.record(),
               redactor: @escaping (String) -> String = { $0 }) -> String {
    var output = ""
    let reporter = CLIReporter(options: options, redactor: redactor, clock: { RunFixture.startedAt + 61_000 },
                               write: { output += $0 })
    RunFixture.events(for: record).forEach(reporter.observe)
    return output
}

@Suite("CLI reporter")
struct CLIReporterTests {
    @Test("prints the banner, iterations, folders, requests and assertion lines as a tree")
    func tree() {
        let lines = cliOutput().split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(Array(lines.prefix(3)) == ["carrier", "", "Carrier Demo"])
        #expect(lines.contains("Iteration 1/2"))
        #expect(lines.contains("Iteration 2/2"))
        #expect(lines.contains("→ Get status"))
        #expect(lines.contains("  GET http://127.0.0.1:8080/status [200 OK, 30B, 45ms]"))
        #expect(lines.contains("  ✓  Status is 200"))
        #expect(lines.contains("  -  [skipped] Later"))
        // The folder line sits right above its first request.
        let folder = lines.firstIndex(of: "❏ Users")
        #expect(folder != nil)
        if let folder { #expect(lines[folder + 1] == "↳ Create user") }
        #expect(lines.contains("↳ Broken"))
        #expect(lines.contains("  POST http://127.0.0.1:8080/users [201 Created, 2B, 120ms]"))
        #expect(lines.contains("  GET http://127.0.0.1:9/ [errored]"))
        #expect(lines.contains("     connect ECONNREFUSED 127.0.0.1:9"))
    }

    @Test("numbers live failures in the order of the final failure list")
    func liveFailureNumbers() {
        let lines = cliOutput().split(separator: "\n").map(String.init)
        #expect(lines.contains("  1. Has id"))
        #expect(lines.contains(
            "  2. TypeError in test-script of request \"Create user\" (line 3): Cannot read properties of undefined (reading 'id')"))
        #expect(lines.contains { $0.hasPrefix("  4. TypeError in test-script") })
        #expect(!lines.contains { $0.hasPrefix("  6.") })
    }

    @Test("prints console lines in a box unless noConsole")
    func console() {
        let text = cliOutput()
        #expect(text.contains("  ┌\n  │ hello from iteration 1\n  └\n"))
        #expect(!cliOutput(CLIReporterOptions(noConsole: true)).contains("hello from iteration"))
    }

    @Test("the summary table carries the record's counts in Newman's rows")
    func summaryTable() {
        let rows = summaryRows(cliOutput())
        #expect(rows["iterations"] == [2, 0])
        #expect(rows["requests"] == [6, 2])
        #expect(rows["test-scripts"] == [4, 2])
        #expect(rows["prerequest-scripts"] == [0, 0])
        #expect(rows["assertions"] == [8, 1])
        let text = cliOutput()
        #expect(text.contains("│ total run duration: 1234ms"))
        #expect(text.contains("│ total data received: 12B (approx)"))
        #expect(text.contains("│ average response time: 82ms [min: 45ms, max: 120ms, s.d.: 37ms]"))
    }

    @Test("the table's lines all have the same width")
    func tableAligned() {
        let lines = cliOutput().split(separator: "\n").map(String.init)
        guard let top = lines.firstIndex(where: { $0.hasPrefix("┌") }),
              let bottom = lines.firstIndex(where: { $0.hasPrefix("└─") }) else {
            Issue.record("no table")
            return
        }
        let widths = Set(lines[top...bottom].map(\.count))
        #expect(widths.count == 1)
    }

    @Test("the failure list numbers each failure with its name, test, message, place and request")
    func failureList() {
        let text = cliOutput()
        guard let start = text.range(of: " #  failure") else {
            Issue.record("no failure list")
            return
        }
        let lines = text[start.lowerBound...].split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines[0] == " #  failure         detail")
        #expect(lines[1] == "")
        #expect(lines[2] == " 1.  AssertionError  Has id")
        #expect(lines[3] == "     iteration: 1    expected undefined to exist")
        #expect(lines[4] == "                     at assertion:1 in test-script")
        #expect(lines[5] == "                     inside \"Users / Create user\"")
        #expect(lines[6] == "                     POST http://127.0.0.1:8080/users [201 Created, 120ms]")
        #expect(lines.contains(" 2.  TypeError       Cannot read properties of undefined (reading 'id')"))
        #expect(lines.contains("     iteration: 1    at test-script:3:12 of request \"Create user\""))
        #expect(lines.contains(" 3.  ECONNREFUSED    connect ECONNREFUSED 127.0.0.1:9"))
        #expect(lines.contains("                     GET http://127.0.0.1:9/ [errored: ECONNREFUSED]"))
        #expect(lines.contains(" 5.  ECONNREFUSED    connect ECONNREFUSED 127.0.0.1:9"))
        #expect(!lines.contains { $0.hasPrefix(" 6.") })
    }

    @Test("ANSI escape codes appear only when colour is on")
    func colour() {
        #expect(!cliOutput().contains("\u{1B}["))
        let coloured = cliOutput(CLIReporterOptions(color: true))
        #expect(coloured.contains("\u{1B}[32m  ✓ \u{1B}[39m"))
        #expect(coloured.contains("\u{1B}[31m\u{1B}[1m  1.\u{1B}[22m\u{1B}[39m"))
        // Colour never changes the words.
        let stripped = coloured.replacingAll(#/\x1B\[[0-9;]*m/#)
        #expect(stripped == cliOutput())
    }

    @Test("disableUnicode prints Newman's plain-text symbols and an ASCII table")
    func plainSymbols() {
        let text = cliOutput(CLIReporterOptions(disableUnicode: true))
        for symbol in ["✓", "→", "↳", "❏", "│", "┌", "└", "─", "┼"] { #expect(!text.contains(symbol), "\(symbol)") }
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines.contains("Root Get status"))
        #expect(lines.contains("Folder Users"))
        #expect(lines.contains("Sub-folder Create user"))
        #expect(lines.contains("  Pass  Status is 200"))
        #expect(lines.contains("  | hello from iteration 1"))
        #expect(summaryRows(text)["assertions"] == [8, 1])
    }

    @Test("silent prints nothing; the no-* switches drop their parts")
    func switches() {
        #expect(cliOutput(CLIReporterOptions(silent: true)).isEmpty)
        let noBanner = cliOutput(CLIReporterOptions(noBanner: true))
        #expect(noBanner.hasPrefix("Carrier Demo\n"))
        let noAssertions = cliOutput(CLIReporterOptions(noAssertions: true))
        #expect(!noAssertions.contains("Status is 200"))
        #expect(!noAssertions.contains("  1. Has id"))
        let noSuccess = cliOutput(CLIReporterOptions(noSuccessAssertions: true))
        #expect(!noSuccess.contains("✓  Status is 200"))
        #expect(!noSuccess.contains("[skipped]"))
        #expect(noSuccess.contains("  1. Has id"))
        let noSummary = cliOutput(CLIReporterOptions(noSummary: true))
        #expect(!noSummary.contains("iterations"))
        #expect(noSummary.contains(" #  failure"))
        let noFailures = cliOutput(CLIReporterOptions(noFailures: true))
        #expect(noFailures.contains("iterations"))
        #expect(!noFailures.contains(" #  failure"))
    }

    @Test("a run without failures has no failure list")
    func cleanRun() {
        var record = RunFixture.record(iterations: 1)
        record.failures = []
        #expect(!cliOutput(record: record).contains(" #  failure"))
        #expect(!cliOutput(record: record).contains("Iteration 1/1"))
    }

    @Test("every piece of text goes through the redactor before it is written")
    func redaction() {
        let text = cliOutput(redactor: { $0.replacingAll(#/127\.0\.0\.1/#, with: "[host]").replacingAll(#/hello/#, with: "[greeting]") })
        #expect(!text.contains("127.0.0.1"))
        #expect(!text.contains("hello"))
        #expect(text.contains("  GET http://[host]:8080/status [200 OK, 30B, 45ms]"))
        #expect(text.contains("[greeting] from iteration 1"))
    }

    @Test("showTimestamps stamps request lines with the injected clock")
    func timestamps() {
        let text = cliOutput(CLIReporterOptions(showTimestamps: true))
        #expect(text.contains("  [2025-11-29T14:01:01.000Z] GET http://127.0.0.1:8080/status [200 OK"))
    }

    @Test("verbose adds headers, timing phases and DNS and first-byte averages")
    func verbose() {
        let text = cliOutput(CLIReporterOptions(verbose: true))
        #expect(text.contains("  │ Accept: */*\n"))
        #expect(text.contains("  │ Content-Type: text/plain\n"))
        #expect(text.contains("  │ HTTP/1.1 200 OK\n"))
        #expect(text.contains("""
              dns-lookup   tcp-handshake   ssl-handshake   transfer-start   download   total
              2ms          0µs             0µs             40ms             0µs        45ms

            """))
        #expect(text.contains("│ average DNS lookup time: 2ms [min: 2ms, max: 2ms, s.d.: 0µs]"))
        #expect(text.contains("│ average first byte time: 40ms"))
        #expect(!cliOutput().contains("average DNS lookup time"))
    }

    @Test("whole output of a one-request run, byte for byte")
    func wholeOutput() {
        var record = RunFixture.record(iterations: 1)
        record.executions = Array(record.executions.prefix(1))
        record.executions[0].console = []
        record.failures = []
        record.stats = RunStats()
        record.stats.iterations = StatCount(total: 1)
        record.stats.requests = StatCount(total: 1)
        record.stats.testScripts = StatCount(total: 1)
        record.stats.assertions = StatCount(total: 2)
        let expected = """
            carrier

            Carrier Demo

            → Get status
              GET http://127.0.0.1:8080/status [200 OK, 30B, 45ms]
              ✓  Status is 200
              -  [skipped] Later

            ┌─────────────────────────┬──────────────────┬──────────────────┐
            │                         │         executed │           failed │
            ├─────────────────────────┼──────────────────┼──────────────────┤
            │              iterations │                1 │                0 │
            ├─────────────────────────┼──────────────────┼──────────────────┤
            │                requests │                1 │                0 │
            ├─────────────────────────┼──────────────────┼──────────────────┤
            │            test-scripts │                1 │                0 │
            ├─────────────────────────┼──────────────────┼──────────────────┤
            │      prerequest-scripts │                0 │                0 │
            ├─────────────────────────┼──────────────────┼──────────────────┤
            │              assertions │                2 │                0 │
            ├─────────────────────────┴──────────────────┴──────────────────┤
            │ total run duration: 1234ms                                    │
            ├───────────────────────────────────────────────────────────────┤
            │ total data received: 4B (approx)                              │
            ├───────────────────────────────────────────────────────────────┤
            │ average response time: 45ms [min: 45ms, max: 45ms, s.d.: 0µs] │
            └───────────────────────────────────────────────────────────────┘

            """
        #expect(cliOutput(record: record) == expected)
    }
}

/// The `label │ executed │ failed` rows of a summary table, read the way the compat harness reads them.
func summaryRows(_ text: String) -> [String: [Int]] {
    var rows: [String: [Int]] = [:]
    for line in text.split(separator: "\n") {
        let cells = line.split(whereSeparator: { $0 == "│" || $0 == "|" }).map { $0.trimmingCharacters(in: .whitespaces) }
        guard cells.count == 3, let executed = Int(cells[1]), let failed = Int(cells[2]) else { continue }
        rows[cells[0]] = [executed, failed]
    }
    return rows
}

extension String {
    fileprivate func replacingAll(_ regex: Regex<Substring>, with replacement: String = "") -> String {
        replacing(regex, with: replacement)
    }
}

@Suite("CLI reporter: pm.sendRequest failures")
struct CLISendRequestTests {
    @Test("a pm.sendRequest failure names its origin instead of the item's own exchange")
    func sendRequestFailure() {
        var record = RunFixture.record(iterations: 1)
        let first = record.executions[0]
        record.failures = [RunFailure(kind: .requestError, cursor: first.cursor, item: first.item, name: "ENOTFOUND",
                                      message: "getaddrinfo ENOTFOUND nowhere.invalid", source: "pm.sendRequest",
                                      at: "request")]
        let lines = cliOutput(record: record).split(separator: "\n").map(String.init)
        #expect(lines.contains(" 1.  ENOTFOUND  getaddrinfo ENOTFOUND nowhere.invalid"))
        #expect(lines.contains("                via pm.sendRequest"))
        #expect(!lines.contains { $0.contains("[200 OK, 45ms]") })
    }
}
