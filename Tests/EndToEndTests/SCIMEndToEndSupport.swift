import CarrierTestSupport
import Foundation
import JSONValue
import Testing

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

    /// Creates a group with curl and returns it.
    @discardableResult
    func createGroup(_ displayName: String, members: [String] = []) throws -> JSONValue {
        let body: JSONValue = [
            "schemas": ["urn:ietf:params:scim:schemas:core:2.0:Group"], "displayName": .string(displayName),
            "members": .array(members.map { ["value": .string($0)] }),
        ]
        return try curl(["-X", "POST", "-H", "Content-Type: application/scim+json", "--data-binary", body.serialized(),
                         "\(baseURL)/Groups"])
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

/// scim2-server (an independent SCIM server, from PyPI) behind HTTP Basic, as the peer script serves it: with
/// SendSafely's extension registered or stock, and its 401s answered by scim2-server or by a gateway in front.
struct Scim2ServerPeer {
    static let username = "peer-admin"
    static let password = "peer-s3cret"
    let process: PeerProcess
    let scimBase: String

    init(sendSafelyExtension: Bool, unauthorizedBody: String = "scim") throws {
        var arguments = [
            PeerEnvironment.peerScript("scim2_server_with_basic_auth.py"), "--username", Self.username, "--password", Self.password,
            "--unauthorized-body", unauthorizedBody,
        ]
        if !sendSafelyExtension { arguments.append("--no-sendsafely-extension") }
        process = try PeerProcess(executable: try PeerEnvironment.tool("python"), arguments: arguments)
        guard let base = process.readyJSON?["scimBase"]?.stringValue else {
            throw PeerProcessError(description: "no scimBase in the ready line '\(process.readyLine)'")
        }
        scimBase = base
    }

    /// The environment overrides pointing the SCIM collections at this server.
    var collectionVariables: [(String, String)] {
        [("baseSCIMUrl", scimBase), ("SCIMUsername", Self.username), ("SCIMPassword", Self.password)]
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

    /// Whether the test `test` of request `item` ran and passed.
    func passed(_ item: String, _ test: String) -> Bool {
        assertions.contains { $0.item == item && $0.test == test && !$0.failed }
    }

    /// The raw body of the first request sent by `item`, as the JSON report recorded it.
    func requestBody(of item: String) -> String? {
        (report["run"]?["executions"]?.arrayValue ?? []).first { $0["item"]?["name"]?.stringValue == item }?["request"]?["body"]?["raw"]?.stringValue
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
