import CarrierTestSupport
import Foundation
import JSONValue
import Testing

/// The SCIM collections and independent SCIM checkers, run as a user runs them: the built `carrier` binary,
/// `carrier scim-server`, and Python peers from the virtual environment `make test` prepares (scim2-server,
/// scim2-tester, scim-sanity, junitparser, the SendSafely REST stand-in). The fault matrix is in
/// SCIMFaultMatrixTests.swift.
@Suite("SCIM smoke tests against real servers", .serialized)
struct SCIMEndToEndTests {
    static let sendSafelyExtension = "urn:ietf:scim:schemas:extension:SendSafely:2.0:User"

    // MARK: a, b. the collections against an independent SCIM server, with and without SendSafely's extension

    @Test("SendSafely-SCIM and SCIM-2.0-Conformance pass against stock scim2-server and with SendSafely's extension registered, JUnit agreeing with JSON",
          arguments: ["SendSafely-SCIM", "SCIM-2.0-Conformance"], [false, true])
    func collectionsPassAgainstScim2Server(collection: String, sendSafelyExtension: Bool) throws {
        let peer = try Scim2ServerPeer(sendSafelyExtension: sendSafelyExtension)
        let dir = try TemporaryDirectory()
        let run = try CollectionRun(collection, in: dir, variables: peer.collectionVariables)
        #expect(run.result.exitCode == 0, "\(run.failureSummary)\n\(run.result.standardError)\npeer: \(peer.process.standardError.suffix(2000))")
        #expect(run.assertionsTotal > 0)
        #expect(run.assertionsFailed == 0, "\(run.failureSummary)")
        let junit = try JUnitCounts(path: run.junitPath)
        // A skipped request is a skipped test case: only the /Schemas look-up, once the resource type named the
        // extension.
        let skipped = collection == "SendSafely-SCIM" && sendSafelyExtension ? 1 : 0
        #expect(junit.skipped == skipped)
        #expect(junit.tests == run.assertionsTotal + skipped)
        #expect(junit.failures + junit.errors == run.assertionsFailed)
        if collection == "SendSafely-SCIM" {
            // The extension travels only when the portal advertises it, and never with isAdmin unless asked.
            let body = try #require(run.requestBody(of: "Create user"))
            #expect(body.contains(Self.sendSafelyExtension) == sendSafelyExtension, "\(body)")
            #expect(!body.contains("isAdmin"), "\(body)")
        } else {
            // scim2-server serves Groups, so the Groups folder ran and passed.
            #expect(run.passed("PATCH remove a member through a value filter", "Status is 200 OK or 204 No Content (RFC 7644 §3.5.2)"))
            #expect(run.passed("Read group after removing a member", "Only the other member is left (RFC 7644 §3.5.2.2)"))
        }
    }

    @Test("SendSafelyIsAdmin=false sends isAdmin in the extension and reads it back; SendSafelyExtension=off keeps it out even when advertised")
    func sendSafelyOptions() throws {
        let peer = try Scim2ServerPeer(sendSafelyExtension: true)
        let dir = try TemporaryDirectory()
        let asked = try CollectionRun("SendSafely-SCIM", in: dir, variables: peer.collectionVariables + [("SendSafelyIsAdmin", "false")])
        #expect(asked.result.exitCode == 0, "\(asked.failureSummary)")
        let body = try JSONParser.parse(bytes: Array(try #require(asked.requestBody(of: "Create user")).utf8))
        #expect(body[Self.sendSafelyExtension]?["isAdmin"] == false)
        #expect(asked.passed("Read user", "isAdmin reads back as sent (SendSafely: isAdmin true or false sets admin rights)"))

        let off = try CollectionRun("SendSafely-SCIM", in: dir, variables: peer.collectionVariables + [("SendSafelyExtension", "off")])
        #expect(off.result.exitCode == 0, "\(off.failureSummary)")
        #expect(off.requestBody(of: "Create user")?.contains(Self.sendSafelyExtension) == false)

        // Forcing the extension on a server without it is the operator's choice, and fails where it should.
        let stock = try Scim2ServerPeer(sendSafelyExtension: false)
        let forced = try CollectionRun("SendSafely-SCIM", in: dir, variables: stock.collectionVariables + [("SendSafelyExtension", "on")])
        #expect(forced.result.exitCode == 1)
        #expect(forced.failures == [FailedTest("Create user", "Status is 201 Created (RFC 7644 §3.3)")], "\(forced.failureSummary)")

        let invalid = try CollectionRun("SendSafely-SCIM", in: dir, variables: stock.collectionVariables + [("SendSafelyIsAdmin", "yes")])
        #expect(invalid.failures == [FailedTest("Reject requests without credentials", "SendSafely options are valid")])
        #expect(invalid.responseCodes.isEmpty, "nothing is sent while an option is invalid")
    }

    @Test("a 401 with an empty or HTML body (a gateway in front of the portal) is no false alarm",
          arguments: ["empty", "html"])
    func unauthorizedWithoutSCIMBody(body: String) throws {
        let peer = try Scim2ServerPeer(sendSafelyExtension: false, unauthorizedBody: body)
        let dir = try TemporaryDirectory()
        let run = try CollectionRun("SendSafely-SCIM", in: dir, variables: peer.collectionVariables)
        #expect(run.result.exitCode == 0, "\(run.failureSummary)")
        #expect(run.responseCodes.first == 401)
        #expect(run.passed("Reject requests without credentials",
                           "No user data is returned without credentials (RFC 7644 §3.12: a 401 is an error, not a list)"))
    }

    // MARK: c. the embedded server

    @Test("without a fault the embedded server passes both collections, with other users and groups present")
    func embeddedServerPasses() throws {
        for collection in ["SendSafely-SCIM", "SCIM-2.0-Conformance"] {
            let server = try EmbeddedSCIMServer()
            let bystander = try server.createUser("bystander-1@example.com")
            try server.createGroup("bystanders", members: [try #require(bystander["id"]?.stringValue)])
            let dir = try TemporaryDirectory()
            let run = try CollectionRun(collection, in: dir, variables: server.collectionVariables)
            #expect(run.result.exitCode == 0, "\(collection):\n\(run.failureSummary)")
            #expect(run.assertionsFailed == 0)
            #expect(run.assertionsTotal > 0)
            if collection == "SCIM-2.0-Conformance" {
                // The embedded server returns users' groups, so this check asserted something.
                #expect(run.passed("Alice's groups include the group", "Alice's groups, when the server returns them, include the group (RFC 7643 §4.1.2)"))
            } else {
                // It advertises SendSafely's extension, so the smoke test sent it (without isAdmin).
                #expect(run.requestBody(of: "Create user")?.contains(Self.sendSafelyExtension) == true)
            }
            // Both leave the server as they found it.
            #expect(try server.curl(["\(server.baseURL)/Users"])["totalResults"]?.intValue == 1)
            #expect(try server.curl(["\(server.baseURL)/Groups"])["totalResults"]?.intValue == 1)
        }
    }

    // MARK: independent checkers against the embedded server

    @Test("scim2-tester runs every check, Users and Groups, against carrier scim-server: all pass, none skipped")
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
        #expect(statuses.filter { $0 == "SKIPPED" }.isEmpty)
        #expect(statuses.filter { $0 == "SUCCESS" }.count > 130)
        // The Group checks ran: creation, query, replacement, deletion and the PATCH checks of Groups.
        for reason in ["Successfully created Group object", "Successfully replaced Group object", "Successfully deleted Group object",
                       "attribute filtering honoured for Group", "Successfully added attribute 'members'",
                       "Successfully removed attribute 'members'"] {
            #expect(lines.contains { $0.contains(reason) }, "no check reported '\(reason)'")
        }
        for check in ["search_with_attributes", "check_add_attribute", "check_replace_attribute", "check_remove_attribute"] {
            #expect(lines.contains("SUCCESS \(check)"), "\(check) did not pass")
        }
        #expect(server.process.isRunning)
    }

    @Test("scim-sanity's probe passes, its Group phase included; it skips only the draft Agent resource types")
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
        #expect((summary["passed"]?.intValue ?? 0) >= 28)
        let results = report["results"]?.arrayValue ?? []
        let skipped = Set(results.filter { $0["status"]?.stringValue == "skip" }.compactMap { $0["name"]?.stringValue })
        // Agents and AgenticApplications come from an Internet-Draft, not RFC 7643; SendSafely has neither.
        #expect(skipped == ["Agent CRUD Lifecycle", "AgenticApplication CRUD Lifecycle", "Agent Rapid Lifecycle"])
        let groupPhase = results.filter { ($0["phase"]?.stringValue ?? "").contains("Group") }
        #expect(groupPhase.count >= 10)
        #expect(groupPhase.allSatisfy { $0["status"]?.stringValue == "pass" }, "\(groupPhase)")
        for name in ["POST /Groups", "PATCH /Groups/{id} add member", "PATCH /Groups/{id} remove members",
                     "GET /Groups/{id} after DELETE (expect 404)", "PATCH /Users/{id}"] {
            #expect(results.contains { $0["name"]?.stringValue == name && $0["status"]?.stringValue == "pass" }, "\(name)")
        }
    }

    // MARK: request signing, verified by an independent implementation

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

    // MARK: the data file

    @Test("carrier scim-server --data keeps users, groups and memberships across a restart (stopped with SIGTERM)")
    func dataFileSurvivesRestart() throws {
        let dir = try TemporaryDirectory()
        let dataFile = dir.path + "/users.json"
        let userID: String
        let groupID: String
        do {
            let server = try EmbeddedSCIMServer(["--data", dataFile])
            userID = try #require(try server.createUser("persistent@example.com")["id"]?.stringValue)
            groupID = try #require(try server.createGroup("Persistent people", members: [userID])["id"]?.stringValue)
            // SIGTERM ends it even though the test thread that started it blocks SIGTERM.
            #expect(server.process.terminate(), "carrier scim-server did not end on SIGTERM")
        }
        #expect(FileManager.default.fileExists(atPath: dataFile))
        let restarted = try EmbeddedSCIMServer(["--data", dataFile])
        let read = try restarted.curl(["\(restarted.baseURL)/Users/\(userID)"])
        #expect(read["userName"]?.stringValue == "persistent@example.com")
        #expect(read["groups"]?[0]?["value"]?.stringValue == groupID)
        let group = try restarted.curl(["\(restarted.baseURL)/Groups/\(groupID)"])
        #expect(group["displayName"] == "Persistent people")
        #expect(group["members"]?[0]?["value"]?.stringValue == userID)
        let filter = "userName eq \"persistent@example.com\"".addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
        #expect(try restarted.curl(["\(restarted.baseURL)/Users?filter=\(filter)"])["totalResults"]?.intValue == 1)
        // The collections run against the restarted server and leave it as they found it.
        for collection in ["SendSafely-SCIM", "SCIM-2.0-Conformance"] {
            let run = try CollectionRun(collection, in: dir, variables: restarted.collectionVariables)
            #expect(run.result.exitCode == 0, "\(collection): \(run.failureSummary)")
        }
        #expect(try restarted.curl(["\(restarted.baseURL)/Users"])["totalResults"]?.intValue == 1)
        #expect(try restarted.curl(["\(restarted.baseURL)/Groups"])["totalResults"]?.intValue == 1)
    }
}
