import CollectionModel

/// Percent-encoding as postman-url-encoder does it (the WHATWG URL standard's encode sets): bytes of the UTF-8 form
/// outside ASCII and C0 controls are always encoded; each URL part adds its own characters; `%` is never encoded, so
/// text that is already encoded stays as it is.
package enum URLEncoding {
    /// `querystring.unescape`: `%XX` sequences decoded, anything malformed left as is.
    package static func percentDecoded(_ text: String) -> String {
        guard text.contains("%") else { return text }
        let bytes = Array(text.utf8)
        var out: [UInt8] = []
        var i = 0
        while i < bytes.count {
            if bytes[i] == UInt8(ascii: "%"), i + 2 < bytes.count,
               let byte = UInt8(String(decoding: bytes[(i + 1)...(i + 2)], as: UTF8.self), radix: 16) {
                out.append(byte)
                i += 3
            } else {
                out.append(bytes[i])
                i += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// A set of ASCII bytes to percent-encode, on top of C0 controls, DEL and non-ASCII bytes.
    package struct EncodeSet: Sendable {
        // One bit per ASCII byte: a Set<UInt8> hashed every byte of every URL, most of the encoder's time.
        private let low: UInt64
        private let high: UInt64
        package init(_ characters: String) { self.init(low: 0, high: 0, adding: characters) }
        package func extended(_ characters: String) -> EncodeSet {
            EncodeSet(low: low, high: high, adding: characters)
        }
        private init(low: UInt64, high: UInt64, adding characters: String) {
            var low = low, high = high
            for byte in characters.utf8 where byte < 0x80 {
                if byte < 64 { low |= 1 << UInt64(byte) } else { high |= 1 << UInt64(byte - 64) }
            }
            self.low = low
            self.high = high
        }
        package func contains(_ byte: UInt8) -> Bool {
            if byte < 0x20 || byte >= 0x7F { return true }
            return byte < 64 ? low & (1 << UInt64(byte)) != 0 : high & (1 << UInt64(byte - 64)) != 0
        }
    }

    /// WHATWG fragment set.
    package static let fragment = EncodeSet(" \"<>`")
    /// WHATWG path set: the fragment set and `#`, `?`, `{`, `}`.
    package static let path = fragment.extended("#?{}")
    /// WHATWG userinfo set: the path set and `/:;=@[\]^|`.
    package static let userInfo = path.extended("/:;=@[\\]^|")
    /// postman-url-encoder 3's query set: space `"#'<>` (WHATWG's special-query set).
    package static let query = EncodeSet(" \"#'<>")
    /// Query values: the query set and `&`.
    package static let queryValue = query.extended("&")
    /// Query keys: the query set, `&` and `=`.
    package static let queryKey = query.extended("&=")

    /// The text with every byte of the set written as `%XX` (upper-case hex).
    package static func percentEncode(_ text: String, _ set: EncodeSet) -> String {
        if !text.utf8.contains(where: set.contains) { return text }
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        for byte in text.utf8 {
            if set.contains(byte) {
                out.append(UInt8(ascii: "%"))
                out.append(hexDigit(byte >> 4))
                out.append(hexDigit(byte & 0x0F))
            } else {
                out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Query parameters as postman-url-encoder's `encodeQueryParams` writes them: enabled ones joined with `&`,
    /// `key` then `=value` when there is a value (`=` stays literal in values).
    package static func encodeQuery(_ parameters: [KeyValue]) -> String {
        parameters.filter { !$0.disabled }.map { parameter in
            var text = parameter.key.map { percentEncode($0, queryKey) } ?? ""
            if let value = parameter.value { text += "=" + percentEncode(value, queryValue) }
            return text
        }.joined(separator: "&")
    }

    private static func hexDigit(_ nibble: UInt8) -> UInt8 {
        nibble < 10 ? UInt8(ascii: "0") + nibble : UInt8(ascii: "A") + nibble - 10
    }
}

/// A URL ready for the wire, as postman-url-encoder's `toNodeUrl` builds it.
package struct EncodedURL: Sendable, Equatable {
    /// `protocol://[userinfo@]host[:port]/path[?query]`, the hash left out (it is never sent).
    package var href: String
    /// Lower-cased, punycoded host (`127.1` becomes `127.0.0.1`).
    package var hostname: String
    /// Port as written, if any.
    package var port: String?
    /// `host[:port]`: the value of the `Host` system header.
    package var hostHeader: String
    /// User and password as written in the URL (not percent-encoded), when the URL has userinfo.
    package var credentials: (user: String, password: String)?

    package static func == (lhs: EncodedURL, rhs: EncodedURL) -> Bool {
        lhs.href == rhs.href && lhs.hostHeader == rhs.hostHeader && lhs.credentials?.user == rhs.credentials?.user
            && lhs.credentials?.password == rhs.credentials?.password
    }
}

extension URLEncoding {
    /// Builds the wire URL from a (resolved) URL. `disableEncoding` (`protocolProfileBehavior.disableUrlEncoding`)
    /// sends path, query and userinfo as written; the host is always encoded.
    package static func encode(_ url: RequestURL, disableEncoding: Bool = false) -> EncodedURL {
        let scheme = (url.scheme?.isEmpty ?? true) ? "http" : (url.scheme ?? "http").lowercased()
        var href = scheme + "://"
        var credentials: (user: String, password: String)?
        if let userInfo = url.userInfo {
            let (user, password) = splitUserInfo(userInfo)
            credentials = (user, password ?? "")
            var auth = disableEncoding ? user : percentEncode(user, URLEncoding.userInfo)
            if let password { auth += ":" + (disableEncoding ? password : percentEncode(password, URLEncoding.userInfo)) }
            href += auth + "@"
        }
        let hostname = HostEncoding.encode(url.hostString.lowercased())
        href += hostname
        var hostHeader = hostname
        if let port = url.port {
            href += ":" + port
            hostHeader += ":" + port
        }
        let pathname = url.pathString
        href += disableEncoding ? pathname : percentEncode(pathname, path)
        if !url.query.isEmpty {
            let text = disableEncoding ? RequestURL.unparseQuery(url.query) : encodeQuery(url.query)
            // `?` alone is kept when some parameter is enabled but writes nothing (`http://host/?`).
            if !text.isEmpty || url.query.contains(where: { !$0.disabled }) { href += "?" + text }
        }
        return EncodedURL(href: href, hostname: hostname, port: url.port, hostHeader: hostHeader, credentials: credentials)
    }

    /// `user:password` split at the first `:`.
    package static func splitUserInfo(_ userInfo: String) -> (String, String?) {
        guard let colon = userInfo.firstIndex(of: ":") else { return (userInfo, nil) }
        return (String(userInfo[..<colon]), String(userInfo[userInfo.index(after: colon)...]))
    }
}

/// `application/x-www-form-urlencoded` as postman-request writes a form (Node's `querystring.stringify` plus
/// RFC 3986 escaping of `!'()*`): only `A-Z a-z 0-9 - _ . ~` stay literal, space is `%20`; repeated keys are
/// grouped at their first occurrence (`a=1&b=2&a=3` is sent `a=1&a=3&b=2`).
package enum FormURLEncoding {
    package static func encode(_ parameters: [KeyValue]) -> String {
        var order: [String] = []
        var values: [String: [String]] = [:]
        for parameter in parameters where !parameter.disabled {
            let key = parameter.key ?? ""
            if values[key] == nil { order.append(key) }
            values[key, default: []].append(parameter.value ?? "")
        }
        return order.flatMap { key in
            (values[key] ?? []).map { escape(key) + "=" + escape($0) }
        }.joined(separator: "&")
    }

    package static func escape(_ text: String) -> String {
        var out = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."),
                 UInt8(ascii: "~"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                out += "%" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
            }
        }
        return out
    }
}

private extension String {
    func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
