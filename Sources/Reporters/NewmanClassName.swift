import Foundation

/// Newman's JUnit `classname`: `_.upperFirst(_.camelCase(name).replace(/\W/g, ''))`, for reports that must read
/// exactly like Newman's ("A simple GET request" → `ASimpleGetRequest`). Carrier's own JUnit report names
/// classes differently (see `JUnitModel.classname`); this is here for callers that need Newman's form.
package enum NewmanClassName {
    /// The class name Newman's JUnit reporter derives from a suite name.
    package static func make(_ name: String) -> String {
        var camel = ""
        for (index, word) in words(deburr(name).filter { $0 != "'" && $0 != "\u{2019}" }).enumerated() {
            let lower = word.lowercased()
            camel += index == 0 ? lower : lower.prefix(1).uppercased() + lower.dropFirst()
        }
        // JavaScript's \W without the `u` flag keeps ASCII letters, digits and `_` only.
        let kept = camel.unicodeScalars.filter { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "_") }
        let text = String(String.UnicodeScalarView(kept))
        return text.prefix(1).uppercased() + text.dropFirst()
    }

    private enum Kind { case upper, lower, digit, separator }

    private static func kind(_ scalar: Unicode.Scalar) -> Kind {
        if ("0"..."9").contains(scalar) { return .digit }
        if scalar.properties.isUppercase { return .upper }
        // Lowercase and caseless letters (lodash's "misc" class) join words the same way.
        if scalar.properties.isAlphabetic || scalar.properties.isLowercase { return .lower }
        return .separator
    }

    /// lodash's `_.words` for the cases that matter here: separators split, digits form their own words
    /// (ordinals like `1st` stay whole), a capital after a small letter starts a word, and the last capital of
    /// a capital run followed by a small letter starts one (`XMLHttp` → `XML`, `Http`).
    static func words(_ text: String) -> [String] {
        let scalars = Array(text.unicodeScalars)
        let kinds = scalars.map(kind)
        var words: [String] = []
        var current = String.UnicodeScalarView()
        func flush() {
            if !current.isEmpty { words.append(String(current)); current = String.UnicodeScalarView() }
        }
        for index in scalars.indices {
            let k = kinds[index]
            if k == .separator { flush(); continue }
            if index > 0, !current.isEmpty {
                let previous = kinds[index - 1]
                let next: Kind? = index + 1 < kinds.count ? kinds[index + 1] : nil
                let startsWord = (previous == .digit) != (k == .digit)
                    || (previous == .lower && k == .upper)
                    || (previous == .upper && k == .upper && next == .lower)
                if startsWord { flush() }
            }
            current.append(scalars[index])
        }
        flush()
        // Keep ordinals whole: "1", "st" → "1st".
        var merged: [String] = []
        for word in words {
            if let last = merged.last, last.unicodeScalars.allSatisfy({ ("0"..."9").contains($0) }),
               ["st", "nd", "rd", "th"].contains(word.lowercased()), word == word.lowercased() || word == word.uppercased() {
                merged[merged.count - 1] = last + word
            } else {
                merged.append(word)
            }
        }
        return merged
    }

    /// lodash's `_.deburr`: Latin letters without their marks, ligatures spelled out.
    private static func deburr(_ text: String) -> String {
        let special: [Character: String] = [
            "Æ": "Ae", "æ": "ae", "Ø": "O", "ø": "o", "ß": "ss", "Þ": "Th", "þ": "th", "Ð": "D", "ð": "d",
            "Đ": "D", "đ": "d", "Ħ": "H", "ħ": "h", "ı": "i", "Ĳ": "IJ", "ĳ": "ij", "ĸ": "k", "Ŀ": "L", "ŀ": "l",
            "Ł": "L", "ł": "l", "Ŋ": "N", "ŋ": "n", "Œ": "Oe", "œ": "oe", "Ŧ": "T", "ŧ": "t", "ſ": "s",
        ]
        let spelled = text.map { special[$0] ?? String($0) }.joined()
        let marksDropped = spelled.decomposedStringWithCanonicalMapping.unicodeScalars.filter {
            !(0x300...0x36F).contains($0.value)
        }
        return String(String.UnicodeScalarView(marksDropped))
    }
}
