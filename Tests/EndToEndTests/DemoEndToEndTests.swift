import CarrierTestSupport
import Foundation
import JSONValue
import Testing

/// `carrier demo`: the SendSafely SCIM smoke test against the embedded server, as a new user first runs it.
/// Each test works on a copy of collections/ and environments/, so nothing is written into the repository.
@Suite("carrier demo", .serialized)
struct DemoEndToEndTests {
    /// A temporary project holding copies of the repository's collections/ and environments/.
    private func projectCopy() throws -> TemporaryDirectory {
        let dir = try TemporaryDirectory()
        for folder in ["collections", "environments"] {
            try FileManager.default.copyItem(atPath: PeerEnvironment.packageRoot + "/" + folder, toPath: dir.path + "/" + folder)
        }
        return dir
    }

    private func expectPassingReports(in project: String) throws {
        let summaryPath = project + "/reports/summary.json"
        let junitPath = project + "/reports/junit.xml"
        let summary = try JSONParser.parse(bytes: Array(try #require(FileManager.default.contents(atPath: summaryPath))))
        let assertions = summary["run"]?["stats"]?["assertions"]
        #expect(assertions?["failed"]?.intValue == 0)
        let total = try #require(assertions?["total"]?.intValue)
        #expect(total > 0)
        #expect(summary["collection"]?["info"]?["name"]?.stringValue == "SendSafely SCIM smoke test")
        let junit = try JUnitCounts(path: junitPath)
        // One request is skipped, a skipped test case in JUnit: the embedded server advertises SendSafely's
        // extension in /ResourceTypes/User, so the smoke test need not look in /Schemas.
        #expect(junit.skipped == 1)
        #expect(junit.tests == total + junit.skipped)
        #expect(junit.failures == 0 && junit.errors == 0)

        // The signed REST request runs too, against the stand-in that checks the HMAC signature.
        let signing = try JSONParser.parse(bytes: Array(try #require(
            FileManager.default.contents(atPath: project + "/reports/rest-signing-summary.json"))))
        #expect(signing["run"]?["stats"]?["assertions"]?["failed"]?.intValue == 0)
        #expect((signing["run"]?["stats"]?["assertions"]?["total"]?.intValue ?? 0) > 0)
        let signingJUnit = try JUnitCounts(path: project + "/reports/rest-signing-junit.xml")
        #expect(signingJUnit.tests > 0 && signingJUnit.failures == 0 && signingJUnit.errors == 0)
    }

    @Test("carrier demo --project-dir DIR exits 0 and writes reports/junit.xml, reports/summary.json (and the signing run's) there")
    func demoWithProjectDir() throws {
        let project = try projectCopy()
        let elsewhere = try TemporaryDirectory()
        let result = try CarrierProcess.run(["demo", "--project-dir", project.path], in: elsewhere.path)
        #expect(result.exitCode == 0, "\(result.standardOutput.suffix(3000))\n\(result.standardError)")
        #expect(result.standardOutput.contains("Embedded SCIM server listening on http://127.0.0.1:"))
        #expect(result.standardOutput.contains("Confirm user is gone"))
        try expectPassingReports(in: project.path)
        #expect(!FileManager.default.fileExists(atPath: elsewhere.path + "/reports"))
    }

    @Test("carrier demo run from the project root writes its reports there")
    func demoFromTheRoot() throws {
        let project = try projectCopy()
        let result = try CarrierProcess.run(["demo"], in: project.path)
        #expect(result.exitCode == 0, "\(result.standardOutput.suffix(3000))\n\(result.standardError)")
        try expectPassingReports(in: project.path)
    }

    @Test("carrier demo outside a project says where to run it and exits 2")
    func demoOutsideAProject() throws {
        let empty = try TemporaryDirectory()
        let result = try CarrierProcess.run(["demo"], in: empty.path)
        #expect(result.exitCode == 2)
        #expect(result.standardError.contains("--project-dir"))
        #expect(!FileManager.default.fileExists(atPath: empty.path + "/reports"))
    }
}
