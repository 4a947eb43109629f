import Foundation
import RunContracts
import RunnerCore
import Testing
@testable import JSCSandbox

/// Timings printed for the record (`CARRIER_MEASURE=1 swift test --filter SandboxMeasurement`); nothing is asserted.
@Suite("sandbox measurement", .enabled(if: ProcessInfo.processInfo.environment["CARRIER_MEASURE"] == "1"))
struct SandboxMeasurement {
    static let body: String = {
        let users = (0..<18).map { #"{"id":\#($0),"name":"User \#($0)","email":"user\#($0)@example.com","active":\#($0 % 2 == 0),"roles":["reader","writer"],"score":\#(Double($0) * 1.5)}"# }
        return #"{"total":18,"page":1,"users":["# + users.joined(separator: ",") + "]}"
    }()
    static let script = """
        pm.test("Status code is 200", function () {
            pm.response.to.have.status(200);
            pm.response.to.be.ok;
            pm.response.to.be.json;
            pm.response.to.have.header("Content-Type");
            pm.expect(pm.response.responseTime).to.be.below(1000);
        });
        pm.test("Body has users", function () {
            const json = pm.response.json();
            pm.expect(json).to.be.an("object");
            pm.expect(json.total).to.equal(18);
            pm.expect(json.page).to.eql(1);
            pm.expect(json.users).to.be.an("array").that.has.lengthOf(18);
            pm.expect(json.users[0]).to.have.property("email");
        });
        pm.test("First user", () => {
            const user = pm.response.json().users[0];
            pm.expect(user.name).to.include("User");
            pm.expect(user.active).to.be.true;
            pm.expect(user.roles).to.include("writer");
            pm.expect(user.score).to.be.a("number");
            pm.expect(user.id).to.be.at.least(0);
        });
        pm.test("All users valid", () => {
            const json = pm.response.json();
            json.users.forEach((u) => { pm.expect(u.email).to.match(/@example\\.com$/); });
            pm.expect(json.users.filter((u) => u.active)).to.have.lengthOf(9);
            pm.environment.set("firstId", json.users[0].id);
        });
        """

    /// User + system CPU seconds of this process; steadier than wall time on a shared machine.
    static func cpuSeconds() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
    }

    @Test("cold start and per-script cost")
    func measure() {
        let response = jsonResponse(SandboxMeasurement.body)
        let start = Date()
        let harness = Harness()
        let created = Date()
        let first = harness.run("pm.test('one', () => pm.expect(1).to.equal(1));", response: response)
        let cold = Date()
        #expect(first.assertions.first?.status == .passed)
        print("body bytes: \(SandboxMeasurement.body.utf8.count)")
        print(String(format: "create sandbox: %.1f ms; first pm.test script (loads chai): %.1f ms; total cold %.1f ms",
                     created.timeIntervalSince(start) * 1000, cold.timeIntervalSince(created) * 1000, cold.timeIntervalSince(start) * 1000))
        var failures = 0
        let cpuStart = SandboxMeasurement.cpuSeconds()
        let loopStart = Date()
        for _ in 0..<1000 {
            let outcome = harness.run(SandboxMeasurement.script, response: response)
            failures += outcome.assertions.filter { $0.status != .passed }.count + (outcome.error == nil ? 0 : 1)
        }
        let perScript = Date().timeIntervalSince(loopStart)
        print(String(format: "1000 runs of 4 pm.test / ~22 expectations: %.3f ms per script wall, %.3f ms CPU (failures: %d)",
                     perScript, SandboxMeasurement.cpuSeconds() - cpuStart, failures))
        let emptyStart = Date(), emptyCPU = SandboxMeasurement.cpuSeconds()
        for _ in 0..<1000 { _ = harness.run("1;", response: response) }
        print(String(format: "1000 runs of an empty script (fixed cost): %.3f ms wall, %.3f ms CPU each",
                     Date().timeIntervalSince(emptyStart), SandboxMeasurement.cpuSeconds() - emptyCPU))
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        print("peak RSS: \(usage.ru_maxrss / 1024) MiB")
        #expect(failures == 0)
    }

    @Test("first-use cost of each library")
    func libraryCosts() {
        let harness = Harness()
        _ = harness.run("1;")
        for (name, script) in [("chai", "pm.expect(1).to.equal(1);"), ("lodash", "_.VERSION;"), ("CryptoJS", "CryptoJS.SHA256('x');"),
                               ("moment", "require('moment')();"), ("ajv", "pm.response.to.have.jsonSchema({type:'object'});"),
                               ("xml2js", "xml2Json('<a/>');"), ("cheerio", "cheerio.load('<p/>');"), ("uuid", "require('uuid').v4();")] {
            let start = Date()
            let outcome = harness.run(script)
            print(String(format: "%@: %.1f ms%@", name, Date().timeIntervalSince(start) * 1000, outcome.error.map { " (\($0))" } ?? ""))
        }
    }
}
