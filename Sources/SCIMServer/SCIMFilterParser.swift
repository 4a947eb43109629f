/// Recursive-descent parser for RFC 7644 §3.4.2.2 filters. Precedence, tightest first: grouping and
/// `not`, then `and`, then `or`. Hostile input cannot crash it: nesting is bounded and every error is a
/// `400 invalidFilter`.
package struct SCIMFilterParser {
    /// Deepest nesting of parentheses, `not` and brackets accepted; deeper input is refused, not recursed into.
    package static let maximumDepth = 32
    /// Longest filter text accepted.
    package static let maximumLength = 8 * 1024

    private let tokens: [SCIMFilterToken]
    private var position = 0

    /// Parses `text` into a filter or throws `invalidFilter` saying where it went wrong.
    package static func parse(_ text: String) throws(SCIMError) -> SCIMFilter {
        guard text.utf8.count <= maximumLength else { throw .invalidFilter("filter longer than \(maximumLength) bytes") }
        var parser = SCIMFilterParser(tokens: try SCIMFilterLexer.tokenize(text))
        guard parser.current.kind != .end else { throw .invalidFilter("empty filter") }
        let filter = try parser.parseOr(depth: 0, insideBrackets: false)
        guard parser.current.kind == .end else { throw parser.unexpected("end of filter") }
        return filter
    }

    private init(tokens: [SCIMFilterToken]) { self.tokens = tokens }

    private var current: SCIMFilterToken { tokens[min(position, tokens.count - 1)] }

    private mutating func advance() { position += 1 }

    /// Whether the current token is the keyword `keyword` (keywords are case-insensitive).
    private func isKeyword(_ keyword: String) -> Bool {
        if case .word(let word) = current.kind { return word.lowercased() == keyword }
        return false
    }

    private func unexpected(_ expected: String) -> SCIMError {
        let found: String
        switch current.kind {
        case .word(let word): found = "'\(word)'"
        case .string(let string): found = "string \"\(string)\""
        case .number(let number): found = "number \(number)"
        case .openParen: found = "'('"
        case .closeParen: found = "')'"
        case .openBracket: found = "'['"
        case .closeBracket: found = "']'"
        case .end: found = "end of filter"
        }
        return .invalidFilter("expected \(expected) at offset \(current.offset), found \(found)")
    }

    private mutating func parseOr(depth: Int, insideBrackets: Bool) throws(SCIMError) -> SCIMFilter {
        var filter = try parseAnd(depth: depth, insideBrackets: insideBrackets)
        while isKeyword("or") {
            advance()
            filter = .or(filter, try parseAnd(depth: depth, insideBrackets: insideBrackets))
        }
        return filter
    }

    private mutating func parseAnd(depth: Int, insideBrackets: Bool) throws(SCIMError) -> SCIMFilter {
        var filter = try parseUnary(depth: depth, insideBrackets: insideBrackets)
        while isKeyword("and") {
            advance()
            filter = .and(filter, try parseUnary(depth: depth, insideBrackets: insideBrackets))
        }
        return filter
    }

    private mutating func parseUnary(depth: Int, insideBrackets: Bool) throws(SCIMError) -> SCIMFilter {
        guard depth < Self.maximumDepth else { throw .invalidFilter("filter nested deeper than \(Self.maximumDepth) levels") }
        if isKeyword("not") {
            advance()
            guard current.kind == .openParen else { throw unexpected("'(' after 'not'") }
            return .not(try parseGroup(depth: depth + 1, insideBrackets: insideBrackets))
        }
        if current.kind == .openParen {
            return try parseGroup(depth: depth + 1, insideBrackets: insideBrackets)
        }
        let path = try parsePath()
        if current.kind == .openBracket {
            guard !insideBrackets else { throw .invalidFilter("nested '[' at offset \(current.offset)") }
            return try parseValuePath(path, depth: depth + 1)
        }
        return try parseAttributeExpression(path)
    }

    private mutating func parseGroup(depth: Int, insideBrackets: Bool) throws(SCIMError) -> SCIMFilter {
        advance()  // "("
        let inner = try parseOr(depth: depth, insideBrackets: insideBrackets)
        guard current.kind == .closeParen else { throw unexpected("')'") }
        advance()
        return inner
    }

    /// `emails[type eq "work"]`, optionally followed by `.value op literal` (as Azure AD and Okta send).
    private mutating func parseValuePath(_ path: SCIMAttributePath, depth: Int) throws(SCIMError) -> SCIMFilter {
        guard path.subAttribute == nil else { throw .invalidFilter("'[' must follow an attribute, not '\(path)'") }
        advance()  // "["
        let inner = try parseOr(depth: depth, insideBrackets: true)
        guard current.kind == .closeBracket else { throw unexpected("']'") }
        advance()
        if case .word(let word) = current.kind, word.hasPrefix(".") {
            advance()
            guard let subPath = SCIMAttributePath.parse(String(word.dropFirst())), subPath.schema == nil,
                subPath.subAttribute == nil
            else { throw .invalidFilter("invalid sub-attribute '\(word)'") }
            return .valuePath(path, .and(inner, try parseAttributeExpression(subPath)))
        }
        return .valuePath(path, inner)
    }

    private mutating func parsePath() throws(SCIMError) -> SCIMAttributePath {
        guard case .word(let word) = current.kind else { throw unexpected("an attribute path") }
        guard !["and", "or", "not"].contains(word.lowercased()), let path = SCIMAttributePath.parse(word) else {
            throw .invalidFilter("invalid attribute path '\(word)' at offset \(current.offset)")
        }
        advance()
        return path
    }

    private mutating func parseAttributeExpression(_ path: SCIMAttributePath) throws(SCIMError) -> SCIMFilter {
        guard case .word(let word) = current.kind else { throw unexpected("an operator after '\(path)'") }
        let lowered = word.lowercased()
        if lowered == "pr" {
            advance()
            return .present(path)
        }
        guard let comparison = SCIMComparisonOperator(rawValue: lowered) else {
            throw .invalidFilter("unknown operator '\(word)' at offset \(current.offset)")
        }
        advance()
        let value: SCIMFilterValue
        switch current.kind {
        case .string(let string): value = .string(string)
        case .number(let number): value = .number(number)
        case .word(let literal) where literal.lowercased() == "true": value = .boolean(true)
        case .word(let literal) where literal.lowercased() == "false": value = .boolean(false)
        case .word(let literal) where literal.lowercased() == "null": value = .null
        default: throw unexpected("a value (string, number, true, false or null) after '\(word)'")
        }
        advance()
        return .comparison(path, comparison, value)
    }
}
