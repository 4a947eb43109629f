/// ANSI colours the CLI reporter uses, after the theme of Newman's `colors` setup.
package enum CLIStyle: Sendable {
    case gray, red, green, yellow, cyan, blue, bold, underline

    var open: String {
        switch self {
        case .gray: "\u{1B}[90m"
        case .red: "\u{1B}[31m"
        case .green: "\u{1B}[32m"
        case .yellow: "\u{1B}[33m"
        case .cyan: "\u{1B}[36m"
        case .blue: "\u{1B}[34m"
        case .bold: "\u{1B}[1m"
        case .underline: "\u{1B}[4m"
        }
    }

    var close: String {
        switch self {
        case .gray, .red, .green, .yellow, .cyan, .blue: "\u{1B}[39m"
        case .bold: "\u{1B}[22m"
        case .underline: "\u{1B}[24m"
        }
    }
}

/// Redacts, then colours, pieces of CLI text. Redaction runs on the plain piece so a secret is never split by
/// escape codes, and colour is added only when enabled.
struct CLIPainter {
    let color: Bool
    let redact: (String) -> String

    /// The piece redacted and, when colour is on, wrapped in the styles (outermost first).
    func callAsFunction(_ text: String, _ styles: CLIStyle...) -> String {
        paint(redact(text), styles)
    }

    /// Colours text that was already redacted (table cells padded after measuring).
    func paint(_ text: String, _ styles: [CLIStyle]) -> String {
        guard color, !styles.isEmpty, !text.isEmpty else { return text }
        return styles.map(\.open).joined() + text + styles.reversed().map(\.close).joined()
    }
}

/// The symbols of the live output; the plain set matches Newman's `--disable-unicode` words.
struct CLISymbols {
    let folder: String
    let root: String
    let sub: String
    let ok: String
    let skipped: String
    let dot: String
    let consoleTop: String
    let consoleMiddle: String
    let consoleBottom: String
    let warning: String
    let box: BoxCharacters

    static func make(disableUnicode: Bool) -> CLISymbols {
        disableUnicode
            ? CLISymbols(folder: "Folder", root: "Root", sub: "Sub-folder", ok: "Pass", skipped: "-", dot: ".",
                         consoleTop: "-", consoleMiddle: "|", consoleBottom: "-", warning: "!", box: .ascii)
            : CLISymbols(folder: "❏", root: "→", sub: "↳", ok: "✓", skipped: "-", dot: ".",
                         consoleTop: "┌", consoleMiddle: "│", consoleBottom: "└", warning: "⚠", box: .unicode)
    }
}

/// Box-drawing characters for the summary table.
struct BoxCharacters {
    let horizontal, vertical: String
    let topLeft, topMiddle, topRight: String
    let middleLeft, cross, middleRight: String
    let bottomLeft, bottomMiddle, bottomRight: String

    static let unicode = BoxCharacters(horizontal: "─", vertical: "│", topLeft: "┌", topMiddle: "┬", topRight: "┐",
                                       middleLeft: "├", cross: "┼", middleRight: "┤",
                                       bottomLeft: "└", bottomMiddle: "┴", bottomRight: "┘")
    static let ascii = BoxCharacters(horizontal: "-", vertical: "|", topLeft: "+", topMiddle: "+", topRight: "+",
                                     middleLeft: "+", cross: "+", middleRight: "+",
                                     bottomLeft: "+", bottomMiddle: "+", bottomRight: "+")
}
