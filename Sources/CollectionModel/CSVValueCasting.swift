import JSONValue

/// Newman's `csvAutoParse`: quoted fields stay strings; an unquoted field becomes a number when it matches
/// `/^(-|\+)?([1-9]+[0-9]*)$/` (parseInt) or passes csv-parse's `value - parseFloat(value) + 1 >= 0` test
/// (parseFloat). The float test is JavaScript arithmetic, so its quirks carry over: `0x10` passes and gives 0,
/// `007` gives 7, `1e3` gives 1000, `Infinity` and the empty string stay strings.
enum CSVValueCasting {
    static func value(of field: CSVField) -> JSONValue {
        if field.quoted { return .string(field.text) }
        let text = Substring(field.text)
        if isInteger(text), let integer = Double(text.first == "+" ? text.dropFirst() : text) {
            return .number(integer)
        }
        guard let parsed = parseFloat(text), let number = jsNumber(text) else { return .string(field.text) }
        let difference = number - parsed + 1
        if !difference.isNaN, difference >= 0 { return .number(parsed) }
        return .string(field.text)
    }

    private static func isDigit(_ c: Character) -> Bool { c >= "0" && c <= "9" }

    /// `/^(-|\+)?([1-9]+[0-9]*)$/`.
    static func isInteger(_ text: Substring) -> Bool {
        var rest = text
        if let first = rest.first, first == "-" || first == "+" { rest = rest.dropFirst() }
        guard let first = rest.first, first >= "1", first <= "9" else { return false }
        return rest.allSatisfy(isDigit)
    }

    /// JavaScript `Number(text)`; `nil` for NaN.
    static func jsNumber(_ raw: Substring) -> Double? {
        var text = raw
        while let first = text.first, first.isWhitespace { text = text.dropFirst() }
        while let last = text.last, last.isWhitespace { text = text.dropLast() }
        if text.isEmpty { return 0 }
        let lower = text.lowercased()
        for (prefix, radix) in [("0x", 16), ("0o", 8), ("0b", 2)] where lower.hasPrefix(prefix) {
            let digits = lower.dropFirst(2)
            guard !digits.isEmpty else { return nil }
            var value = 0.0
            for c in digits {
                guard let digit = c.hexDigitValue, digit < radix else { return nil }
                value = value * Double(radix) + Double(digit)
            }
            return value
        }
        var unsigned = text
        var negative = false
        if let first = unsigned.first, first == "+" || first == "-" {
            negative = first == "-"
            unsigned = unsigned.dropFirst()
        }
        if unsigned == "Infinity" { return negative ? -.infinity : .infinity }
        guard decimalLiteralLength(unsigned) == unsigned.count, !unsigned.isEmpty else { return nil }
        guard let magnitude = Double(unsigned) else { return nil }
        return negative ? -magnitude : magnitude
    }

    /// JavaScript `parseFloat(text)`: the longest decimal prefix after leading whitespace; `nil` for NaN.
    static func parseFloat(_ raw: Substring) -> Double? {
        var text = raw
        while let first = text.first, first.isWhitespace { text = text.dropFirst() }
        var negative = false
        if let first = text.first, first == "+" || first == "-" {
            negative = first == "-"
            text = text.dropFirst()
        }
        if text.hasPrefix("Infinity") { return negative ? -.infinity : .infinity }
        let length = decimalLiteralLength(text)
        guard length > 0, let magnitude = Double(text.prefix(length)) else { return nil }
        return negative ? -magnitude : magnitude
    }

    /// Length of the longest prefix of the form `digits[.digits][e[+-]digits]` or `.digits[e…]`; 0 when none.
    private static func decimalLiteralLength(_ text: Substring) -> Int {
        let chars = Array(text)
        var i = 0
        var integerDigits = 0
        while i < chars.count, isDigit(chars[i]) { i += 1; integerDigits += 1 }
        var fractionDigits = 0
        if i < chars.count, chars[i] == "." {
            var j = i + 1
            while j < chars.count, isDigit(chars[j]) { j += 1; fractionDigits += 1 }
            if integerDigits > 0 || fractionDigits > 0 { i = j }
        }
        guard integerDigits > 0 || fractionDigits > 0 else { return 0 }
        if i < chars.count, chars[i] == "e" || chars[i] == "E" {
            var j = i + 1
            if j < chars.count, chars[j] == "+" || chars[j] == "-" { j += 1 }
            let start = j
            while j < chars.count, isDigit(chars[j]) { j += 1 }
            if j > start { i = j }
        }
        return i
    }
}
