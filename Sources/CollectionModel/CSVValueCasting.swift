import JSONValue

/// Newman's `csvAutoParse`: quoted fields stay strings; an unquoted field becomes a number when it matches
/// `/^(-|\+)?([1-9]+[0-9]*)$/` (parseInt) or passes csv-parse's `value - parseFloat(value) + 1 >= 0` test
/// (parseFloat). The float test is JavaScript arithmetic, so its quirks carry over: `0x10` passes and gives 0,
/// `007` gives 7, `1e3` gives 1000, `Infinity` and the empty string stay strings.
///
/// Works on UTF-8 bytes: this runs for every field of every row.
enum CSVValueCasting {
    static func value(of field: CSVField) -> JSONValue {
        if field.quoted { return .string(field.text) }
        let bytes = Array(field.text.utf8)
        guard mayBeNumber(bytes) else { return .string(field.text) }
        if isInteger(bytes[...]) {
            let digits = bytes.first == UInt8(ascii: "+") ? bytes[1...] : bytes[...]
            if let integer = Double(String(decoding: digits, as: UTF8.self)) { return .number(integer) }
        }
        guard let parsed = parseFloat(bytes[...]), let number = jsNumber(bytes[...]) else { return .string(field.text) }
        let difference = number - parsed + 1
        if !difference.isNaN, difference >= 0 { return .number(parsed) }
        return .string(field.text)
    }

    /// A cheap first look: `parseFloat` needs a digit, sign, `.` or `Infinity` after leading whitespace, so text
    /// starting with anything else (most words) stays a string without the full test.
    private static func mayBeNumber(_ bytes: [UInt8]) -> Bool {
        guard let first = bytes.first else { return false }
        switch first {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "."),
             UInt8(ascii: "I"), 0x09...0x0D, 0x20, 0x80...: return true
        default: return false
        }
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    private static func isSign(_ byte: UInt8?) -> Bool { byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-") }

    /// `/^(-|\+)?([1-9]+[0-9]*)$/`.
    static func isInteger(_ text: ArraySlice<UInt8>) -> Bool {
        var rest = text
        if isSign(rest.first) { rest = rest.dropFirst() }
        guard let first = rest.first, first >= UInt8(ascii: "1"), first <= UInt8(ascii: "9") else { return false }
        return rest.allSatisfy(isDigit)
    }

    /// JavaScript's whitespace for number parsing; ASCII blanks and the common non-ASCII ones are enough here.
    private static func trimmed(_ text: ArraySlice<UInt8>, trailing: Bool) -> ArraySlice<UInt8> {
        func plain(_ byte: UInt8?) -> Bool { byte.map { $0 > 0x20 && $0 < 0x80 } ?? true }
        if plain(text.first), !trailing || plain(text.last) { return text }
        var string = Substring(String(decoding: text, as: UTF8.self))
        while let first = string.first, first.isWhitespace { string = string.dropFirst() }
        if trailing { while let last = string.last, last.isWhitespace { string = string.dropLast() } }
        return ArraySlice(string.utf8)
    }

    /// JavaScript `Number(text)`; `nil` for NaN.
    static func jsNumber(_ raw: ArraySlice<UInt8>) -> Double? {
        let text = trimmed(raw, trailing: true)
        if text.isEmpty { return 0 }
        if text.count > 2, text.first == UInt8(ascii: "0") {
            let marker = text[text.startIndex + 1] | 0x20  // lower-cased letter
            let radix: Int? = switch marker {
            case UInt8(ascii: "x"): 16
            case UInt8(ascii: "o"): 8
            case UInt8(ascii: "b"): 2
            default: nil
            }
            if let radix {
                var value = 0.0
                for byte in text.dropFirst(2) {
                    guard let digit = Character(Unicode.Scalar(byte)).hexDigitValue, digit < radix else { return nil }
                    value = value * Double(radix) + Double(digit)
                }
                return value
            }
        }
        var unsigned = text
        var negative = false
        if isSign(unsigned.first) {
            negative = unsigned.first == UInt8(ascii: "-")
            unsigned = unsigned.dropFirst()
        }
        if unsigned.elementsEqual("Infinity".utf8) { return negative ? -.infinity : .infinity }
        guard !unsigned.isEmpty, decimalLiteralLength(unsigned) == unsigned.count,
              let magnitude = Double(String(decoding: unsigned, as: UTF8.self)) else { return nil }
        return negative ? -magnitude : magnitude
    }

    /// JavaScript `parseFloat(text)`: the longest decimal prefix after leading whitespace; `nil` for NaN.
    static func parseFloat(_ raw: ArraySlice<UInt8>) -> Double? {
        var text = trimmed(raw, trailing: false)
        var negative = false
        if isSign(text.first) {
            negative = text.first == UInt8(ascii: "-")
            text = text.dropFirst()
        }
        if text.starts(with: "Infinity".utf8) { return negative ? -.infinity : .infinity }
        let length = decimalLiteralLength(text)
        guard length > 0, let magnitude = Double(String(decoding: text.prefix(length), as: UTF8.self)) else { return nil }
        return negative ? -magnitude : magnitude
    }

    /// Length of the longest prefix of the form `digits[.digits][e[+-]digits]` or `.digits[e…]`; 0 when none.
    private static func decimalLiteralLength(_ text: ArraySlice<UInt8>) -> Int {
        var i = text.startIndex
        let end = text.endIndex
        var integerDigits = 0
        while i < end, isDigit(text[i]) { i += 1; integerDigits += 1 }
        var fractionDigits = 0
        if i < end, text[i] == UInt8(ascii: ".") {
            var j = i + 1
            while j < end, isDigit(text[j]) { j += 1; fractionDigits += 1 }
            if integerDigits > 0 || fractionDigits > 0 { i = j }
        }
        guard integerDigits > 0 || fractionDigits > 0 else { return 0 }
        if i < end, text[i] | 0x20 == UInt8(ascii: "e") {
            var j = i + 1
            if j < end, isSign(text[j]) { j += 1 }
            let start = j
            while j < end, isDigit(text[j]) { j += 1 }
            if j > start { i = j }
        }
        return i - text.startIndex
    }
}

extension CSVValueCasting {
    /// `jsNumber` on text (tests and callers holding strings).
    static func jsNumber(_ text: String) -> Double? { jsNumber(ArraySlice(text.utf8)) }
    /// `parseFloat` on text.
    static func parseFloat(_ text: String) -> Double? { parseFloat(ArraySlice(text.utf8)) }
    /// `isInteger` on text.
    static func isInteger(_ text: String) -> Bool { isInteger(ArraySlice(text.utf8)) }
}
