import RunContracts

/// Reads one `Set-Cookie` header (RFC 6265 §5.2). The returned cookie has an empty `domain` when no usable
/// `Domain` attribute was given and an empty `path` when no valid `Path` was: the jar fills both from the URL.
enum SetCookieParser {
    static func parse(_ header: String, now: Double) -> Cookie? {
        var parts = header.split(separator: ";", omittingEmptySubsequences: false)
        guard !parts.isEmpty else { return nil }
        let pair = parts.removeFirst()
        guard let equals = pair.firstIndex(of: "=") else { return nil }
        let name = pair[..<equals].trimmingSpaces()
        let value = pair[pair.index(after: equals)...].trimmingSpaces()
        guard !name.isEmpty else { return nil }

        var cookie = Cookie(name: name, value: value, domain: "", path: "")
        var maxAge: Double?
        var expires: Double?
        for attribute in parts {
            let key: String
            let attributeValue: String
            if let eq = attribute.firstIndex(of: "=") {
                key = attribute[..<eq].trimmingSpaces().lowercased()
                attributeValue = attribute[attribute.index(after: eq)...].trimmingSpaces()
            } else {
                key = attribute.trimmingSpaces().lowercased()
                attributeValue = ""
            }
            switch key {
            case "expires":
                if let date = CookieDate.parse(attributeValue) { expires = date }
            case "max-age":
                // Only -?DIGIT+ counts; anything else is ignored (RFC 6265 §5.2.2).
                let digits = attributeValue.hasPrefix("-") ? attributeValue.dropFirst() : Substring(attributeValue)
                if !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }), let seconds = Double(attributeValue) {
                    maxAge = seconds
                }
            case "domain":
                let domain = attributeValue.hasPrefix(".") ? String(attributeValue.dropFirst()) : attributeValue
                if !domain.isEmpty { cookie.domain = domain.lowercased() }
            case "path":
                if attributeValue.hasPrefix("/") { cookie.path = attributeValue }
            case "secure":
                cookie.secure = true
            case "httponly":
                cookie.httpOnly = true
            default:
                break
            }
        }
        // Max-Age wins over Expires; zero or negative means "already expired".
        if let maxAge { cookie.expires = maxAge <= 0 ? now - 1 : now + maxAge } else { cookie.expires = expires }
        return cookie
    }
}

extension StringProtocol {
    /// Without leading and trailing spaces and tabs (the only whitespace HTTP header syntax allows).
    func trimmingSpaces() -> String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(self[first...last])
    }
}
