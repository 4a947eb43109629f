import RunContracts
import CarrierCrypto
import CollectionModel

/// `ntlm`: the credentials go to the transport, which runs the NTLM handshake (libcurl's `CURLAUTH_NTLM`); no
/// header is written here. `workstation` is not sent: libcurl does not let us choose it.
package struct NTLMAuthSigner: AuthSigner {
    package var secretParameters: [String] { ["password"] }
    package init() {}
    package var type: String { "ntlm" }

    package func sign(_ request: inout SignableRequest, auth: Auth) -> [String] {
        guard let username = auth.nonEmpty("username") else { return [] }
        request.removeHeaders(named: "Authorization")
        request.ntlmCredentials = NTLMCredentials(username: username, password: auth.string("password") ?? "",
                                                  domain: auth.string("domain") ?? "",
                                                  workstation: auth.string("workstation") ?? "")
        return []
    }
}
