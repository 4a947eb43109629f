import RunContracts
import CollectionModel

/// `bearer`: replaces any `Authorization` header with `Bearer <token>`; an empty token signs nothing.
package struct BearerAuthSigner: AuthSigner {
    package var secretParameters: [String] { ["token"] }
    package init() {}
    package var type: String { "bearer" }

    package func sign(_ request: inout SignableRequest, auth: Auth) -> [String] {
        guard let token = auth.string("token"), !token.isEmpty else { return [] }
        request.removeHeaders(named: "Authorization")
        request.headers.append(HTTPHeader("Authorization", "Bearer " + token))
        return []
    }
}
