import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import RunContracts
import RunnerCore
import Testing
@testable import Reporters

/// Parses a JUnit document, failing the test when it is not well-formed.
func parseJUnit(_ xml: String) throws -> XMLElement {
    let document = try XMLDocument(xmlString: xml, options: [])
    guard let root = document.rootElement() else { throw JUnitParseError.noRoot }
    return root
}

enum JUnitParseError: Error { case noRoot }

extension XMLElement {
    func attr(_ name: String) -> String? { attribute(forName: name)?.stringValue }
    func intAttr(_ name: String) -> Int { Int(attr(name) ?? "") ?? -1 }
    func children(_ name: String) -> [XMLElement] { elements(forName: name) }
}

@Suite("JUnit report")
struct JUnitReportTests {
    let options = JUnitOptions(hostname: "ci-runner")

    @Test("one suite per execution; counts add up in every suite and at the root")
    func countsAddUp() throws {
        let root = try parseJUnit(JUnitReport.render(RunFixture.record(), options: options))
        #expect(root.name == "testsuites")
        let suites = root.children("testsuite")
        #expect(suites.count == 6)
        var sums = [0, 0, 0, 0]
        for suite in suites {
            let cases = suite.children("testcase")
            let failures = cases.filter { !$0.children("failure").isEmpty }.count
            let errors = cases.filter { !$0.children("error").isEmpty }.count
            let skipped = cases.filter { !$0.children("skipped").isEmpty }.count
            #expect(suite.intAttr("tests") == cases.count)
            #expect(suite.intAttr("failures") == failures)
            #expect(suite.intAttr("errors") == errors)
            #expect(suite.intAttr("skipped") == skipped)
            #expect(cases.count >= failures + errors + skipped)
            sums[0] += cases.count; sums[1] += failures; sums[2] += errors; sums[3] += skipped
        }
        #expect([root.intAttr("tests"), root.intAttr("failures"), root.intAttr("errors")] == Array(sums.prefix(3)))
        // junit-10.xsd has no root `skipped`: the total is the suites' `skipped` attributes (checked above).
        #expect(root.attr("skipped") == nil)
        // 8 assertions + 2 request errors + 2 script errors; 1 failed assertion, 4 errors, 2 skipped tests.
        #expect(sums == [12, 1, 4, 2])
        #expect(root.attr("name") == "Carrier Demo")
        #expect(root.attr("time") == "1.234")
    }

    @Test("suites are named Folder / Request with an iteration suffix, and carry timestamp, file, id and properties")
    func suiteAttributes() throws {
        let suites = try parseJUnit(JUnitReport.render(RunFixture.record(), options: options)).children("testsuite")
        #expect(suites.map { $0.attr("name") ?? "" } == [
            "Get status (iteration 1/2)", "Users / Create user (iteration 1/2)", "Users / Broken (iteration 1/2)",
            "Get status (iteration 2/2)", "Users / Create user (iteration 2/2)", "Users / Broken (iteration 2/2)",
        ])
        let createUser = suites[1]
        #expect(createUser.attr("id") == "item-2")
        #expect(createUser.attr("file") == "/tmp/demo.postman_collection.json")
        #expect(createUser.attr("timestamp") == "2025-11-29T14:00:00.100Z")
        #expect(createUser.attr("time") == "0.120")
        #expect(createUser.attr("hostname") == "ci-runner")
        let properties = createUser.children("properties").first?.children("property") ?? []
        #expect(properties.map { "\($0.attr("name") ?? "")=\($0.attr("value") ?? "")" } == ["iteration=1", "environment=Staging"])
        #expect(suites[4].children("properties").first?.children("property").first?.attr("value") == "2")
    }

    @Test("a single-iteration run has no iteration suffix; no hostname unless given")
    func singleIteration() throws {
        let suites = try parseJUnit(JUnitReport.render(RunFixture.record(iterations: 1), options: JUnitOptions()))
            .children("testsuite")
        #expect(suites.map { $0.attr("name") ?? "" } == ["Get status", "Users / Create user", "Users / Broken"])
        #expect(suites[0].attr("hostname") == nil)
    }

    @Test("test cases: one per assertion, classname Collection.Folder / Request, time of the response")
    func testCases() throws {
        let suites = try parseJUnit(JUnitReport.render(RunFixture.record(), options: options)).children("testsuite")
        let cases = suites[1].children("testcase")
        // In the order things happened: the tests, then the error that stopped the test script.
        #expect(cases.map { $0.attr("name") ?? "" } == ["Status is 201", "Has id", "Tests of request \"Create user\""])
        #expect(Set(cases.map { $0.attr("classname") ?? "" }) == ["Carrier Demo.Users / Create user"])
        #expect(Set(cases.map { $0.attr("time") ?? "" }) == ["0.120"])
        #expect(suites[0].children("testcase").first?.attr("classname") == "Carrier Demo.Get status")
    }

    @Test("failed assertions become <failure type=AssertionError> with message, test, request and stack")
    func failure() throws {
        let suites = try parseJUnit(JUnitReport.render(RunFixture.record(), options: options)).children("testsuite")
        let hasID = suites[1].children("testcase")[1]
        let failure = try #require(hasID.children("failure").first)
        #expect(failure.attr("type") == "AssertionError")
        #expect(failure.attr("message") == "expected undefined to exist")
        let body = failure.stringValue ?? ""
        #expect(body.contains("Test: Has id"))
        #expect(body.contains("Request: POST http://127.0.0.1:8080/users [201 Created]"))
        #expect(body.contains("Stack:\nAssertionError: expected undefined to exist"))
        // The second iteration's passing run of the same test stays a pass.
        #expect(suites[4].children("testcase")[1].attr("name") == "Has id")
        #expect(suites[4].children("testcase")[1].children("failure").isEmpty)
    }

    @Test("request and script errors are their own <error> test cases")
    func errors() throws {
        let suites = try parseJUnit(JUnitReport.render(RunFixture.record(), options: options)).children("testsuite")
        let request = try #require(suites[2].children("testcase").first)
        #expect(request.attr("name") == "Request \"Broken\"")
        let requestError = try #require(request.children("error").first)
        #expect(requestError.attr("type") == "ECONNREFUSED")
        #expect(requestError.attr("message") == "connect ECONNREFUSED 127.0.0.1:9")
        let script = try #require(suites[1].children("testcase").last?.children("error").first)
        #expect(script.attr("type") == "TypeError")
        #expect(script.attr("message") ==
            "Tests of request \"Create user\", line 3: TypeError: Cannot read properties of undefined (reading 'id')")
        #expect((script.stringValue ?? "").contains("at test-script:3:12"))
    }

    @Test("skipped tests are <skipped/>; console lines go to <system-out>")
    func skippedAndConsole() throws {
        let suites = try parseJUnit(JUnitReport.render(RunFixture.record(), options: options)).children("testsuite")
        let later = suites[0].children("testcase")[1]
        #expect(later.attr("name") == "Later")
        #expect(later.children("skipped").count == 1)
        #expect(suites[0].children("system-out").first?.stringValue == "hello from iteration 1")
        let quiet = try parseJUnit(JUnitReport.render(RunFixture.record(), options: JUnitOptions(includeConsole: false)))
        #expect(quiet.children("testsuite")[0].children("system-out").isEmpty)
    }

    @Test("a request skipped by pm.execution.skipRequest() is a skipped test case")
    func skippedRequest() throws {
        var record = RunFixture.record(iterations: 1)
        var skipped = ItemExecution(cursor: Cursor(iteration: 0, iterationCount: 1, position: 3, length: 4),
                                    item: ItemReference(id: "item-4", name: "Skip me", folders: []), startedAt: 0)
        skipped.skipped = true
        record.executions.append(skipped)
        let suite = try #require(try parseJUnit(JUnitReport.render(record, options: options)).children("testsuite").last)
        #expect(suite.intAttr("tests") == 1)
        #expect(suite.intAttr("skipped") == 1)
    }

    @Test("hostile text is escaped: quotes, markup, control characters, ]]> inside CDATA, dots in names")
    func escaping() throws {
        let xml = JUnitReport.render(RunFixture.hostileText(), options: options)
        let root = try parseJUnit(xml)
        #expect(root.attr("name") == "Demo v1.2 & <co>")
        let suites = root.children("testsuite")
        #expect(suites[1].attr("id") == "x\"y")
        let testCase = suites[1].children("testcase")[1]
        #expect(testCase.attr("name") == "bell tab\t<b>&")
        #expect(testCase.attr("classname") == "Demo v1_2 & <co>.Users_v2 / Create \"user\" 'q'")
        let failure = try #require(testCase.children("failure").first)
        #expect(failure.attr("message") == "a ]]> bc\nline2")
        #expect((failure.stringValue ?? "").contains("trace ]]> end"))
        #expect(suites[0].children("system-out").first?.stringValue == "[warn] escape [31m ]]> done")
    }

    @Test("a run error fails the report even without request suites")
    func runError() throws {
        var record = RunFixture.record(iterations: 1)
        record.executions = []
        record.failures = []
        record.runError = "callback timed out"
        let root = try parseJUnit(JUnitReport.render(record, options: options))
        #expect(root.intAttr("errors") == 1)
        let suite = try #require(root.children("testsuite").first)
        #expect(suite.attr("name") == "Run")
        #expect(suite.children("testcase").first?.children("error").first?.attr("message") == "callback timed out")
    }

    @Test("failures the executions do not show still appear, so the report fails exactly when the run did")
    func orphanFailures() throws {
        var record = RunFixture.record(iterations: 1)
        record.executions = []
        let root = try parseJUnit(JUnitReport.render(record, options: options))
        #expect(root.intAttr("errors") == record.failures.count)
    }

    @Test("the redactor sees every attribute and text")
    func redaction() throws {
        let xml = JUnitReport.render(RunFixture.record(), options: JUnitOptions(redactor: {
            $0.replacingOccurrences(of: "127.0.0.1", with: "[host]")
        }))
        #expect(!xml.contains("127.0.0.1"))
        #expect(xml.contains("[host]"))
    }

    @Test("the document starts with the XML declaration and ends with a newline")
    func framing() {
        let xml = JUnitReport.render(RunFixture.record(), options: options)
        #expect(xml.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites "))
        #expect(xml.hasSuffix("</testsuites>\n"))
    }
}

@Suite("JUnit report: pm.sendRequest failures")
struct JUnitSendRequestTests {
    @Test("a pm.sendRequest failure is an error case in its request's suite, not its request's own error")
    func sendRequestFailure() throws {
        var record = RunFixture.record(iterations: 1)
        let first = record.executions[0]
        record.failures.append(RunFailure(kind: .requestError, cursor: first.cursor, item: first.item, name: "ENOTFOUND",
                                          message: "getaddrinfo ENOTFOUND nowhere.invalid", source: "pm.sendRequest",
                                          at: "request"))
        let suites = try parseJUnit(JUnitReport.render(record, options: JUnitOptions())).children("testsuite")
        #expect(suites.count == 3)
        let errors = suites[0].children("testcase").compactMap { $0.children("error").first }
        #expect(errors.map { $0.attr("type") ?? "" } == ["ENOTFOUND"])
        #expect(suites[0].intAttr("errors") == 1)
        // The refused connection of the third request is still reported once, as its own request error.
        #expect(suites[2].children("testcase").compactMap { $0.children("error").first }.count == 1)
    }
}
