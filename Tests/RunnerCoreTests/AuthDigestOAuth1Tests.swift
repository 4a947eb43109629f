import CarrierCrypto
import CollectionModel
import Foundation
import JSONValue
import Testing
@testable import AuthSigning
import RunContracts
@testable import RunnerCore

/// Digest and OAuth 1.0a against vectors computed with Python's hashlib and oauthlib (frozen time and nonces).
@Suite("Auth signing: Digest and OAuth 1.0a")
struct AuthDigestOAuth1Tests {
    typealias F = AuthFixture
    static let nonce = "dcd98b7102dd2f0e8b11d0f600bfb0c093"
    static let opaque = "5ccc069c403ebaf9f0171e9517f40e41"

    static func digest(_ extra: [(String, JSONValue)]) -> Auth {
        F.auth("digest", [("username", "Mufasa"), ("password", "Circle Of Life"), ("realm", "testrealm@host.com"),
                          ("nonce", .string(nonce))] + extra)
    }

    @Test("digest MD5 with qop=auth: the header, in the runtime's order, carries the response hashlib computes")
    func digestMD5Auth() throws {
        let auth = Self.digest([("qop", "auth"), ("nonceCount", "00000001"), ("clientNonce", "0a4f113b"), ("opaque", .string(Self.opaque))])
        let built = try F.build(F.request("GET", "http://example.com/dir/index.html?x=1"), auth)
        #expect(built.authorization == "Digest username=\"Mufasa\", realm=\"testrealm@host.com\", nonce=\"\(Self.nonce)\", uri=\"/dir/index.html?x=1\", algorithm=\"MD5\", qop=auth, nc=00000001, cnonce=\"0a4f113b\", response=\"a084f279bd7e0ef83bf33e8098b8ba1d\", opaque=\"\(Self.opaque)\"")
    }

    @Test("digest without qop leaves out qop, nc and cnonce")
    func digestNoQop() throws {
        let built = try F.build(F.request("GET", "http://example.com/dir/index.html?x=1"), Self.digest([]))
        #expect(built.authorization == "Digest username=\"Mufasa\", realm=\"testrealm@host.com\", nonce=\"\(Self.nonce)\", uri=\"/dir/index.html?x=1\", algorithm=\"MD5\", response=\"cce60ec544d014f262e3860fc524240c\"")
    }

    @Test("digest SHA-256-sess with auth-int hashes the body into A2")
    func digestSHA256SessAuthInt() throws {
        let auth = Self.digest([("algorithm", "SHA-256-sess"), ("qop", "auth-int"), ("nonceCount", "00000001"), ("clientNonce", "0a4f113b")])
        let built = try F.build(F.request("POST", "http://example.com/api", raw: "{\"a\":1}"), auth)
        #expect(built.authorization?.contains("response=\"7f926051ab3b6bec2faa758f906809100f482bf7e0c00de2e2e6af5e15e9ca49\"") == true)
        #expect(built.authorization?.contains("algorithm=\"SHA-256-sess\", qop=auth-int, nc=00000001, cnonce=\"0a4f113b\"") == true)
    }

    @Test("digest without a nonce goes unsigned; a 401 challenge yields the auth to replay with, only once")
    func digestChallenge() throws {
        let bare = F.auth("digest", [("username", "Mufasa"), ("password", "Circle Of Life")])
        let unsigned = try F.build(F.request("GET", "http://example.com/dir/index.html"), bare)
        #expect(unsigned.authorization == nil)
        let challenge = HTTPResponse(code: 401, headers: [
            HTTPHeader("WWW-Authenticate", "Basic realm=\"x\""),
            HTTPHeader("WWW-Authenticate", "Digest realm=\"testrealm@host.com\", qop=\"auth\", nonce=\"\(Self.nonce)\", opaque=\"\(Self.opaque)\""),
        ])
        let context = F.settings().authContext
        let replay = try #require(AuthSigners.retry(after: challenge, auth: bare, context: context))
        #expect(replay.string("nonce") == Self.nonce)
        #expect(replay.string("realm") == "testrealm@host.com")
        #expect(replay.string("qop") == "auth")
        #expect(replay.string("opaque") == Self.opaque)
        #expect(replay.string("clientNonce") == "abcdefgh")
        #expect(replay.string("nonceCount") == "00000001")
        let signed = try F.build(F.request("GET", "http://example.com/dir/index.html"), replay)
        #expect(signed.authorization?.hasPrefix("Digest username=\"Mufasa\", realm=\"testrealm@host.com\"") == true)
        // Everything the server asked for is now known: a second 401 stands (no endless replays).
        #expect(AuthSigners.retry(after: challenge, auth: replay, context: context) == nil)
        #expect(AuthSigners.retry(after: HTTPResponse(code: 200), auth: bare, context: context) == nil)
        let disabled = bare.setting([("disableRetryRequest", "true")])
        #expect(AuthSigners.retry(after: challenge, auth: disabled, context: context) == nil)
    }

    @Test("digest SHA-512-256 is refused with a warning naming the algorithm")
    func digestUnsupported() throws {
        let built = try F.build(F.request("GET", "http://example.com/"), Self.digest([("algorithm", "SHA-512-256")]))
        #expect(built.authorization == nil)
        #expect(built.warnings.contains { $0.contains("SHA-512-256") })
    }

    static func oauth1(_ extra: [(String, JSONValue)]) -> Auth {
        F.auth("oauth1", [("consumerKey", "ck"), ("consumerSecret", "cs&x"), ("token", "tk"), ("tokenSecret", "ts"),
                          ("version", "1.0")] + extra)
    }

    static let form = [("d", "4 4"), ("e", "+")]

    @Test("oauth1 HMAC-SHA1 in the header signs query and form parameters as oauthlib does")
    func oauth1Header() throws {
        let auth = Self.oauth1([("signatureMethod", "HMAC-SHA1"), ("addParamsToHeader", true), ("realm", "r")])
        let built = try F.build(F.request("POST", "http://Example.COM:8080/path/a b?b=2&a=1&c=", form: Self.form), auth)
        #expect(built.authorization == "OAuth realm=\"r\",oauth_consumer_key=\"ck\",oauth_token=\"tk\",oauth_signature_method=\"HMAC-SHA1\",oauth_timestamp=\"1700000000\",oauth_nonce=\"abcdefghijk\",oauth_version=\"1.0\",oauth_signature=\"ET3v4tbdf0QYtFvo%2F%2F5Qf%2BL5HIM%3D\"")
        #expect(BuildFixture.text(built.request.body) == "d=4%204&e=%2B")
    }

    @Test("oauth1 HMAC-SHA256 on a POST form adds the parameters to the body")
    func oauth1Body() throws {
        let auth = Self.oauth1([("signatureMethod", "HMAC-SHA256")])
        let built = try F.build(F.request("POST", "http://Example.COM:8080/path/a b?b=2&a=1&c=", form: Self.form), auth)
        #expect(built.authorization == nil)
        let body = try #require(BuildFixture.text(built.request.body))
        #expect(body.hasPrefix("d=4%204&e=%2B&oauth_consumer_key=ck&oauth_token=tk&oauth_signature_method=HMAC-SHA256"))
        #expect(body.hasSuffix("&oauth_signature=wqgobgVGhUbh%2BkivcsuG2n2AqoJDFid2NgrZWpmvLD8%3D"))
        #expect(built.request.url == "http://example.com:8080/path/a%20b?b=2&a=1&c=")
    }

    @Test("oauth1 RSA-SHA256 with a PEM key signs like oauthlib and goes in the query")
    func oauth1RSA() throws {
        let auth = F.auth("oauth1", [("consumerKey", "ck"), ("privateKey", .string(F.rsaKey)), ("signatureMethod", "RSA-SHA256")])
        let built = try F.build(F.request("GET", "http://example.com/r"), auth)
        #expect(built.warnings.isEmpty)
        let signature = "R8owybuS8aobw0nBR4Lz8atMAReV+uy4KKaiWP2Mbwvv2jOl2IOPzEtNPlQ4hms+GkJJCt+veb7I3KRrxyzsyziwilpRAfA6icPrtowOuTb4lwEs0m3nczFG96MgCHWglRVRH7o+Rpchf5YFDiCKFQ01G6ERBz+1HneB/Cqlnh0="
        #expect(built.request.url == "http://example.com/r?oauth_consumer_key=ck&oauth_signature_method=RSA-SHA256&oauth_timestamp=1700000000&oauth_nonce=abcdefghijk&oauth_signature=" + RFC3986.encode(signature))
    }

    @Test("oauth1 PLAINTEXT sends the encoded secrets; an unknown method is refused with a warning")
    func oauth1PlaintextAndUnknown() throws {
        let plain = try F.build(F.request("GET", "http://example.com/"), Self.oauth1([("signatureMethod", "PLAINTEXT"), ("addParamsToHeader", true)]))
        #expect(plain.authorization?.hasSuffix("oauth_signature=\"cs%2526x%26ts\"") == true)
        let unknown = try F.build(F.request("GET", "http://example.com/"), Self.oauth1([("signatureMethod", "HMAC-MD5")]))
        #expect(unknown.request.url == "http://example.com/")
        #expect(unknown.warnings.contains { $0.contains("HMAC-MD5") })
    }

    @Test("oauth1 includeBodyHash adds oauth_body_hash of a raw body; empty parameters are left out unless asked")
    func oauth1BodyHashAndEmpty() throws {
        let auth = Self.oauth1([("addParamsToHeader", true), ("includeBodyHash", true), ("token", ""), ("verifier", " ")])
        let built = try F.build(F.request("PUT", "http://example.com/", raw: "hello"), auth)
        let header = try #require(built.authorization)
        #expect(header.contains("oauth_body_hash=\"" + RFC3986.encode(HashAlgorithm.sha1.hash("hello").base64String) + "\""))
        #expect(!header.contains("oauth_token="))
        #expect(!header.contains("oauth_verifier="))
        let withEmpty = try F.build(F.request("PUT", "http://example.com/", raw: "hello"),
                                    auth.setting([("addEmptyParamsToSign", "true")]))
        #expect(withEmpty.authorization?.contains("oauth_token=\"\"") == true)
    }

    @Test("oauth1's base URL lower-cases scheme and host and keeps only a port other than 80 and 443")
    func oauth1BaseURL() {
        func base(_ url: String) -> String {
            OAuth1AuthSigner.baseURL(NodeURL(SignableRequest(method: "GET", url: RequestURL.parse(url), headers: [], body: nil,
                                                             protocolProfileBehavior: [:])))
        }
        #expect(base("HTTPS://Example.COM:443/A/b c?x=1") == "https://example.com/A/b%20c")
        #expect(base("http://h:8080") == "http://h:8080/")
        #expect(base("https://h:80/p") == "https://h/p")
    }
}
