import CarrierTestSupport
import Foundation
import HTTPServer
import JSONValue
import Testing

/// An echo server that also issues a session cookie of its own (a secret Carrier was never told about).
final class SessionEchoServer: Sendable {
    static let sessionCookie = "Srv-sess-90ffe1"
    let server: HTTPServer
    private let log = ReceivedLog()

    init() throws {
        let log = self.log
        server = HTTPServer(handler: HTTPReplyHandler { request in
            log.append(request)
            if request.path == "/login" {
                return .response(HTTPResponse(status: 200, headers: [
                    HTTPField(name: "Set-Cookie", value: "session=\(SessionEchoServer.sessionCookie); Path=/; HttpOnly"),
                    HTTPField(name: "Content-Type", value: "application/json"),
                ], body: Array("{\"ok\":true}".utf8)))
            }
            var headers = JSONObject()
            for field in request.headers { headers[field.name.lowercased()] = .string(field.value) }
            let echo: JSONValue = ["method": .string(request.method), "target": .string(request.target),
                                   "headers": .object(headers), "body": .string(request.bodyText)]
            return .response(HTTPResponse(status: 200, headers: [HTTPField(name: "Content-Type", value: "application/json")],
                                          body: Array(echo.serialized().utf8)))
        })
        try server.start()
    }
    deinit { server.stop() }
    var baseURL: String { server.baseURL }
    var requests: [HTTPRequest] { log.all }
}

/// Requests seen by a test server, guarded for its connection threads.
final class ReceivedLog: @unchecked Sendable {
    // Unchecked: every access holds `lock`.
    private let lock = NSLock()
    private var requests: [HTTPRequest] = []
    func append(_ request: HTTPRequest) { lock.lock(); requests.append(request); lock.unlock() }
    var all: [HTTPRequest] { lock.lock(); defer { lock.unlock() }; return requests }
}

/// A secret planted in one place, and every form it may take in output.
struct PlantedSecret: Sendable {
    var place: String
    var value: String
    /// Extra forms beyond the standard encodings (e.g. the base64 of `user:password`).
    var extraForms: [String] = []

    var forms: [String] {
        var result = [value] + extraForms
        let sets: [CharacterSet] = [.alphanumerics, .urlQueryAllowed, .urlPathAllowed, .urlUserAllowed]
        for set in sets { if let encoded = value.addingPercentEncoding(withAllowedCharacters: set) { result.append(encoded) } }
        result.append(value.replacingOccurrences(of: " ", with: "+"))
        var json = ""
        JSONValue.writeQuoted(value, into: &json)
        result.append(String(json.dropFirst().dropLast()))
        let xml = value.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "\"", with: "&quot;")
            .replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
            .replacingOccurrences(of: "'", with: "&apos;")
        result.append(xml)
        result.append(xml.replacingOccurrences(of: "&apos;", with: "&#39;"))
        result.append(Data(value.utf8).base64EncodedString())
        // JavaScript single-quoted, as chai and util.inspect print strings in messages.
        result.append(value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "'", with: "\\'"))
        return Array(Set(result))
    }
}

/// Plants known secrets in every place a collection run carries them, runs every reporter and every export, and
/// greps every byte Carrier wrote for each secret in each of its encodings.
@Suite("secrets never leak", .serialized)
struct SecretLeakTests {
    static let basicPassword = "Bpw-91fk27"
    static let proxyCredentials = Data("proxyuser:Prx-pw-77a1".utf8).base64EncodedString()
    static let special = "p@ss w/rd&\"x<y>'z"

    static let secrets: [PlantedSecret] = [
        PlantedSecret(place: "basic auth password (collection variables)", value: basicPassword,
                      extraForms: [Data("ann:\(basicPassword)".utf8).base64EncodedString()]),
        PlantedSecret(place: "bearer token", value: "Bearer-tok-3b8e1f"),
        PlantedSecret(place: "Proxy-Authorization header", value: "Prx-pw-77a1", extraForms: [proxyCredentials]),
        PlantedSecret(place: "Cookie header", value: "Ck-lit-5521ab"),
        PlantedSecret(place: "apikey auth header", value: "Akh-4417cd"),
        PlantedSecret(place: "apikey auth query parameter", value: "Akq-8812ef"),
        PlantedSecret(place: "variable typed secret", value: "Typed-sec-1a2b3c"),
        PlantedSecret(place: "variable named *password*", value: "Pw-name-0a1"),
        PlantedSecret(place: "variable named *passwd*", value: "Passwd-name-0b2"),
        PlantedSecret(place: "variable named *secret*", value: "Sec-name-0c3"),
        PlantedSecret(place: "variable named *token*", value: "Tok-name-0d4"),
        PlantedSecret(place: "variable named *apikey*", value: "Apikey-name-0e5"),
        PlantedSecret(place: "variable named *api_key*", value: "Api_key-name-0f6"),
        PlantedSecret(place: "variable named *credential*", value: "Cred-name-107"),
        PlantedSecret(place: "variable named *private*", value: "Priv-name-118"),
        PlantedSecret(place: "--env-var NAME from the process environment", value: "Ci-env-val-229"),
        PlantedSecret(place: "password with URL, JSON and XML special characters", value: special),
        PlantedSecret(place: "global named *token*", value: "Glob-tok-33a"),
    ]

    /// The collection: every secret goes out in headers, URLs and bodies, comes back in the echo, and is
    /// printed by scripts and assertion messages.
    private func collection(_ base: String) -> String {
        let everything = "{{dbPassword}} {{db_passwd}} {{clientSecret}} {{refreshToken}} {{myApiKey}} {{my_api_key}} "
            + "{{credentialX}} {{privateThing}} {{alpha}} {{CI_THING}} {{SCIMPassword}} {{globalToken}}"
        let scripts = """
        console.log('pw', pm.environment.get('SCIMPassword'), pm.variables.get('refreshToken'), pm.variables.get('pw'));
        pm.test('password is x', function () { pm.expect(pm.environment.get('SCIMPassword')).to.equal('x'); });
        pm.test('token is y', function () { pm.expect(pm.variables.get('refreshToken')).to.eql('y'); });
        console.error(btoa('ann:' + pm.variables.get('pw')));
        """
        return Fixture.collection(
            items: [
                Fixture.request("login", url: base + "/login", prerequest: "console.log(pm.variables.get('alpha'))"),
                Fixture.request("headers", method: "POST", url: base + "/h/{{dbPassword}}?t={{refreshToken}}&p={{SCIMPassword}}&c={{CI_THING}}",
                                headers: [("Proxy-Authorization", "Basic \(SecretLeakTests.proxyCredentials)"),
                                          ("Cookie", "sid=Ck-lit-5521ab"), ("X-Alpha", "{{alpha}}"), ("X-Pw", "{{db_passwd}}"),
                                          ("X-Everything", everything)],
                                body: ["mode": "raw", "raw": .string("{\"all\": \"\(everything)\", \"special\": \"{{SCIMPassword}}\"}"),
                                       "options": ["raw": ["language": "json"]]],
                                tests: scripts),
                Fixture.request("form", method: "POST", url: base + "/form",
                                body: ["mode": "urlencoded", "urlencoded": [
                                    ["key": "password", "value": "{{SCIMPassword}}"], ["key": "secret", "value": "{{clientSecret}}"],
                                    ["key": "k", "value": "{{myApiKey}}"], ["key": "g", "value": "{{globalToken}}"]]],
                                tests: "throw new Error('failed with ' + pm.environment.get('dbPassword'));"),
                Fixture.folder("bearer", [
                    Fixture.request("bearer", url: base + "/bearer/{{credentialX}}/{{privateThing}}/{{my_api_key}}"),
                    Fixture.request("apikey header", url: base + "/ak",
                                    auth: Fixture.auth("apikey", [("key", "X-Api-Key"), ("value", "{{ak}}"), ("in", "header")])),
                    Fixture.request("apikey query", url: base + "/aq",
                                    auth: Fixture.auth("apikey", [("key", "api_key"), ("value", "{{aq}}"), ("in", "query")])),
                    Fixture.request("bad url", url: "http://[{{clientSecret}}/x"),
                ], auth: Fixture.auth("bearer", [("token", "{{bt}}")])),
            ],
            auth: Fixture.auth("basic", [("username", "{{user}}"), ("password", "{{pw}}")]),
            variables: [("user", "ann"), ("pw", SecretLeakTests.basicPassword), ("myApiKey", "Apikey-name-0e5")])
    }

    private func environment() -> String {
        Fixture.variableFile(name: "prod", [
            ("bt", "Bearer-tok-3b8e1f", "default"), ("ak", "Akh-4417cd", "default"), ("aq", "Akq-8812ef", "default"),
            ("alpha", "Typed-sec-1a2b3c", "secret"), ("dbPassword", "Pw-name-0a1", "default"),
            ("db_passwd", "Passwd-name-0b2", "default"), ("clientSecret", "Sec-name-0c3", "default"),
            ("refreshToken", "Tok-name-0d4", "default"), ("my_api_key", "Api_key-name-0f6", "default"),
            ("credentialX", "Cred-name-107", "default"), ("privateThing", "Priv-name-118", "default"),
            ("SCIMPassword", SecretLeakTests.special, "default"),
        ])
    }

    private struct Leak: CustomStringConvertible {
        var secret: String, form: String, file: String, context: String
        var description: String { "\(secret) as \"\(form)\" in \(file): …\(context)…" }
    }

    /// Every occurrence of every form of every secret in `text`.
    private func leaks(in text: String, file: String, secrets: [PlantedSecret]) -> [Leak] {
        var found: [Leak] = []
        for secret in secrets {
            for form in secret.forms where form.count >= 3 {
                if let range = text.range(of: form) {
                    let start = text.index(range.lowerBound, offsetBy: -40, limitedBy: text.startIndex) ?? text.startIndex
                    let end = text.index(range.upperBound, offsetBy: 40, limitedBy: text.endIndex) ?? text.endIndex
                    found.append(Leak(secret: secret.place, form: form, file: file, context: String(text[start..<end])))
                }
            }
        }
        return found
    }

    /// Every file under `directory`, recursively, with its text.
    private func filesWritten(under directory: String) -> [(String, String)] {
        guard let enumerator = FileManager.default.enumerator(atPath: directory) else { return [] }
        var result: [(String, String)] = []
        for case let relative as String in enumerator {
            let path = directory + "/" + relative
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue,
                  let data = FileManager.default.contents(atPath: path) else { continue }
            result.append((relative, String(decoding: data, as: UTF8.self)))
            // The JSON report writes bodies as Node Buffers (byte arrays): an encoding that grep alone misses.
            if relative.hasSuffix(".json"), let document = try? JSONParser.parse(bytes: [UInt8](data)) {
                let bodies = bufferTexts(in: document)
                if !bodies.isEmpty { result.append((relative + " (Buffer bodies)", bodies.joined(separator: "\n"))) }
            }
        }
        return result
    }

    private func bufferTexts(in value: JSONValue) -> [String] {
        switch value {
        case .object(let object):
            if object["type"] == "Buffer", let data = object["data"]?.arrayValue {
                return [String(decoding: data.compactMap { $0.doubleValue.map { UInt8(clamping: Int($0)) } }, as: UTF8.self)]
            }
            return object.members.flatMap { bufferTexts(in: $0.value) }
        case .array(let items):
            return items.flatMap { bufferTexts(in: $0) }
        default:
            return []
        }
    }

    private func run(_ reporterArguments: [String], server: SessionEchoServer) throws -> (BoundedRun, [(String, String)]) {
        let inputs = try TemporaryDirectory()
        let outputs = try TemporaryDirectory()
        let collection = try inputs.write("c.json", collection(server.baseURL))
        let env = try inputs.write("e.json", environment())
        let globals = try inputs.write("g.json", Fixture.variableFile(name: "globals", [("globalToken", "Glob-tok-33a", "default")]))
        let o = outputs.path
        let arguments = ["run", collection, "-e", env, "-g", globals, "--env-var", "CI_THING", "--timeout-request", "5000"]
            + reporterArguments
            + ["--export-environment", o + "/env-out.json", "--export-globals", o + "/globals-out.json",
               "--export-collection", o + "/collection-out.json", "--export-cookie-jar", o + "/jar-out.json"]
        let result = try BoundedRun.carrier(arguments, in: o, environment: ["CI_THING": "Ci-env-val-229"], seconds: 90)
        var written = filesWritten(under: o)
        written.append(("stdout", result.standardOutput))
        written.append(("stderr", result.standardError))
        return (result, written)
    }

    @Test("every reporter (cli --verbose, json, junit, html) and every export: zero hits for every planted secret")
    func allReportersAndExports() throws {
        let server = try SessionEchoServer()
        let (result, written) = try run(["-r", "cli,json,junit,html", "--verbose", "--reporter-json-export", "report.json", "--reporter-html-export", "report.html",
                                         "--reporter-junit-export", "junit.xml"], server: server)
        #expect(!result.timedOut && !result.signalled)
        #expect(result.exitCode == 1, "the bad URL fails its request: \(result.standardError)")
        // Planted for real: each secret reached the server (all but the one only in an invalid URL).
        let wire = server.requests.map { "\($0.target)\n\($0.headers.map { "\($0.name): \($0.value)" }.joined(separator: "\n"))\n\($0.bodyText)" }
            .joined(separator: "\n")
        for secret in SecretLeakTests.secrets {
            #expect(secret.forms.contains { wire.contains($0) }, "\(secret.place) never went out; the test plants nothing")
        }
        #expect(wire.contains(SessionEchoServer.sessionCookie), "the server's session cookie was not sent back")
        let names = Set(written.map(\.0))
        #expect(names.contains("report.json (Buffer bodies)"), "response bodies were scanned")
        #expect(names.isSuperset(of: ["report.json", "report.html", "junit.xml", "env-out.json", "globals-out.json", "collection-out.json",
                                      "jar-out.json", "stdout"]), "\(names)")
        #expect(result.standardOutput.contains("X-Alpha"), "--verbose shows headers")
        // The scripts ran: their assertion and error messages carried secrets, and show the mask instead.
        #expect(result.standardOutput.contains("expected '[secret]' to equal 'x'"), "\(result.standardOutput.suffix(3000))")
        #expect(result.standardOutput.contains("failed with [secret]"))
        let server_ = PlantedSecret(place: "session cookie set by the server", value: SessionEchoServer.sessionCookie)
        var found: [Leak] = []
        for (file, text) in written {
            // The jar export carries the server's session on purpose (that is its job); planted secrets never.
            let secrets = file == "jar-out.json" ? SecretLeakTests.secrets : SecretLeakTests.secrets + [server_]
            found += leaks(in: text, file: file, secrets: secrets)
        }
        #expect(found.isEmpty, "\(found.count) leaks:\n\(found.map(\.description).joined(separator: "\n"))")
        // Masked, not dropped: the reports still show that something was there.
        let report = written.first { $0.0 == "report.json" }?.1 ?? ""
        #expect(report.contains("[secret]"))
    }

    @Test("the plain cli reporter and its failure summary: zero hits")
    func plainCLI() throws {
        let server = try SessionEchoServer()
        let (result, written) = try run(["-r", "cli"], server: server)
        #expect(result.exitCode == 1)
        let server_ = PlantedSecret(place: "session cookie set by the server", value: SessionEchoServer.sessionCookie)
        var found: [Leak] = []
        for (file, text) in written where file != "jar-out.json" {
            found += leaks(in: text, file: file, secrets: SecretLeakTests.secrets + [server_])
        }
        #expect(found.isEmpty, "\(found.count) leaks:\n\(found.map(\.description).joined(separator: "\n"))")
    }

    @Test("--export-secrets keeps secret values in exports, and only there")
    func exportSecretsKeeps() throws {
        let server = try SessionEchoServer()
        let (_, written) = try run(["-r", "json", "--reporter-json-export", "report.json", "--export-secrets"], server: server)
        let env = written.first { $0.0 == "env-out.json" }?.1 ?? ""
        #expect(env.contains("Pw-name-0a1"))
        #expect(env.contains("Ci-env-val-229"))
        let report = written.first { $0.0 == "report.json" }?.1 ?? ""
        #expect(leaks(in: report, file: "report.json", secrets: SecretLeakTests.secrets).isEmpty)
    }
}
