import JSONValue

/// One measured figure of the suite.
struct Figure {
    /// Section of the suite (`cold start`, `runner overhead`…).
    var section: String
    /// What was measured, in words.
    var name: String
    /// `ms`, `ms/request`, `MB`, `req/s`, `×`.
    var unit: String
    var summary: Summary
    /// How it was obtained, when the name does not say (command shape, iterations).
    var note: String = ""
}

/// A target of issue 6 and whether this run met it.
struct TargetCheck {
    var name: String
    /// `≤ 15 ms`.
    var target: String
    /// The figure compared (its median).
    var measured: String
    var met: Bool
    /// How far off, in words, when not met.
    var gap: String
    /// What was tried for it so far (docs/performance.md has the figures), shown when not met.
    var tried: String = ""
}

/// Everything one run of the suite found.
struct BenchResults {
    var quick: Bool
    var figures: [Figure] = []
    var targets: [TargetCheck] = []
    /// Deviations from the plan (a feature missing, a fallback used), stated in the report.
    var notes: [String] = []
    /// Measurements over time, by name (`bench/results.json`'s `series`): e.g. RSS as environments finish.
    var series: [(name: String, value: JSONValue)] = []

    mutating func add(_ figure: Figure) {
        figures.append(figure)
        say("  \(figure.section): \(figure.name): \(Format.summary(figure.summary, unit: figure.unit))")
    }

    /// Median of the figure named `name`, if measured.
    func median(_ name: String) -> Double? { figures.first { $0.name == name }?.summary.median }

    /// Compares a measured median with an upper (`atMost`) or lower bound and records the verdict.
    mutating func check(_ name: String, figure: String, unit: String, atMost bound: Double? = nil,
                        atLeast lower: Double? = nil, extra: Bool = true, extraGap: String = "", tried: String = "") {
        guard let value = median(figure) else {
            targets.append(TargetCheck(name: name, target: bound.map { "≤ \(Format.number($0)) \(unit)" }
                                           ?? "≥ \(Format.number(lower ?? 0)) \(unit)",
                                       measured: "not measured", met: false, gap: "not measured in this run", tried: tried))
            return
        }
        var met = extra
        var gaps: [String] = extraGap.isEmpty ? [] : [extraGap]
        var target = ""
        if let bound {
            target = "≤ \(Format.number(bound)) \(unit)"
            if value > bound {
                met = false
                gaps.insert("\(Format.number(value - bound)) \(unit) over (\(Format.number(value / bound))× the target)", at: 0)
            }
        }
        if let lower {
            target = "≥ \(Format.number(lower)) \(unit)"
            if value < lower {
                met = false
                gaps.insert("\(Format.number(lower - value)) \(unit) short (\(Format.percent(value / lower)) of the target)", at: 0)
            }
        }
        targets.append(TargetCheck(name: name, target: target, measured: "\(Format.number(value)) \(unit)", met: met,
                                   gap: met ? "" : gaps.joined(separator: "; "), tried: tried))
    }

    /// The table printed at the end.
    func table() -> String {
        var lines: [String] = []
        let nameWidth = max(40, figures.map { $0.name.count }.max() ?? 0)
        lines.append(Format.pad("figure", nameWidth) + "  " + Format.pad("median", 12) + "  " + Format.pad("min", 10)
                     + "  " + Format.pad("max", 10) + "  runs")
        var section = ""
        for figure in figures {
            if figure.section != section {
                section = figure.section
                lines.append("")
                lines.append("[\(section)]")
            }
            let s = figure.summary
            lines.append(Format.pad(figure.name, nameWidth) + "  "
                         + Format.pad("\(Format.number(s.median)) \(figure.unit)", 12) + "  "
                         + Format.pad(Format.number(s.min), 10) + "  " + Format.pad(Format.number(s.max), 10)
                         + "  \(s.runs)" + (figure.note.isEmpty ? "" : "   (\(figure.note))"))
        }
        lines.append("")
        lines.append("Targets (2-core machine, medians):")
        for check in targets {
            let verdict = check.met ? "met" : "NOT MET: \(check.gap)"
            lines.append("  " + Format.pad(check.name, 46) + " " + Format.pad(check.target, 14) + " measured "
                         + Format.pad(check.measured, 14) + " " + verdict)
            if !check.met && !check.tried.isEmpty { lines.append("      tried: " + check.tried) }
        }
        for note in notes {
            lines.append("Note: \(note)")
        }
        return lines.joined(separator: "\n")
    }

    /// `bench/results.json`.
    func json(machine: JSONValue, command: String) -> JSONValue {
        .object([
            "command": .string(command),
            "quick": .bool(quick),
            "machine": machine,
            "figures": .array(figures.map { figure in
                .object([
                    "section": .string(figure.section), "name": .string(figure.name), "unit": .string(figure.unit),
                    "median": .number(Format.rounded(figure.summary.median)),
                    "min": .number(Format.rounded(figure.summary.min)),
                    "max": .number(Format.rounded(figure.summary.max)),
                    "runs": .number(Double(figure.summary.runs)),
                    "note": .string(figure.note),
                ])
            }),
            "targets": .array(targets.map { check in
                .object(["name": .string(check.name), "target": .string(check.target), "measured": .string(check.measured),
                         "met": .bool(check.met), "gap": .string(check.gap), "tried": .string(check.tried)])
            }),
            "notes": .array(notes.map(JSONValue.string)),
            "series": .object(JSONObject(series.map { JSONMember($0.name, $0.value) })),
        ])
    }
}

/// Number formatting for the table.
enum Format {
    /// Three significant digits, at most three decimals.
    static func number(_ value: Double) -> String {
        let magnitude = abs(value)
        let decimals = magnitude >= 100 ? 0 : magnitude >= 10 ? 1 : magnitude >= 1 ? 2 : 3
        return fixed(value, decimals: decimals)
    }

    static func fixed(_ value: Double, decimals: Int) -> String {
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let scaled = (value * scale).rounded()
        let negative = scaled < 0
        let digits = String(Int(abs(scaled)))
        guard decimals > 0 else { return (negative ? "-" : "") + digits }
        let padded = String(repeating: "0", count: max(0, decimals + 1 - digits.count)) + digits
        let split = padded.index(padded.endIndex, offsetBy: -decimals)
        return (negative ? "-" : "") + padded[..<split] + "." + padded[split...]
    }

    static func percent(_ ratio: Double) -> String { fixed(ratio * 100, decimals: 0) + "%" }

    static func rounded(_ value: Double) -> Double { (value * 1000).rounded() / 1000 }

    static func summary(_ s: Summary, unit: String) -> String {
        "\(number(s.median)) \(unit) (min \(number(s.min)), max \(number(s.max)), \(s.runs) runs)"
    }

    static func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
    }
}
