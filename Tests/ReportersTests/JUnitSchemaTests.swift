import CarrierTestSupport
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import JSONValue
import RunContracts
import RunnerCore
import Testing
@testable import Reporters

/// Every kind of JUnit file Carrier writes, checked by `xmllint --schema` against `JUnitSchema` (the constraints of
/// the Jenkins xUnit plugin's junit-10.xsd) and read back by junitparser, an independent Surefire/Ant-style reader,
/// whose counts must agree with the elements. `make test` installs xmllint (libxml2-utils) and junitparser (.venv).
@Suite("JUnit reports against the xUnit plugin's schema", .serialized)
struct JUnitSchemaTests {
    // MARK: the documents

    static func passingRun() -> RunRecord { MultiRunReportTests.simpleRecord(environment: "acme", passed: 3) }
    static func failingRun() -> RunRecord { MultiRunReportTests.simpleRecord(environment: "acme", passed: 1, failed: 2) }

    /// One iteration of the fixture: a failed assertion, a script error, a refused connection, a skipped test.
    static func scriptErrors() -> RunRecord { RunFixture.record(iterations: 1) }

    /// A request skipped by `pm.execution.skipRequest()` beside skipped tests.
    static func skippedRequests() -> RunRecord {
        var record = RunFixture.record(iterations: 1)
        var skipped = ItemExecution(cursor: Cursor(iteration: 0, iterationCount: 1, position: 3, length: 4),
                                    item: ItemReference(id: "item-4", name: "Skip me", folders: ["Later"]),
                                    startedAt: RunFixture.startedAt + 900)
        skipped.skipped = true
        record.executions.append(skipped)
        return record
    }

    /// A run error and a failure no execution shows: the extra "Run" suite.
    static func runSuite() -> RunRecord {
        var record = RunFixture.record(iterations: 2)
        record.failures.append(RunFailure(kind: .scriptError, cursor: Cursor(iteration: 1, iterationCount: 2, position: 7, length: 3),
                                          item: ItemReference(id: "item-9", name: "Gone", folders: []), name: "Error",
                                          message: "lost", source: "collection", at: "test-script"))
        record.runError = "callback timed out"
        return record
    }

    static func emptyRun() -> RunRecord {
        var record = RunFixture.record(iterations: 1)
        record.executions = []
        record.failures = []
        return record
    }

    static let withHost = JUnitOptions(hostname: "ci-runner")

    /// Name and document of every file the reporters can write.
    static func documents() throws -> [(String, String)] {
        let environments = [
            EnvironmentRun(environmentName: "acme", record: passingRun()),
            EnvironmentRun(environmentName: "globex.eu", record: failingRun()),
            EnvironmentRun(environmentName: "staging", record: RunFixture.record(iterations: 2)),
        ]
        return [
            ("passing run", JUnitReport.render(passingRun(), options: withHost)),
            ("failed assertions", JUnitReport.render(failingRun(), options: JUnitOptions())),
            ("script and request errors", JUnitReport.render(scriptErrors(), options: withHost)),
            ("skipped requests and tests", JUnitReport.render(skippedRequests(), options: withHost)),
            ("several iterations", JUnitReport.render(RunFixture.record(iterations: 3), options: withHost)),
            ("run error and unattributed failure", JUnitReport.render(runSuite(), options: withHost)),
            ("hostile text", JUnitReport.render(RunFixture.hostileText(), options: withHost)),
            ("console left out", JUnitReport.render(RunFixture.record(), options: JUnitOptions(includeConsole: false))),
            ("no executions", JUnitReport.render(emptyRun(), options: JUnitOptions())),
            ("several environments combined", JUnitReport.render(runs: environments, options: withHost)),
            ("one environment as a combined file", JUnitReport.render(runs: [environments[2]], options: JUnitOptions())),
            ("no environments", JUnitReport.render(runs: [], options: JUnitOptions())),
            ("streamed, several iterations", try streamed(runSuite(), options: withHost)),
            ("streamed, skipped requests", try streamed(skippedRequests(), options: JUnitOptions())),
            ("streamed, no executions", try streamed(emptyRun(), options: JUnitOptions())),
        ]
    }

    /// The file `JUnitReportStream` writes for the record, fed as the runner feeds it.
    static func streamed(_ record: RunRecord, options: JUnitOptions) throws -> String {
        let directory = try TemporaryDirectory()
        let path = directory.path + "/reports/junit.xml"
        let junit = try JUnitReportStream(path: path, options: options)
        stream(record, into: nil, junit)
        var finished = record
        finished.executions = []
        try junit.finish(finished)
        return try String(contentsOfFile: path, encoding: .utf8)
    }

    // MARK: the checks

    @Test("every JUnit file Carrier writes is valid against junit-10.xsd's constraints")
    func everyDocumentValidates() throws {
        let validator = try SchemaValidator()
        for (name, xml) in try Self.documents() {
            let verdict = try validator.validate(xml)
            #expect(verdict.valid, "\(name): \(verdict.messages)\n\(xml.prefix(600))")
        }
    }

    @Test("the schema is not a formality: it rejects what the xUnit plugin rejects")
    func schemaRejects() throws {
        let validator = try SchemaValidator()
        let suite = "<testsuite name=\"s\" tests=\"1\" failures=\"0\" errors=\"0\"><testcase name=\"c\"/></testsuite>"
        #expect(try validator.validate("<testsuites>\(suite)</testsuites>").valid)
        let rejected = [
            "root skipped": "<testsuites skipped=\"0\">\(suite)</testsuites>",
            "root disabled": "<testsuites disabled=\"0\">\(suite)</testsuites>",
            "suite without errors": "<testsuites><testsuite name=\"s\" tests=\"1\" failures=\"0\"/></testsuites>",
            "suite skips": "<testsuites><testsuite name=\"s\" tests=\"0\" failures=\"0\" errors=\"0\" skips=\"0\"/></testsuites>",
            "negative time": "<testsuites><testsuite name=\"s\" tests=\"0\" failures=\"0\" errors=\"0\" time=\"-1.000\"/></testsuites>",
            "testcase timestamp": "<testsuites><testsuite name=\"s\" tests=\"1\" failures=\"0\" errors=\"0\"><testcase name=\"c\" timestamp=\"x\"/></testsuite></testsuites>",
            "property without value": "<testsuites><testsuite name=\"s\" tests=\"0\" failures=\"0\" errors=\"0\"><properties><property name=\"a\"/></properties></testsuite></testsuites>",
            "element inside failure": "<testsuites><testsuite name=\"s\" tests=\"1\" failures=\"1\" errors=\"0\"><testcase name=\"c\"><failure><b/></failure></testcase></testsuite></testsuites>",
        ]
        for (name, xml) in rejected {
            #expect(try !validator.validate(xml).valid, "\(name) was accepted")
        }
    }

    @Test("junitparser (default and xunit2 flavours) reads counts that agree with the elements, in every file")
    func junitparserCounts() throws {
        for (name, xml) in try Self.documents() {
            let expected = try ElementCounts(xml)
            let read = try JUnitParserCounts(xml)
            // From the test cases, as GitLab, dorny/test-reporter and action-junit-report count.
            #expect(read.cases == expected.all, "\(name)")
            // Each suite's attributes, as Jenkins' JUnit plugin and junitparser's totals read them.
            #expect(read.suiteAttributes == expected.all, "\(name)")
            // The root's attributes, where the schema has them: tests, failures, errors; no skipped.
            #expect(read.root == [expected.tests, expected.failures, expected.errors], "\(name)")
            #expect(read.rootSkippedAttribute == nil, "\(name)")
            #expect(read.skippedTotal == expected.skipped, "\(name)")
            // junitparser's xunit2 flavour (the Jenkins schema) recomputes the root from the suites.
            #expect(read.xunit2Root == [expected.tests, expected.failures, expected.errors], "\(name)")
        }
    }

    @Test("the counts still add up: the skipped total is the sum of the suites' skipped attributes")
    func skippedTotalIsInTheSuites() throws {
        let root = try parseJUnit(JUnitReport.render(Self.skippedRequests(), options: JUnitOptions()))
        #expect(root.attr("skipped") == nil)
        let suites = root.children("testsuite")
        let skippedCases = suites.flatMap { $0.children("testcase") }.filter { !$0.children("skipped").isEmpty }.count
        #expect(skippedCases == 2)
        #expect(suites.map { $0.intAttr("skipped") }.reduce(0, +) == skippedCases)
        #expect(root.intAttr("tests") == suites.map { $0.intAttr("tests") }.reduce(0, +))
    }
}

/// Counts taken from the elements of a document (`Foundation`'s XML parser, independent of the renderer's model).
private struct ElementCounts {
    var tests = 0, failures = 0, errors = 0, skipped = 0
    var all: [Int] { [tests, failures, errors, skipped] }

    init(_ xml: String) throws {
        for suite in try parseJUnit(xml).children("testsuite") {
            for testCase in suite.children("testcase") {
                tests += 1
                if !testCase.children("failure").isEmpty { failures += 1 }
                if !testCase.children("error").isEmpty { errors += 1 }
                if !testCase.children("skipped").isEmpty { skipped += 1 }
            }
        }
    }
}

/// `xmllint --noout --schema` with `JUnitSchema` written to a scratch file.
private struct SchemaValidator {
    let xmllint: String
    let directory: TemporaryDirectory
    let schemaPath: String

    init() throws {
        let candidates = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")
            .split(separator: ":").map { "\($0)/xmllint" }
        guard let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            throw PeerProcessError(description: "xmllint is missing: install libxml2-utils (`make test-deps` does)")
        }
        xmllint = found
        directory = try TemporaryDirectory()
        schemaPath = directory.path + "/junit-constraints.xsd"
        try JUnitSchema.xsd.write(toFile: schemaPath, atomically: true, encoding: .utf8)
    }

    func validate(_ xml: String) throws -> (valid: Bool, messages: String) {
        let path = directory.path + "/report-\(UUID().uuidString).xml"
        try xml.write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let result = try CarrierProcess.runExecutable(xmllint, ["--noout", "--nonet", "--schema", schemaPath, path], seconds: 60)
        // 0: valid; 3: invalid; anything else (a broken schema, an unreadable file) must not pass as "invalid".
        guard result.exitCode == 0 || result.exitCode == 3 else {
            throw PeerProcessError(description: "xmllint exited \(result.exitCode): \(result.standardError)")
        }
        return (result.exitCode == 0, result.standardError)
    }
}

/// A document's counts as junitparser sees them.
private struct JUnitParserCounts {
    var cases: [Int] = []
    var suiteAttributes: [Int] = []
    var root: [Int] = []
    var rootSkippedAttribute: String?
    var xunit2Root: [Int] = []
    var skippedTotal = -1

    init(_ xml: String) throws {
        let script = """
            import json, sys, junitparser
            from junitparser import xunit2
            def totals(xml):
                suites = [xml] if isinstance(xml, junitparser.TestSuite) else list(xml)
                cases, attrs = [0, 0, 0, 0], [0, 0, 0, 0]
                for suite in suites:
                    for i, value in enumerate([suite.tests, suite.failures, suite.errors, suite.skipped]):
                        attrs[i] += value if value is not None else -1000
                    for case in suite:
                        cases[0] += 1
                        for result in case.result:
                            if isinstance(result, junitparser.Failure): cases[1] += 1
                            elif isinstance(result, junitparser.Error): cases[2] += 1
                            elif isinstance(result, junitparser.Skipped): cases[3] += 1
                return cases, attrs
            xml = junitparser.JUnitXml.fromfile(sys.argv[1])
            cases, attrs = totals(xml)
            flavoured = xunit2.JUnitXml.fromfile(sys.argv[1])
            flavoured.update_statistics()
            print(json.dumps({
                "cases": cases, "attrs": attrs,
                "root": [xml.tests, xml.failures, xml.errors],
                "rootSkipped": xml._elem.get("skipped"),
                "xunit2": [flavoured.tests, flavoured.failures, flavoured.errors],
                # Read last: with no root attribute, junitparser recomputes every total from the cases.
                "skippedTotal": xml.skipped,
            }))
            """
        let directory = try TemporaryDirectory()
        let path = directory.path + "/junit.xml"
        try xml.write(toFile: path, atomically: true, encoding: .utf8)
        let result = try CarrierProcess.runExecutable(try PeerEnvironment.tool("python"), ["-c", script, path], seconds: 60)
        guard result.exitCode == 0 else { throw PeerProcessError(description: "junitparser: \(result.standardError)") }
        let json = try JSONParser.parse(bytes: Array(result.standardOutput.utf8))
        func ints(_ key: String) -> [Int] { json[key]?.arrayValue?.map { $0.intValue ?? -1 } ?? [] }
        cases = ints("cases")
        suiteAttributes = ints("attrs")
        root = ints("root")
        rootSkippedAttribute = json["rootSkipped"]?.stringValue
        xunit2Root = ints("xunit2")
        skippedTotal = json["skippedTotal"]?.intValue ?? -1
    }
}
