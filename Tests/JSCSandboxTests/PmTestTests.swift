import JSONValue
import RunContracts
import RunnerCore
import Testing
@testable import JSCSandbox

@Suite("pm.test and pm.expect")
struct PmTestTests {
    @Test("a passing and a failing pm.test give assertions with chai's message")
    func passAndFail() {
        let outcome = Harness().run("""
            pm.test("passes", function () { pm.expect(1).to.equal(1); });
            pm.test("fails", () => { pm.expect(200).to.equal(201); });
            """)
        #expect(outcome.error == nil)
        #expect(outcome.assertions.count == 2)
        #expect(outcome.assertions[0] == AssertionResult(name: "passes", status: .passed, index: 0))
        #expect(outcome.assertions[1].status == .failed)
        #expect(outcome.assertions[1].errorName == "AssertionError")
        #expect(outcome.assertions[1].message == "expected 200 to equal 201")
        #expect(outcome.assertions[1].index == 1)
    }

    @Test("a failing assertion's stack points at the line in the user's script")
    func stackLine() {
        let outcome = Harness().run("// first\n\npm.test('x', function () {\n    pm.expect('a').to.eql('b');\n});", name: "Tests of x")
        #expect(outcome.assertions.first?.stack?.contains("Tests of x:4:") == true)
    }

    @Test("async tests: async functions, returned promises and the done callback")
    func asyncForms() {
        let outcome = Harness().run("""
            pm.test("async fn", async () => { await new Promise(r => setTimeout(r, 10)); pm.expect(1).to.equal(2); });
            pm.test("promise", () => Promise.resolve().then(() => { throw new TypeError("bad"); }));
            pm.test("done ok", (done) => { setTimeout(() => { pm.expect(true).to.be.true; done(); }, 5); });
            pm.test("done err", (done) => { setTimeout(() => done(new Error("nope")), 1); });
            pm.test("sync", () => {});
            """)
        let byName = Dictionary(uniqueKeysWithValues: outcome.assertions.map { ($0.name, $0) })
        #expect(byName["async fn"]?.message == "expected 1 to equal 2")
        #expect(byName["promise"]?.errorName == "TypeError")
        #expect(byName["done ok"]?.status == .passed)
        #expect(byName["done err"]?.message == "nope")
        #expect(byName["sync"]?.status == .passed)
        // Results arrive in the order tests finish.
        let order = outcome.assertions.map(\.name)
        #expect(order.firstIndex(of: "sync")! < order.firstIndex(of: "async fn")!)
        #expect(outcome.assertions.first { $0.name == "async fn" }?.index == 0)
    }

    @Test("pm.test.skip records a skipped assertion and does not run the function")
    func skip() {
        let outcome = Harness().run("pm.test.skip('later', () => { throw new Error('ran'); }); pm.test('n', () => pm.expect(pm.test.index()).to.equal(2));")
        #expect(outcome.assertions.map(\.status) == [.skipped, .passed])
    }

    @Test("a thrown non-assertion error inside pm.test fails that test only")
    func throwInsideTest() {
        let outcome = Harness().run("pm.test('t', () => { undefinedFunction(); }); pm.test('u', () => {});")
        #expect(outcome.error == nil)
        #expect(outcome.assertions[0].errorName == "ReferenceError")
        #expect(outcome.assertions[1].status == .passed)
    }
}
