import RunContracts

/// What the HTML report needs beyond the runs; everything time- or host-dependent comes from the caller, so the
/// same records always render the same bytes.
package struct HTMLReportOptions: Sendable {
    /// When the report was made, milliseconds since 1970 (printed in the header).
    package var generatedAt: Double
    /// Applied to every string before it is escaped.
    package var redactor: @Sendable (String) -> String
    /// A header's value as reports may show it (`Authorization` masked whatever it holds); defaults to `redactor`.
    package var headerRedactor: @Sendable (_ name: String, _ value: String) -> String
    /// Request and response bodies longer than this many bytes are cut (the rest is summarised).
    package var bodyLimit: Int

    package init(generatedAt: Double, redactor: @escaping @Sendable (String) -> String = { $0 },
                 headerRedactor: (@Sendable (String, String) -> String)? = nil, bodyLimit: Int = 16_384) {
        self.generatedAt = generatedAt
        self.redactor = redactor
        self.headerRedactor = headerRedactor ?? { _, value in redactor(value) }
        self.bodyLimit = bodyLimit
    }
}

/// One self-contained HTML page for one or more environments' runs: a summary, then per environment its requests
/// with their assertions, the failed ones opened up with the (redacted) request and response, and an inline SVG
/// chart of response times per request. Our own CSS and a few lines of our own JavaScript (the "only failures"
/// filter and a summary line computed from the rows, which proves in a browser that the script ran); no network.
package enum HTMLReport {
    /// The document, UTF-8 text. Every string from the records passes the redactor, then HTML escaping.
    package static func render(runs: [EnvironmentRun], options: HTMLReportOptions) -> String {
        var page = HTMLPage(options: options)
        let title = runs.first?.record.start.collectionName ?? "Carrier report"
        page.raw("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        page.raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        page.raw("<title>\(page.text(title)) — Carrier report</title>\n<style>\n\(HTMLReportAssets.css)</style>\n</head>\n<body>\n")
        page.raw("<header>\n<h1>\(page.text(title))</h1>\n<p class=\"meta\">Carrier report, generated \(page.text(ReportText.isoTimestamp(options.generatedAt)))</p>\n")
        page.raw("<label class=\"filter\"><input type=\"checkbox\" id=\"only-failures\"> Show only failures</label>\n</header>\n")
        summary(runs, into: &page)
        for (index, run) in runs.enumerated() { environment(run, index: index, into: &page) }
        page.raw("<script>\n\(HTMLReportAssets.script)</script>\n</body>\n</html>\n")
        return page.output
    }

    /// The totals (written by Swift, so they are there without JavaScript) and the table of environments.
    private static func summary(_ runs: [EnvironmentRun], into page: inout HTMLPage) {
        let requests = runs.reduce(0) { $0 + $1.record.stats.requests.total }
        let assertions = runs.reduce(0) { $0 + $1.record.stats.assertions.total }
        let failedAssertions = runs.reduce(0) { $0 + $1.record.stats.assertions.failed }
        let failedRuns = runs.filter(\.record.failed).count
        page.raw("<section id=\"summary\" class=\"\(failedRuns > 0 ? "failed" : "passed")\">\n<h2>Summary</h2>\n<dl class=\"totals\">\n")
        let totals: [(String, String, Int)] = [
            ("environments", "Environments", runs.count), ("failed-environments", "Failed environments", failedRuns),
            ("requests", "Requests", requests), ("assertions", "Assertions", assertions),
            ("failed-assertions", "Failed assertions", failedAssertions),
        ]
        for (id, label, value) in totals {
            page.raw("<div><dt>\(label)</dt><dd id=\"total-\(id)\">\(value)</dd></div>\n")
        }
        page.raw("</dl>\n<p id=\"computed-summary\" class=\"computed\"></p>\n")
        page.raw("<table class=\"environments\">\n<thead><tr><th>Environment</th><th>Requests</th><th>Assertions failed</th>"
                 + "<th>Duration</th><th>Result</th></tr></thead>\n<tbody>\n")
        for (index, run) in runs.enumerated() {
            let record = run.record
            let state = record.failed ? "failed" : "passed"
            page.raw("<tr class=\"\(state)\"><td><a href=\"#env-\(index)\">\(page.text(run.environmentName.isEmpty ? "(no environment)" : run.environmentName))</a></td>"
                     + "<td>\(record.stats.requests.total)</td><td>\(record.stats.assertions.failed)/\(record.stats.assertions.total)</td>"
                     + "<td>\(page.text(ReportText.duration(record.completedAt - record.start.startedAt)))</td>"
                     + "<td class=\"result\">\(state)</td></tr>\n")
        }
        page.raw("</tbody>\n</table>\n</section>\n")
    }

    private static func environment(_ run: EnvironmentRun, index: Int, into page: inout HTMLPage) {
        let record = run.record
        let state = record.failed ? "failed" : "passed"
        page.raw("<section class=\"environment \(state)\" id=\"env-\(index)\">\n")
        page.raw("<h2>\(page.text(run.environmentName.isEmpty ? "(no environment)" : run.environmentName))"
                 + " <span class=\"badge \(state)\">\(state)</span></h2>\n")
        if let runError = record.runError { page.raw("<p class=\"run-error\">\(page.text(runError))</p>\n") }
        page.raw(HTMLResponseChart.svg(record, text: { page.text($0) }))
        page.raw("<table class=\"requests\">\n<thead><tr><th>Request</th><th>Iteration</th><th>Sent</th><th>Status</th>"
                 + "<th>Time</th><th>Assertions</th></tr></thead>\n<tbody>\n")
        for execution in record.executions { HTMLExecutionRows.append(execution, record: record, into: &page) }
        page.raw("</tbody>\n</table>\n")
        let orphans = record.failures.filter { record.execution(of: $0) == nil }
        if !orphans.isEmpty {
            page.raw("<ul class=\"orphans\">\n")
            for failure in orphans {
                page.raw("<li class=\"failed\">\(page.text("\(failure.item.qualifiedName): \(failure.name): \(failure.message)"))</li>\n")
            }
            page.raw("</ul>\n")
        }
        page.raw("</section>\n")
    }
}

/// The page being written: raw markup plus escaped, redacted text.
struct HTMLPage {
    let options: HTMLReportOptions
    private(set) var output = ""

    init(options: HTMLReportOptions) { self.options = options }

    mutating func raw(_ markup: String) { output += markup }

    /// Redacted, then escaped for text and attribute positions alike.
    func text(_ value: String) -> String { HTMLPage.escape(options.redactor(value)) }

    /// A header's value, through the header redactor, escaped.
    func header(_ name: String, _ value: String) -> String { HTMLPage.escape(options.headerRedactor(name, value)) }

    /// A body as text, cut at the limit, redacted and escaped.
    func body(_ bytes: [UInt8]) -> String {
        let limit = options.bodyLimit
        let shown = bytes.count > limit ? Array(bytes.prefix(limit)) : bytes
        var content = String(decoding: shown, as: UTF8.self)
        if bytes.count > limit { content += "\n… (\(bytes.count - limit) more bytes)" }
        return text(content)
    }

    static func escape(_ text: String) -> String { XMLText.escaped(text, whitespaceAsReferences: false) }
}
