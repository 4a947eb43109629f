import RunContracts
import RunnerCore
import Testing
@testable import JSCSandbox

@Suite("script errors, timeouts and the event loop")
struct ScriptErrorTests {
    @Test("a syntax error is reported with its line in the user's script")
    func syntaxError() {
        let outcome = Harness().run("const a = 1;\nconst b = ;\n")
        #expect(outcome.error?.name == "SyntaxError")
        #expect(outcome.error?.line == 2)
    }

    @Test("a runtime error gives name, message, 1-based line and column, and stops the script")
    func runtimeError() {
        let outcome = Harness().run("pm.test('before', () => {});\nconst x = null;\n  x.foo();\npm.test('after', () => {});")
        #expect(outcome.error?.name == "TypeError")
        #expect(outcome.error?.line == 3)
        #expect(outcome.error?.column != nil)
        #expect(outcome.assertions.map(\.name) == ["before"])
    }

    @Test("an error on the first line has its column counted from the script's start, not the wrapper's")
    func firstLineColumn() {
        let outcome = Harness().run("throw new Error('top');")
        #expect(outcome.error?.message == "top")
        #expect(outcome.error?.line == 1)
        // JavaScriptCore points at the call's argument list; without the correction it would be past column 100.
        #expect(outcome.error?.column.map { $0 <= "throw new Error('top');".count } == true)
    }

    @Test("top-level const/let in one script does not collide with the next, and top-level return works")
    func scopesPerScript() {
        let harness = Harness()
        // Sandbox names may be redeclared, as with Postman's globals.
        #expect(harness.run("const data = pm.response.json(); let request = 1; const tests = {}; var pm2 = pm; const environment = 2;").error == nil)
        #expect(harness.run("const a = 1; let b = 2; if (a) return; throw new Error('not reached');").error == nil)
        #expect(harness.run("const a = 3; let b = 4; pm.test('t', () => pm.expect(a + b).to.equal(7));").assertions.first?.status == .passed)
    }

    @Test("an expectation failing outside pm.test is the script's error, with the user's line")
    func bareExpect() {
        let outcome = Harness().run("\n\npm.expect(1).to.equal(2);")
        #expect(outcome.error?.name == "AssertionError")
        #expect(outcome.error?.message == "expected 1 to equal 2")
        #expect(outcome.error?.line == 3)
    }

    @Test("--timeout-script stops while(true) and the next script still runs in the same context")
    func timeout() {
        let harness = Harness()
        let stopped = harness.run("pm.test('first', () => {}); while (true) {}", timeout: 300)
        #expect(stopped.error?.name == "ScriptTimeout")
        #expect(stopped.error?.message == "sandbox: synchronous script execution timeout")
        #expect(stopped.assertions.map(\.name) == ["first"])
        let next = harness.run("pm.test('next', () => pm.expect(1).to.equal(1));", timeout: 300)
        #expect(next.error == nil)
        #expect(next.assertions.first?.status == .passed)
    }

    @Test("a timer that would fire after the script timeout ends the script with a timeout")
    func timerBeyondTimeout() {
        let outcome = Harness().run("setTimeout(() => pm.test('late', () => {}), 5000);", timeout: 100)
        #expect(outcome.error?.name == "ScriptTimeout")
        #expect(outcome.error?.message == "sandbox: asynchronous script execution timeout")
        #expect(outcome.assertions.isEmpty)
    }

    @Test("timers fire in time order after the script body, with promise jobs between them")
    func timerOrder() {
        let lines = Harness().log("""
            setTimeout(() => console.log('t80'), 80);
            setTimeout(() => { console.log('t0'); Promise.resolve().then(() => console.log('micro after t0')); }, 0);
            const id = setTimeout(() => console.log('cancelled'), 10); clearTimeout(id);
            let n = 0; const iv = setInterval(() => { console.log('iv' + (++n)); if (n === 2) clearInterval(iv); }, 5);
            setTimeout(() => console.log('t1'), 1);
            console.log('body');
            """)
        #expect(lines == ["body", "t0", "micro after t0", "t1", "iv1", "iv2", "t80"])
    }

    @Test("a throw inside a timer callback and an unhandled rejection are reported as the script's error")
    func asyncErrors() {
        let thrown = Harness().run("setTimeout(() => { throw new RangeError('in timer'); }, 1);")
        #expect(thrown.error?.name == "RangeError")
        #expect(thrown.error?.message == "in timer")
        let rejected = Harness().run("Promise.reject(new Error('nobody listens'));")
        #expect(rejected.error?.message == "nobody listens")
    }

    @Test("an async error after an await in the script body is the script's error")
    func awaitError() {
        let outcome = Harness().run("await new Promise(r => setTimeout(r, 1));\nnull.x;")
        #expect(outcome.error?.name == "TypeError")
        #expect(outcome.error?.line == 2)
    }
}

@Suite("error wording")
struct ErrorWordingTests {
    @Test("common TypeErrors and ReferenceErrors read as Node words them")
    func nodeWording() {
        let harness = Harness()
        let messages = [
            "const data = {}; data.args.a;",
            "const json = {}; json.form['FriendlyName'].x;",
            "const n = null; n.value;",
            "const o = {}; o.missing();",
            "notDefinedAnywhere + 1;",
        ].map { harness.run($0).error?.message ?? "" }
        #expect(messages == [
            "Cannot read properties of undefined (reading 'a')",
            "Cannot read properties of undefined (reading 'FriendlyName')",
            "Cannot read properties of null (reading 'value')",
            "o.missing is not a function",
            "notDefinedAnywhere is not defined",
        ])
    }
}
