import Foundation
import RunContracts

/// Response times per request as an inline SVG bar chart: one bar per request (mean over iterations), a tick at
/// the slowest iteration when there were several, failed requests in red. Pure markup, no script.
enum HTMLResponseChart {
    private struct Bar {
        var name: String
        var times: [Double]
        var failed: Bool
    }

    static func svg(_ record: RunRecord, text: (String) -> String) -> String {
        var bars: [Bar] = []
        var indexByItem: [String: Int] = [:]
        for execution in record.executions {
            let key = execution.item.id + "\u{0}" + execution.item.qualifiedName
            let failed = execution.requestError != nil || !execution.scriptFailures.isEmpty
                || execution.assertions.contains { $0.status == .failed }
            let index = indexByItem[key] ?? {
                bars.append(Bar(name: execution.item.qualifiedName, times: [], failed: false))
                indexByItem[key] = bars.count - 1
                return bars.count - 1
            }()
            if let time = execution.response?.responseTime { bars[index].times.append(time) }
            bars[index].failed = bars[index].failed || failed
        }
        guard !bars.isEmpty else { return "" }
        let slowest = max(1, bars.flatMap(\.times).max() ?? 1)
        let labelWidth = 260.0, plotWidth = 420.0, rowHeight = 22.0
        let height = Double(bars.count) * rowHeight + 24
        var out = "<figure class=\"chart\"><svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"\(Int(labelWidth + plotWidth + 90))\""
            + " height=\"\(Int(height))\" aria-label=\"Response time per request\">\n"
        for (index, bar) in bars.enumerated() {
            let y = Double(index) * rowHeight + 4
            let mean = bar.times.isEmpty ? 0 : bar.times.reduce(0, +) / Double(bar.times.count)
            let width = plotWidth * mean / slowest
            let label = bar.name.count > 40 ? String(bar.name.prefix(39)) + "…" : bar.name
            out += "<g class=\"\(bar.failed ? "failed" : "passed")\"><title>\(text(bar.name)): mean \(text(ReportText.duration(mean)))"
                + " over \(bar.times.count) response(s)</title>"
                + "<text x=\"\(format(labelWidth - 6))\" y=\"\(format(y + 14))\" text-anchor=\"end\">\(text(label))</text>"
                + "<rect x=\"\(format(labelWidth))\" y=\"\(format(y + 3))\" width=\"\(format(max(width, 1)))\" height=\"14\"/>"
            if bar.times.count > 1, let longest = bar.times.max() {
                let x = labelWidth + plotWidth * longest / slowest
                out += "<line x1=\"\(format(x))\" x2=\"\(format(x))\" y1=\"\(format(y + 1))\" y2=\"\(format(y + 19))\"/>"
            }
            out += "<text class=\"value\" x=\"\(format(labelWidth + max(width, 1) + 4))\" y=\"\(format(y + 14))\">"
                + "\(text(ReportText.duration(mean)))</text></g>\n"
        }
        out += "<text class=\"axis\" x=\"\(format(labelWidth))\" y=\"\(format(height - 4))\">0</text>"
            + "<text class=\"axis\" x=\"\(format(labelWidth + plotWidth))\" y=\"\(format(height - 4))\" text-anchor=\"end\">"
            + "\(text(ReportText.duration(slowest)))</text>\n"
        out += "</svg><figcaption>Response time per request (mean; tick: slowest iteration)</figcaption></figure>\n"
        return out
    }

    /// One decimal, locale-free, so the markup does not depend on the machine.
    private static func format(_ value: Double) -> String {
        let tenths = (value * 10).rounded()
        let whole = Int(tenths) / 10, fraction = abs(Int(tenths) % 10)
        return fraction == 0 ? String(whole) : "\(whole).\(fraction)"
    }
}
