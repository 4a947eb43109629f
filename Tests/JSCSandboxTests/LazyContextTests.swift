import JSONValue
import RunContracts
import RunnerCore
import Testing
@testable import JSCSandbox

/// The per-run shortcuts (legacy globals a script never names, pm.request built on first use) must not change
/// what a script sees or what comes back.
@Suite("lazily prepared script context")
struct LazyContextTests {
    @Test("the Swift list of legacy globals is the wrapper's parameter list")
    func legacyListsAgree() {
        let lines = Harness().log("console.log(__carrier.legacyParameters.join(','));")
        #expect(lines == [LegacyNames.all.joined(separator: ",")])
    }

    @Test("a script's text decides which legacy globals are prepared; eval gets all of them")
    func namesFromText() {
        #expect(LegacyNames.used(in: "pm.test('x', () => {});") == [])
        #expect(LegacyNames.used(in: "tests['a'] = responseBody.length > 0;") == ["tests", "responseBody"])
        #expect(LegacyNames.used(in: "eval('resp' + 'onseBody')") == .null)
    }

    @Test("legacy globals stay reachable by name, through eval, and unnamed ones are undefined")
    func legacyValues() {
        let harness = Harness()
        #expect(harness.log("console.log(typeof responseBody, JSON.parse(responseBody).id);") == ["string 7"])
        #expect(harness.log("console.log(eval('respon' + 'seCode').code, typeof eval('envir' + 'onment'));") == ["200 object"])
        #expect(harness.log("console.log(JSON.parse(responseBody).name, request.method);") == ["Ada POST"])
    }

    @Test("a test script that never reads pm.request gives the request back as it came; one that reads it sees it")
    func lazyRequest() {
        let harness = Harness()
        let untouched = harness.run("pm.test('ok', () => pm.response.to.have.status(200));")
        #expect(untouched.request == sampleRequest)
        #expect(untouched.assertions.map(\.status) == [.passed])
        let read = harness.run("console.log(pm.request.method, pm.request.headers.get('content-type'));")
        #expect(read.console.map(\.text) == ["POST application/json"])
        let replaced = harness.run("pm.request = 5; console.log(pm.request);")
        #expect(replaced.console.map(\.text) == ["5"])
    }
}

@Suite("periodic full collection")
struct PeriodicCollectionTests {
    @Test("scripts, their cached compilation and the runtime survive the full collection after every 1000 runs")
    func survivesCollection() {
        let harness = Harness()
        var last = ScriptOutcome(request: .null)
        for index in 0..<1005 {
            last = harness.run("pm.test('run', () => pm.expect(pm.response.json().id).to.equal(7)); pm.environment.set('n', \(index));")
        }
        #expect(harness.sandbox.js.runsSinceCollection == 5)
        #expect(last.assertions.map(\.status) == [.passed])
        #expect(last.error == nil)
        #expect(harness.scopes.environment.value("n") == .number(1004))
    }
}
