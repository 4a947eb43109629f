import RunContracts
import CarrierCrypto
import CollectionModel

/// `digest` (RFC 7616 as postman-runtime implements it): MD5, MD5-sess, SHA-256, SHA-256-sess; qop `auth` and
/// `auth-int`. Without a nonce and realm the request goes unsigned; the server's 401 challenge then supplies them
/// and `retry` replays the request signed (unless `disableRetryRequest`).
package struct DigestAuthSigner: AuthSigner {
    package var secretParameters: [String] { ["password"] }
    package init() {}
    package var type: String { "digest" }

    package func sign(_ request: inout SignableRequest, auth: Auth) -> [String] {
        // The runtime's `pre` hook: no nonce or realm yet means "send unsigned and read the challenge".
        guard auth.nonEmpty("nonce") != nil, let realm = auth.nonEmpty("realm"),
              let username = auth.nonEmpty("username") else { return [] }
        let algorithm = auth.nonEmpty("algorithm") ?? "MD5"
        let hash: HashAlgorithm
        switch algorithm {
        case "MD5", "MD5-sess": hash = .md5
        case "SHA-256", "SHA-256-sess": hash = .sha256
        default: return ["digest: algorithm \"\(algorithm)\" is not supported (MD5, MD5-sess, SHA-256, SHA-256-sess); the request is sent unsigned"]
        }
        request.removeHeaders(named: "Authorization")
        let parameters = DigestParameters(
            algorithm: algorithm, hash: hash, username: username, realm: realm,
            password: auth.string("password") ?? "", method: request.method, uri: NodeURL(request).path,
            nonce: auth.string("nonce") ?? "", nonceCount: auth.string("nonceCount") ?? "",
            clientNonce: auth.string("clientNonce") ?? "", opaque: auth.string("opaque") ?? "",
            qop: auth.string("qop") ?? "", body: request.body ?? [])
        request.headers.append(HTTPHeader("Authorization", parameters.header()))
        return []
    }

    package func retry(after response: HTTPResponse, auth: Auth, context: AuthSigningContext) -> Auth? {
        guard !auth.flag("disableRetryRequest"), response.code == 401 || response.code == 403,
              let challenge = response.headers.first(where: {
                  $0.name.lowercased() == "www-authenticate" && $0.value.hasPrefix("Digest ")
              })?.value else { return nil }
        var found: [(String, String)] = [("nonce", Self.field("nonce", in: challenge)),
                                         ("realm", Self.field("realm", in: challenge))]
        let opaque = Self.field("opaque", in: challenge)
        let qop = Self.field("qop", in: challenge)
        if !opaque.isEmpty { found.append(("opaque", opaque)) }
        if !qop.isEmpty { found.append(("qop", qop)) }
        if !qop.isEmpty || auth.nonEmpty("qop") != nil {
            found.append(("clientNonce", context.randomAlphanumeric(8)))
            found.append(("nonceCount", "00000001"))
        }
        // The runtime replays only when the challenge brings a parameter the auth does not have yet.
        if found.allSatisfy({ auth.flag($0.0) }) { return nil }
        return auth.setting(found)
    }

    /// `name="value"` from a challenge (the first match, empty when absent), as the runtime's regular expressions read it.
    static func field(_ name: String, in challenge: String) -> String {
        guard let start = challenge.range(of: name + "=\"") else { return "" }
        let rest = challenge[start.upperBound...]
        guard let end = rest.firstIndex(of: "\"") else { return "" }
        return String(rest[..<end])
    }
}

/// The inputs of one Digest response and the header they make.
struct DigestParameters {
    var algorithm: String
    var hash: HashAlgorithm
    var username: String
    var realm: String
    var password: String
    var method: String
    var uri: String
    var nonce: String
    var nonceCount: String
    var clientNonce: String
    var opaque: String
    var qop: String
    var body: [UInt8]

    private func h(_ text: String) -> String { hash.hash(text).hexString }

    /// The `Digest …` header value, parameters in the runtime's order.
    func header() -> String {
        let a1 = algorithm.hasSuffix("-sess")
            ? h(username + ":" + realm + ":" + password) + ":" + nonce + ":" + clientNonce
            : username + ":" + realm + ":" + password
        let a2 = qop == "auth-int" ? method + ":" + uri + ":" + hash.hash(body).hexString : method + ":" + uri
        let protected = qop == "auth" || qop == "auth-int"
        let response = protected
            ? h([h(a1), nonce, nonceCount, clientNonce, qop, h(a2)].joined(separator: ":"))
            : h([h(a1), nonce, h(a2)].joined(separator: ":"))
        var parts = ["username=\"\(username)\"", "realm=\"\(realm)\"", "nonce=\"\(nonce)\"", "uri=\"\(uri)\"",
                     "algorithm=\"\(algorithm)\""]
        if protected { parts.append("qop=" + qop) }
        if protected || algorithm == "MD5-sess" {
            if !nonceCount.isEmpty { parts.append("nc=" + nonceCount) }
            parts.append("cnonce=\"\(clientNonce)\"")
        }
        parts.append("response=\"\(response)\"")
        if !opaque.isEmpty { parts.append("opaque=\"\(opaque)\"") }
        return "Digest " + parts.joined(separator: ", ")
    }
}
