import RunContracts
import CarrierCrypto
import CollectionModel
import JSONValue

extension Auth {
    /// A parameter as a non-empty string (`nil` when absent or empty), as the runtime's `if (!params.x)` reads it.
    func nonEmpty(_ key: String) -> String? {
        guard let text = string(key), !text.isEmpty else { return nil }
        return text
    }

    /// JavaScript truthiness of a parameter (`"false"` is true, as in the runtime).
    func flag(_ key: String) -> Bool { ProtocolProfile.isTruthy(parameters[key]) }

    /// A copy with parameters set (appended when new, replaced in place otherwise).
    func setting(_ values: [(String, String)]) -> Auth {
        var copy = self
        for (key, value) in values { copy.parameters[key] = .string(value) }
        return copy
    }
}

/// The parts of a resolved URL that signers read, as Node's `url` object shows them after postman-url-encoder's
/// `toNodeUrl`: encoded path and query, lower-cased host.
struct NodeURL {
    /// `http` or `https` (no colon).
    var scheme: String
    /// Lower-cased host name.
    var hostname: String
    /// Port as written, `nil` when absent.
    var port: String?
    /// `hostname[:port]`.
    var host: String
    /// Encoded path, `/` at least.
    var pathname: String
    /// `?query` or empty.
    var search: String
    /// `pathname + search`.
    var path: String { pathname + search }

    init(_ request: SignableRequest) {
        let encoded = URLEncoding.encode(request.url,
                                         disableEncoding: ProtocolProfile.isTruthy(request.protocolProfileBehavior["disableUrlEncoding"]))
        let href = encoded.href
        scheme = href.components(separatedBy: "://").first ?? "http"
        hostname = encoded.hostname
        port = encoded.port
        host = encoded.hostHeader
        let afterScheme = href.range(of: "://").map { String(href[$0.upperBound...]) } ?? href
        let pathStart = afterScheme.firstIndex { $0 == "/" || $0 == "?" }
        let rest = pathStart.map { String(afterScheme[$0...]) } ?? ""
        if let question = rest.firstIndex(of: "?") {
            pathname = String(rest[..<question])
            search = String(rest[question...])
        } else {
            pathname = rest
            search = ""
        }
        if pathname.isEmpty { pathname = "/" }
    }
}

/// RFC 3986 percent-encoding: everything but `A-Z a-z 0-9 - . _ ~` (`encodeURIComponent` plus `!'()*`).
enum RFC3986 {
    static func encode(_ text: String) -> String { FormURLEncoding.escape(text) }
}
