import RunContracts

/// The CLI text that only a many-environment run has: a one-line summary per environment and the final table
/// (environment, requests, assertions failed, duration, result), ending with the line that names the failures.
package enum CLIMultiRunSummary {
    /// `Environment: acme` — the header printed above an environment's buffered output.
    package static func header(_ environmentName: String, color: Bool, redactor: @escaping (String) -> String) -> String {
        CLIPainter(color: color, redact: redactor)("Environment: \(environmentName)", .bold)
    }

    /// `acme: passed, 12 requests, 0/30 assertions failed, 1.2s`.
    package static func summaryLine(_ run: EnvironmentRun, color: Bool, redactor: @escaping (String) -> String) -> String {
        let paint = CLIPainter(color: color, redact: redactor)
        let stats = run.record.stats
        let outcome = run.record.failed ? paint("failed", .red, .bold) : paint("passed", .green)
        return paint(run.environmentName, .bold) + ": " + outcome
            + ", \(stats.requests.total) requests, \(stats.assertions.failed)/\(stats.assertions.total) assertions failed"
            + ", \(ReportText.duration(duration(run.record)))"
            + (run.record.runError.map { ", " + paint($0) } ?? "")
    }

    /// The closing table, then one line saying which environments failed (or that all passed).
    package static func table(_ runs: [EnvironmentRun], color: Bool, disableUnicode: Bool,
                              redactor: @escaping (String) -> String) -> [String] {
        let paint = CLIPainter(color: color, redact: redactor)
        let box = disableUnicode ? BoxCharacters.ascii : BoxCharacters.unicode
        let headers = ["environment", "requests", "assertions failed", "duration", "result"]
        let rows: [[String]] = runs.map { run in
            let stats = run.record.stats
            return [redactor(run.environmentName), String(stats.requests.total),
                    "\(stats.assertions.failed)/\(stats.assertions.total)",
                    ReportText.duration(duration(run.record)), run.record.failed ? "failed" : "passed"]
        }
        let widths = headers.indices.map { column in
            ([headers[column]] + rows.map { $0[column] }).map(\.count).max() ?? 0
        }
        func rule(_ left: String, _ middle: String, _ right: String) -> String {
            left + widths.map { String(repeating: box.horizontal, count: $0 + 2) }.joined(separator: middle) + right
        }
        func row(_ cells: [String], styles: (Int) -> [CLIStyle]) -> String {
            box.vertical + cells.enumerated().map { column, text in
                let padded = column == 0 ? ReportText.padRight(text, widths[column]) : ReportText.padLeft(text, widths[column])
                return " " + paint.paint(padded, styles(column)) + " "
            }.joined(separator: box.vertical) + box.vertical
        }
        var lines = [rule(box.topLeft, box.topMiddle, box.topRight), row(headers) { _ in [] },
                     rule(box.middleLeft, box.cross, box.middleRight)]
        for (index, cells) in rows.enumerated() {
            let failed = runs[index].record.failed
            lines.append(row(cells) { column in
                column == 4 ? (failed ? [.red, .bold] : [.green]) : (column == 2 && failed ? [.red] : [])
            })
        }
        lines.append(rule(box.bottomLeft, box.bottomMiddle, box.bottomRight))
        lines.append(verdict(runs, paint: paint))
        return lines
    }

    /// The last line: which environments failed, by name, or that every one passed.
    private static func verdict(_ runs: [EnvironmentRun], paint: CLIPainter) -> String {
        let failed = runs.filter(\.record.failed).map(\.environmentName)
        if failed.isEmpty { return paint("All \(runs.count) environments passed.", .green) }
        return paint("\(failed.count) of \(runs.count) environments failed: \(failed.joined(separator: ", "))", .red, .bold)
    }

    private static func duration(_ record: RunRecord) -> Double { record.completedAt - record.start.startedAt }
}
