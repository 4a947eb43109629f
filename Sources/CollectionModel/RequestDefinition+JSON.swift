import JSONValue

extension RequestDefinition {
    /// The request in collection v2.1 JSON (`{url: {raw, protocol, host, port, path, query, hash, variable}, method,
    /// header, body, auth, description}`), as `pm.request` is built from it. Decoding this gives the same request back.
    package var jsonValue: JSONValue {
        var object: JSONObject = ["url": url.jsonValue, "method": .string(method),
                                  "header": .array(headers.map(\.jsonValue))]
        if let body { object["body"] = body.jsonValue }
        if let auth { object["auth"] = auth.jsonValue }
        if let description { object["description"] = .string(description) }
        return .object(object)
    }

    /// Decodes a request written in collection v2.x JSON (also a bare URL string); `path` is the JSON path
    /// used in error messages.
    package static func decode(_ json: JSONValue, file: String, path: String) throws(LoadError) -> RequestDefinition {
        try JSONFieldReader(file: file).request(json, at: path)
    }
}

extension JSONFieldReader {
    /// A `request`: a URL string, or `{method, url, header, body, auth, description}`.
    func request(_ value: JSONValue, at path: String) throws(LoadError) -> RequestDefinition {
        if case .string(let raw) = value { return RequestDefinition(url: RequestURL.parse(raw)) }
        let object = try self.object(value, at: path)
        var request = RequestDefinition()
        if let method = try optionalString(object, "method", at: path), !method.isEmpty {
            request.method = method.uppercased()
        }
        if let url = field(object, "url") {
            request.url = try requestURL(url, at: JSONFieldReader.path(path, key: "url"))
        }
        if let header = field(object, "header") {
            request.headers = try headers(header, at: JSONFieldReader.path(path, key: "header"))
        }
        if let body = field(object, "body") {
            request.body = try requestBody(body, at: JSONFieldReader.path(path, key: "body"))
        }
        request.auth = try auth(object["auth"], at: JSONFieldReader.path(path, key: "auth"))
        request.description = try description(object, at: path)
        return request
    }

    /// `header`: an array of `{key, value, disabled}`, or the raw `Key: Value` lines old exports carry.
    private func headers(_ value: JSONValue, at path: String) throws(LoadError) -> [KeyValue] {
        switch value {
        case .array, .object: return try keyValues(list(value, at: path))
        case .string(let text): return Self.parseHeaderLines(text)
        default: throw typeError("an array of {key, value} or a string of \"Key: Value\" lines", found: value, at: path)
        }
    }

    /// `Key: Value` per line; blank lines are skipped, a line without a colon is a key with an empty value.
    static func parseHeaderLines(_ text: String) -> [KeyValue] {
        var result: [KeyValue] = []
        for line in text.split(whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }) {
            let trimmed = line.trimmingWhitespace()
            if trimmed.isEmpty { continue }
            if let colon = trimmed.firstIndex(of: ":") {
                result.append(KeyValue(key: String(trimmed[..<colon].trimmingWhitespace()),
                                       value: String(trimmed[trimmed.index(after: colon)...].trimmingWhitespace())))
            } else {
                result.append(KeyValue(key: String(trimmed), value: ""))
            }
        }
        return result
    }
}

extension Substring {
    /// Without leading and trailing spaces and tabs.
    func trimmingWhitespace() -> Substring {
        var result = self
        while let first = result.first, first == " " || first == "\t" { result = result.dropFirst() }
        while let last = result.last, last == " " || last == "\t" { result = result.dropLast() }
        return result
    }
}
