import RunContracts

/// `-r markdown`: a short GitHub-flavoured Markdown summary for a job page (`--reporter-markdown-export
/// "$GITHUB_STEP_SUMMARY"`, a GitLab or Jenkins comment): a verdict line, one table row per environment, and the
/// failures as a list. Nothing Newman has; only counts, names and messages, all through the redactor.
package struct MarkdownFileReporter: FileReporter {
    package init() {}
    package var name: String { "markdown" }
    package var fileExtension: String { "md" }
    package var title: String { "the Markdown summary (e.g. \"$GITHUB_STEP_SUMMARY\")" }

    /// Failures listed in full; the rest are counted, so a summary stays readable on a page.
    package static let listedFailures = 50

    package func render(_ input: ReportInput) -> String {
        let redact = input.redactor
        let failed = input.runs.contains { $0.record.failed }
        let collection = input.runs.first?.record.start.collectionName ?? ""
        var lines = ["## \(failed ? "❌" : "✅") \(cell(redact(collection))) — \(failed ? "failed" : "passed")", ""]

        let named = input.runs.count > 1 || input.runs.contains { !$0.environmentName.isEmpty }
        lines.append((named ? "| environment " : "") + "| iterations | requests | assertions | failed assertions | errors | duration |")
        lines.append((named ? "|---" : "") + "|---:|---:|---:|---:|---:|---:|")
        for run in input.runs {
            let stats = run.record.stats
            let errors = run.record.failures.filter { $0.kind != .assertion }.count + (run.record.runError == nil ? 0 : 1)
            let columns = [String(stats.iterations.total), String(stats.requests.total), String(stats.assertions.total),
                           String(stats.assertions.failed), String(errors),
                           ReportText.duration(run.record.completedAt - run.record.start.startedAt)]
            lines.append((named ? "| \(cell(redact(run.environmentName))) " : "") + "| " + columns.joined(separator: " | ") + " |")
        }

        let failures = input.runs.flatMap { run in run.record.failures.map { (run.environmentName, $0) } }
        let runErrors = input.runs.compactMap { run in run.record.runError.map { (run.environmentName, $0) } }
        if !failures.isEmpty || !runErrors.isEmpty {
            lines += ["", "### Failures", ""]
            for (environment, message) in runErrors {
                lines.append("- " + (environment.isEmpty ? "" : "**\(cell(redact(environment)))** · ") + "run stopped: "
                             + cell(redact(message)))
            }
            for (index, (environment, failure)) in failures.prefix(Self.listedFailures).enumerated() {
                let place = (failure.item.folders + [failure.item.name]).map(redact).joined(separator: " / ")
                let iteration = failure.cursor.iterationCount > 1 ? " (iteration \(failure.cursor.iteration + 1))" : ""
                // An assertion is named by its test; an error by its kind (`TypeError`, `ECONNREFUSED`).
                let what = failure.kind == .assertion ? failure.source : failure.name
                lines.append("\(index + 1). " + (environment.isEmpty ? "" : "**\(cell(redact(environment)))** · ")
                             + "`\(code(place))`\(iteration) · \(cell(redact(what))): \(cell(redact(failure.message)))")
            }
            if failures.count > Self.listedFailures {
                lines += ["", "…and \(failures.count - Self.listedFailures) more failures (see the JUnit or HTML report)."]
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Text safe inside a table cell or list line: no line breaks, pipes escaped, Markdown and HTML inert.
    private func cell(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "\n", "\r": out += " "
            case "|", "*", "_", "`", "[", "]", "<", ">", "#", "\\": out += "\\" + String(character)
            default: out.append(character)
            }
        }
        return out
    }

    /// Text inside a code span: backticks would end it, line breaks would break the line.
    private func code(_ text: String) -> String {
        String(text.map { $0 == "`" ? "'" : ($0 == "\n" || $0 == "\r" ? " " : $0) })
    }
}
