import RunContracts
import CollectionModel
import JSONValue

/// A request as an auth signer sees it: variables resolved and the body encoded, before the system headers are
/// added (postman-runtime signs before its requester adds them).
package struct SignableRequest: Sendable {
    /// Method as sent.
    package var method: String
    /// The resolved URL, not yet percent-encoded; signers may add query parameters.
    package var url: RequestURL
    /// The user's enabled headers in order; signers replace or append theirs.
    package var headers: [HTTPHeader]
    /// The body bytes that will be sent (`nil`: none).
    package var body: [UInt8]?
    /// The merged `protocolProfileBehavior`.
    package var protocolProfileBehavior: JSONObject
    /// The resolved body definition (signers that hash or extend a body by mode read it).
    package var bodyDefinition: RequestBody?
    /// Clock, nonces and the token fetcher signers use; tests fix them.
    package var context = AuthSigningContext()
    /// NTLM credentials for the transport (NTLM is a handshake libcurl performs, not a header we write).
    package var ntlmCredentials: NTLMCredentials?
    /// Values a signer made that reports must not show (a fetched OAuth 2.0 token, a JWT in the query).
    package var generatedSecrets: [String] = []

    package init(method: String, url: RequestURL, headers: [HTTPHeader], body: [UInt8]?, protocolProfileBehavior: JSONObject) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
        self.protocolProfileBehavior = protocolProfileBehavior
    }

    /// Removes every header with this name, case-insensitively (what signers do before adding theirs).
    package mutating func removeHeaders(named name: String) {
        let lower = name.lowercased()
        headers.removeAll { $0.name.lowercased() == lower }
    }
}

/// One auth type. Add a type by writing a conforming value in its own file and listing it in `AuthSigners.all`.
package protocol AuthSigner: Sendable {
    /// The `auth.type` this signer handles (`basic`, `bearer`, …).
    var type: String { get }
    /// Signs the request with the (resolved) auth parameters; returns warnings for the run's console.
    func sign(_ request: inout SignableRequest, auth: Auth) -> [String]
    /// After a response: the auth to send the request again with (Digest's challenge), or `nil` to keep the
    /// response. postman-runtime calls this the `post` hook; a `false` there replays the request.
    func retry(after response: HTTPResponse, auth: Auth, context: AuthSigningContext) -> Auth?
    /// The parameters of this type that hold credentials (as Postman names them), which reports never show.
    var secretParameters: [String] { get }
    /// What reports must mask for this auth block, values resolved with `resolve`; by default the value of each
    /// of `secretParameters`.
    func secrets(of auth: Auth, resolve: (String) -> String) -> [AuthSecret]
}

extension AuthSigner {
    /// Most types never replay.
    package func retry(after response: HTTPResponse, auth: Auth, context: AuthSigningContext) -> Auth? { nil }

    package func secrets(of auth: Auth, resolve: (String) -> String) -> [AuthSecret] {
        secretParameters.compactMap { name in auth.string(name).map { .value(resolve($0)) } }
    }
}

/// The auth types Carrier can sign.
package enum AuthSigners {
    /// Every signer, looked up by `type`.
    package static let all: [any AuthSigner] = [
        NoAuthSigner(), BasicAuthSigner(), BearerAuthSigner(), APIKeyAuthSigner(), DigestAuthSigner(),
        OAuth1AuthSigner(), OAuth2AuthSigner(), HawkAuthSigner(), AWSV4AuthSigner(), NTLMAuthSigner(),
        EdgeGridAuthSigner(), JWTAuthSigner(), ASAPAuthSigner(),
    ]

    /// postman-runtime's replay limit: a request is sent at most this many extra times for its auth.
    package static let maximumRetries = 3

    /// The signer for a type, `nil` when the type is not supported.
    package static func signer(for type: String) -> (any AuthSigner)? {
        all.first { $0.type == type }
    }

    /// Signs with the auth's signer; an unsupported type leaves the request unsigned and says so.
    package static func sign(_ request: inout SignableRequest, auth: Auth?) -> [String] {
        guard let auth, !auth.type.isEmpty else { return [] }
        guard let signer = signer(for: auth.type) else {
            return ["auth type \"\(auth.type)\" is not supported yet; the request is sent unsigned"]
        }
        return signer.sign(&request, auth: auth)
    }

    /// What reports must mask for an auth block. A type Carrier cannot sign is still masked: every parameter
    /// whose name looks like a credential, but for the names Postman uses for settings (`queryParamKey: token`
    /// must not mask every "token" in a report).
    package static func secrets(of auth: Auth, resolve: (String) -> String) -> [AuthSecret] {
        if let signer = signer(for: auth.type) { return signer.secrets(of: auth, resolve: resolve) }
        return auth.parameters.members.compactMap { member in
            let lower = member.key.lowercased()
            guard !settingParameters.contains(lower), credentialNameFragments.contains(where: { lower.contains($0) }),
                  let text = member.value.stringValue else { return nil }
            return .value(resolve(text))
        }
    }

    private static let credentialNameFragments = ["password", "token", "secret", "key", "signature", "passphrase"]
    private static let settingParameters: Set<String> = ["queryparamkey", "addtokento", "tokentype", "tokenname",
                                                         "accesstokenurl", "authurl", "headerprefix",
                                                         "issecretbase64encoded", "client_authentication",
                                                         "signaturemethod"]

    /// The auth to replay the request with after `response`, `nil` when the response stands.
    package static func retry(after response: HTTPResponse, auth: Auth?, context: AuthSigningContext) -> Auth? {
        guard let auth, let signer = signer(for: auth.type) else { return nil }
        return signer.retry(after: response, auth: auth, context: context)
    }
}

/// `noauth`: nothing to sign (and it stops inheritance, which the runner handles).
package struct NoAuthSigner: AuthSigner {
    package init() {}
    package var type: String { "noauth" }
    package var secretParameters: [String] { [] }
    package func sign(_ request: inout SignableRequest, auth: Auth) -> [String] { [] }
}
