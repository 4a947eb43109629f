import Foundation

/// Escaping for the JUnit report: any string a script or server produced must still yield well-formed XML.
enum XMLText {
    /// Whether XML 1.0 allows the scalar at all; others (most C0 controls, U+FFFE/FFFF) are dropped.
    static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x9, 0xA, 0xD, 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: true
        default: false
        }
    }

    /// Text without the characters XML cannot carry.
    static func clean(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        scalars.append(contentsOf: text.unicodeScalars.lazy.filter(isAllowed))
        return String(scalars)
    }

    /// An attribute value: markup characters escaped, and tabs and line breaks as character references so a
    /// parser's attribute normalisation does not turn them into spaces.
    static func attribute(_ text: String) -> String { escaped(text, whitespaceAsReferences: true) }

    /// Markup characters escaped, characters XML cannot carry dropped; the HTML report uses it as is (HTML5 knows
    /// the same five entities), keeping line breaks literal for `<pre>`.
    static func escaped(_ text: String, whitespaceAsReferences: Bool) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in clean(text).unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\n" where whitespaceAsReferences: out += "&#10;"
            case "\r" where whitespaceAsReferences: out += "&#13;"
            case "\t" where whitespaceAsReferences: out += "&#9;"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// Text content in a CDATA section; a `]]>` inside is split across two sections.
    static func cdata(_ text: String) -> String {
        "<![CDATA[" + clean(text).replacingOccurrences(of: "]]>", with: "]]]]><![CDATA[>") + "]]>"
    }
}
