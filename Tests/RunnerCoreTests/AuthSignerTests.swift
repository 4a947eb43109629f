import CarrierCrypto
import CollectionModel
import Foundation
import JSONValue
import Testing
@testable import AuthSigning
import RunContracts
@testable import RunnerCore

/// Hawk, AWS SigV4, EdgeGrid, JWT, OAuth 2.0 and NTLM against vectors from independent implementations
/// (mohawk, botocore and AWS's own test suite, edgegrid-python, Python's hmac), with frozen time and nonces.
@Suite("Auth signing: Hawk, AWS v4, EdgeGrid, JWT, OAuth 2.0, NTLM")
struct AuthSignerTests {
    typealias F = AuthFixture

    @Test("hawk sha256 with payload hash, ext, app and dlg matches mohawk's mac and hash")
    func hawk() throws {
        let auth = F.auth("hawk", [("authId", "dh37fgj492je"), ("authKey", "werxhqb98rpaxn39848xrunpaw3489ruxnpa98w4rxn"),
                                   ("algorithm", "sha256"), ("extraData", "some-app-ext-data"), ("app", "my-app"),
                                   ("delegation", "d1"), ("includePayloadHash", true)])
        let request = F.request("POST", "http://example.com:8000/resource/1?b=1&a=2", headers: [("Content-Type", "text/plain")],
                                raw: "Thank you for flying Hawk")
        #expect(try F.build(request, auth).authorization == "Hawk id=\"dh37fgj492je\", ts=\"1700000000\", nonce=\"abcdef\", hash=\"Yi9LfIIFRtBEPt74PVmbTF/xVAwPn7ub15ePICfgnuY=\", ext=\"some-app-ext-data\", mac=\"m1ZNXuPIWywN3xCuWmdPYtFSQrF8jlDUIrY1osp7wAY=\", app=\"my-app\", dlg=\"d1\"")
    }

    @Test("hawk keeps a given timestamp and nonce, and refuses an unknown algorithm with a warning")
    func hawkGivenValues() throws {
        let auth = F.auth("hawk", [("authId", "id"), ("authKey", "key"), ("algorithm", "sha1"), ("timestamp", "12345"), ("nonce", "n1")])
        let header = try #require(try F.build(F.request("GET", "https://example.com/x"), auth).authorization)
        #expect(header.hasPrefix("Hawk id=\"id\", ts=\"12345\", nonce=\"n1\", mac=\""))
        let normalized = "hawk.1.header\n12345\nn1\nGET\n/x\nexample.com\n443\n\n\n"
        #expect(header.hasSuffix("mac=\"" + HMAC.mac(.sha1, key: "key", message: normalized).base64String + "\""))
        let refused = try F.build(F.request("GET", "https://example.com/x"), auth.setting([("algorithm", "md5")]))
        #expect(refused.authorization == nil)
        #expect(refused.warnings.contains { $0.contains("md5") })
    }

    @Test("awsv4 reproduces AWS's get-vanilla test vector")
    func awsVanilla() throws {
        let auth = F.auth("awsv4", [("accessKey", "AKIDEXAMPLE"), ("secretKey", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"),
                                    ("region", "us-east-1"), ("service", "service")])
        let built = try F.build(F.request("GET", "http://example.amazonaws.com/"), auth, settings: F.settings(now: 1_440_938_160_000))
        #expect(built.authorization == "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders=host;x-amz-date, Signature=5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31")
        #expect(built.request.headers.value(for: "X-Amz-Date") == "20150830T123600Z")
        #expect(built.request.headers.filter { $0.name.lowercased() == "host" }.map(\.value) == ["example.amazonaws.com"])
    }

    @Test("awsv4 POST with a body, session token, repeated query keys and an encoded path matches botocore")
    func awsBotocore() throws {
        let auth = F.auth("awsv4", [("accessKey", "AKIDEXAMPLE"), ("secretKey", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"),
                                    ("region", "eu-west-1"), ("sessionToken", "sess-token")])
        let request = F.request("POST", "http://example.com:8080/a/b%20c/?z=1&a=x%20y&a=b",
                                headers: [("Content-Type", "application/json")], raw: "{\"a\": 1}")
        let built = try F.build(request, auth)
        #expect(built.authorization == "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20231114/eu-west-1/execute-api/aws4_request, SignedHeaders=content-type;host;x-amz-content-sha256;x-amz-date;x-amz-security-token, Signature=6892a93350736b0c05a2bf9b449a6af27f3ccd13e10dd312ac6dd287a3664625")
        #expect(built.request.headers.value(for: "X-Amz-Security-Token") == "sess-token")
        #expect(built.request.headers.value(for: "X-Amz-Content-Sha256") == HashAlgorithm.sha256.hash("{\"a\": 1}").hexString)
    }

    @Test("awsv4 addAuthDataToQuery presigns in the query and sends no Authorization header")
    func awsQuery() throws {
        let auth = F.auth("awsv4", [("accessKey", "AK"), ("secretKey", "SK"), ("addAuthDataToQuery", true)])
        let built = try F.build(F.request("GET", "https://example.com/p?x=1"), auth)
        #expect(built.authorization == nil)
        let url = built.request.url
        #expect(url.hasPrefix("https://example.com/p?x=1&X-Amz-Date=20231114T221320Z&X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AK%2F20231114%2Fus-east-1%2Fexecute-api%2Faws4_request&X-Amz-SignedHeaders=host&X-Amz-Signature="))
    }

    @Test("edgegrid signs method, scheme, host, path, chosen headers and the POST body as edgegrid-python does")
    func edgegrid() throws {
        let auth = F.auth("edgegrid", [("accessToken", "akab-access-token"), ("clientToken", "akab-client-token"),
                                       ("clientSecret", "c2VjcmV0"), ("headersToSign", "x-a,X-B")])
        let request = F.request("POST", "https://akab-host.luna.akamaiapis.net/api/v1/x?y=1",
                                headers: [("X-A", "one   two"), ("x-b", "b"), ("Content-Type", "application/json")], raw: "{\"k\":\"v\"}")
        #expect(try F.build(request, auth).authorization == "EG1-HMAC-SHA256 client_token=akab-client-token;access_token=akab-access-token;timestamp=20231114T22:13:20+0000;nonce=\(F.uuid);signature=pPLNdsrLtsbJqEq4A5ouBwL9h8CamqPb7Ht5eDXvAzM=")
    }

    static let jwt = "eyJhbGciOiJIUzM4NCIsInR5cCI6IkpXVCIsImtpZCI6ImsxIiwieCI6WzEsMl19.eyJzdWIiOiJ1IiwibiI6MS41LCJvayI6dHJ1ZX0.rcjPJ6guPvasQD1NQKYxIF6tpVCEVueRpTb9JkUcAoUxAY2gV4H3SkqwS7FG_0MO"

    @Test("jwt HS384: alg first, the user's header after it (their alg ignored), payload as JSON.stringify writes it")
    func jwtHS384() throws {
        let parameters: [(String, JSONValue)] = [("algorithm", "HS384"), ("secret", "sekret"),
                                                 ("header", "{\"x\": [1, 2], \"kid\": \"k1\", \"typ\": \"JWT\", \"alg\": \"none\"}"),
                                                 ("payload", " {\"sub\": \"u\", \"n\": 1.5, \"ok\": true} ")]
        let built = try F.build(F.request("GET", "http://example.com/"), F.auth("jwt", parameters))
        #expect(built.authorization == "Bearer " + Self.jwt)
        #expect(built.generatedSecrets == [Self.jwt])
        let base64Secret = F.auth("jwt", parameters.filter { $0.0 != "secret" } + [
            ("secret", .string(Data("sekret".utf8).base64EncodedString())), ("isSecretBase64Encoded", true),
            ("addTokenTo", "queryParam"), ("queryParamKey", "jwt")])
        let inQuery = try F.build(F.request("GET", "http://example.com/?jwt=old"), base64Secret)
        #expect(inQuery.request.url == "http://example.com/?jwt=" + Self.jwt)
    }

    @Test("jwt RS256 and ES256 sign with PEM keys; a bad algorithm or a missing secret is a warning")
    func jwtAsymmetricAndErrors() throws {
        let rs = try F.build(F.request("GET", "http://example.com/"),
                             F.auth("jwt", [("algorithm", "RS256"), ("privateKey", .string(F.rsaKey)), ("payload", "{}")]))
        let token = try #require(rs.authorization?.dropFirst("Bearer ".count))
        let parts = token.split(separator: ".")
        #expect(parts.count == 3)
        #expect(parts.first == "eyJhbGciOiJSUzI1NiJ9")
        #expect(parts.last?.count == 171) // 128 signature bytes in base64url
        let none = try F.build(F.request("GET", "http://example.com/"), F.auth("jwt", [("algorithm", "none"), ("secret", "s")]))
        #expect(none.authorization == nil)
        #expect(none.warnings.contains { $0.contains("\"none\"") })
        let noSecret = try F.build(F.request("GET", "http://example.com/"), F.auth("jwt", [("algorithm", "HS256")]))
        #expect(noSecret.warnings.contains { $0.contains("Invalid secret key") })
    }

    @Test("oauth2 sends the given token with the header prefix, or as access_token in the query")
    func oauth2Given() throws {
        let header = try F.build(F.request("GET", "http://example.com/", headers: [("authorization", "x")]),
                                 F.auth("oauth2", [("accessToken", "tok"), ("headerPrefix", "Token")]))
        #expect(header.request.headers.filter { $0.name.lowercased() == "authorization" }.map(\.value) == ["Token tok"])
        let query = try F.build(F.request("GET", "http://example.com/?a=1&access_token=old", headers: [("Authorization", "x")]),
                                F.auth("oauth2", [("accessToken", "tok"), ("addTokenTo", "queryParams")]))
        #expect(query.request.url == "http://example.com/?a=1&access_token=tok")
        #expect(query.authorization == nil)
        let noPrefix = try F.build(F.request("GET", "http://example.com/?access_token=old"),
                                   F.auth("oauth2", [("accessToken", "tok"), ("headerPrefix", " ")]))
        #expect(noPrefix.authorization == "tok")
        #expect(noPrefix.request.url == "http://example.com/")
    }

    @Test("oauth2 client_credentials fetches a token once, reuses it, and fetches again after expires_in")
    func oauth2Fetch() throws {
        let calls = FetchRecorder()
        let fetcher: @Sendable (PreparedRequest) -> Result<HTTPResponse, TransportError> = { request in
            let count = calls.record(request)
            return .success(HTTPResponse(code: 200, body: Array("{\"access_token\":\"t\(count)\",\"expires_in\":60}".utf8)))
        }
        let auth = F.auth("oauth2", [("grant_type", "client_credentials"), ("accessTokenUrl", "http://auth.local/token"),
                                     ("clientId", "id"), ("clientSecret", "secret"), ("scope", "read write")])
        let first = try F.build(F.request("GET", "http://example.com/"), auth, settings: F.settings(fetcher: fetcher))
        #expect(first.authorization == "Bearer t1")
        #expect(first.generatedSecrets == ["t1"])
        let request = try #require(calls.requests.first)
        #expect(request.method == "POST")
        #expect(request.url == "http://auth.local/token")
        #expect(BuildFixture.text(request.body) == "grant_type=client_credentials&scope=read%20write")
        #expect(request.headers.value(for: "Authorization") == BasicAuthSigner.headerValue("id:secret"))

        let cache = OAuth2TokenCache()
        var later = F.settings(fetcher: fetcher)
        later.authContext.tokenCache = cache
        #expect(try F.build(F.request("GET", "http://example.com/"), auth, settings: later).authorization == "Bearer t2")
        #expect(try F.build(F.request("GET", "http://example.com/"), auth, settings: later).authorization == "Bearer t2")
        later.authContext.now = { F.now + 61_000 }
        #expect(try F.build(F.request("GET", "http://example.com/"), auth, settings: later).authorization == "Bearer t3")
        #expect(calls.requests.count == 3)
    }

    @Test("oauth2 with client credentials in the body, and a failing endpoint is a warning")
    func oauth2BodyAndFailure() throws {
        let calls = FetchRecorder()
        let fetcher: @Sendable (PreparedRequest) -> Result<HTTPResponse, TransportError> = { request in
            _ = calls.record(request)
            return .success(HTTPResponse(code: 401, body: Array("{\"error\":\"invalid_client\"}".utf8)))
        }
        let auth = F.auth("oauth2", [("grant_type", "password_credentials"), ("accessTokenUrl", "http://auth.local/token"),
                                     ("clientId", "id"), ("clientSecret", "s"), ("client_authentication", "body"),
                                     ("username", "ann"), ("password", "pw")])
        let built = try F.build(F.request("GET", "http://example.com/"), auth, settings: F.settings(fetcher: fetcher))
        #expect(built.authorization == nil)
        #expect(built.warnings.contains { $0.contains("answered 401") })
        let request = try #require(calls.requests.first)
        #expect(BuildFixture.text(request.body) == "grant_type=password&username=ann&password=pw&client_id=id&client_secret=s")
        #expect(request.headers.value(for: "Authorization") == nil)
    }

    @Test("ntlm hands the credentials to the transport and writes no header")
    func ntlm() throws {
        let built = try F.build(F.request("GET", "http://example.com/"),
                                F.auth("ntlm", [("username", "ann"), ("password", "pw"), ("domain", "CORP")]))
        #expect(built.authorization == nil)
        #expect(built.request.options.ntlmCredentials == NTLMCredentials(username: "ann", password: "pw", domain: "CORP"))
    }
}

/// Counts token requests from the `@Sendable` fetcher.
final class FetchRecorder: @unchecked Sendable {
    // Unchecked: `stored` is touched only under `lock`.
    private let lock = NSLock()
    private var stored: [PreparedRequest] = []

    func record(_ request: PreparedRequest) -> Int {
        lock.lock()
        defer { lock.unlock() }
        stored.append(request)
        return stored.count
    }

    var requests: [PreparedRequest] {
        lock.lock()
        defer { lock.unlock() }
        return stored
    }
}

/// ASAP's claims and key handling (signatures are verified end to end with PyJWT).
@Suite("Auth signing: ASAP")
struct AuthASAPTests {
    typealias F = AuthFixture

    @Test("asap puts the claims first, then iat, iss, sub (the issuer), jti (a UUID), aud and exp, with alg and kid in the header")
    func claims() throws {
        let auth = F.auth("asap", [("kid", "svc/k1"), ("iss", "svc"), ("aud", "api"), ("privateKey", .string(F.rsaKey)),
                                   ("claims", "{\"scope\": \"read\", \"iss\": \"from-claims\"}"), ("exp", "60")])
        let built = try F.build(F.request("GET", "http://example.com/"), auth)
        let token = try #require(built.authorization?.dropFirst("Bearer ".count))
        let parts = token.split(separator: ".").map(String.init)
        try #require(parts.count == 3)
        #expect(parts[0] == JWTToken.encodedSegment("{\"alg\":\"RS256\",\"kid\":\"svc/k1\"}"))
        #expect(parts[1] == JWTToken.encodedSegment("{\"scope\":\"read\",\"iss\":\"from-claims\",\"iat\":1700000000,\"sub\":\"from-claims\",\"jti\":\"\(F.uuid)\",\"aud\":\"api\",\"exp\":1700000060}"))
        #expect(parts[2].count == 171)
    }

    @Test("asap without an audience, or with a data URI for another kid, is a warning and no header")
    func refusals() throws {
        let missing = try F.build(F.request("GET", "http://example.com/"),
                                  F.auth("asap", [("kid", "k"), ("iss", "svc"), ("privateKey", .string(F.rsaKey))]))
        #expect(missing.authorization == nil)
        #expect(missing.warnings.contains { $0.contains("required claims missing") })
        let otherKid = try F.build(F.request("GET", "http://example.com/"),
                                   F.auth("asap", [("kid", "k"), ("iss", "svc"), ("aud", "a"),
                                                   ("privateKey", "data:application/pkcs8;kid=other;base64,AAAA")]))
        #expect(otherKid.warnings.contains { $0.contains("Failed to parse private key") })
    }
}
