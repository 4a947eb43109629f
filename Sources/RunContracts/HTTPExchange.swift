import JSONValue

/// One header line, name as written; lookups elsewhere compare names case-insensitively.
package struct HTTPHeader: Sendable, Hashable {
    /// Header name as sent or received.
    package var name: String
    /// Header value.
    package var value: String
    package init(_ name: String, _ value: String) { self.name = name; self.value = value }
}

extension HTTPHeader {
    /// Whether two names are equal once lower-cased, decided on bytes when both are ASCII: lower-casing every name
    /// for every lookup was a tenth of building a plain request.
    package static func sameName(_ a: String, _ b: String) -> Bool {
        let answer = a.utf8.withContiguousStorageIfAvailable { x in
            b.utf8.withContiguousStorageIfAvailable { y in sameASCIIName(x, y) } ?? nil
        } ?? nil
        return answer ?? (a.lowercased() == b.lowercased())
    }

    /// `nil` when either name is not ASCII (lower-casing then decides).
    private static func sameASCIIName(_ x: UnsafeBufferPointer<UInt8>, _ y: UnsafeBufferPointer<UInt8>) -> Bool? {
        var all: UInt8 = 0
        for byte in x { all |= byte }
        for byte in y { all |= byte }
        guard all < 0x80 else { return nil }
        guard x.count == y.count else { return false }
        for index in 0..<x.count where x[index] != y[index] {
            let lower = x[index] | 0x20
            guard lower == y[index] | 0x20, lower >= UInt8(ascii: "a"), lower <= UInt8(ascii: "z") else { return false }
        }
        return true
    }
}

extension Array where Element == HTTPHeader {
    /// The last value of a header, case-insensitively (`nil` when absent).
    package func value(for name: String) -> String? {
        last(where: { HTTPHeader.sameName($0.name, name) })?.value
    }
    /// Whether a header is present, case-insensitively.
    package func contains(name: String) -> Bool { value(for: name) != nil }
}

/// Per-request transport settings, from the CLI flags merged with `protocolProfileBehavior`.
package struct RequestOptions: Sendable, Equatable {
    /// Follow 3xx responses (`followRedirects`, `--ignore-redirects`).
    package var followRedirects = true
    /// At most this many redirects (`maxRedirects`, default 10).
    package var maxRedirects = 10
    /// Keep the original method on 301/302/303 (`followOriginalHttpMethod`).
    package var followOriginalHttpMethod = false
    /// Keep the Authorization header when a redirect changes host (`followAuthorizationHeader`).
    package var followAuthorizationHeader = false
    /// Drop the Referer header on redirects (`removeRefererHeaderOnRedirect`).
    package var removeRefererHeaderOnRedirect = false
    /// Verify TLS certificates (`strictSSL`, `-k` turns it off).
    package var verifyTLS = true
    /// Do not read or write the cookie jar for this request (`disableCookies`).
    package var disableCookies = false
    /// Milliseconds for the whole exchange; 0 = no limit (`--timeout-request`).
    package var timeoutMilliseconds = 0
    /// Abort a response whose body grows beyond this many bytes; 0 = no limit (`--max-response-size`).
    package var maxResponseBytes = 0
    /// Extra CA bundle (`--ssl-extra-ca-certs`).
    package var extraCACertificatesPath: String?
    /// Client certificate, key and passphrase (`--ssl-client-cert/-key/-passphrase`).
    package var clientCertificatePath: String?
    package var clientKeyPath: String?
    package var clientKeyPassphrase: String?
    /// Accept HTTP/1 responses that a strict parser rejects (`insecureHTTPParser`).
    package var insecureHTTPParser = false
    /// NTLM credentials (`ntlm` auth): the transport performs the challenge–response handshake.
    package var ntlmCredentials: NTLMCredentials?
    package init() {}
}

/// A request ready for the wire: URL fully built and encoded, headers final (system headers included), body bytes.
package struct PreparedRequest: Sendable {
    /// Method as sent (any token, e.g. `POSTMAN`).
    package var method: String
    /// Absolute URL, already percent-encoded as Postman encodes it; sent as is.
    package var url: String
    /// Headers in order, as sent.
    package var headers: [HTTPHeader]
    /// Body bytes; `nil` sends no body at all.
    package var body: [UInt8]?
    /// Transport settings for this request.
    package var options: RequestOptions

    package init(method: String, url: String, headers: [HTTPHeader] = [], body: [UInt8]? = nil, options: RequestOptions = RequestOptions()) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
        self.options = options
    }
}

/// Phase timings of one exchange in milliseconds, as curl measures them (Newman's `--verbose` phases).
package struct ResponseTimings: Sendable, Equatable {
    package var dns: Double = 0
    package var tcp: Double = 0
    package var secureHandshake: Double = 0
    package var firstByte: Double = 0
    package var download: Double = 0
    package var total: Double = 0
    package init() {}
}

/// A response as received: after redirects, bodies decoded (gzip, deflate, br) as Postman shows them.
package struct HTTPResponse: Sendable {
    /// Status code.
    package var code: Int
    /// Reason phrase from the status line (standard phrase when the server sent none).
    package var reason: String
    /// `HTTP/1.1`, `HTTP/2`, …
    package var httpVersion: String
    /// Headers in order, repeated ones kept.
    package var headers: [HTTPHeader]
    /// Body bytes (decoded).
    package var body: [UInt8]
    /// Milliseconds from send to last byte (`responseTime`).
    package var responseTime: Double
    /// Phase timings.
    package var timings: ResponseTimings
    /// URL of the final response, after redirects.
    package var finalURL: String
    /// The request that produced this final response as it went on the wire (after redirects: the last hop).
    package var sentRequest: PreparedRequest?

    package init(code: Int, reason: String = "", httpVersion: String = "HTTP/1.1", headers: [HTTPHeader] = [],
                 body: [UInt8] = [], responseTime: Double = 0, timings: ResponseTimings = ResponseTimings(),
                 finalURL: String = "", sentRequest: PreparedRequest? = nil) {
        self.code = code
        self.reason = reason
        self.httpVersion = httpVersion
        self.headers = headers
        self.body = body
        self.responseTime = responseTime
        self.timings = timings
        self.finalURL = finalURL
        self.sentRequest = sentRequest
    }

    /// Header bytes plus body bytes, as Postman's `responseSize` counts them.
    package var size: Int {
        body.count + headers.reduce(0) { $0 + $1.name.utf8.count + $1.value.utf8.count + 4 }
    }
    /// Body as UTF-8 text (invalid bytes replaced).
    package var text: String { String(decoding: body, as: UTF8.self) }
}

/// Why a request got no response. `code` is the Node-style name Newman reports (`ECONNREFUSED`, `ENOTFOUND`,
/// `ESOCKETTIMEDOUT`, `ECONNRESET`, `CERT_UNTRUSTED`, …) so that scripts and reports read the same.
package struct TransportError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The family of failure.
    package enum Kind: String, Sendable {
        case connectionRefused, dnsFailure, timeout, tls, connectionClosed, invalidResponse, tooLarge, tooManyRedirects, invalidURL, aborted, other
    }
    package var kind: Kind
    /// Node-style error code.
    package var code: String
    /// One line for people, e.g. `connect ECONNREFUSED 127.0.0.1:9`.
    package var message: String

    package init(kind: Kind, code: String, message: String) {
        self.kind = kind
        self.code = code
        self.message = message
    }
    package var description: String { message }
}

/// A cookie in the run's jar (tough-cookie's fields, the ones `pm.cookies` and `--export-cookie-jar` use).
package struct Cookie: Sendable, Equatable {
    package var name: String
    package var value: String
    package var domain: String
    package var path: String
    /// Seconds since 1970; `nil` for session cookies.
    package var expires: Double?
    package var secure: Bool
    package var httpOnly: Bool
    /// Whether `domain` covers sub-domains (a `Domain=` attribute was given).
    package var hostOnly: Bool

    package init(name: String, value: String, domain: String, path: String = "/", expires: Double? = nil,
                 secure: Bool = false, httpOnly: Bool = false, hostOnly: Bool = true) {
        self.name = name
        self.value = value
        self.domain = domain
        self.path = path
        self.expires = expires
        self.secure = secure
        self.httpOnly = httpOnly
        self.hostOnly = hostOnly
    }
}


/// NTLM credentials handed to the transport, which performs the handshake (libcurl's `CURLAUTH_NTLM`).
package struct NTLMCredentials: Sendable, Equatable {
    /// User name without the domain.
    package var username: String
    /// Password.
    package var password: String
    /// Windows domain; empty for none (libcurl then sends the user name alone).
    package var domain: String
    /// Kept for reports; libcurl does not let us send it.
    package var workstation: String
    /// Credentials as the `ntlm` auth block gives them.
    package init(username: String, password: String, domain: String = "", workstation: String = "") {
        self.username = username
        self.password = password
        self.domain = domain
        self.workstation = workstation
    }
}
