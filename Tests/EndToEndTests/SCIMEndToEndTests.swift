import CarrierTestSupport
import Foundation
import JSONValue
import Testing

/// The SCIM collections and independent SCIM checkers, run as a user runs them: the built `carrier` binary,
/// `carrier scim-server`, and Python peers from the virtual environment `make test` prepares (scim2-server,
/// scim2-tester, scim-sanity, junitparser, the SendSafely REST stand-in).
@Suite("SCIM smoke tests against real servers", .serialized)
struct SCIMEndToEndTests {
    // MARK: a. the collections against an independent SCIM server

    @Test("SendSafely-SCIM and SCIM-2.0-Conformance pass against scim2-server behind Basic auth, JUnit agreeing with JSON",
          arguments: ["SendSafely-SCIM", "SCIM-2.0-Conformance"])
    func collectionsPassAgainstScim2Server(collection: String) throws {
        let python = try PeerEnvironment.tool("python")
        let peer = try PeerProcess(executable: python, arguments: [
            PeerEnvironment.peerScript("scim2_server_with_basic_auth.py"), "--username", "peer-admin", "--password", "peer-s3cret",
        ])
        let scimBase = try #require(peer.readyJSON?["scimBase"]?.stringValue, "ready line: \(peer.readyLine)")
        let dir = try TemporaryDirectory()
        let run = try CollectionRun(collection, in: dir, variables: [
            ("baseSCIMUrl", scimBase), ("SCIMUsername", "peer-admin"), ("SCIMPassword", "peer-s3cret"),
        ])
        #expect(run.result.exitCode == 0, "\(run.failureSummary)\n\(run.result.standardError)\npeer: \(peer.standardError.suffix(2000))")
        #expect(run.assertionsTotal > 0)
        #expect(run.assertionsFailed == 0, "\(run.failureSummary)")
        let junit = try JUnitCounts(path: run.junitPath)
        #expect(junit.tests == run.assertionsTotal)
        #expect(junit.failures + junit.errors == run.assertionsFailed)
        #expect(junit.skipped == 0)
    }

    // MARK: b. independent checkers against Carrier's embedded server

    @Test("scim2-tester passes every check against carrier scim-server (none excluded)")
    func scim2TesterPasses() throws {
        let scim2 = try PeerEnvironment.tool("scim2")
        let server = try EmbeddedSCIMServer()
        let basic = Data("\(EmbeddedSCIMServer.username):\(EmbeddedSCIMServer.password)".utf8).base64EncodedString()
        // Credentials through the environment: scim2-cli documents command lines as visible to other users.
        let result = try CarrierProcess.runExecutable(scim2, ["test"], environment: [
            "SCIM_CLI_URL": server.baseURL, "SCIM_CLI_HEADERS": "Authorization: Basic \(basic)",
        ])
        let lines = result.standardOutput.split(separator: "\n").map(String.init)
        let statuses = lines.compactMap { line in line.split(separator: " ").first.map(String.init) }
            .filter { ["SUCCESS", "ERROR", "SKIPPED", "CRITICAL", "WARNING"].contains($0) }
        let notPassed = lines.indices.filter { index in
            let status = lines[index].split(separator: " ").first.map(String.init) ?? ""
            return ["ERROR", "SKIPPED", "CRITICAL", "WARNING"].contains(status)
        }.map { lines[$0...min($0 + 3, lines.count - 1)].joined(separator: "\n") }
        #expect(result.exitCode == 0, "\(notPassed.joined(separator: "\n"))\n\(result.standardError.suffix(2000))")
        #expect(notPassed.isEmpty, "\(notPassed.joined(separator: "\n"))")
        #expect(statuses.filter { $0 == "SUCCESS" }.count > 100)
        // The checks that failed before the server was fixed must have run and passed.
        for check in ["search_with_attributes", "check_add_attribute", "check_replace_attribute", "check_remove_attribute"] {
            #expect(lines.contains("SUCCESS \(check)"), "\(check) did not pass")
        }
        #expect(server.process.isRunning)
    }

    @Test("scim-sanity's probe passes; it skips only the resource types the server does not offer")
    func scimSanityPasses() throws {
        let sanity = try PeerEnvironment.tool("scim-sanity")
        let server = try EmbeddedSCIMServer()
        let result = try CarrierProcess.runExecutable(sanity, [
            "probe", server.baseURL, "--username", EmbeddedSCIMServer.username, "--password", EmbeddedSCIMServer.password,
            "--i-accept-side-effects", "--json-output",
        ])
        #expect(result.exitCode == 0, "\(result.standardOutput.suffix(3000))\n\(result.standardError.suffix(2000))")
        let report = try JSONParser.parse(bytes: Array(result.standardOutput.utf8))
        let summary = try #require(report["summary"])
        #expect(summary["failed"]?.intValue == 0)
        #expect(summary["errors"]?.intValue == 0)
        #expect(summary["warnings"]?.intValue == 0)
        #expect((summary["passed"]?.intValue ?? 0) >= 18)
        let results = report["results"]?.arrayValue ?? []
        let skipped = Set(results.filter { $0["status"]?.stringValue == "skip" }.compactMap { $0["name"]?.stringValue })
        // Groups, Agents and AgenticApplications are not SendSafely resource types: the server has Users only.
        #expect(skipped == ["Group CRUD Lifecycle", "Agent CRUD Lifecycle", "AgenticApplication CRUD Lifecycle", "Agent Rapid Lifecycle"])
        #expect(results.contains { $0["name"]?.stringValue == "PATCH /Users/{id}" && $0["status"]?.stringValue == "pass" })
    }

    // MARK: c. the collections catch a broken server

    @Test("a DELETE that only deactivates fails exactly the 'user is gone' tests")
    func deleteOnlyDeactivatesIsCaught() throws {
        try expectFault("delete-only-deactivates", failing: [
            "SendSafely-SCIM": [
                FailedTest("Confirm user is gone", "Status is 404 Not Found"),
                FailedTest("Confirm user is gone", "Error body uses the SCIM error schema"),
            ],
            "SCIM-2.0-Conformance": [FailedTest("Deleted user is 404", "Status is 404 Not Found")],
        ])
    }

    @Test("a server that ignores filter fails exactly the lookups and filter tests")
    func ignoresFilterIsCaught() throws {
        let conformance = [
            ("eq on userName", "eq matches only that userName"),
            ("eq on userName ignores case", "eq on userName is case-insensitive"),
            ("sw", "sw matches the shared prefix"),
            ("ne", "ne excludes only that userName"),
            ("co", "co matches a substring"),
            ("ew", "ew matches a suffix"),
            ("pr", "pr matches users having the attribute"),
            ("gt on a string", "gt compares strings lexicographically"),
            ("ge on a string", "ge includes the equal value"),
            ("lt on a string", "lt compares strings lexicographically"),
            ("le on a string", "le includes the equal value"),
            ("gt on meta.lastModified", "gt compares dateTime values"),
            ("lt on meta.lastModified", "lt on dateTime excludes later values"),
            ("eq on a boolean", "eq compares booleans"),
            ("and binds tighter than or", "and has precedence over or"),
            ("grouping overrides precedence", "parentheses group or before and"),
            ("not", "not negates a group"),
            ("value filter on a multi-valued attribute", "a value filter matches within one email"),
            ("sub-attribute path", "a sub-attribute path filters"),
            ("First page of one", "totalResults counts all three fixtures"),
            ("Second page of two", "totalResults counts all three fixtures"),
            ("count=0 returns only totalResults", "totalResults counts all three fixtures"),
            ("startIndex past the end", "totalResults counts all three fixtures"),
            ("attributes=userName", "Only id and userName are returned"),
        ].map { FailedTest($0.0, $0.1) }
        try expectFault("ignores-filter", failing: [
            "SendSafely-SCIM": [FailedTest("Find user by userName", "The filter finds exactly the created user")],
            "SCIM-2.0-Conformance": Set(conformance),
        ])
    }

    @Test("a server answering application/json fails exactly the content-type tests, each of them")
    func wrongContentTypeIsCaught() throws {
        let contentType = "Response is application/scim+json"
        let runs = try expectFault("wrong-content-type", failing: [
            "SendSafely-SCIM": [
                FailedTest("List users (paged)", contentType), FailedTest("Create user", contentType),
                FailedTest("Read user", contentType),
            ],
            "SCIM-2.0-Conformance": nil,  // checked below: too many to list
        ])
        let conformance = try #require(runs["SCIM-2.0-Conformance"])
        let checks = conformance.assertions.filter { $0.test == contentType }
        #expect(checks.count > 30)
        #expect(conformance.failures == Set(checks.map { FailedTest($0.item, $0.test) }))
        #expect(checks.allSatisfy { $0.failed })
    }

    /// Runs both SCIM collections against `carrier scim-server --fault fault` holding two other users (a real
    /// portal is never empty), and expects exactly `failing` to fail in each (nil: only checks the run failed).
    @discardableResult
    private func expectFault(_ fault: String, failing: [String: Set<FailedTest>?]) throws -> [String: CollectionRun] {
        var runs: [String: CollectionRun] = [:]
        for (collection, expected) in failing.sorted(by: { $0.key < $1.key }) {
            let server = try EmbeddedSCIMServer(["--fault", fault])
            try server.createUser("bystander-1@example.com")
            try server.createUser("bystander-2@example.com")
            let dir = try TemporaryDirectory()
            let run = try CollectionRun(collection, in: dir, variables: server.collectionVariables)
            #expect(run.result.exitCode == 1, "\(collection) with --fault \(fault) should fail")
            if let expected {
                #expect(run.failures == expected, "\(collection) with --fault \(fault):\n\(run.failureSummary)")
            }
            #expect(run.assertionsFailed == run.failures.count, "each expected test fails once")
            runs[collection] = run
        }
        return runs
    }

    @Test("without a fault the embedded server passes both collections, with other users present")
    func embeddedServerPasses() throws {
        for collection in ["SendSafely-SCIM", "SCIM-2.0-Conformance"] {
            let server = try EmbeddedSCIMServer()
            try server.createUser("bystander-1@example.com")
            let dir = try TemporaryDirectory()
            let run = try CollectionRun(collection, in: dir, variables: server.collectionVariables)
            #expect(run.result.exitCode == 0, "\(collection):\n\(run.failureSummary)")
            #expect(run.assertionsFailed == 0)
            #expect(run.assertionsTotal > 0)
        }
    }

    // MARK: d. request signing, verified by an independent implementation

    @Test("the REST signing collection passes against a peer verifying HMAC-SHA256 in Python; a wrong secret gets 401")
    func restSigningIsVerifiedIndependently() throws {
        let python = try PeerEnvironment.tool("python")
        let peer = try PeerProcess(executable: python, arguments: [
            PeerEnvironment.peerScript("sendsafely_rest_peer.py"), "--api-key", "key-1234", "--api-secret", "secret-5678",
        ])
        let base = try #require(peer.readyJSON?["base"]?.stringValue, "ready line: \(peer.readyLine)")
        let dir = try TemporaryDirectory()
        let good = try CollectionRun("SendSafely-REST-signing", environment: "sendsafely-rest.template", in: dir, variables: [
            ("SendSafelyHost", base), ("SendSafelyAPIKey", "key-1234"), ("SendSafelyAPISecret", "secret-5678"),
        ])
        #expect(good.result.exitCode == 0, "\(good.failureSummary)\npeer: \(peer.standardError)")
        #expect(good.assertionsTotal > 0)
        #expect(good.assertionsFailed == 0)
        #expect(good.responseCodes == [200])

        let bad = try CollectionRun("SendSafely-REST-signing", environment: "sendsafely-rest.template", in: dir, variables: [
            ("SendSafelyHost", base), ("SendSafelyAPIKey", "key-1234"), ("SendSafelyAPISecret", "not-the-secret"),
        ])
        #expect(bad.result.exitCode == 1)
        #expect(bad.responseCodes == [401])
        #expect(bad.failures.contains(FailedTest("Get current user", "Status is 200 OK")))
        // The peer's log says why: the signature, not the key or the clock.
        #expect(peer.standardError.contains("\"verified\": true"))
        #expect(peer.standardError.contains("signature does not match"))
    }

    // MARK: f. the data file

    @Test("carrier scim-server --data keeps users across a restart (stopped with SIGTERM)")
    func dataFileSurvivesRestart() throws {
        let dir = try TemporaryDirectory()
        let dataFile = dir.path + "/users.json"
        let id: String
        do {
            let server = try EmbeddedSCIMServer(["--data", dataFile])
            let created = try server.createUser("persistent@example.com")
            id = try #require(created["id"]?.stringValue)
            // SIGTERM ends it even though the test thread that started it blocks SIGTERM.
            #expect(server.process.terminate(), "carrier scim-server did not end on SIGTERM")
        }
        #expect(FileManager.default.fileExists(atPath: dataFile))
        let restarted = try EmbeddedSCIMServer(["--data", dataFile])
        let read = try restarted.curl(["\(restarted.baseURL)/Users/\(id)"])
        #expect(read["userName"]?.stringValue == "persistent@example.com")
        let filter = "userName eq \"persistent@example.com\"".addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
        let found = try restarted.curl(["\(restarted.baseURL)/Users?filter=\(filter)"])
        #expect(found["totalResults"]?.intValue == 1)
        // The collections run against the restarted server and leave it as they found it.
        let run = try CollectionRun("SendSafely-SCIM", in: dir, variables: restarted.collectionVariables)
        #expect(run.result.exitCode == 0, "\(run.failureSummary)")
        let remaining = try restarted.curl(["\(restarted.baseURL)/Users"])
        #expect(remaining["totalResults"]?.intValue == 1)
    }
}

/// `carrier scim-server --port 0` with its own credentials; the ready line names the port it chose.
struct EmbeddedSCIMServer {
    static let username = "e2e-admin"
    static let password = "e2e-password-7d1f"
    let process: PeerProcess
    let baseURL: String

    init(_ extraArguments: [String] = []) throws {
        process = try PeerProcess(executable: CarrierProcess.executablePath, arguments: [
            "scim-server", "--port", "0", "--username", Self.username, "--password", Self.password,
        ] + extraArguments)
        guard let url = process.announcedURL, let port = URLComponents(string: url)?.port, port > 0 else {
            throw PeerProcessError(description: "no port in the ready line '\(process.readyLine)'")
        }
        baseURL = url
    }

    /// The environment overrides pointing the SCIM collections at this server.
    var collectionVariables: [(String, String)] {
        [("baseSCIMUrl", baseURL), ("SCIMUsername", Self.username), ("SCIMPassword", Self.password)]
    }

    /// Creates a user with curl (a client Carrier's authors did not write) and returns it.
    @discardableResult
    func createUser(_ userName: String) throws -> JSONValue {
        let body: JSONValue = ["schemas": ["urn:ietf:params:scim:schemas:core:2.0:User"], "userName": .string(userName)]
        return try curl(["-X", "POST", "-H", "Content-Type: application/scim+json", "--data-binary", body.serialized(),
                         "\(baseURL)/Users"])
    }

    /// The JSON answer of `curl -u … arguments`.
    func curl(_ arguments: [String]) throws -> JSONValue {
        let result = try CarrierProcess.runExecutable("/usr/bin/env", [
            "curl", "-sS", "--fail-with-body", "-u", "\(Self.username):\(Self.password)",
        ] + arguments)
        guard result.exitCode == 0 else {
            throw PeerProcessError(description: "curl \(arguments) failed: \(result.standardError) \(result.standardOutput)")
        }
        return try JSONParser.parse(bytes: Array(result.standardOutput.utf8))
    }
}

/// A failed assertion, named as the reports name it: the request (item) and the test.
struct FailedTest: Hashable, CustomStringConvertible {
    let item: String
    let test: String
    init(_ item: String, _ test: String) {
        self.item = item
        self.test = test
    }
    var description: String { "\(item) | \(test)" }
}

/// `carrier run collections/<name>.postman_collection.json` with CLI, JSON and JUnit reports, and what they say.
struct CollectionRun {
    struct Assertion {
        let item: String
        let test: String
        let failed: Bool
    }

    let result: ProcessResult
    let report: JSONValue
    let junitPath: String

    init(_ collection: String, environment: String = "sendsafely-portal.template", in dir: TemporaryDirectory,
         variables: [(String, String)]) throws {
        let root = PeerEnvironment.packageRoot
        let jsonPath = dir.path + "/\(collection).json"
        junitPath = dir.path + "/\(collection).xml"
        try? FileManager.default.removeItem(atPath: jsonPath)
        var arguments = [
            "run", root + "/collections/\(collection).postman_collection.json",
            "-e", root + "/environments/\(environment).postman_environment.json",
        ]
        for (name, value) in variables { arguments += ["--env-var", "\(name)=\(value)"] }
        arguments += ["-r", "cli,json,junit", "--reporter-json-export", jsonPath, "--reporter-junit-export", junitPath]
        result = try CarrierProcess.run(arguments, in: dir.path)
        guard let data = FileManager.default.contents(atPath: jsonPath) else {
            throw PeerProcessError(description: "no JSON report; exit \(result.exitCode): \(result.standardError)")
        }
        report = try JSONParser.parse(bytes: Array(data))
    }

    var assertionsTotal: Int { report["run"]?["stats"]?["assertions"]?["total"]?.intValue ?? -1 }
    var assertionsFailed: Int { report["run"]?["stats"]?["assertions"]?["failed"]?.intValue ?? -1 }

    /// Every assertion of every request, in run order.
    var assertions: [Assertion] {
        (report["run"]?["executions"]?.arrayValue ?? []).flatMap { execution in
            let item = execution["item"]?["name"]?.stringValue ?? ""
            return (execution["assertions"]?.arrayValue ?? []).map { assertion in
                Assertion(item: item, test: assertion["assertion"]?.stringValue ?? "",
                          failed: assertion["error"] != nil && assertion["error"]?.isNull == false)
            }
        }
    }

    /// The failures of the run, by request and test name.
    var failures: Set<FailedTest> {
        Set((report["run"]?["failures"]?.arrayValue ?? []).map { failure in
            FailedTest(failure["source"]?["name"]?.stringValue ?? "", failure["error"]?["test"]?.stringValue ?? "")
        })
    }

    /// The HTTP status of each response, in order.
    var responseCodes: [Int] {
        (report["run"]?["executions"]?.arrayValue ?? []).compactMap { $0["response"]?["code"]?.intValue }
    }

    /// One line per failure, with its message: what a failing expectation prints.
    var failureSummary: String {
        (report["run"]?["failures"]?.arrayValue ?? []).map { failure in
            "\(failure["source"]?["name"]?.stringValue ?? "?") | \(failure["error"]?["test"]?.stringValue ?? "?") | "
                + (failure["error"]?["message"]?.stringValue ?? "")
        }.joined(separator: "\n")
    }
}

/// A JUnit file's counts as junitparser (an independent JUnit reader) sees them.
struct JUnitCounts {
    let tests: Int
    let failures: Int
    let errors: Int
    let skipped: Int

    init(path: String) throws {
        let script = """
            import json, sys, junitparser
            xml = junitparser.JUnitXml.fromfile(sys.argv[1])
            suites = [xml] if isinstance(xml, junitparser.TestSuite) else list(xml)
            counts = {"tests": 0, "failures": 0, "errors": 0, "skipped": 0}
            for suite in suites:
                for case in suite:
                    counts["tests"] += 1
                    for result in case.result:
                        if isinstance(result, junitparser.Failure): counts["failures"] += 1
                        elif isinstance(result, junitparser.Error): counts["errors"] += 1
                        elif isinstance(result, junitparser.Skipped): counts["skipped"] += 1
            print(json.dumps(counts))
            """
        let result = try CarrierProcess.runExecutable(try PeerEnvironment.tool("python"), ["-c", script, path])
        guard result.exitCode == 0 else { throw PeerProcessError(description: "junitparser: \(result.standardError)") }
        let counts = try JSONParser.parse(bytes: Array(result.standardOutput.utf8))
        tests = counts["tests"]?.intValue ?? -1
        failures = counts["failures"]?.intValue ?? -1
        errors = counts["errors"]?.intValue ?? -1
        skipped = counts["skipped"]?.intValue ?? -1
    }
}
