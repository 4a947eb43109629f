/// The parts of an absolute URL that redirects and cookies need: scheme, host, port and path.
/// Deliberately small: the URL itself is sent exactly as given; this only reads it.
struct URLParts: Equatable {
    /// Lower-cased scheme, e.g. `http`.
    var scheme: String
    /// Lower-cased host name or IP literal (IPv6 without brackets).
    var host: String
    /// Explicit port, or `nil` when the URL has none.
    var port: Int?
    /// Path without query or fragment; `/` when empty.
    var path: String

    /// The port in use: explicit, or the scheme's default.
    var effectivePort: Int { port ?? (scheme == "https" ? 443 : 80) }

    /// Whether the host is an IP literal (cookies then never match sub-domains).
    var hostIsIPAddress: Bool {
        host.contains(":") || (!host.isEmpty && host.allSatisfy { $0.isNumber || $0 == "." })
    }

    init?(_ url: String) {
        guard let schemeEnd = URLParts.schemeSeparator(in: url) else { return nil }
        scheme = url[..<schemeEnd.lowerBound].lowercased()
        let rest = url[schemeEnd.upperBound...]
        let authorityEnd = rest.firstIndex(where: { $0 == "/" || $0 == "?" || $0 == "#" }) ?? rest.endIndex
        var authority = rest[..<authorityEnd]
        if let at = authority.lastIndex(of: "@") { authority = authority[authority.index(after: at)...] }
        var portText: Substring = ""
        if authority.hasPrefix("["), let close = authority.firstIndex(of: "]") {
            host = String(authority[authority.index(after: authority.startIndex)..<close]).lowercased()
            let after = authority[authority.index(after: close)...]
            if after.hasPrefix(":") { portText = after.dropFirst() }
        } else if let colon = authority.lastIndex(of: ":") {
            host = String(authority[..<colon]).lowercased()
            portText = authority[authority.index(after: colon)...]
        } else {
            host = authority.lowercased()
        }
        port = portText.isEmpty ? nil : Int(portText)
        let pathAndMore = rest[authorityEnd...]
        let pathEnd = pathAndMore.firstIndex(where: { $0 == "?" || $0 == "#" }) ?? pathAndMore.endIndex
        let rawPath = pathAndMore[..<pathEnd]
        path = rawPath.isEmpty ? "/" : String(rawPath)
    }

    /// Where the first `://` is. A byte scan: Foundation's `range(of:)` bridges through NSString, and URLParts is
    /// parsed several times per request (cookies, proxy, redirects), which made it 5% of a plain run's samples.
    private static func schemeSeparator(in url: String) -> Range<String.Index>? {
        let bytes = url.utf8
        let colon = UInt8(ascii: ":"), slash = UInt8(ascii: "/")
        var index = bytes.startIndex
        while let found = bytes[index...].firstIndex(of: colon) {
            let first = bytes.index(after: found)
            if first < bytes.endIndex, bytes[first] == slash {
                let second = bytes.index(after: first)
                if second < bytes.endIndex, bytes[second] == slash { return found..<bytes.index(after: second) }
            }
            index = first
        }
        return nil
    }

    /// `host[:port]` as a Host header carries it (port omitted when it is the scheme's default).
    var hostHeaderValue: String {
        let shownHost = host.contains(":") ? "[\(host)]" : host
        guard let port, port != (scheme == "https" ? 443 : 80) else { return shownHost }
        return "\(shownHost):\(port)"
    }
}
