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

    /// Parsed on UTF-8 bytes: every delimiter is ASCII, and Character-wise scanning (grapheme breaking) made
    /// this about 30K instructions per parse, parsed several times per request (cookies, proxy, redirects).
    init?(_ url: String) {
        let bytes = Array(url.utf8)
        func text(_ range: Range<Int>) -> String { String(decoding: bytes[range], as: UTF8.self) }
        let colon = UInt8(ascii: ":"), slash = UInt8(ascii: "/"), question = UInt8(ascii: "?"), hash = UInt8(ascii: "#")
        var schemeEnd: Int?
        var index = 0
        while index + 2 < bytes.count {
            if bytes[index] == colon, bytes[index + 1] == slash, bytes[index + 2] == slash { schemeEnd = index; break }
            index += 1
        }
        guard let schemeEnd else { return nil }
        scheme = text(0..<schemeEnd).lowercased()
        let rest = (schemeEnd + 3)..<bytes.count
        let authorityEnd = bytes[rest].firstIndex { $0 == slash || $0 == question || $0 == hash } ?? bytes.count
        var authority = rest.lowerBound..<authorityEnd
        if let at = bytes[authority].lastIndex(of: UInt8(ascii: "@")) { authority = (at + 1)..<authority.upperBound }
        var portText = 0..<0
        if bytes[authority].first == UInt8(ascii: "["), let close = bytes[authority].firstIndex(of: UInt8(ascii: "]")) {
            host = text((authority.lowerBound + 1)..<close).lowercased()
            if close + 1 < authority.upperBound, bytes[close + 1] == colon { portText = (close + 2)..<authority.upperBound }
        } else if let lastColon = bytes[authority].lastIndex(of: colon) {
            host = text(authority.lowerBound..<lastColon).lowercased()
            portText = (lastColon + 1)..<authority.upperBound
        } else {
            host = text(authority).lowercased()
        }
        port = portText.isEmpty ? nil : Int(text(portText))
        let pathEnd = bytes[authorityEnd...].firstIndex { $0 == question || $0 == hash } ?? bytes.count
        path = pathEnd == authorityEnd ? "/" : text(authorityEnd..<pathEnd)
    }

    /// `host[:port]` as a Host header carries it (port omitted when it is the scheme's default).
    var hostHeaderValue: String {
        let shownHost = host.contains(":") ? "[\(host)]" : host
        guard let port, port != (scheme == "https" ? 443 : 80) else { return shownHost }
        return "\(shownHost):\(port)"
    }
}
