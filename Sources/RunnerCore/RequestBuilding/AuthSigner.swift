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
}

/// The auth types Carrier can sign.
package enum AuthSigners {
    /// Every signer, looked up by `type`.
    package static let all: [any AuthSigner] = [NoAuthSigner(), BasicAuthSigner(), BearerAuthSigner(), APIKeyAuthSigner()]

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
}

/// `noauth`: nothing to sign (and it stops inheritance, which the runner handles).
package struct NoAuthSigner: AuthSigner {
    package init() {}
    package var type: String { "noauth" }
    package func sign(_ request: inout SignableRequest, auth: Auth) -> [String] { [] }
}
