import JSONValue

/// A token of the filter language with the character offset it starts at (for error messages).
struct SCIMFilterToken: Equatable {
    enum Kind: Equatable {
        /// Attribute paths, operators and keywords: everything made of name characters, `:` and `.`.
        case word(String)
        case string(String)
        case number(Double)
        case openParen, closeParen, openBracket, closeBracket
        case end
    }
    var kind: Kind
    var offset: Int
}

/// Splits filter text into tokens. String literals are JSON strings, decoded by the JSON parser so escapes
/// (including surrogate pairs) follow JSON exactly.
enum SCIMFilterLexer {
    static func tokenize(_ text: String) throws(SCIMError) -> [SCIMFilterToken] {
        let scalars = Array(text.unicodeScalars)
        var tokens: [SCIMFilterToken] = []
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            let start = index
            switch scalar {
            case " ", "\t", "\n", "\r":
                index += 1
            case "(": tokens.append(.init(kind: .openParen, offset: start)); index += 1
            case ")": tokens.append(.init(kind: .closeParen, offset: start)); index += 1
            case "[": tokens.append(.init(kind: .openBracket, offset: start)); index += 1
            case "]": tokens.append(.init(kind: .closeBracket, offset: start)); index += 1
            case "\"":
                index += 1
                while index < scalars.count, scalars[index] != "\"" {
                    index += scalars[index] == "\\" ? 2 : 1
                }
                guard index < scalars.count else { throw .invalidFilter("unterminated string starting at offset \(start)") }
                index += 1
                var literal = String.UnicodeScalarView()
                literal.append(contentsOf: scalars[start..<index])
                guard case .string(let decoded)? = try? JSONParser.parse(String(literal)) else {
                    throw .invalidFilter("invalid string literal at offset \(start)")
                }
                tokens.append(.init(kind: .string(decoded), offset: start))
            case "-", "0"..."9":
                while index < scalars.count, isNumberCharacter(scalars[index]) { index += 1 }
                let literal = String(String.UnicodeScalarView(scalars[start..<index]))
                guard let number = parseNumber(literal) else {
                    throw .invalidFilter("invalid number '\(literal)' at offset \(start)")
                }
                tokens.append(.init(kind: .number(number), offset: start))
            default:
                guard isWordCharacter(scalar) else {
                    throw .invalidFilter("unexpected character '\(scalar.escaped(asASCII: true))' at offset \(start)")
                }
                while index < scalars.count, isWordCharacter(scalars[index]) { index += 1 }
                tokens.append(.init(kind: .word(String(String.UnicodeScalarView(scalars[start..<index]))), offset: start))
            }
        }
        tokens.append(.init(kind: .end, offset: scalars.count))
        return tokens
    }

    private static func isWordCharacter(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || "-_:.$".unicodeScalars.contains(scalar))
    }

    private static func isNumberCharacter(_ scalar: Unicode.Scalar) -> Bool {
        ("0"..."9").contains(scalar) || "-+.eE".unicodeScalars.contains(scalar)
    }

    /// JSON number syntax only: `Double("inf")` or `"0x1p3"` must not sneak in.
    private static func parseNumber(_ literal: String) -> Double? {
        guard case .number(let number)? = try? JSONParser.parse(literal) else { return nil }
        return number
    }
}
