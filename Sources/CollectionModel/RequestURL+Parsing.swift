import JSONValue

extension RequestURL {
    /// Parses a URL string as postman-collection 4.x's `Url.parse` (postman-url-encoder's parser) does: tolerant of
    /// `{{variables}}` anywhere (delimiters inside one do not split the URL), of a missing scheme, of `\` for `/`, of
    /// extra slashes after `://`, of `?a`, `?a=`, `&&`, `???` in queries. Hash first, then query, scheme, path,
    /// userinfo, port and host.
    package static func parse(_ string: String) -> RequestURL {
        let trimmed = String(string.drop(while: { $0.isJavaScriptWhitespace }))
        guard !trimmed.isEmpty else { return RequestURL(raw: trimmed) }
        var text = MaskedURLText(trimmed)
        var url = RequestURL(raw: trimmed)
        var start = 0
        var end = text.count

        if let index = text.firstIndex(of: "#", in: start..<end) {
            url.hash = text.string(index + 1..<end)
            end = index
        }
        if let index = text.firstIndex(of: "?", in: start..<end) {
            let parts = text.split(index + 1..<end, on: "&")
            url.query = parts.enumerated().map { offset, part in
                RequestURL.parseQueryParameter(part, isLast: offset == parts.count - 1)
            }
            end = index
        }
        // Backslashes before the query are slashes, as in browsers (`http:\\\\host\\path`).
        text.replace("\\", with: "/", in: start..<end)
        if let index = text.firstIndex(of: "://", in: start..<end) {
            let scheme = text.string(start..<index)
            url.scheme = scheme
            start = index + 3
            // Extra slashes after `://` are dropped (`http:////host`); `file:` keeps one for its path.
            var slashes = 0
            while start + slashes < end, text.isRaw("/", at: start + slashes) { slashes += 1 }
            start += scheme.lowercased() == "file" ? max(slashes - 1, 0) : slashes
        }
        if let index = text.firstIndex(of: "/", in: start..<end) {
            url.path = text.split(index + 1..<end, on: "/")
            end = index
        }
        if let index = text.lastIndex(of: "@", in: start..<end) {
            url.userInfo = text.string(start..<index)
            start = index + 1
        }
        // A `:` followed by `]` belongs to an IPv6 literal, not to a port.
        if let index = text.lastIndex(of: ":", in: start..<end), !text.containsRaw("]", in: index + 1..<end) {
            url.port = text.string(index + 1..<end)
            end = index
        }
        if start < end {
            url.host = text.split(start..<end, on: ".")
        }
        url.pathVariables = RequestURL.pathVariableKeys(in: url.path).map { Variable(key: $0, value: .null) }
        return url
    }

    /// One `key=value` query part as `QueryParam.parseSingle` reads it: no `=` gives a `nil` value; an empty part that
    /// is not the last one (`a=b&&c`) has neither key nor value.
    package static func parseQueryParameter(_ part: String, isLast: Bool) -> KeyValue {
        if part.isEmpty && !isLast { return KeyValue(key: nil, value: nil) }
        guard let equals = part.firstIndex(of: "=") else { return KeyValue(key: part, value: nil) }
        return KeyValue(key: String(part[..<equals]), value: String(part[part.index(after: equals)...]))
    }

    /// The distinct path-variable names of `:name` segments, in order (`:id.json` names `id`).
    package static func pathVariableKeys(in path: [String]) -> [String] {
        var keys: [String] = []
        for segment in path {
            if let key = pathVariableName(segment), !keys.contains(key) { keys.append(key) }
        }
        return keys
    }

    /// The variable a `:name` segment refers to: the text after `:` up to the first `.`; `nil` for other segments.
    package static func pathVariableName(_ segment: String) -> String? {
        guard segment.hasPrefix(":") else { return nil }
        let name = segment.dropFirst().prefix(while: { $0 != "." })
        return name.isEmpty ? nil : String(name)
    }
}

// MARK: - Unparsing (Url#toString and its helpers)

extension RequestURL {
    /// The URL as text, as postman-collection's `Url#toString` writes it: `:name` path segments replaced by their
    /// variables, disabled query parameters left out, `&`, `#` (and `=` in keys) escaped in query parameters so
    /// that parsing the text again gives the same parameters, the hash kept.
    package func toString(forceProtocol: Bool = false) -> String {
        var out = ""
        if let scheme, !scheme.isEmpty {
            out += scheme.hasSuffix("://") ? scheme : scheme + "://"
        } else if forceProtocol {
            out += "http://"
        }
        if let userInfo { out += userInfo + "@" }
        out += hostString
        if let port { out += ":" + port }
        if !path.isEmpty { out += pathString }
        if let query = queryString { out += "?" + query }
        if let hash { out += "#" + hash }
        return out
    }

    /// `getHost()`: the host labels joined with `.`.
    package var hostString: String { host.joined(separator: ".") }

    /// `getPath()`: `/` and the segments, `:name` segments replaced by the variable's non-empty string value
    /// (keeping any `.suffix`).
    package var pathString: String {
        let segments = path.map { segment -> String in
            guard let key = RequestURL.pathVariableName(segment),
                  let variable = pathVariables.last(where: { $0.key == key && !$0.disabled }),
                  case .string(let value) = variable.value, !value.isEmpty
            else { return segment }
            return value + segment.dropFirst(key.count + 1)
        }
        return "/" + segments.joined(separator: "/")
    }

    /// The query as `Url#toString` writes it, `nil` when no `?` is written (no parameters, or all disabled).
    package var queryString: String? {
        guard !query.isEmpty else { return nil }
        let text = RequestURL.unparseQuery(query)
        if text.isEmpty && !query.contains(where: { !$0.disabled }) { return nil }
        return text
    }

    /// `getRemote()`: host, and `:port` when one is written.
    package var remote: String {
        guard let port, !port.isEmpty else { return hostString }
        return hostString + ":" + port
    }

    /// `QueryParam.unparse`: enabled parameters joined with `&`; a `nil` key writes nothing, a `nil` value writes no
    /// `=`; `&`, `#` (and `=` in keys) outside `{{variables}}` are percent-encoded.
    package static func unparseQuery(_ parameters: [KeyValue]) -> String {
        parameters.filter { !$0.disabled }.map { parameter in
            var text = parameter.key.map { escapeQueryDelimiters($0, escapeEquals: true) } ?? ""
            if let value = parameter.value { text += "=" + escapeQueryDelimiters(value, escapeEquals: false) }
            return text
        }.joined(separator: "&")
    }

    /// Escapes `&`, `#` and optionally `=` except inside `{{…}}` tokens that themselves contain one of them, so the
    /// token still resolves after the text is parsed again.
    private static func escapeQueryDelimiters(_ text: String, escapeEquals: Bool) -> String {
        guard text.contains(where: { $0 == "&" || $0 == "#" || (escapeEquals && $0 == "=") }) else { return text }
        var out = ""
        for piece in VariableTokens.split(text, protecting: { $0 == "&" || $0 == "#" || $0 == "=" }) {
            if piece.isProtected { out += piece.text; continue }
            for character in piece.text {
                switch character {
                case "&": out += "%26"
                case "#": out += "%23"
                case "=" where escapeEquals: out += "%3D"
                default: out.append(character)
                }
            }
        }
        return out
    }
}

// MARK: - Helpers

/// Splits text around `{{…}}` tokens (no braces inside) whose name contains a character of interest.
enum VariableTokens {
    struct Piece { var text: Substring; var isProtected: Bool }

    static func split(_ text: String, protecting isInteresting: (Character) -> Bool, evenIfEmpty: Bool = false) -> [Piece] {
        var pieces: [Piece] = []
        var pending = text.startIndex
        var cursor = text.startIndex
        while let open = openingBraces(in: text, from: cursor) {
            var scan = open.upperBound
            var interesting = evenIfEmpty
            var closed: Range<String.Index>?
            while scan < text.endIndex {
                let character = text[scan]
                if character == "{" { break }
                if character == "}" {
                    let next = text.index(after: scan)
                    if next < text.endIndex, text[next] == "}" { closed = scan..<text.index(after: next) }
                    break
                }
                if isInteresting(character) { interesting = true }
                scan = text.index(after: scan)
            }
            if let closed, interesting {
                if pending < open.lowerBound { pieces.append(Piece(text: text[pending..<open.lowerBound], isProtected: false)) }
                pieces.append(Piece(text: text[open.lowerBound..<closed.upperBound], isProtected: true))
                pending = closed.upperBound
                cursor = closed.upperBound
            } else {
                cursor = text.index(after: open.lowerBound)
            }
        }
        if pending < text.endIndex { pieces.append(Piece(text: text[pending...], isProtected: false)) }
        return pieces
    }

    /// The next `{{` at or after `start`. A byte scan: Foundation's `range(of:)` bridges through NSString, and
    /// every request's URL passes here (2-5% of a plain run's samples).
    private static func openingBraces(in text: String, from start: String.Index) -> Range<String.Index>? {
        let bytes = text.utf8, brace = UInt8(ascii: "{")
        var index = start
        while let found = bytes[index...].firstIndex(of: brace) {
            let next = bytes.index(after: found)
            guard next < bytes.endIndex else { return nil }
            let end = bytes.index(after: next)
            // Only whole characters count, as with the Character search this replaces: a brace carrying a
            // combining mark is not a brace.
            if bytes[next] == brace, found.samePosition(in: text) != nil, end.samePosition(in: text) != nil {
                return found..<end
            }
            index = next
        }
        return nil
    }
}

/// URL text in which each `{{…}}` token counts as one opaque scalar, so searching for delimiters skips it; slices
/// give the original text back. Scalars, not characters, as JavaScript indexes code units (a combining mark after
/// `/` must not hide the `/`).
private struct MaskedURLText {
    /// Scalars, with each protected token reduced to a placeholder at its position.
    private var characters: [Unicode.Scalar]
    /// The original text of each placeholder, by position.
    private var tokens: [Int: Substring]

    init(_ text: String) {
        characters = []
        tokens = [:]
        for piece in VariableTokens.split(text, protecting: { _ in true }, evenIfEmpty: true) {
            if piece.isProtected {
                tokens[characters.count] = piece.text
                characters.append("_" as Unicode.Scalar)
            } else {
                characters.append(contentsOf: piece.text.unicodeScalars)
            }
        }
    }

    var count: Int { characters.count }

    func string(_ range: Range<Int>) -> String {
        var out = ""
        for index in range {
            if let token = tokens[index] { out += token } else { out.unicodeScalars.append(characters[index]) }
        }
        return out
    }

    func firstIndex(of needle: String, in range: Range<Int>) -> Int? {
        let pattern = Array(needle.unicodeScalars)
        guard range.count >= pattern.count else { return nil }
        for index in range.lowerBound...(range.upperBound - pattern.count) where matches(pattern, at: index) {
            return index
        }
        return nil
    }

    func isRaw(_ scalar: Unicode.Scalar, at index: Int) -> Bool { characters[index] == scalar && tokens[index] == nil }

    func lastIndex(of needle: Unicode.Scalar, in range: Range<Int>) -> Int? {
        range.reversed().first { characters[$0] == needle && tokens[$0] == nil }
    }

    func containsRaw(_ needle: Unicode.Scalar, in range: Range<Int>) -> Bool {
        range.contains { characters[$0] == needle && tokens[$0] == nil }
    }

    mutating func replace(_ old: Unicode.Scalar, with new: Unicode.Scalar, in range: Range<Int>) {
        for index in range where characters[index] == old && tokens[index] == nil { characters[index] = new }
    }

    func split(_ range: Range<Int>, on separator: Unicode.Scalar) -> [String] {
        var parts: [String] = []
        var partStart = range.lowerBound
        for index in range where characters[index] == separator && tokens[index] == nil {
            parts.append(string(partStart..<index))
            partStart = index + 1
        }
        parts.append(string(partStart..<range.upperBound))
        return parts
    }

    private func matches(_ pattern: [Unicode.Scalar], at index: Int) -> Bool {
        for (offset, character) in pattern.enumerated() {
            if characters[index + offset] != character || tokens[index + offset] != nil { return false }
        }
        return true
    }
}

extension Character {
    /// What JavaScript's `String#trimStart` removes.
    var isJavaScriptWhitespace: Bool {
        unicodeScalars.allSatisfy { scalar in
            switch scalar.value {
            case 0x09...0x0D, 0x20, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000, 0xFEFF: true
            default: false
            }
        }
    }
}
