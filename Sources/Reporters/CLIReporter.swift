import Foundation
import RunContracts

/// Newman-like live output of a run: banner, iterations, folders, requests, assertions and console lines as they
/// happen, then the summary table and the numbered failure list from the finished `RunRecord`.
/// Every piece of text passes the redactor before it is written.
package final class CLIReporter: RunObserver {
    private let options: CLIReporterOptions
    private let write: (String) -> Void
    private let clock: () -> Double
    private let paint: CLIPainter
    private let symbols: CLISymbols
    /// Failures seen so far: live failure lines carry the number they get in the final list.
    private var failureCount = 0
    /// Folder path of the last item, so a folder line prints only when it changes.
    private var currentFolders: [String] = []
    /// Response statistics as items finish, for a record that does not keep its executions (streamed reports).
    private var timings = RunTimingsAccumulator()
    private var itemsFinished = 0
    /// The lines of the event being printed, written when it is done.
    private var pending = ""

    /// - Parameters:
    ///   - options: the `--reporter-cli-*` switches, colour and Unicode already resolved.
    ///   - redactor: applied to every piece of text before it is written (identity by default).
    ///   - clock: milliseconds since 1970, read only for `showTimestamps`.
    ///   - write: the sink; the CLI passes standard output. Called once per event that prints, with its whole
    ///     lines, each ending in `\n`.
    package init(options: CLIReporterOptions = CLIReporterOptions(),
                 redactor: @escaping (String) -> String = { $0 },
                 clock: @escaping () -> Double = { Date().timeIntervalSince1970 * 1000 },
                 write: @escaping (String) -> Void) {
        self.options = options
        self.write = write
        self.clock = clock
        self.paint = CLIPainter(color: options.color, redact: redactor)
        self.symbols = CLISymbols.make(disableUnicode: options.disableUnicode)
    }

    /// Prints what the event shows; at `runFinished` the summary and failure list.
    package func observe(_ event: RunEvent) {
        guard !options.silent else { return }
        // An event's lines leave in one write: a plain run printed five lines per iteration, each its own syscall.
        defer {
            if !pending.isEmpty { write(pending) }
            pending = ""
        }
        switch event {
        case .runStarted(let info):
            if !options.noBanner { line("carrier"); line("") }
            line(paint(info.collectionName))
        case .iterationStarted(let cursor):
            // A new iteration restarts the tree, so its first folder is named again.
            currentFolders = []
            if cursor.iterationCount > 1 {
                line("")
                line(paint("Iteration \(cursor.iteration + 1)/\(cursor.iterationCount)", .gray, .underline))
            }
        case .itemStarted(_, let item):
            itemStarted(item)
        case .scriptStarted:
            break
        case .scriptFinished(_, _, let phase, let owner, let error):
            guard let error else { return }
            failureCount += 1
            let label = phase == .test ? "test-script" : "prerequest-script"
            let place = error.line.map { " (line \($0))" } ?? ""
            line(paint("\(ReportText.padLeft(String(failureCount), 3))\(symbols.dot) \(error.name) in \(label) of \(owner)"
                       + "\(place): \(error.message)", .red, .bold))
        case .requestCompleted(_, _, let request, let result):
            requestCompleted(request, result)
        case .assertion(_, _, let assertion):
            assertionLine(assertion)
        case .console(_, _, let message):
            if !options.noConsole { consoleLines(message) }
        case .itemFinished(_, let execution):
            itemsFinished += 1
            if let response = execution.response { timings.add(response) }
        case .iterationFinished:
            break
        case .warning(let text):
            line(paint("  \(symbols.warning) \(text)", .yellow))
        case .runFinished(let record):
            if !options.noSummary {
                line("")
                // From the items as they finished: the record may have kept only the failing ones.
                let measured = itemsFinished > 0 ? timings.timings : RunTimings(record)
                CLISummary.table(record, timings: measured, verbose: options.verbose, box: symbols.box, paint: paint)
                    .forEach(line)
            }
            if !options.noFailures, !record.failures.isEmpty {
                line("")
                CLISummary.failures(record, paint: paint).forEach(line)
            }
        }
    }

    private func line(_ text: String) {
        pending += text
        pending += "\n"
    }

    private func itemStarted(_ item: ItemReference) {
        // Like Newman: the folder line sits right above its first item, root items get no folder line.
        let folderChanged = item.folders != currentFolders && !item.folders.isEmpty
        currentFolders = item.folders
        line("")
        if folderChanged { line("\(symbols.folder) \(paint(item.folders.joined(separator: " / ")))") }
        line("\(item.folders.isEmpty ? symbols.root : symbols.sub) \(paint(item.name))")
    }

    private func requestCompleted(_ request: PreparedRequest, _ result: Result<HTTPResponse, TransportError>) {
        let stamp = options.showTimestamps ? paint("[\(ReportText.isoTimestamp(clock()))]", .gray) + " " : ""
        let head = "  \(stamp)\(paint(request.method, .gray)) \(paint(request.url, .gray)) "
        switch result {
        case .success(let response):
            let status = "[\(response.code) \(response.reason), \(ReportText.size(response.size)), "
                + "\(ReportText.duration(response.responseTime))]"
            line(head + paint(status, .gray))
            if options.verbose { verboseDetail(request, response) }
        case .failure(let error):
            failureCount += 1
            line(head + paint("[errored]", .red))
            line(paint("     \(error.message)", .red))
            if options.verbose { verboseDetail(request, nil) }
        }
    }

    private func assertionLine(_ assertion: AssertionResult) {
        guard !options.noAssertions else { return }
        switch assertion.status {
        case .passed:
            if options.noSuccessAssertions { return }
            line(paint("  \(symbols.ok) ", .green) + " " + paint(assertion.name, .gray))
        case .skipped:
            if options.noSuccessAssertions { return }
            line(paint("  \(symbols.skipped) ", .cyan) + " " + paint("[skipped] \(assertion.name)", .cyan))
        case .failed:
            failureCount += 1
            line(paint("\(ReportText.padLeft(String(failureCount), 3))\(symbols.dot)", .red, .bold) + " "
                 + paint(assertion.name, .red, .bold))
        }
    }

    private func consoleLines(_ message: ConsoleMessage) {
        let style: CLIStyle = switch message.level {
        case .log: .gray
        case .info: .cyan
        case .warn: .yellow
        case .debug: .blue
        case .error: .red
        }
        line(paint("  \(symbols.consoleTop)", style))
        for text in message.text.split(separator: "\n", omittingEmptySubsequences: false) {
            line(paint("  \(symbols.consoleMiddle) ", style) + paint(String(text), .gray))
        }
        line(paint("  \(symbols.consoleBottom)", style))
    }

    /// `--verbose`: what went on the wire and what came back, then curl's timing phases.
    private func verboseDetail(_ request: PreparedRequest, _ response: HTTPResponse?) {
        let sent = response?.sentRequest ?? request
        let bar = paint("  \(symbols.consoleMiddle) ", .gray)
        line(paint("  \(symbols.consoleTop) request", .gray))
        line(bar + paint("\(sent.method) \(sent.url)"))
        sent.headers.forEach { line(bar + paint("\($0.name): \($0.value)")) }
        if let body = sent.body { line(bar + paint("(\(ReportText.size(body.count)) body)", .gray)) }
        if let response {
            line(paint("  \(symbols.consoleMiddle) response", .gray))
            line(bar + paint("\(response.httpVersion) \(response.code) \(response.reason)"))
            response.headers.forEach { line(bar + paint("\($0.name): \($0.value)")) }
            line(paint("  \(symbols.consoleBottom)", .gray))
            // Newman's timing table: phase names over their durations, columns aligned.
            let t = response.timings
            let phases = [("dns-lookup", t.dns), ("tcp-handshake", t.tcp), ("ssl-handshake", t.secureHandshake),
                          ("transfer-start", t.firstByte), ("download", t.download), ("total", t.total)]
            let cells = phases.map { ($0.0, ReportText.duration($0.1)) }
            let widths = cells.map { max($0.0.count, $0.1.count) }
            func row(_ texts: [String]) -> String {
                "  " + zip(texts, widths).map { ReportText.padRight($0, $1) }.joined(separator: "   ")
            }
            line(paint(trimmed(row(cells.map(\.0))), .gray))
            line(paint(trimmed(row(cells.map(\.1))), .gray))
        } else {
            line(paint("  \(symbols.consoleBottom)", .gray))
        }
    }

    private func trimmed(_ text: String) -> String {
        var text = text
        while text.last == " " { text.removeLast() }
        return text
    }
}
