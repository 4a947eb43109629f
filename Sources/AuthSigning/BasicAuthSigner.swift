import RunContracts
import CollectionModel
import Foundation

/// `basic`: replaces any `Authorization` header with `Basic base64(username:password)` (missing parts are empty).
package struct BasicAuthSigner: AuthSigner {
    package init() {}
    package var type: String { "basic" }
    package var secretParameters: [String] { ["password"] }

    package func secrets(of auth: Auth, resolve: (String) -> String) -> [AuthSecret] {
        guard let password = auth.string("password").map(resolve) else { return [] }
        return [.basicCredentials(username: auth.string("username").map(resolve) ?? "", password: password)]
    }

    package func sign(_ request: inout SignableRequest, auth: Auth) -> [String] {
        let credentials = (auth.string("username") ?? "") + ":" + (auth.string("password") ?? "")
        request.removeHeaders(named: "Authorization")
        request.headers.append(HTTPHeader("Authorization", BasicAuthSigner.headerValue(credentials)))
        return []
    }

    /// `Basic ` and the base64 of the UTF-8 bytes.
    package static func headerValue(_ credentials: String) -> String {
        "Basic " + Data(credentials.utf8).base64EncodedString()
    }
}
