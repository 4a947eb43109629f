import CarrierTestSupport
import Foundation
import JSONValue
import Testing

/// What one collection must fail against one faulty server.
enum ExpectedFailures: Sendable, CustomStringConvertible {
    /// Exactly these tests fail, each once; none means the collection passes (it does not cover that step).
    case exactly(Set<FailedTest>)
    /// Every assertion with this test name fails, at least `minimum` of them, and nothing else does (a
    /// collection-level check, run on every answer).
    case everyAssertionNamed(String, minimum: Int)

    var description: String {
        switch self {
        case .exactly(let tests): tests.map(\.description).sorted().joined(separator: "\n")
        case .everyAssertionNamed(let name, let minimum): "every '\(name)' (at least \(minimum))"
        }
    }
}

/// One row of the matrix: a `--fault` of `carrier scim-server`, and what each collection must fail against it.
struct FaultExpectation: Sendable, CustomStringConvertible {
    let fault: String
    let smoke: ExpectedFailures
    let conformance: ExpectedFailures
    var description: String { fault }
}

/// The embedded server in every fault mode: each defect fails exactly the tests named for it, in the conformance
/// collection always and in the smoke test where it covers the step, and nothing else. docs/scim.md shows the same
/// matrix as a table.
@Suite("SCIM fault matrix: each defect is caught by name", .serialized)
struct SCIMFaultMatrixTests {
    static let contentType = "Response is application/scim+json (RFC 7644 §3.8)"
    static let statusString = "Error status is the HTTP status as a string (RFC 7644 §3.12)"

    static let expectations: [FaultExpectation] = [
        FaultExpectation(
            fault: "delete-only-deactivates",
            smoke: .exactly([FailedTest("Confirm user is gone", "Status is 404 Not Found (RFC 7644 §3.6)")]),
            conformance: .exactly([FailedTest("Deleted user is 404", "Status is 404 Not Found (RFC 7644 §3.6)")])),
        FaultExpectation(
            fault: "ignores-filter",
            smoke: .exactly([FailedTest("Find user by userName", "The filter finds exactly the created user (RFC 7644 §3.4.2.2)")]),
            conformance: .exactly(Set([
                ("eq on userName", "eq matches only that userName (RFC 7644 §3.4.2.2)"),
                ("eq on userName ignores case", "eq on userName is case-insensitive (RFC 7644 §3.4.2.2)"),
                ("sw", "sw matches the shared prefix (RFC 7644 §3.4.2.2)"),
                ("ne", "ne excludes only that userName (RFC 7644 §3.4.2.2)"),
                ("co", "co matches a substring (RFC 7644 §3.4.2.2)"),
                ("ew", "ew matches a suffix (RFC 7644 §3.4.2.2)"),
                ("pr", "pr matches users having the attribute (RFC 7644 §3.4.2.2)"),
                ("gt on a string", "gt compares strings lexicographically (RFC 7644 §3.4.2.2)"),
                ("ge on a string", "ge includes the equal value (RFC 7644 §3.4.2.2)"),
                ("lt on a string", "lt compares strings lexicographically (RFC 7644 §3.4.2.2)"),
                ("le on a string", "le includes the equal value (RFC 7644 §3.4.2.2)"),
                ("gt on meta.lastModified", "gt compares dateTime values (RFC 7644 §3.4.2.2)"),
                ("lt on meta.lastModified", "lt on dateTime excludes later values (RFC 7644 §3.4.2.2)"),
                ("eq on a boolean", "eq compares booleans (RFC 7644 §3.4.2.2)"),
                ("and binds tighter than or", "and has precedence over or (RFC 7644 §3.4.2.2)"),
                ("grouping overrides precedence", "parentheses group or before and (RFC 7644 §3.4.2.2)"),
                ("not", "not negates a group (RFC 7644 §3.4.2.2)"),
                ("value filter on a multi-valued attribute", "a value filter matches within one email (RFC 7644 §3.4.2.2)"),
                ("sub-attribute path", "a sub-attribute path filters (RFC 7644 §3.4.2.2)"),
                ("First page of one", "totalResults counts all three fixtures (RFC 7644 §3.4.2.4)"),
                ("Second page of two", "totalResults counts all three fixtures (RFC 7644 §3.4.2.4)"),
                ("count=0 returns only totalResults", "totalResults counts all three fixtures (RFC 7644 §3.4.2.4)"),
                ("startIndex past the end", "totalResults counts all three fixtures (RFC 7644 §3.4.2.4)"),
                ("attributes=userName", "Only id and userName are returned (RFC 7644 §3.4.2.5)"),
                ("Filter groups by displayName", "The displayName filter finds exactly the group (RFC 7644 §3.4.2.2)"),
                ("Filter groups by member", "The members.value filter finds exactly the group (RFC 7644 §3.4.2.2)"),
            ].map { FailedTest($0.0, $0.1) }))),
        FaultExpectation(
            fault: "wrong-content-type",
            smoke: .exactly([FailedTest("List users (paged)", contentType), FailedTest("Create user", contentType),
                             FailedTest("Read user", contentType)]),
            conformance: .everyAssertionNamed(contentType, minimum: 67)),
        FaultExpectation(
            fault: "ignores-pagination",
            smoke: .exactly([FailedTest("List users (paged)", "At most 10 users are returned for count=10 (RFC 7644 §3.4.2.4)")]),
            conformance: .exactly([
                FailedTest("First page of one", "The page holds 1 resource(s) (RFC 7644 §3.4.2.4)"),
                FailedTest("Second page of two", "The page holds 2 resource(s) (RFC 7644 §3.4.2.4)"),
                FailedTest("count=0 returns only totalResults", "The page holds 0 resource(s) (RFC 7644 §3.4.2.4)"),
                FailedTest("startIndex past the end", "The page holds 0 resource(s) (RFC 7644 §3.4.2.4)"),
            ])),
        FaultExpectation(
            fault: "html-error-on-bad-filter",
            smoke: .exactly([]),
            conformance: .exactly([
                FailedTest("Malformed filter is refused", "Status is 400 Bad Request (RFC 7644 §3.12)"),
                FailedTest("Malformed filter is refused", contentType),
                FailedTest("Malformed filter is refused", "Error response uses the SCIM error schema (RFC 7644 §3.12)"),
            ])),
        FaultExpectation(
            fault: "errors-without-scimtype",
            smoke: .exactly([]),
            conformance: .exactly([
                FailedTest("Duplicate userName is refused", "scimType is uniqueness (RFC 7644 §3.3)"),
                FailedTest("Duplicate userName in another case is refused", "scimType is uniqueness (RFC 7644 §3.3)"),
                FailedTest("PATCH remove without a path is refused", "scimType is noTarget (RFC 7644 §3.5.2.2)"),
                FailedTest("PATCH replace through a filter that matches nothing is refused", "scimType is noTarget (RFC 7644 §3.5.2.3)"),
            ])),
        FaultExpectation(
            fault: "status-as-number",
            smoke: .exactly([FailedTest("Confirm user is gone", "Error body is a SCIM error with status \"404\" as a string (RFC 7644 §3.12)")]),
            conformance: .everyAssertionNamed(statusString, minimum: 12)),
        FaultExpectation(
            fault: "created-without-location",
            smoke: .exactly([FailedTest("Create user", "Location header is the new user's URI (RFC 7644 §3.3)")]),
            conformance: .exactly([
                FailedTest("Create fixture alice", "Location header is the new user's URI (RFC 7644 §3.3)"),
                FailedTest("Create fixture bob", "Location header is the new user's URI (RFC 7644 §3.3)"),
                FailedTest("Create fixture carol", "Location header is the new user's URI (RFC 7644 §3.3)"),
                FailedTest("Create group", "Location header is the new group's URI (RFC 7644 §3.3)"),
            ])),
        FaultExpectation(
            fault: "duplicate-username-other-case",
            smoke: .exactly([]),
            conformance: .exactly([
                FailedTest("Duplicate userName in another case is refused",
                           "Status is 409 Conflict (RFC 7644 §3.3; userName is case-insensitive, RFC 7643 §4.1.1)"),
                FailedTest("Duplicate userName in another case is refused", "scimType is uniqueness (RFC 7644 §3.3)"),
            ])),
        FaultExpectation(
            fault: "ignores-unknown-attributes",
            smoke: .exactly([]),
            conformance: .exactly([
                FailedTest("Unknown attribute is not silently dropped",
                           "An attribute no schema defines is refused with 400 or kept, never dropped in silence (RFC 7644 §3.12)"),
            ])),
        FaultExpectation(
            fault: "put-drops-attributes",
            smoke: .exactly([]),
            conformance: .exactly([
                FailedTest("PUT replaces the whole user",
                           "Attributes sent in the PUT are returned (RFC 7644 §3.5.1: the values provided replace the existing ones)"),
                FailedTest("Read back replaced user",
                           "Attributes sent in the PUT are stored (RFC 7644 §3.5.1: the values provided replace the existing ones)"),
            ])),
    ]

    @Test("every fault of carrier scim-server is in the matrix")
    func everyFaultIsCovered() throws {
        let result = try CarrierProcess.run(["scim-server", "--fault", "no-such-fault"])
        #expect(result.exitCode == 2)
        let known = try #require(result.standardError.components(separatedBy: "known: ").last)
        let names = Set(known.trimmingCharacters(in: .whitespacesAndNewlines).components(separatedBy: ", "))
        #expect(names == Set(Self.expectations.map(\.fault)))
        #expect(names.count >= 8)
    }

    /// Runs both collections against `carrier scim-server --fault …` holding eleven other users (a real portal is
    /// never empty, and eleven is more than the smoke test's page of ten) and one other group.
    @Test("each fault fails exactly the tests named for its defect", arguments: expectations)
    func faultIsCaughtByName(_ expectation: FaultExpectation) throws {
        for (collection, expected) in [("SendSafely-SCIM", expectation.smoke), ("SCIM-2.0-Conformance", expectation.conformance)] {
            let server = try EmbeddedSCIMServer(["--fault", expectation.fault])
            var bystanders: [String] = []
            for index in 1...11 {
                bystanders.append(try #require(try server.createUser("bystander-\(index)@example.com")["id"]?.stringValue))
            }
            try server.createGroup("bystanders", members: bystanders)
            let dir = try TemporaryDirectory()
            let run = try CollectionRun(collection, in: dir, variables: server.collectionVariables)
            let context = "\(collection) with --fault \(expectation.fault):\n\(run.failureSummary)"
            #expect(run.assertionsFailed == run.failures.count, "each failing test fails once: \(context)")
            switch expected {
            case .exactly(let tests):
                #expect(run.failures == tests, "\(context)")
                #expect(run.result.exitCode == (tests.isEmpty ? 0 : 1), "\(context)")
            case .everyAssertionNamed(let name, let minimum):
                let named = run.assertions.filter { $0.test == name }
                #expect(named.count >= minimum, "\(context)")
                #expect(named.allSatisfy { $0.failed }, "\(context)")
                #expect(run.failures == Set(named.map { FailedTest($0.item, $0.test) }), "\(context)")
                #expect(run.result.exitCode == 1)
            }
        }
    }
}
