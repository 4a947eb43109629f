import CollectionModel
import JSONValue
import Testing
@testable import AuthSigning
import RunContracts
@testable import RunnerCore

/// The redactor learns the secret fields of every auth type Carrier signs, and only those.
@Suite("Auth redaction: secret parameters of each type")
struct AuthRedactionTests {
    static let cases: [(String, [(String, String)], [String], [String])] = [
        ("digest", [("username", "ann"), ("password", "digest-pw")], ["digest-pw"], ["ann"]),
        ("oauth1", [("consumerKey", "ck-1"), ("consumerSecret", "cs-1"), ("token", "tk-1"), ("tokenSecret", "ts-1"),
                    ("privateKey", "-----BEGIN-----")], ["cs-1", "tk-1", "ts-1", "-----BEGIN-----"], []),
        ("oauth2", [("accessToken", "at-1"), ("clientSecret", "cls-1"), ("password", "pw-2"), ("refreshToken", "rt-1"),
                    ("addTokenTo", "header"), ("headerPrefix", "Bearer")], ["at-1", "cls-1", "pw-2", "rt-1"], ["header", "Bearer"]),
        ("hawk", [("authId", "hid"), ("authKey", "hawk-key")], ["hawk-key"], ["hid"]),
        ("awsv4", [("accessKey", "AKID"), ("secretKey", "aws-secret"), ("sessionToken", "aws-session"), ("region", "eu-west-1")],
         ["aws-secret", "aws-session"], ["eu-west-1"]),
        ("ntlm", [("username", "nu"), ("password", "ntlm-pw"), ("domain", "CORP")], ["ntlm-pw"], ["CORP"]),
        ("edgegrid", [("accessToken", "eg-at"), ("clientToken", "eg-ct"), ("clientSecret", "eg-cs"), ("baseURL", "https://h")],
         ["eg-at", "eg-ct", "eg-cs"], ["https://h"]),
        ("jwt", [("secret", "jwt-secret"), ("privateKey", "jwt-pem"), ("passphrase", "jwt-pass"), ("queryParamKey", "token"),
                 ("algorithm", "HS256")], ["jwt-secret", "jwt-pem", "jwt-pass"], ["token", "HS256"]),
    ]

    @Test("each type's secrets are masked and its settings are not", arguments: cases.indices)
    func learnsSecrets(index: Int) {
        let (type, parameters, secrets, visible) = Self.cases[index]
        let redactor = SecretRedactor()
        let auth = Auth(type: type, parameters: JSONObject(parameters.map { JSONMember($0.0, .string($0.1)) }))
        redactor.learn(AuthSigners.secrets(of: auth, resolve: VariableResolver(scopes: VariableScopes()).resolve))
        for secret in secrets { #expect(redactor.redact("x " + secret + " y") == "x [secret] y", "\(type): \(secret)") }
        for value in visible { #expect(redactor.redact("x " + value + " y") == "x " + value + " y", "\(type): \(value)") }
    }

    @Test("a type Carrier cannot sign is still masked by parameter names, but not its settings")
    func unknownTypeFallsBackToNames() {
        let redactor = SecretRedactor()
        let auth = Auth(type: "akamai-future", parameters: JSONObject([JSONMember("apiToken", "fut-tok"),
                                                                      JSONMember("signatureMethod", "HMAC-SHA1"),
                                                                      JSONMember("region", "eu-1")]))
        redactor.learn(AuthSigners.secrets(of: auth, resolve: { $0 }))
        #expect(redactor.redact("fut-tok HMAC-SHA1 eu-1") == "[secret] HMAC-SHA1 eu-1")
    }

    @Test("every signer declares its secrets, and only noauth declares none")
    func everySignerDeclaresSecrets() {
        for signer in AuthSigners.all {
            #expect(signer.secretParameters.isEmpty == (signer.type == "noauth"), "\(signer.type)")
        }
    }
}
