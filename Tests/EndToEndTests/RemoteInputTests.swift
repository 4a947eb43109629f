import CarrierTestSupport
import Foundation
import JSONValue
import Testing

/// Inputs by URL and from the Postman API, against local stand-ins served over HTTPS (our HTTPServer with a test
/// CA passed through `--ssl-extra-ca-certs`), run as a user runs them: the built `carrier` binary.
@Suite("Inputs fetched over HTTPS and from the Postman API", .serialized)
struct RemoteInputTests {
    static let key = PostmanStandIn.apiKey
    static let uid = RemoteFixtures.collectionUID
    static let environmentUID = RemoteFixtures.environmentUID

    /// `carrier …` with `$POSTMAN_API_KEY` set to `key` (empty: unset).
    private func carrier(_ arguments: [String], in dir: TemporaryDirectory, key: String = RemoteInputTests.key,
                         environment: [String: String] = [:]) throws -> ProcessResult {
        var variables = environment
        variables["POSTMAN_API_KEY"] = key
        return try CarrierProcess.run(arguments, in: dir.path, environment: variables, seconds: 120)
    }

    private func read(_ path: String) -> String {
        String(decoding: FileManager.default.contents(atPath: path) ?? Data(), as: UTF8.self)
    }

    private func sha256(_ bytes: [UInt8], in dir: TemporaryDirectory) throws -> String {
        let path = try dir.write("hashed-\(UUID().uuidString)", bytes: bytes)
        let result = try CarrierProcess.runExecutable("/usr/bin/sha256sum", [path])
        return String(result.standardOutput.prefix(64))
    }

    private func standIn(host: CollectionHost, files: [String: (type: String, bytes: [UInt8])] = [:]) throws -> PostmanStandIn {
        try PostmanStandIn(resources: [
            "/collections/\(Self.uid)": RemoteFixtures.envelope("collection", RemoteFixtures.collection(host: host.baseURL)),
            "/environments/\(Self.environmentUID)": RemoteFixtures.envelope("environment", RemoteFixtures.environment(
                name: "Published environment", values: [("who", "environment")], updatedAt: "2025-09-30T12:00:00.000Z")),
        ], files: files)
    }

    // MARK: the Postman API

    @Test("postman:collection/<uid> and -e postman:environment/<uid> run what the API serves; the key travels only as X-Api-Key and appears in no output")
    func postmanResourcesRun() throws {
        let host = try CollectionHost()
        let api = try standIn(host: host)
        let dir = try TemporaryDirectory()
        let json = dir.path + "/report.json", junit = dir.path + "/report.xml", html = dir.path + "/report.html"
        let exported = dir.path + "/exported.json"
        let result = try carrier([
            "run", "postman:collection/\(Self.uid)", "-e", "postman:environment/\(Self.environmentUID)",
            "--postman-api-url", api.baseURL, "--ssl-extra-ca-certs", api.ca.caPath, "--verbose",
            "-r", "cli,json,junit,html", "--reporter-json-export", json, "--reporter-junit-export", junit,
            "--reporter-html-export", html, "--export-collection", exported,
        ], in: dir)
        #expect(result.exitCode == 0, "\(result.standardOutput)\n\(result.standardError)")
        // The environment's value won over the collection's: both documents were used.
        #expect(host.log.entries.map { "\($0.path)?\($0.query ?? "")" } == ["/ping?who=environment"])

        let calls = api.log.entries
        #expect(calls.map(\.path) == ["/collections/\(Self.uid)", "/environments/\(Self.environmentUID)"])
        for call in calls {
            #expect(call.header("X-Api-Key") == Self.key)
            #expect(call.query == nil)
            #expect(call.header("User-Agent")?.hasPrefix("Carrier/") == true)
            #expect(call.header("Authorization") == nil)
        }
        for (name, text) in [("stdout", result.standardOutput), ("stderr", result.standardError), ("json", read(json)),
                             ("junit", read(junit)), ("html", read(html)), ("export", read(exported))] {
            #expect(!text.contains(Self.key), "the key is in \(name)")
        }

        let report = try JSONParser.parse(bytes: Array(read(json).utf8))
        let sources = report["run"]?["sources"]?.arrayValue ?? []
        #expect(sources.count == 2)
        let served = RemoteFixtures.envelope("collection", RemoteFixtures.collection(host: host.baseURL))
        #expect(sources.first == [
            "role": "collection", "kind": "postman", "location": .string("postman:collection/\(Self.uid)"),
            "uid": .string(Self.uid), "updatedAt": "2025-10-01T08:30:00.000Z",
            "sha256": .string(try sha256(served, in: dir)), "size": .number(Double(served.count)),
        ])
        #expect(sources.last?["role"] == "environment")
        #expect(sources.last?["location"] == .string("postman:environment/\(Self.environmentUID)"))
        #expect(sources.last?["updatedAt"] == "2025-09-30T12:00:00.000Z")
        // The export is the collection itself, out of the API's envelope.
        let export = try JSONParser.parse(bytes: Array(read(exported).utf8))
        #expect(export["info"]?["name"] == "Published echo")
        #expect(export["collection"] == nil)
    }

    @Test("Newman's https://…/collections/<uid>?apikey=… works: the key leaves the URL for X-Api-Key and is masked everywhere")
    func newmanAPIURL() throws {
        let host = try CollectionHost()
        let api = try standIn(host: host)
        let dir = try TemporaryDirectory()
        let json = dir.path + "/report.json", junit = dir.path + "/report.xml"
        let url = api.baseURL + "/collections/\(Self.uid)?apikey=\(Self.key)"
        let result = try carrier([
            "run", url, "--postman-api-url", api.baseURL, "--ssl-extra-ca-certs", api.ca.caPath, "--verbose",
            "-r", "cli,json,junit", "--reporter-json-export", json, "--reporter-junit-export", junit,
        ], in: dir, key: "")
        #expect(result.exitCode == 0, "\(result.standardOutput)\n\(result.standardError)")
        #expect(host.log.entries.count == 1)
        #expect(api.log.entries.map(\.path) == ["/collections/\(Self.uid)"])
        #expect(api.log.entries.first?.query == nil)
        #expect(api.log.entries.first?.header("X-Api-Key") == Self.key)
        for text in [result.standardOutput, result.standardError, read(json), read(junit)] {
            #expect(!text.contains(Self.key))
        }
        let report = try JSONParser.parse(bytes: Array(read(json).utf8))
        #expect(report["run"]?["sources"]?[0]?["location"] == .string(api.baseURL + "/collections/\(Self.uid)"))
        #expect(report["run"]?["sources"]?[0]?["kind"] == "url")
        #expect(report["run"]?["sources"]?[0]?["uid"] == .string(Self.uid))
        #expect(read(junit).contains(api.baseURL + "/collections/\(Self.uid)\""))
    }

    // MARK: failures: one line, exit 2, nothing sent

    /// A fetch that goes wrong, with where it goes wrong and the line's distinctive part.
    enum Failure: String, CaseIterable, CustomTestStringConvertible {
        case wrongKey, missingKey, unknownEnvironment, rateLimited, redirected, truncatedBody, slowBody, tooLarge, htmlPage,
             untrustedCertificate, notACollection

        var testDescription: String { rawValue }
    }

    @Test("each failed fetch is one line and exit 2, with nothing sent to the collection's hosts and the key in no output",
          arguments: Failure.allCases)
    func failedFetch(_ failure: Failure) throws {
        let host = try CollectionHost()
        let envFile = Array(RemoteFixtures.environment(name: "file", values: [("who", "file")]).serialized().utf8)
        let api = try PostmanStandIn(resources: [:], files: ["/files/env.json": ("application/json", envFile)],
                                     redirectTarget: host.baseURL + "/stolen")
        let dir = try TemporaryDirectory()
        // A local collection whose request would reach the host, for the cases where another input fails.
        let local = try dir.write("local.postman_collection.json", RemoteFixtures.collection(host: host.baseURL).serialized())
        let json = dir.path + "/report.json"
        let trust = ["--ssl-extra-ca-certs", api.ca.caPath, "--postman-api-url", api.baseURL]
        var key = Self.key
        let arguments: [String]
        let named: String
        let expected: String
        switch failure {
        case .wrongKey:
            key = "PMAK-wrong-but-planted-0c9b8a7d6e5f"
            arguments = ["postman:collection/\(Self.uid)"] + trust
            named = "postman:collection/\(Self.uid)"
            expected = "HTTP 401 Unauthorized (Invalid API Key. Every request requires a valid API Key to be sent.): the Postman API refused the key; check that POSTMAN_API_KEY holds a valid key whose user can see this collection"
        case .missingKey:
            key = ""
            arguments = [local, "-e", "postman:environment/\(Self.environmentUID)"] + trust
            named = "postman:environment/\(Self.environmentUID)"
            expected = "POSTMAN_API_KEY is not set; export it (from a CI secret) to fetch from the Postman API"
        case .unknownEnvironment:
            arguments = [local, "-e", "postman:environment/12345678-ffffffff-ffff-4fff-8fff-ffffffffffff"] + trust
            named = "postman:environment/12345678-ffffffff-ffff-4fff-8fff-ffffffffffff"
            expected = "HTTP 404 Not Found (We could not find the collection you are looking for): no such environment; check the uid"
        case .rateLimited:
            arguments = ["postman:collection/\(PostmanStandIn.rateLimitedUID)"] + trust
            named = "postman:collection/\(PostmanStandIn.rateLimitedUID)"
            expected = "HTTP 429 Too Many Requests (Rate limit exceeded. Please retry after 1731000000): rate limited; retry after 30 s (Retry-After)"
        case .redirected:
            arguments = ["postman:collection/\(PostmanStandIn.redirectedUID)"] + trust
            named = "postman:collection/\(PostmanStandIn.redirectedUID)"
            expected = "HTTP 302 Found: redirected to \(host.baseURL)/stolen; Carrier does not send the API key on to another address"
        case .tooLarge:
            arguments = [local, "-e", api.baseURL + "/files/env.json", "--max-response-size", "64"] + trust
            named = api.baseURL + "/files/env.json"
            expected = "the answer is larger than 64 bytes; raise --max-response-size if the input really is that large"
        case .truncatedBody:
            arguments = [local, "-e", api.baseURL + "/faults/truncated?sig=\(key)"] + trust
            named = api.baseURL + "/faults/truncated"
            expected = "the connection closed before the whole answer arrived"
        case .slowBody:
            arguments = [api.baseURL + "/faults/slow", "--fetch-timeout", "800"] + trust
            named = api.baseURL + "/faults/slow"
            expected = "no complete answer within 800 ms"
        case .htmlPage:
            arguments = [local, "-g", api.baseURL + "/faults/html?access_key=\(key)"] + trust
            named = api.baseURL + "/faults/html"
            expected = "an HTML page (text/html; charset=utf-8) where JSON was expected"
        case .untrustedCertificate:
            arguments = [local, "-e", api.baseURL + "/files/env.json", "--postman-api-url", api.baseURL]
            named = api.baseURL + "/files/env.json"
            expected = "TLS failure"
        case .notACollection:
            arguments = [api.baseURL + "/faults/not-a-collection"] + trust
            named = api.baseURL + "/faults/not-a-collection"
            expected = "not a Postman collection"
        }
        let result = try carrier(["run"] + arguments + ["-r", "cli,json", "--reporter-json-export", json], in: dir, key: key)
        #expect(result.exitCode == 2, "\(result.standardOutput)\n\(result.standardError)")
        let lines = result.standardError.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        #expect(lines.count == 1, "\(result.standardError)")
        #expect(result.standardError.hasPrefix("carrier: \(named): "), "\(result.standardError)")
        #expect(result.standardError.contains(expected), "\(result.standardError)")
        #expect(result.standardOutput.isEmpty)
        #expect(host.log.entries.isEmpty, "sent: \(host.log.entries.map(\.path))")
        #expect(!FileManager.default.fileExists(atPath: json))
        #expect(!(result.standardOutput + result.standardError).contains(key) || key.isEmpty)
        if failure == .untrustedCertificate {
            #expect(result.standardError.contains("--ssl-extra-ca-certs FILE"))
        }
    }

    @Test("an ambiguous --folder name is exit 2 listing the paths, before anything is sent (newman#2566)")
    func ambiguousFolder() throws {
        let host = try CollectionHost()
        let dir = try TemporaryDirectory()
        func request(_ name: String) -> JSONValue {
            ["name": .string(name), "request": ["method": "GET", "url": .string(host.baseURL + "/" + name.replacingOccurrences(of: " ", with: "-"))]]
        }
        let collection: JSONValue = ["info": ["name": "Twins"], "item": [
            ["name": "Users", "item": [request("Create user")]],
            ["name": "Admins", "item": [request("Create user")]],
        ]]
        let path = try dir.write("twins.json", collection.serialized())
        let ambiguous = try carrier(["run", path, "--folder", "Create user"], in: dir)
        #expect(ambiguous.exitCode == 2)
        #expect(ambiguous.standardError == "carrier: \(path): --folder \"Create user\" matches 2 items: \"Users/Create user\", \"Admins/Create user\"; pass the path from the root (or the id) of the one to run\n")
        #expect(host.log.entries.isEmpty)
        let chosen = try carrier(["run", path, "--folder", "Admins/Create user"], in: dir)
        #expect(chosen.exitCode == 0, "\(chosen.standardError)")
        #expect(host.log.entries.map(\.path) == ["/Create-user"])
    }

    // MARK: pinning

    @Test("carrier fetch writes exactly what was served, checked first; a run from the pinned file records the same hash; a failed fetch leaves the old file")
    func fetchPins() throws {
        let host = try CollectionHost()
        let api = try standIn(host: host)
        let dir = try TemporaryDirectory()
        let pinned = dir.path + "/pinned/collection.json"
        let trust = ["--ssl-extra-ca-certs", api.ca.caPath, "--postman-api-url", api.baseURL]
        let fetched = try carrier(["fetch", "postman:collection/\(Self.uid)", "-o", pinned] + trust, in: dir)
        #expect(fetched.exitCode == 0, "\(fetched.standardError)")
        let served = RemoteFixtures.envelope("collection", RemoteFixtures.collection(host: host.baseURL))
        #expect(Array(FileManager.default.contents(atPath: pinned) ?? Data()) == served)
        let hash = try sha256(served, in: dir)
        #expect(fetched.standardOutput == "Wrote \(pinned): collection \"Published echo\" from postman:collection/\(Self.uid), updated 2025-10-01T08:30:00.000Z, sha256 \(hash), \(served.count) bytes\n")
        #expect(!fetched.standardOutput.contains(Self.key) && !fetched.standardError.contains(Self.key))
        #expect(host.log.entries.isEmpty)

        let json = dir.path + "/report.json"
        let run = try carrier(["run", pinned, "-r", "json", "--reporter-json-export", json], in: dir, key: "")
        #expect(run.exitCode == 0, "\(run.standardError)")
        let report = try JSONParser.parse(bytes: Array(read(json).utf8))
        #expect(report["run"]?["sources"]?[0]?["sha256"] == .string(hash))
        #expect(report["run"]?["sources"]?[0]?["kind"] == "file")
        #expect(report["run"]?["sources"]?[0]?["updatedAt"] == "2025-10-01T08:30:00.000Z")

        let failed = try carrier(["fetch", api.baseURL + "/faults/html", "-o", pinned] + trust, in: dir)
        #expect(failed.exitCode == 2)
        #expect(failed.standardError.hasPrefix("carrier: \(api.baseURL)/faults/html: an HTML page"))
        #expect(Array(FileManager.default.contents(atPath: pinned) ?? Data()) == served)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: dir.path + "/pinned")
        #expect(leftovers == ["collection.json"])

        let environment = try carrier(["fetch", "postman:environment/\(Self.environmentUID)", "-o", dir.path + "/env.json"] + trust, in: dir)
        #expect(environment.exitCode == 0, "\(environment.standardError)")
        #expect(environment.standardOutput.contains("environment \"Published environment\" (1 variables) from postman:environment/"))
    }

    // MARK: every input by URL

    @Test("-g, -d and --cookie-jar by https URL drive the run as local files do; run.sources lists each")
    func everyInputByURL() throws {
        let host = try CollectionHost()
        let collection: JSONValue = [
            "info": ["name": "All inputs"],
            "item": [["name": "Ping", "request": ["method": "GET", "url": .string(host.baseURL + "/ping?who={{who}}&g={{g}}")]]],
        ]
        let globals: JSONValue = ["name": "Globals", "values": [["key": "g", "value": "from-globals", "enabled": true]]]
        let cookies: JSONValue = ["cookies": [["key": "session", "value": "jar-cookie", "domain": "127.0.0.1", "path": "/",
                                               "hostOnly": true]]]
        let api = try PostmanStandIn(resources: [:], files: [
            "/files/collection.json": ("application/json", Array(collection.serialized().utf8)),
            "/files/globals.json": ("application/json", Array(globals.serialized().utf8)),
            "/files/data.csv": ("text/csv", Array("who\nalice\nbob\n".utf8)),
            "/files/cookies.json": ("application/json", Array(cookies.serialized().utf8)),
        ])
        let dir = try TemporaryDirectory()
        let json = dir.path + "/report.json"
        let result = try carrier([
            "run", api.baseURL + "/files/collection.json", "-g", api.baseURL + "/files/globals.json",
            "-d", api.baseURL + "/files/data.csv", "--cookie-jar", api.baseURL + "/files/cookies.json",
            "--ssl-extra-ca-certs", api.ca.caPath, "-r", "json", "--reporter-json-export", json,
        ], in: dir, key: "")
        #expect(result.exitCode == 0, "\(result.standardError)")
        #expect(host.log.entries.map { $0.query ?? "" } == ["who=alice&g=from-globals", "who=bob&g=from-globals"])
        #expect(host.log.entries.allSatisfy { $0.header("Cookie") == "session=jar-cookie" })
        let report = try JSONParser.parse(bytes: Array(read(json).utf8))
        let sources = report["run"]?["sources"]?.arrayValue ?? []
        #expect(sources.compactMap { $0["role"]?.stringValue } == ["collection", "globals", "iterationData", "cookieJar"])
        #expect(sources.allSatisfy { $0["kind"] == "url" && $0["sha256"]?.stringValue?.count == 64 })
        #expect(sources[2]["location"] == .string(api.baseURL + "/files/data.csv"))
        // The stand-in's own requests carried no key (none was set) and accepted JSON (CSV too, for -d).
        #expect(api.log.entries.allSatisfy { $0.header("X-Api-Key") == nil })
        #expect(api.log.entries.first { $0.path == "/files/data.csv" }?.header("Accept")?.contains("text/csv") == true)
    }

    @Test("carrier check takes URLs and postman: sources, and fails the same way on a bad one")
    func checkTakesRemoteSources() throws {
        let host = try CollectionHost()
        let api = try standIn(host: host)
        let dir = try TemporaryDirectory()
        let trust = ["--ssl-extra-ca-certs", api.ca.caPath, "--postman-api-url", api.baseURL]
        let good = try carrier(["check", "postman:collection/\(Self.uid)", "-e", "postman:environment/\(Self.environmentUID)"] + trust, in: dir)
        #expect(good.exitCode == 0, "\(good.standardOutput)\(good.standardError)")
        #expect(good.standardOutput == "No problems found.\n")
        let bad = try carrier(["check", "postman:collection/\(Self.uid)", "-e", api.baseURL + "/faults/html"] + trust, in: dir)
        #expect(bad.exitCode == 2)
        #expect(bad.standardError.hasPrefix("carrier: \(api.baseURL)/faults/html: an HTML page"))
        #expect(host.log.entries.isEmpty)
    }

    // MARK: the published collection against the embedded SCIM server

    @Test("the documentation site's JSON (toc, urlObject, <string> headers, inherited folder Basic auth) runs against carrier scim-server")
    func documentationShapeRuns() throws {
        let scim = try EmbeddedSCIMServer()
        let fixture = PeerEnvironment.packageRoot + "/Tests/EndToEndTests/Fixtures/sendsafely-published.documentation.json"
        let bytes = Array(FileManager.default.contents(atPath: fixture) ?? Data())
        let api = try PostmanStandIn(resources: [:], files: ["/view/12345678/2sA3kVmhTD/collection.json": ("application/json", bytes)])
        let dir = try TemporaryDirectory()
        let json = dir.path + "/report.json"
        let result = try carrier([
            "run", api.baseURL + "/view/12345678/2sA3kVmhTD/collection.json?versionTag=latest", "--folder", "SCIM",
            "--ssl-extra-ca-certs", api.ca.caPath,
            "--env-var", "baseSCIMUrl=\(scim.baseURL)", "--env-var", "SCIMUsername=\(EmbeddedSCIMServer.username)",
            "--env-var", "SCIMPassword", "-r", "cli,json", "--reporter-json-export", json,
        ], in: dir, key: "", environment: ["SCIMPassword": EmbeddedSCIMServer.password])
        #expect(result.exitCode == 0, "\(result.standardOutput)\n\(result.standardError)")
        // Shapes Postman reads without comment are read without warnings.
        #expect(!result.standardError.contains("warning"), "\(result.standardError)")
        let report = try JSONParser.parse(bytes: Array(read(json).utf8))
        #expect(report["run"]?["stats"]?["requests"]?["total"] == 5)
        #expect(report["run"]?["stats"]?["assertions"]?["total"] == 9)
        #expect(report["run"]?["stats"]?["assertions"]?["failed"] == 0)
        #expect(report["run"]?["sources"]?[0]?["updatedAt"] == "2025-11-03T09:14:27.000Z")
        #expect(!read(json).contains(EmbeddedSCIMServer.password))
    }

    @Test("carrier run postman:collection/<uid> -e environments/portals/acme… --env-var SCIMPassword works exactly as with a local file")
    func publishedSendSafelyCollection() throws {
        let scim = try EmbeddedSCIMServer()
        let root = PeerEnvironment.packageRoot
        let local = root + "/collections/SendSafely-SCIM.postman_collection.json"
        let document = try JSONParser.parse(bytes: Array(FileManager.default.contents(atPath: local) ?? Data()))
        let api = try PostmanStandIn(resources: ["/collections/\(Self.uid)": RemoteFixtures.envelope("collection", document)])
        let dir = try TemporaryDirectory()
        let template = try JSONParser.parse(bytes: Array(FileManager.default.contents(
            atPath: root + "/environments/sendsafely-portal.template.postman_environment.json") ?? Data()))
        var acme = template.objectValue ?? [:]
        acme["name"] = "acme"
        acme["values"] = .array((template["values"]?.arrayValue ?? []).map { value in
            var entry = value.objectValue ?? [:]
            switch entry["key"]?.stringValue {
            case "baseSCIMUrl": entry["value"] = .string(scim.baseURL)
            case "SCIMUsername": entry["value"] = .string(EmbeddedSCIMServer.username)
            default: break
            }
            return .object(entry)
        })
        try dir.write("environments/portals/acme.postman_environment.json", JSONValue.object(acme).serialized(indent: 2))

        func run(_ collection: String, _ report: String, extra: [String] = []) throws -> JSONValue {
            let result = try carrier(["run", collection, "-e", "environments/portals/acme.postman_environment.json",
                                      "--env-var", "SCIMPassword", "-r", "cli,json", "--reporter-json-export", report] + extra,
                                     in: dir, environment: ["SCIMPassword": EmbeddedSCIMServer.password])
            #expect(result.exitCode == 0, "\(collection): \(result.standardOutput.suffix(3000))\n\(result.standardError)")
            #expect(!(result.standardOutput + result.standardError).contains(Self.key))
            return try JSONParser.parse(bytes: Array(read(dir.path + "/" + report).utf8))
        }
        let published = try run("postman:collection/\(Self.uid)", "published.json",
                                extra: ["--postman-api-url", api.baseURL, "--ssl-extra-ca-certs", api.ca.caPath])
        let file = try run(local, "local.json")
        func outcome(_ report: JSONValue) -> [String] {
            (report["run"]?["executions"]?.arrayValue ?? []).flatMap { execution in
                let item = execution["item"]?["name"]?.stringValue ?? "?"
                return (execution["assertions"]?.arrayValue ?? []).map { assertion in
                    "\(item) / \(assertion["assertion"]?.stringValue ?? "?"): \(assertion["error"] == nil ? "passed" : "failed")"
                }
            }
        }
        #expect(outcome(published).count > 20)
        #expect(outcome(published) == outcome(file))
        #expect(published["run"]?["stats"] == file["run"]?["stats"])
        #expect(published["run"]?["sources"]?[0]?["kind"] == "postman")
        #expect(file["run"]?["sources"]?[0]?["kind"] == "file")
        #expect(published["run"]?["sources"]?[1]?["location"] == "environments/portals/acme.postman_environment.json")
    }
}
