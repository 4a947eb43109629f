import CCurlShim
import Glibc
import RunContracts

/// What is known about a failed transfer when its curl code is translated.
struct CurlFailureContext {
    var code: CURLcode
    /// CURLOPT_ERRORBUFFER text (or curl's generic text).
    var detail: String
    /// The URL as given.
    var url: String
    /// CURLINFO_PRIMARY_IP / PRIMARY_PORT: the address curl last tried (empty / 0 when none).
    var primaryIP: String
    var primaryPort: Int
    /// CURLINFO_OS_ERRNO: the socket error behind a failed connect.
    var osErrno: Int32
    /// Whether a connection had been established (CURLINFO_CONNECT_TIME_T > 0).
    var connected: Bool
    /// Whether our write callback refused the body for being too large.
    var exceededBodyLimit: Bool
}

extension TransportError {
    /// Translates a curl failure into the Node-style code and message Newman would report, so scripts
    /// and reports read the same whichever runner produced them.
    init(curl context: CurlFailureContext) {
        let parts = URLParts(context.url)
        let host = parts?.host ?? context.url
        let address = "\(context.primaryIP.isEmpty ? host : context.primaryIP):\(context.primaryPort > 0 ? context.primaryPort : parts?.effectivePort ?? 80)"
        let detail = context.detail
        switch context.code {
        case CURLE_COULDNT_CONNECT:
            let name = Self.errnoName(context.osErrno) ?? "ECONNREFUSED"
            let kind: Kind = name == "ECONNREFUSED" ? .connectionRefused : (name == "ETIMEDOUT" ? .timeout : .other)
            self.init(kind: kind, code: name, message: "connect \(name) \(address)")
        case CURLE_COULDNT_RESOLVE_HOST:
            self.init(kind: .dnsFailure, code: "ENOTFOUND", message: "getaddrinfo ENOTFOUND \(host)")
        case CURLE_COULDNT_RESOLVE_PROXY:
            self.init(kind: .dnsFailure, code: "ENOTFOUND", message: "getaddrinfo ENOTFOUND (proxy) \(detail)")
        case CURLE_OPERATION_TIMEDOUT:
            // postman-request: ETIMEDOUT when the connection never came up, ESOCKETTIMEDOUT when it went quiet.
            let name = context.connected ? "ESOCKETTIMEDOUT" : "ETIMEDOUT"
            self.init(kind: .timeout, code: name, message: name)
        case CURLE_WRITE_ERROR where context.exceededBodyLimit:
            self.init(kind: .tooLarge, code: "EMAXRESPONSESIZE", message: "Maximum response size reached")
        case CURLE_GOT_NOTHING:
            self.init(kind: .connectionClosed, code: "ECONNRESET", message: "socket hang up")
        case CURLE_PARTIAL_FILE:
            self.init(kind: .connectionClosed, code: "ECONNRESET", message: "aborted")
        case CURLE_RECV_ERROR, CURLE_SEND_ERROR:
            let name = Self.errnoName(context.osErrno) ?? "ECONNRESET"
            let verb = context.code == CURLE_SEND_ERROR ? "write" : "read"
            self.init(kind: .connectionClosed, code: name, message: "\(verb) \(name)")
        case CURLE_WEIRD_SERVER_REPLY, CURLE_HTTP2, CURLE_HTTP2_STREAM, CURLE_HTTP3:
            self.init(kind: .invalidResponse, code: "HPE_INVALID_CONSTANT", message: "Parse Error: \(detail)")
        case CURLE_UNSUPPORTED_PROTOCOL where detail.contains("HTTP/0.9"):
            // libcurl quirk: a response without a status line is "HTTP/0.9", refused unless HTTP09_ALLOWED.
            self.init(kind: .invalidResponse, code: "HPE_INVALID_CONSTANT", message: "Parse Error: Expected HTTP/")
        case CURLE_BAD_CONTENT_ENCODING:
            self.init(kind: .invalidResponse, code: "Z_DATA_ERROR", message: detail)
        case CURLE_UNSUPPORTED_PROTOCOL:
            let scheme = parts?.scheme ?? ""
            self.init(kind: .invalidURL, code: "ERR_INVALID_PROTOCOL", message: "Invalid protocol: \(scheme):")
        case CURLE_URL_MALFORMAT where host.contains("{{"):
            // An unresolved {{variable}} left in the host: Node looks the name up and fails, and people search for
            // Newman's words.
            self.init(kind: .dnsFailure, code: "ENOTFOUND", message: "getaddrinfo ENOTFOUND \(host)")
        case CURLE_URL_MALFORMAT:
            self.init(kind: .invalidURL, code: "ERR_INVALID_URL", message: "Invalid URI \"\(context.url)\"")
        case CURLE_ABORTED_BY_CALLBACK:
            self.init(kind: .aborted, code: "ECONNABORTED", message: detail)
        case CURLE_SSL_CONNECT_ERROR, CURLE_PEER_FAILED_VERIFICATION, CURLE_SSL_CERTPROBLEM, CURLE_SSL_CIPHER,
             CURLE_SSL_CACERT_BADFILE, CURLE_SSL_ENGINE_NOTFOUND, CURLE_SSL_ENGINE_SETFAILED,
             CURLE_SSL_ENGINE_INITFAILED, CURLE_SSL_SHUTDOWN_FAILED, CURLE_SSL_CRL_BADFILE, CURLE_SSL_ISSUER_ERROR,
             CURLE_SSL_PINNEDPUBKEYNOTMATCH, CURLE_SSL_INVALIDCERTSTATUS, CURLE_SSL_CLIENTCERT, CURLE_USE_SSL_FAILED:
            self.init(kind: .tls, code: Self.tlsCode(context.code, detail: detail), message: detail)
        default:
            self.init(kind: .other, code: "ECURL\(context.code.rawValue)", message: detail)
        }
    }

    /// Node's name for a socket errno (only those a connect or read can produce).
    private static func errnoName(_ value: Int32) -> String? {
        switch value {
        case ECONNREFUSED: return "ECONNREFUSED"
        case ETIMEDOUT: return "ETIMEDOUT"
        case EHOSTUNREACH: return "EHOSTUNREACH"
        case ENETUNREACH: return "ENETUNREACH"
        case ECONNRESET: return "ECONNRESET"
        case EPIPE: return "EPIPE"
        case EADDRNOTAVAIL: return "EADDRNOTAVAIL"
        default: return nil
        }
    }

    /// OpenSSL's verification text mapped to the codes Node gives the same failures.
    private static func tlsCode(_ code: CURLcode, detail: String) -> String {
        let text = detail.lowercased()
        if text.contains("self-signed certificate in certificate chain") || text.contains("self signed certificate in certificate chain") {
            return "SELF_SIGNED_CERT_IN_CHAIN"
        }
        if text.contains("self-signed certificate") || text.contains("self signed certificate") { return "DEPTH_ZERO_SELF_SIGNED_CERT" }
        if text.contains("unable to get local issuer certificate") { return "UNABLE_TO_GET_ISSUER_CERT_LOCALLY" }
        if text.contains("certificate has expired") { return "CERT_HAS_EXPIRED" }
        if text.contains("subject name") || text.contains("does not match target host") { return "ERR_TLS_CERT_ALTNAME_INVALID" }
        return code == CURLE_PEER_FAILED_VERIFICATION ? "CERT_UNTRUSTED" : "EPROTO"
    }
}
