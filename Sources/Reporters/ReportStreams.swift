import AtomicFile
import Foundation
import JSONValue
import RunContracts

/// A report file that could not be written.
package struct ReportWriteError: Error, Sendable, CustomStringConvertible {
    package var description: String
    init(_ path: String, _ what: String) { description = "\(path): \(what)" }
    init(_ error: AtomicFileError) { description = error.description }
}

/// The JSON summary written as the run goes, for runs too long to keep in memory: each execution is rendered
/// when it finishes (`add`) and appended to a spool file beside the report; `finish` assembles the document
/// (the summary rendered from the final record, with the spooled executions in place of its empty list) and
/// moves it into place atomically. The result is `JSONReport.render`'s document for the same run, with two
/// differences: timing statistics come from `RunTimingsAccumulator`, and each execution is redacted with the
/// secrets known when it finished (as the live CLI output is), not those known at the end.
package final class JSONReportStream {
    private let spool: ReportSpool
    private let redactor: @Sendable (String) -> String
    private var timings = RunTimingsAccumulator()
    /// Entries spooled, and executions seen (an execution gives one entry per request it sent).
    private var count = 0
    private var executionsSeen = 0
    /// Executions that sent nothing (no entry in `executions`): kept for `run.skippedExecutions`, they are few.
    private var skipped: [JSONValue] = []

    /// Starts the spool for a report at `path` (parent directories are created).
    package init(path: String, redactor: @escaping @Sendable (String) -> String = { $0 }) throws(ReportWriteError) {
        spool = try ReportSpool(path: path)
        self.redactor = redactor
    }

    /// Renders and spools one finished execution.
    package func add(_ execution: ItemExecution) {
        if let response = execution.response { timings.add(response) }
        let index = executionsSeen
        executionsSeen += 1
        if execution.requestEvents == 0 {
            skipped.append(JSONReport.redact(JSONReport.execution(execution, index: index), redactor))
        }
        for entry in JSONReport.entries(execution, index: index) {
            let value = JSONReport.redact(entry, redactor)
            // The array sits three levels deep in the summary: indent every line of the element to match.
            let element = "      " + value.serialized(indent: 2).replacingOccurrences(of: "\n", with: "\n      ")
            spool.append((count == 0 ? "" : ",\n") + element)
            count += 1
        }
    }

    /// Writes the complete summary: `collection`, `environment` and `globals` as for `JSONReport.render`.
    package func finish(_ record: RunRecord, collection: JSONValue?, environment: JSONValue?,
                        globals: JSONValue?) throws(ReportWriteError) {
        var shell = record
        shell.executions = []
        let text = JSONReport.render(shell, collection: collection, environment: environment, globals: globals,
                                     redactor: redactor, timings: timings.timings,
                                     skippedExecutions: skipped).serialized(indent: 2) + "\n"
        // The run's list is the last `"executions": []` of the text: the collection comes before the run, and no
        // string value can hold that sequence unescaped.
        guard count > 0, let slot = text.range(of: "\"executions\": []", options: .backwards) else {
            try spool.finish(head: text, tail: "")
            return
        }
        try spool.finish(head: String(text[..<slot.lowerBound]) + "\"executions\": [\n",
                         tail: "\n    ]" + String(text[slot.upperBound...]))
    }

    /// Removes the spool without writing the report (the run could not finish).
    package func discard() { spool.discard() }
}

/// The JUnit report written as the run goes: each execution's `<testsuite>` is rendered when it finishes and
/// spooled; `finish` writes the document head with the totals, the spooled suites, the run suite (run error,
/// failures no execution showed) and the end, atomically. `JUnitReport.render`'s document for the same run, each
/// suite redacted with the secrets known when it finished.
package final class JUnitReportStream {
    private let spool: ReportSpool
    private let options: JUnitOptions
    private var totals = JUnitModel.Counts()
    /// Failures of the record already looked at, and those among them no streamed execution showed.
    private var failuresSeen = 0
    private var unshown: [RunFailure] = []

    /// Starts the spool for a report at `path` (parent directories are created).
    package init(path: String, options: JUnitOptions) throws(ReportWriteError) {
        spool = try ReportSpool(path: path)
        self.options = options
    }

    /// Renders and spools one finished execution; `record` is the run so far (its failures are attributed).
    package func add(_ execution: ItemExecution, record: RunRecord) {
        let environment = options.environmentName ?? record.start.environmentName
        // Only failures recorded since the previous execution can be this one's: looking at those alone keeps a
        // run that fails every iteration from scanning an ever longer list.
        var own = record
        own.executions = [execution]
        own.failures = failuresSeen < record.failures.count ? Array(record.failures[failuresSeen...]) : []
        let suite = JUnitModel.suite(for: execution, record: own, environment: environment, options: options)
        totals.add(suite.counts)
        var text = ""
        JUnitReport.appendSuite(suite, file: record.start.collectionPath, options: options, to: &text)
        spool.append(text)
        unshown += own.failures.filter { !execution.owns($0) }
        failuresSeen = record.failures.count
    }

    /// Writes the complete report.
    package func finish(_ record: RunRecord) throws(ReportWriteError) {
        var rest = record
        rest.executions = []
        rest.failures = unshown + (failuresSeen < record.failures.count ? Array(record.failures[failuresSeen...]) : [])
        var tail = ""
        if let runSuite = JUnitModel.runSuite(rest, environment: options.environmentName ?? record.start.environmentName) {
            totals.add(runSuite.counts)
            JUnitReport.appendSuite(runSuite, file: record.start.collectionPath, options: options, to: &tail)
        }
        try spool.finish(head: JUnitReport.documentHead(record, totals: totals, options: options),
                         tail: tail + "</testsuites>\n")
    }

    /// Removes the spool without writing the report.
    package func discard() { spool.discard() }
}

/// A hidden file beside a report that collects its middle part while the run goes, then becomes the report:
/// head, spooled bytes and tail are written to a temporary file, flushed and renamed over the target, so a reader
/// never sees half a report. Write errors are kept and reported by `finish`.
final class ReportSpool {
    private let path: String
    private let spoolPath: String
    private var file: UnsafeMutablePointer<FILE>?
    private var failure: String?

    init(path: String) throws(ReportWriteError) {
        self.path = path
        let url = URL(fileURLWithPath: path)
        let directory = url.deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        } catch {
            throw ReportWriteError(path, "cannot create its directory: \(error.localizedDescription)")
        }
        spoolPath = directory.appendingPathComponent(".\(url.lastPathComponent).\(getpid()).spool").path
        guard let file = fopen(spoolPath, "w+") else {
            throw ReportWriteError(path, "cannot write: \(String(cString: strerror(errno)))")
        }
        self.file = file
    }

    deinit { discard() }

    func append(_ text: String) {
        guard let file, failure == nil else { return }
        var text = text
        let ok = text.withUTF8 { bytes in bytes.isEmpty || fwrite(bytes.baseAddress, 1, bytes.count, file) == bytes.count }
        if !ok { failure = String(cString: strerror(errno)) }
    }

    func finish(head: String, tail: String) throws(ReportWriteError) {
        defer { discard() }
        guard let file else { throw ReportWriteError(path, "the report was already written") }
        if let failure { throw ReportWriteError(path, "cannot write: \(failure)") }
        fflush(file)
        rewind(file)
        do throws(AtomicFileError) {
            try AtomicFile.write(to: path) { (out: AtomicFile.Writer) throws(AtomicFileError) in
                try out.write(head)
                var buffer = [UInt8](repeating: 0, count: 1 << 20)
                while true {
                    let read = buffer.withUnsafeMutableBytes { fread($0.baseAddress, 1, $0.count, file) }
                    if read == 0 {
                        if ferror(file) != 0 { throw AtomicFileError(path: path, message: "cannot read its spool") }
                        break
                    }
                    let ok = buffer.withUnsafeBytes { out.write(UnsafeRawBufferPointer(rebasing: $0[..<read])) }
                    if !ok { throw AtomicFileError(path: path, message: "cannot write: \(String(cString: strerror(errno)))") }
                }
                try out.write(tail)
            }
        } catch {
            throw ReportWriteError(error)
        }
    }

    func discard() {
        guard let file else { return }
        fclose(file)
        unlink(spoolPath)
        self.file = nil
    }
}
