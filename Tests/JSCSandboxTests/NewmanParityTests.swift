import JSONValue
import RunContracts
import RunnerCore
import Testing
@testable import JSCSandbox

/// Behaviour that public collections showed to differ from Newman's (the real-world corpus), one class a test.
@Suite("Newman parity: what real collections rely on")
struct NewmanParityTests {
    @Test("after a request error, test scripts get a response with no code and no body, not undefined")
    func responseAfterRequestError() {
        let harness = Harness()
        let outcome = harness.run("""
            pm.test('status', () => pm.response.to.have.status(201));
            pm.test('json', () => pm.response.json());
            console.log(typeof pm.response, pm.response.code, pm.response.text(), Object.keys(pm.response).join(','));
            console.log(JSON.stringify(responseCode), responseBody, responseTime, JSON.stringify(responseHeaders));
            pm.execution.setNextRequest('next');
            """, response: nil)
        #expect(outcome.error == nil)
        #expect(outcome.assertions.map(\.message) == [
            "expected PostmanResponse{ …(5) } to have property 'code'",
            #""undefined" is not valid JSON"#,
        ])
        #expect(outcome.assertions.map(\.errorName) == ["AssertionError", "JSONError"])
        #expect(outcome.console.map(\.text) == [
            "object undefined undefined id,_details,headers,cookies,to",
            "{} undefined undefined {}",
        ])
        // The flow after the failing tests still runs, as in Newman.
        #expect(outcome.nextRequest == .named("next"))
    }

    @Test("pre-request scripts have no pm.response, as postman-sandbox gives none there")
    func noResponseBeforeTheRequest() {
        let lines = Harness().log("console.log(typeof pm.response);", phase: .prerequest)
        #expect(lines == ["undefined"])
    }

    @Test("a response that came prints with Newman's member count and keeps its body off the object")
    func responseMembers() {
        let outcome = Harness().run("""
            console.log(Object.getOwnPropertyNames(pm.response).join(','));
            pm.test('p', () => pm.expect(pm.response).to.have.property('nope'));
            """)
        #expect(outcome.console.map(\.text) == ["id,_details,status,code,headers,stream,cookies,responseTime,responseSize,to"])
        #expect(outcome.assertions.first?.message == "expected PostmanResponse{ …(10) } to have property 'nope'")
    }

    @Test("JSON.parse is liquid-json's: JSONError with the verbose parser's message, V8's for non-text")
    func liquidJSON() {
        let lines = Harness().log("""
            for (const input of ['', '{"a":', '[1,]', undefined, {}]) {
                try { JSON.parse(input); } catch (e) { console.log(e.name + ': ' + JSON.stringify(e.message)); }
            }
            console.log(JSON.parse('\\uFEFF{"bom":true}').bom, JSON.parse('[1]', (k, v) => v)[0]);
            """)
        #expect(lines == [
            #"JSONError: "No data, empty input at 1:1\n\n^""#,
            #"JSONError: "Unexpected end of input at 1:6\n{\"a\":\n     ^""#,
            #"JSONError: "Unexpected token ']' at 1:4\n[1,]\n   ^""#,
            #"JSONError: "\"undefined\" is not valid JSON""#,
            #"JSONError: "Unexpected token 'o', \"[object Object]\" is not valid JSON""#,
            "true 1",
        ])
    }

    @Test("legacy tests[] failures read 'expected false to be truthy', whatever the falsy value")
    func legacyTestsMessage() {
        let outcome = Harness().run("tests['has user'] = false; tests['zero'] = 0; tests['ok'] = 'yes';")
        #expect(outcome.assertions.map(\.status) == [.failed, .failed, .passed])
        #expect(outcome.assertions.map(\.message) == ["expected false to be truthy", "expected false to be truthy", nil])
        #expect(outcome.assertions.first?.errorName == "AssertionError")
    }

    @Test("what a pm.sendRequest callback throws is a warning, not a script failure")
    func sendRequestCallbackError() {
        let outcome = Harness().run("""
            pm.sendRequest('http://api.test/users', (err, res) => { res.json().results[0].name; });
            pm.test('runs on', () => {});
            """, phase: .prerequest)
        #expect(outcome.error == nil)
        #expect(outcome.warnings.map(\.name) == ["TypeError"])
        #expect(outcome.warnings.first?.message == "Cannot read properties of undefined (reading '0')")
        #expect(outcome.assertions.map(\.status) == [.passed])
    }

    @Test("a throw in a timer callback still fails the script")
    func timerCallbackError() {
        let outcome = Harness().run("setTimeout(() => { throw new Error('late'); }, 0);")
        #expect(outcome.error?.message == "late")
        #expect(outcome.warnings.isEmpty)
    }

    @Test("V8's wording for calling a non-function: call arguments elided")
    func notAFunctionWording() {
        let outcome = Harness().run("pm.test('find', () => { JSON.parse(pm.response.text()).find(x => x); });")
        #expect(outcome.assertions.first?.message == "JSON.parse(...).find is not a function")
    }

    @Test("set(key, undefined): get gives undefined in the script; pm.variables keeps it undefined, the other scopes hold null after")
    func undefinedValues() {
        let harness = Harness()
        let outcome = harness.run("""
            pm.variables.set('local', undefined);
            pm.environment.set('env', undefined);
            console.log(pm.variables.get('local'), pm.environment.get('env'), pm.environment.has('env'));
            """)
        #expect(outcome.console.map(\.text) == ["undefined undefined true"])
        #expect(harness.scopes.local.variable("local")?.isUndefined == true)
        #expect(harness.scopes.environment.variable("env")?.isUndefined == false)
        #expect(harness.scopes.environment.value("env") == .null)
        #expect(VariableResolver(scopes: harness.scopes).resolve("[{{local}}|{{env}}]") == "[|null]")
        let next = harness.log("console.log(pm.environment.get('env'), pm.variables.get('local'));")
        #expect(next == ["null undefined"])
    }

    @Test("the legacy request object has the item's name and the request's description")
    func legacyRequestName() {
        var request = sampleRequest
        if case .object(var object) = request { object["description"] = "Creates one user"; request = .object(object) }
        let outcome = Harness().run("console.log(request.name, '|', request.description);", request: request)
        #expect(outcome.console.map(\.text) == ["Create user | Creates one user"])
    }

    @Test("cheerio.load of no text fails as Newman's cheerio 0.22 does, when the document is used; text still loads")
    func cheerioLoadOfNothing() {
        let outcome = Harness().run("""
            pm.test('none', () => { const $ = cheerio.load(pm.response.text(), { xmlMode: true }); $('Q').find('L'); });
            pm.test('some', () => { pm.expect(require('cheerio').load('<a id="x">hi</a>')('#x').text()).to.equal('hi'); });
            """, response: nil)
        #expect(outcome.assertions.map(\.status) == [.failed, .passed])
        #expect(outcome.assertions.first?.errorName == "TypeError")
        #expect(outcome.assertions.first?.message == "Cannot read properties of undefined (reading 'parent')")
    }
}

