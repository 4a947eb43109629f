import CollectionModel
import Foundation
import JSONValue
import AuthSigning
@testable import RunContracts
import RunContracts
import RunnerCore
import Testing

@Suite("Secrets are masked wherever they appear")
struct SecretRedactorTests {
    @Test("variables typed secret or named like secrets are learned; others are not")
    func learnsFromScopes() {
        let redactor = SecretRedactor()
        let environment = VariableScope(.environment, variables: [
            Variable(key: "SCIMPassword", value: "hunter22"), Variable(key: "plain", value: "visible"),
            Variable(key: "anything", value: "typed-secret", type: "secret"), Variable(key: "api_key", value: "k-123"),
            Variable(key: "refreshToken", value: .number(987654)),
        ])
        redactor.learn(from: VariableScopes(environment: environment))
        let text = "pw=hunter22 plain=visible t=typed-secret k=k-123 n=987654"
        #expect(redactor.redact(text) == "pw=[secret] plain=visible t=[secret] k=[secret] n=[secret]")
    }

    @Test("a secret is found percent-encoded, JSON-escaped and inside Basic auth's base64")
    func encodedForms() {
        let redactor = SecretRedactor()
        redactor.addBasicCredentials(username: "ann", password: "p@ss \"word\"")
        let basic = Data("ann:p@ss \"word\"".utf8).base64EncodedString()
        #expect(redactor.redact("Authorization: Basic \(basic)") == "Authorization: Basic [secret]")
        #expect(redactor.redact("?pw=p%40ss%20%22word%22") == "?pw=[secret]")
        #expect(redactor.redact(#"{"pw":"p@ss \"word\""}"#) == #"{"pw":"[secret]"}"#)
    }

    @Test("auth blocks contribute their credentials, resolved, and apikey headers become sensitive")
    func auth() {
        let redactor = SecretRedactor()
        let scopes = VariableScopes(collection: VariableScope(.collection, variables: [Variable(key: "k", value: "resolved-key")]))
        redactor.learn(AuthSigners.secrets(of: Auth(type: "apikey", parameters: ["key": "X-Api-Key", "value": "{{k}}"]),
                                           resolve: VariableResolver(scopes: scopes).resolve))
        #expect(redactor.redact("value resolved-key") == "value [secret]")
        #expect(redactor.isSensitiveHeader("x-api-key"))
        #expect(redactor.redactHeader(name: "Cookie", value: "a=b") == "[secret]")
        #expect(redactor.redactHeader(name: "Accept", value: "*/*") == "*/*")
    }

    @Test("credential header names match ignoring case, whole, and by their lower-cased form when not ASCII")
    func sensitiveHeaderNames() {
        let redactor = SecretRedactor()
        for name in ["Authorization", "PROXY-AUTHORIZATION", "cookie", "Set-Cookie", "coo\u{212A}ie"] {
            #expect(redactor.isSensitiveHeader(name), "\(name)")
        }
        for name in ["Cookies", "cookieXXXXXXX", "Cooki", "Set-Cookie2", "Accept", "", "x-api-key", "Auth\u{00E9}rization"] {
            #expect(!redactor.isSensitiveHeader(name), "\(name)")
        }
        redactor.learn([.sensitiveHeader("X-Api-Key")])
        #expect(redactor.isSensitiveHeader("X-API-KEY"))
        #expect(!redactor.isSensitiveHeader("X-Api-Keys"))
    }

    @Test("very short values are not masked, so reports stay readable")
    func shortValues() {
        let redactor = SecretRedactor(values: ["1", "ab", "abc"])
        #expect(redactor.redact("1 ab abc") == "1 ab [secret]")
    }

    @Test("a secret-named variable holding null, a boolean, a short number or a placeholder word masks nothing")
    func placeholderValuesAreNotSecrets() {
        let redactor = SecretRedactor()
        let local = VariableScope(.local, variables: [
            Variable(key: "password", value: .null), Variable(key: "apiToken", value: .bool(true)),
            Variable(key: "tokenTTL", value: .number(3600)), Variable(key: "secretWord", value: "null"),
            Variable(key: "clientSecret", value: "undefined"), .undefined(key: "privateKey"),
            Variable(key: "realToken", value: "s3cr3t-value"),
        ])
        redactor.learn(from: VariableScopes(local: local))
        #expect(redactor.redact("Email is null, flag true, ttl 3600, undefined, token s3cr3t-value")
                == "Email is null, flag true, ttl 3600, undefined, token [secret]")
        redactor.add("false")
        #expect(redactor.redact("false") == "false")
    }
}
