import JSONValue

extension JSONFieldReader {
    /// A request's `url`: a string (parsed as Postman parses it) or the structured object.
    func requestURL(_ value: JSONValue, at path: String) throws(LoadError) -> RequestURL {
        switch value {
        case .string(let raw): return RequestURL.parse(raw)
        case .object(let object): return try requestURL(object: object, at: path)
        default: throw typeError("a string or an object", found: value, at: path)
        }
    }

    /// `query`: a list of `{key, value}`, or (postman-collection parses it with `QueryParam.parse`) a query string.
    private func query(_ object: JSONObject, at path: String) throws(LoadError) -> [KeyValue]? {
        if case .string(let text)? = field(object, "query") {
            let parts = text.split(separator: "&", omittingEmptySubsequences: false)
            return parts.enumerated().map { RequestURL.parseQueryParameter(String($0.element), isLast: $0.offset == parts.count - 1) }
        }
        guard let query = try optionalList(object, "query", at: path) else { return nil }
        return try keyValues(query)
    }

    private func requestURL(object: JSONObject, at path: String) throws(LoadError) -> RequestURL {
        let raw = try optionalString(object, "raw", at: path) ?? ""
        // postman-collection ignores `raw` when the parts are given; a hand-written `{raw}` alone would then send
        // to nowhere, so we parse `raw` when there are no parts at all.
        if field(object, "host") == nil, field(object, "path") == nil, field(object, "protocol") == nil, !raw.isEmpty {
            var parsed = RequestURL.parse(raw)
            if let query = try query(object, at: path) { parsed.query = query }
            if let variables = try optionalList(object, "variable", at: path) {
                parsed.pathVariables = try self.variables(variables)
            }
            return parsed
        }
        var url = RequestURL(raw: raw)
        url.scheme = try optionalString(object, "protocol", at: path)
        url.userInfo = try userInfo(object, at: path)
        url.host = try segments(object, "host", separator: ".", at: path)
        url.port = try optionalString(object, "port", at: path)
        url.path = try segments(object, "path", separator: "/", at: path)
        if let query = try query(object, at: path) { url.query = query }
        url.hash = try optionalString(object, "hash", at: path)
        if let variables = try optionalList(object, "variable", at: path) { url.pathVariables = try self.variables(variables) }
        return url
    }

    /// `auth: {user, password}` (postman-collection's URL auth) or a `user:password` string.
    private func userInfo(_ object: JSONObject, at path: String) throws(LoadError) -> String? {
        guard let value = field(object, "auth") else { return nil }
        let authPath = JSONFieldReader.path(path, key: "auth")
        switch value {
        case .string(let text): return text
        case .object(let parts):
            let user = try optionalString(parts, "user", at: authPath) ?? ""
            guard let password = try optionalString(parts, "password", at: authPath) else { return user }
            return "\(user):\(password)"
        default: throw typeError("an object {user, password}", found: value, at: authPath)
        }
    }

    /// `host`/`path`: an array of strings (v2.0 also allows `{value}` segments) or one string split on `separator`.
    private func segments(_ object: JSONObject, _ key: String, separator: Character,
                          at path: String) throws(LoadError) -> [String] {
        guard let value = field(object, key) else { return [] }
        let keyPath = JSONFieldReader.path(path, key: key)
        switch value {
        case .string(let text):
            var trimmed = Substring(text)
            if separator == "/", trimmed.first == "/" { trimmed = trimmed.dropFirst() }
            if trimmed.isEmpty { return [] }
            return trimmed.split(separator: separator, omittingEmptySubsequences: false).map(String.init)
        case .array(let items):
            var result: [String] = []
            for (index, item) in items.enumerated() {
                let itemPath = JSONFieldReader.path(keyPath, index: index)
                if case .object(let segment) = item {
                    result.append(try optionalString(segment, "value", at: itemPath) ?? "")
                } else {
                    result.append(try scalarString(item, at: itemPath))
                }
            }
            return result
        default:
            throw typeError("a string or an array of strings", found: value, at: keyPath)
        }
    }
}

extension RequestURL {
    /// The v2.1 URL object: `{raw, protocol, auth, host: [..], port, path: [..], query: [..], hash, variable: [..]}`,
    /// with absent parts left out.
    package var jsonValue: JSONValue {
        var object: JSONObject = ["raw": .string(raw)]
        if let scheme { object["protocol"] = .string(scheme) }
        if let userInfo {
            if let colon = userInfo.firstIndex(of: ":") {
                object["auth"] = ["user": .string(String(userInfo[..<colon])),
                                  "password": .string(String(userInfo[userInfo.index(after: colon)...]))]
            } else {
                object["auth"] = ["user": .string(userInfo)]
            }
        }
        if !host.isEmpty { object["host"] = .array(host.map(JSONValue.string)) }
        if let port { object["port"] = .string(port) }
        if !path.isEmpty { object["path"] = .array(path.map(JSONValue.string)) }
        if !query.isEmpty { object["query"] = .array(query.map(\.jsonValue)) }
        if let hash { object["hash"] = .string(hash) }
        if !pathVariables.isEmpty { object["variable"] = .array(pathVariables.map(\.jsonValue)) }
        return .object(object)
    }
}
