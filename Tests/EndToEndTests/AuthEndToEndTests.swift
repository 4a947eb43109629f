import CarrierTestSupport
import Foundation
import JSONValue
import Testing

/// `carrier run` signing real requests that independent implementations verify: a Python peer
/// (Peers/auth_verifier_peer.py) checks each auth type with oauthlib, mohawk, botocore, edgegrid-python, PyJWT,
/// pyspnego or hashlib and answers 200 only for a valid signature.
@Suite("carrier run: every auth type accepted by an independent verifier", .serialized,
       .enabled(if: AuthPeer.venvPython != nil, "CARRIER_VENV is not set or has no bin/python: run `make test` to get the Python verifiers"))
struct AuthEndToEndTests {
    typealias F = CollectionFixture

    /// Runs the items against the shared peer and returns each item's response code and body by name.
    private func run(_ items: [JSONValue], auth: JSONValue? = nil) throws -> [String: (code: Int, body: String)] {
        if case .failure(let error) = AuthPeer.started {
            Issue.record("the Python verifier did not start (is `make venv` up to date?): \(error)")
            return [:]
        }
        let dir = try TemporaryDirectory()
        let collection = try dir.write("c.json", F.collection(items: items, auth: auth))
        let result = try CarrierProcess.run(["run", collection, "-r", "json", "--reporter-json-export", dir.path + "/s.json"])
        let summary = try JSONParser.parse(bytes: Array(try Data(contentsOf: URL(fileURLWithPath: dir.path + "/s.json"))))
        var codes: [String: (Int, String)] = [:]
        for execution in summary["run"]?["executions"]?.arrayValue ?? [] {
            guard let name = execution["item"]?["name"]?.stringValue else { continue }
            let code = execution["response"]?["code"]?.intValue ?? -1
            let bytes = execution["response"]?["stream"]?["data"]?.arrayValue?.compactMap { $0.intValue.map { UInt8(truncatingIfNeeded: $0) } } ?? []
            codes[name] = (code, String(decoding: bytes, as: UTF8.self) + " " + result.standardError)
        }
        return codes
    }

    private func expectAccepted(_ results: [String: (code: Int, body: String)], _ names: [String]) {
        for name in names {
            let result = results[name]
            #expect(result?.code == 200, "\(name): \(result?.code ?? -1) \(result?.body ?? "not run")")
        }
    }

    private var base: String { AuthPeer.shared?.baseURL ?? "http://127.0.0.1:9" }

    @Test("digest: MD5, MD5-sess, SHA-256, SHA-256-sess, qop auth/auth-int/none, each after the server's 401 challenge")
    func digest() throws {
        let cases: [(String, String, String, JSONValue?)] = [
            ("md5 auth", "MD5", "/digest?alg=MD5&qop=auth", nil),
            ("md5 no qop", "MD5", "/digest?alg=MD5&qop=none", nil),
            ("md5-sess", "MD5-sess", "/digest?alg=MD5-sess&qop=auth", nil),
            ("sha-256 auth-int", "SHA-256", "/digest?alg=SHA-256&qop=auth-int", ["mode": "raw", "raw": "{\"a\": 1}"]),
            ("sha-256-sess", "SHA-256-sess", "/digest?alg=SHA-256-sess&qop=auth", nil),
        ]
        // The algorithm comes from the auth block, as in Postman: each request names the one its server offers.
        let results = try run(cases.map { name, algorithm, path, body in
            F.request(name, method: body == nil ? "GET" : "POST", url: base + path, body: body,
                      auth: F.auth("digest", [("username", "ann"), ("password", "digest-pw"), ("algorithm", algorithm)]))
        } + [F.request("inherited", url: base + "/digest?alg=MD5&qop=auth")],
            auth: F.auth("digest", [("username", "ann"), ("password", "digest-pw")]))
        expectAccepted(results, cases.map(\.0) + ["inherited"])
    }

    @Test("digest with disableRetryRequest keeps the server's 401")
    func digestNoRetry() throws {
        let results = try run([F.request("no retry", url: base + "/digest?alg=MD5&qop=auth",
                                         auth: F.auth("digest", [("username", "ann"), ("password", "digest-pw"),
                                                                 ("disableRetryRequest", "true")]))])
        #expect(results["no retry"]?.code == 401)
    }

    @Test("oauth1: HMAC-SHA1/256/512, RSA-SHA256 and PLAINTEXT in header, body and query verify with oauthlib")
    func oauth1() throws {
        let rsaKey = AuthPeer.shared?.rsaPrivateKey ?? ""
        func auth(_ method: String, _ extra: [(String, String)] = []) -> JSONValue {
            F.auth("oauth1", [("consumerKey", "ck"), ("consumerSecret", "cs"), ("token", "tk"), ("tokenSecret", "ts"),
                              ("signatureMethod", method), ("version", "1.0"), ("privateKey", rsaKey)] + extra)
        }
        let form: JSONValue = ["mode": "urlencoded", "urlencoded": [["key": "a b", "value": "c+d&e"], ["key": "z", "value": "1"]]]
        let results = try run([
            F.request("sha1 header", url: base + "/oauth1?x=1&y=a%20b&plus=%2B", auth: auth("HMAC-SHA1", [("addParamsToHeader", "true"), ("realm", "carrier")])),
            F.request("sha256 body", method: "POST", url: base + "/oauth1?q=1", body: form, auth: auth("HMAC-SHA256")),
            F.request("sha512 query", url: base + "/oauth1?q=x%2Fy", auth: auth("HMAC-SHA512")),
            F.request("rsa header", url: base + "/oauth1", auth: auth("RSA-SHA256", [("addParamsToHeader", "true")])),
            F.request("plaintext header", url: base + "/oauth1", auth: auth("PLAINTEXT", [("addParamsToHeader", "true")])),
            F.request("body hash", method: "PUT", url: base + "/oauth1", body: ["mode": "raw", "raw": "{\"k\": 1}"],
                      auth: auth("HMAC-SHA1", [("addParamsToHeader", "true"), ("includeBodyHash", "true")])),
        ])
        expectAccepted(results, ["sha1 header", "sha256 body", "sha512 query", "rsa header", "plaintext header", "body hash"])
    }

    @Test("hawk: sha256 with ext and app, sha1 with a payload hash verify with mohawk")
    func hawk() throws {
        let results = try run([
            F.request("sha256", url: base + "/hawk?a=1",
                      auth: F.auth("hawk", [("authId", "hid"), ("authKey", "hawk-key"), ("algorithm", "sha256"),
                                            ("extraData", "ext data"), ("app", "app-1"), ("delegation", "dlg-1")])),
            F.request("sha1 payload", method: "POST", url: base + "/hawk", headers: [("Content-Type", "text/plain")],
                      body: ["mode": "raw", "raw": "hello hawk"],
                      auth: F.auth("hawk", [("authId", "hid1"), ("authKey", "hawk-key"), ("algorithm", "sha1"),
                                            ("includePayloadHash", "true")])),
        ])
        expectAccepted(results, ["sha256", "sha1 payload"])
    }

    @Test("awsv4: GET with a query, POST with a body and session token, S3 and an S3 presigned URL, all re-signed equal by botocore")
    func aws() throws {
        func auth(_ extra: [(String, String)]) -> JSONValue {
            F.auth("awsv4", [("accessKey", "AKIDCARRIER"), ("secretKey", "aws-secret"), ("region", "eu-west-1")] + extra)
        }
        let results = try run([
            F.request("get", url: base + "/aws?b=2&a=1&a=0&sp=a%20b", auth: auth([("service", "execute-api")])),
            F.request("post", method: "POST", url: base + "/aws", headers: [("Content-Type", "application/json")],
                      body: ["mode": "raw", "raw": "{\"a\": 1}"], auth: auth([("service", "lambda"), ("sessionToken", "sess-1")])),
            F.request("s3", url: base + "/aws", auth: auth([("service", "s3")])),
            F.request("s3 presigned", url: base + "/aws-presigned?list-type=2&prefix=a%20b",
                      auth: auth([("service", "s3"), ("addAuthDataToQuery", "true")])),
        ])
        expectAccepted(results, ["get", "post", "s3", "s3 presigned"])
    }

    @Test("edgegrid: a POST with signed headers and a body hash matches edgegrid-python")
    func edgegrid() throws {
        let results = try run([
            F.request("post", method: "POST", url: base + "/edgegrid?sign=x-custom,x-other", headers: [("X-Custom", "a   b"), ("Content-Type", "application/json")],
                      body: ["mode": "raw", "raw": "{\"k\": \"v\"}"],
                      auth: F.auth("edgegrid", [("accessToken", "akab-at"), ("clientToken", "akab-ct"), ("clientSecret", "eg-secret"),
                                                ("headersToSign", "X-Custom,x-other")])),
            F.request("get", url: base + "/edgegrid?x=1",
                      auth: F.auth("edgegrid", [("accessToken", "akab-at"), ("clientToken", "akab-ct"), ("clientSecret", "eg-secret")])),
        ])
        expectAccepted(results, ["post", "get"])
    }

    @Test("jwt: HS256 in the header, HS512 in the query, RS256, PS384 and ES256 decode with PyJWT")
    func jwt() throws {
        let peer = AuthPeer.shared
        func auth(_ algorithm: String, _ extra: [(String, String)] = []) -> JSONValue {
            F.auth("jwt", [("algorithm", algorithm), ("secret", "jwt-secret"), ("payload", "{\"sub\": \"carrier\", \"n\": 1}"),
                           ("header", "{\"typ\": \"JWT\"}")] + extra)
        }
        let results = try run([
            F.request("HS256", url: base + "/jwt/HS256", auth: auth("HS256")),
            F.request("HS512 query", url: base + "/jwt/HS512", auth: auth("HS512", [("addTokenTo", "queryParam")])),
            F.request("RS256", url: base + "/jwt/RS256", auth: auth("RS256", [("privateKey", peer?.rsaPrivateKey ?? "")])),
            F.request("PS384", url: base + "/jwt/PS384", auth: auth("PS384", [("privateKey", peer?.rsaPrivateKey ?? "")])),
            F.request("ES256", url: base + "/jwt/ES256", auth: auth("ES256", [("privateKey", peer?.ecPrivateKey ?? "")])),
        ])
        expectAccepted(results, ["HS256", "HS512 query", "RS256", "PS384", "ES256"])
    }

    @Test("asap: RS256 and ES256 tokens with kid, iss, aud and generated jti/iat/exp decode with PyJWT")
    func asap() throws {
        let peer = AuthPeer.shared
        func auth(_ algorithm: String, _ key: String) -> JSONValue {
            F.auth("asap", [("alg", algorithm), ("kid", "carrier/key1"), ("iss", "carrier"), ("aud", "carrier-peer"),
                            ("privateKey", key), ("claims", "{\"scope\": \"read\"}")])
        }
        let results = try run([
            F.request("RS256", url: base + "/asap", auth: auth("RS256", peer?.rsaPrivateKey ?? "")),
            F.request("ES256", url: base + "/asap", auth: auth("ES256", peer?.ecPrivateKey ?? "")),
        ])
        expectAccepted(results, ["RS256", "ES256"])
    }

    @Test("oauth2: a client_credentials token is fetched from the token endpoint and accepted by the resource")
    func oauth2() throws {
        let auth = F.auth("oauth2", [("grant_type", "client_credentials"), ("accessTokenUrl", base + "/oauth2/token"),
                                     ("clientId", "cid"), ("clientSecret", "csecret"), ("scope", "read")])
        let results = try run([F.request("first", url: base + "/oauth2/resource"),
                               F.request("second", url: base + "/oauth2/resource")], auth: auth)
        expectAccepted(results, ["first", "second"])
    }

    @Test("ntlm: libcurl's handshake is accepted by pyspnego's NTLM acceptor")
    func ntlm() throws {
        let results = try run([F.request("ntlm", url: base + "/ntlm",
                                         auth: F.auth("ntlm", [("username", "ann"), ("password", "ntlm-pw"), ("domain", "CORP")]))])
        expectAccepted(results, ["ntlm"])
    }
}

/// The Python verifier, started once for the whole suite from `$CARRIER_VENV/bin/python`. It exits when the test
/// process does (it watches its stdin).
final class AuthPeer: @unchecked Sendable {
    // Unchecked: immutable after init.
    let process: Process
    let input: Pipe
    let baseURL: String
    let rsaPrivateKey: String
    let ecPrivateKey: String

    static var venvPython: String? {
        guard let venv = ProcessInfo.processInfo.environment["CARRIER_VENV"] else { return nil }
        let python = venv + "/bin/python"
        return FileManager.default.isExecutableFile(atPath: python) ? python : nil
    }

    static let started: Result<AuthPeer, any Error> = Result { try AuthPeer() }
    static var shared: AuthPeer? { try? started.get() }

    private init() throws {
        guard let python = Self.venvPython else { throw PeerError(message: "no $CARRIER_VENV/bin/python") }
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Peers/auth_verifier_peer.py").path
        process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = [script]
        let output = Pipe()
        input = Pipe()
        process.standardOutput = output
        process.standardInput = input
        try process.run()
        var line = Data()
        while !line.contains(UInt8(ascii: "\n")) {
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { throw PeerError(message: "it exited before printing its port (see the test's stderr)") }
            line.append(chunk)
        }
        let ready = try JSONParser.parse(bytes: Array(line.prefix { $0 != UInt8(ascii: "\n") }))
        baseURL = "http://127.0.0.1:" + (ready["port"]?.javaScriptString ?? "9")
        rsaPrivateKey = ready["rsaPrivateKey"]?.stringValue ?? ""
        ecPrivateKey = ready["ecPrivateKey"]?.stringValue ?? ""
    }
}

/// Why the verifier could not be started.
struct PeerError: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}
