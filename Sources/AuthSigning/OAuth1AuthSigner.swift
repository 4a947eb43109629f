import RunContracts
import CarrierCrypto
import Foundation
import CollectionModel

/// `oauth1` (OAuth 1.0a, RFC 5849) as postman-runtime signs it: HMAC-SHA1/256/512, RSA-SHA1/256/512, PLAINTEXT;
/// parameters in the Authorization header, the urlencoded body (PUT/POST) or the query.
package struct OAuth1AuthSigner: AuthSigner {
    package var secretParameters: [String] { ["consumerKey", "consumerSecret", "token", "tokenSecret", "privateKey", "verifier"] }
    package init() {}
    package var type: String { "oauth1" }

    /// Every `oauth_*` name the signer writes, removed from query and body before signing.
    static let parameterNames: Set<String> = [
        "oauth_consumer_key", "oauth_token", "oauth_signature_method", "oauth_timestamp", "oauth_nonce",
        "oauth_version", "oauth_signature", "oauth_callback", "oauth_verifier", "oauth_body_hash",
    ]

    package func sign(_ request: inout SignableRequest, auth: Auth) -> [String] {
        let method = auth.nonEmpty("signatureMethod") ?? "HMAC-SHA1"
        guard let scheme = OAuth1SignatureScheme(method) else {
            return ["oauth1: signature method \"\(method)\" is not supported (HMAC-SHA1, HMAC-SHA256, HMAC-SHA512, RSA-SHA1, RSA-SHA256, RSA-SHA512, PLAINTEXT); the request is sent unsigned"]
        }
        let isRSA = scheme.isRSA
        guard auth.nonEmpty("consumerKey") != nil,
              isRSA ? auth.nonEmpty("privateKey") != nil : auth.nonEmpty("consumerSecret") != nil else { return [] }

        request.removeHeaders(named: "Authorization")
        request.url.query.removeAll { Self.parameterNames.contains($0.key ?? "") }
        request.bodyDefinition?.urlencoded.removeAll { Self.parameterNames.contains($0.key ?? "") }

        let addEmpty = auth.flag("addEmptyParamsToSign")
        func value(_ key: String) -> String {
            let text = auth.string(key) ?? ""
            // Blank parameters are left out of the signature unless the user asks for them.
            return !addEmpty && text.trimmingCharacters(in: .whitespaces).isEmpty ? "" : text
        }
        let nonce = auth.nonEmpty("nonce") ?? request.context.randomAlphanumeric(11)
        let timestamp = auth.nonEmpty("timestamp") ?? String(request.context.unixSeconds)

        var oauth: [(String, String)] = [
            ("oauth_consumer_key", value("consumerKey")), ("oauth_token", value("token")),
            ("oauth_signature_method", method), ("oauth_timestamp", timestamp), ("oauth_nonce", nonce),
            ("oauth_version", value("version")),
        ]
        if auth.flag("includeBodyHash"), let bodyHash = Self.bodyHash(request, digest: scheme.digest) {
            oauth.append(("oauth_body_hash", bodyHash))
        }
        oauth.append(("oauth_callback", value("callback")))
        oauth.append(("oauth_verifier", value("verifier")))
        oauth = oauth.filter { addEmpty || !$0.1.isEmpty }

        let signed = signatureParameters(request, oauth: oauth)
        let baseString = Self.baseString(method: request.method, url: Self.baseURL(NodeURL(request)), parameters: signed)
        let signature: String
        switch scheme.sign(baseString, consumerSecret: value("consumerSecret"), tokenSecret: value("tokenSecret"),
                           privateKey: auth.string("privateKey") ?? "") {
        case .success(let text): signature = text
        case .failure(let error): return ["oauth1: \(error.message); the request is sent unsigned"]
        }
        oauth.append(("oauth_signature", signature))
        place(oauth, in: &request, auth: auth)
        return []
    }

    /// Query and urlencoded body parameters join the oauth ones in the signature (RFC 5849 §3.4.1.3). Query
    /// text is percent-decoded first, as the server decodes it: the runtime signs `a%20b` as written, which no
    /// server can verify.
    private func signatureParameters(_ request: SignableRequest, oauth: [(String, String)]) -> [(String, String)] {
        var all = oauth
        func decoded(_ text: String?) -> String { (text ?? "").removingPercentEncoding ?? (text ?? "") }
        all += request.url.query.filter { !$0.disabled }.map { (decoded($0.key), decoded($0.value)) }
        // Only a form that is sent: the runtime also signs the form of a GET, which the server never sees.
        if let body = request.bodyDefinition, body.mode == .urlencoded, request.body != nil {
            all += body.urlencoded.filter { !$0.disabled }.map { ($0.key ?? "", $0.value ?? "") }
        }
        return all
    }

    private func place(_ oauth: [(String, String)], in request: inout SignableRequest, auth: Auth) {
        if auth.flag("addParamsToHeader") {
            let encode = !auth.flag("disableHeaderEncoding")
            var parts: [String] = []
            if let realm = auth.nonEmpty("realm") { parts.append("realm=\"\(RFC3986.encode(realm))\"") }
            parts += oauth.map { "\($0.0)=\"\(encode ? RFC3986.encode($0.1) : $0.1)\"" }
            request.headers.append(HTTPHeader("Authorization", "OAuth " + parts.joined(separator: ",")))
        } else if request.method.contains("PUT") || request.method.contains("POST"),
                  var body = request.bodyDefinition, body.mode == .urlencoded {
            body.urlencoded += oauth.map { KeyValue(key: $0.0, value: $0.1) }
            request.bodyDefinition = body
            request.body = Array(FormURLEncoding.encode(body.urlencoded).utf8)
        } else {
            // Encoded here: the query encoder leaves `+` and `/` of a base64 signature as they are, and a server
            // reads a literal `+` as a space.
            request.url.query += oauth.map { KeyValue(key: $0.0, value: RFC3986.encode($0.1)) }
        }
    }

    /// `scheme://host[:port]/path`, lower-cased scheme and host; the port only when it is not 80 or 443.
    static func baseURL(_ url: NodeURL) -> String {
        let host = url.port == nil || url.port == "80" || url.port == "443" ? url.hostname : url.host
        return url.scheme.lowercased() + "://" + host.lowercased() + url.pathname
    }

    /// `METHOD&enc(url)&enc(sorted k=v pairs)`.
    static func baseString(method: String, url: String, parameters: [(String, String)]) -> String {
        let encoded: [(key: String, value: String)] = parameters.map { (RFC3986.encode($0.0), RFC3986.encode($0.1)) }
        let sorted = encoded.sorted { left, right in left.key == right.key ? left.value < right.value : left.key < right.key }
        let normalized = sorted.map { pair in pair.key + "=" + pair.value }.joined(separator: "&")
        return [method.uppercased(), RFC3986.encode(url), RFC3986.encode(normalized)].joined(separator: "&")
    }

    /// `oauth_body_hash`: base64 digest of a raw, GraphQL or file body; none for forms or an empty body.
    static func bodyHash(_ request: SignableRequest, digest: HashAlgorithm) -> String? {
        guard let body = request.bodyDefinition, let mode = body.mode, let bytes = request.body, !bytes.isEmpty,
              mode == .raw || mode == .graphql || mode == .file else { return nil }
        return digest.hash(bytes).base64String
    }
}

/// A signature method and how it signs the base string.
struct OAuth1SignatureScheme {
    let name: String
    let digest: HashAlgorithm
    let kind: Kind
    enum Kind { case hmac, rsa, plaintext }

    init?(_ name: String) {
        self.name = name
        switch name {
        case "HMAC-SHA1": (digest, kind) = (.sha1, .hmac)
        case "HMAC-SHA256": (digest, kind) = (.sha256, .hmac)
        case "HMAC-SHA512": (digest, kind) = (.sha512, .hmac)
        case "RSA-SHA1": (digest, kind) = (.sha1, .rsa)
        case "RSA-SHA256": (digest, kind) = (.sha256, .rsa)
        case "RSA-SHA512": (digest, kind) = (.sha512, .rsa)
        case "PLAINTEXT": (digest, kind) = (.sha1, .plaintext)
        default: return nil
        }
    }

    var isRSA: Bool { kind == .rsa }

    func sign(_ baseString: String, consumerSecret: String, tokenSecret: String,
              privateKey: String) -> Result<String, SigningError> {
        let key = RFC3986.encode(consumerSecret) + "&" + RFC3986.encode(tokenSecret)
        switch kind {
        case .plaintext: return .success(key)
        case .hmac: return .success(HMAC.mac(digest, key: key, message: baseString).base64String)
        case .rsa:
            return PrivateKeySigner.sign(Array(baseString.utf8), pem: privateKey, digest: digest, scheme: .rsaPKCS1)
                .map(\.base64String)
        }
    }
}
