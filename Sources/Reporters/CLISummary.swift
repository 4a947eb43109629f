import RunContracts

/// The end-of-run parts of the CLI output, pure functions of the record: Newman's statistics box and the
/// numbered failure list (with, beyond Newman, the request and response status behind each failure).
enum CLISummary {
    /// The statistics box, one string per line.
    static func table(_ record: RunRecord, timings: RunTimings, verbose: Bool, box: BoxCharacters, paint: CLIPainter) -> [String] {
        let stats = record.stats
        let rows: [(String, StatCount)] = [
            ("iterations", stats.iterations), ("requests", stats.requests), ("test-scripts", stats.testScripts),
            ("prerequest-scripts", stats.prerequestScripts), ("assertions", stats.assertions),
        ]
        var spans = [
            "total run duration: \(ReportText.duration(record.completedAt - record.start.startedAt))",
            "total data received: \(ReportText.size(timings.responseTotal)) (approx)",
            "average response time: \(describe(timings.response))",
        ]
        if verbose {
            spans.append("average DNS lookup time: \(describe(timings.dns))")
            spans.append("average first byte time: \(describe(timings.firstByte))")
        }
        let spans_ = spans.map { paint.redact($0) }

        // Newman's first column is 25 wide; the others fit their header; the last widens for long span rows.
        let first = 25
        var second = max("executed".count, rows.map { String($0.1.total).count }.max() ?? 0) + 2
        var third = max("  failed".count, rows.map { String($0.1.failed).count }.max() ?? 0) + 2
        // A long span row widens the two number columns evenly, as cli-table3 does for Newman.
        let extra = (spans_.map(\.count).max() ?? 0) + 2 - (first + second + third + 2)
        if extra > 0 {
            second += extra - extra / 2
            third += extra / 2
        }
        let inner = first + second + third + 2
        let h = box.horizontal, v = box.vertical

        func rule(_ left: String, _ a: String, _ b: String, _ right: String) -> String {
            left + String(repeating: h, count: first) + a + String(repeating: h, count: second) + b
                + String(repeating: h, count: third) + right
        }
        func cell(_ text: String, _ width: Int, _ styles: [CLIStyle] = []) -> String {
            " " + paint.paint(ReportText.padLeft(text, width - 2), styles) + " "
        }

        var lines = [rule(box.topLeft, box.topMiddle, box.topMiddle, box.topRight)]
        lines.append(v + cell("", first) + v + cell("executed", second) + v + cell("  failed", third) + v)
        for (label, count) in rows {
            lines.append(rule(box.middleLeft, box.cross, box.cross, box.middleRight))
            let labelStyle: [CLIStyle] = count.failed > 0 ? [.red] : (count.pending > 0 ? [] : [.green])
            lines.append(v + cell(label, first, labelStyle) + v + cell(String(count.total), second) + v
                         + cell(String(count.failed), third, count.failed > 0 ? [.red] : []) + v)
        }
        lines.append(rule(box.middleLeft, box.bottomMiddle, box.bottomMiddle, box.middleRight))
        for (index, span) in spans_.enumerated() {
            if index > 0 { lines.append(box.middleLeft + String(repeating: h, count: inner) + box.middleRight) }
            lines.append(v + " " + ReportText.padRight(span, inner - 2) + " " + v)
        }
        lines.append(box.bottomLeft + String(repeating: h, count: inner) + box.bottomRight)
        return lines
    }

    private static func describe(_ t: TimingSummary) -> String {
        "\(ReportText.duration(t.average)) [min: \(ReportText.duration(t.min)), max: \(ReportText.duration(t.max)), "
            + "s.d.: \(ReportText.duration(t.standardDeviation))]"
    }

    /// The numbered failure list: `#  failure  detail`, one block per failure, blank lines between.
    static func failures(_ record: RunRecord, paint: CLIPainter) -> [String] {
        let multipleIterations = record.start.iterationCount > 1
        let blocks: [(name: [String], detail: [String])] = record.failures.map { failure in
            var name = [paint.redact(failure.name)]
            if multipleIterations { name.append("iteration: \(failure.cursor.iteration + 1)") }
            return (name, detailLines(failure, record).map { paint.redact($0) })
        }
        let numberWidth = String(blocks.count).count + 1
        let nameWidth = max("failure".count, blocks.flatMap(\.name).map(\.count).max() ?? 0)

        var lines = [" " + paint.paint(ReportText.padLeft("#", numberWidth), [.red, .underline]) + "  "
                     + paint.paint("failure", [.red, .underline]) + String(repeating: " ", count: nameWidth - 7) + "  "
                     + paint.paint("detail", [.red, .underline])]
        for (index, block) in blocks.enumerated() {
            lines.append("")
            let rowCount = max(block.name.count, block.detail.count)
            for row in 0..<rowCount {
                let number = row == 0 ? ReportText.padLeft("\(index + 1).", numberWidth) : String(repeating: " ", count: numberWidth)
                let nameText = row < block.name.count ? block.name[row] : ""
                let nameCell = paint.paint(ReportText.padRight(nameText, nameWidth), row == 0 ? [] : [.gray])
                let detail = row < block.detail.count ? block.detail[row] : ""
                let detailCell = paint.paint(detail, row == 0 ? [] : [.gray])
                let text = " \(number)  \(nameCell)  \(detailCell)"
                lines.append(detail.isEmpty ? trimTrailing(text) : text)
            }
        }
        return lines
    }

    /// What a failure's detail column says, first line first.
    private static func detailLines(_ failure: RunFailure, _ record: RunRecord) -> [String] {
        var lines: [String] = []
        switch failure.kind {
        case .assertion:
            lines.append(failure.source)
            lines.append(failure.message)
            lines.append("at \(failure.at)")
        case .scriptError:
            lines.append(failure.message)
            lines.append("at \(failure.at) of \(failure.source)")
        case .requestError:
            lines.append(failure.message)
            lines.append("at \(failure.at)")
        }
        lines.append("inside \"\(failure.item.qualifiedName)\"")
        let execution = record.execution(of: failure)
        if failure.kind == .requestError, let execution, !execution.isOwnRequestError(failure) {
            lines.append("via \(failure.source)")
        } else if let exchange = exchangeLine(for: failure, in: record) {
            lines.append(exchange)
        }
        return lines
    }

    /// `GET http://… [404 Not Found, 12ms]` for the execution a failure belongs to (Carrier's addition).
    static func exchangeLine(for failure: RunFailure, in record: RunRecord) -> String? {
        guard let execution = record.execution(of: failure), let request = execution.response?.sentRequest ?? execution.request else { return nil }
        if let response = execution.response {
            return "\(request.method) \(request.url) [\(response.code) \(response.reason), "
                + "\(ReportText.duration(response.responseTime))]"
        }
        if let error = execution.requestError { return "\(request.method) \(request.url) [errored: \(error.code)]" }
        return "\(request.method) \(request.url)"
    }

    private static func trimTrailing(_ text: String) -> String {
        var text = text
        while text.last == " " { text.removeLast() }
        return text
    }
}
