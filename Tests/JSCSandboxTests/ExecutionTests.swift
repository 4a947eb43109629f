import JSONValue
import RunContracts
import RunnerCore
import Testing
@testable import JSCSandbox

@Suite("pm.info, execution control, cookies and sendRequest")
struct ExecutionTests {
    @Test("pm.info and pm.execution.location describe where the script runs")
    func info() {
        let harness = Harness()
        harness.iteration = 1
        let lines = harness.log("""
            console.log(pm.info.eventName, pm.info.iteration, pm.info.iterationCount, pm.info.requestName, pm.info.requestId);
            console.log(pm.execution.location.join('/'), pm.execution.location.current);
            """, phase: .prerequest)
        #expect(lines == ["prerequest 1 3 Create user req-1", "Coll/Users/Create user Create user"])
    }

    @Test("setNextRequest: last call wins; null ends the iteration; postman.setNextRequest works too")
    func nextRequest() {
        let harness = Harness()
        #expect(harness.run("pm.execution.setNextRequest('A'); postman.setNextRequest('B');").nextRequest == .named("B"))
        #expect(harness.run("postman.setNextRequest(null);").nextRequest == .stop)
        #expect(harness.run("1;").nextRequest == nil)
    }

    @Test("skipRequest works in pre-request scripts only")
    func skipRequest() {
        let harness = Harness()
        #expect(harness.run("pm.execution.skipRequest();", phase: .prerequest).skipRequest)
        let inTest = harness.run("pm.execution.skipRequest();", phase: .test)
        #expect(!inTest.skipRequest)
        #expect(inTest.error?.message == "pm.execution.skipRequest is not a function")
        let lines = harness.run("setTimeout(() => console.log('dropped'), 1); pm.execution.skipRequest(); setTimeout(() => console.log('also dropped'), 1); console.log('body goes on');", phase: .prerequest)
        #expect(lines.console.map(\.text) == ["body goes on"])
    }

    @Test("pm.test without a function passes and pm.test returns pm for chaining")
    func testWithoutFunction() {
        let outcome = Harness().run("pm.test('no fn').test('second', () => {});")
        #expect(outcome.assertions.map(\.status) == [.passed, .passed])
    }

    @Test("pm.cookies reads the request's cookies; the jar goes through the host")
    func cookies() {
        let harness = Harness()
        harness.host.jar = [Cookie(name: "session", value: "s1", domain: "api.example.com")]
        let outcome = harness.run("""
            console.log(pm.cookies.get('sid'), pm.cookies.has('sid'), pm.cookies.has('nope'), JSON.stringify(pm.cookies.toObject()));
            const jar = pm.cookies.jar();
            jar.get('https://api.example.com/', 'session', (err, value) => console.log('get', err, value));
            jar.set('https://api.example.com/', 'theme', 'dark', (err, cookie) => {
                console.log('set', err, cookie.name);
                jar.getAll('https://api.example.com/', (err, all) => console.log('all', all.map(c => c.name + '=' + c.value).join(',')));
                jar.unset('https://api.example.com/', 'session', () => console.log('unset'));
            });
            """, cookies: [Cookie(name: "sid", value: "abc", domain: "api.example.com")])
        #expect(outcome.error == nil)
        #expect(outcome.console.map(\.text) == [
            #"abc true false {"sid":"abc"}"#, "get null s1", "set null theme", "all session=s1,theme=dark", "unset",
        ])
        #expect(harness.host.jar.map(\.name) == ["theme"])
    }

    @Test("pm.sendRequest calls back with (err, res) and the host receives the request as JSON")
    func sendRequest() {
        let harness = Harness()
        harness.host.cannedResponses = [
            .success(jsonResponse(#"{"token":"t-1"}"#, code: 201, reason: "Created")),
            .failure(TransportError(kind: .connectionRefused, code: "ECONNREFUSED", message: "connect ECONNREFUSED 127.0.0.1:9")),
        ]
        let outcome = harness.run("""
            pm.sendRequest({ url: 'http://auth.test/token', method: 'POST', header: { 'X-Key': 'k' }, body: { mode: 'raw', raw: 'x' } }, (err, res) => {
                console.log('first', err, res.code, res.json().token, res.status);
                pm.environment.set('token', res.json().token);
                pm.sendRequest('http://127.0.0.1:9/', (err, res) => console.log('second', err.code, err.message, res));
                console.log(pm.sendRequest('x', () => {}) === pm);
            });
            console.log('after call');
            """)
        #expect(outcome.error == nil)
        #expect(outcome.console.map(\.text) == [
            "after call", "first null 201 t-1 Created", "true", "second ECONNREFUSED connect ECONNREFUSED 127.0.0.1:9 undefined",
        ])
        #expect(harness.scopes.environment.value("token") == "t-1")
        #expect(harness.host.sentRequests.count == 3)
        #expect(harness.host.sentRequests[0]["method"] == "POST")
        #expect(harness.host.sentRequests[0]["url"]?["raw"] == "http://auth.test/token")
        #expect(harness.host.sentRequests[0]["header"] == [["key": "X-Key", "value": "k"]])
        #expect(harness.host.sentRequests[1]["url"]?["raw"] == "http://127.0.0.1:9/")
    }

    @Test("pm.sendRequest without a callback returns a promise")
    func sendRequestPromise() {
        let outcome = Harness().run("""
            const res = await pm.sendRequest('http://x.test/');
            pm.test('promise form', () => pm.expect(res.json().canned).to.be.true);
            """)
        #expect(outcome.assertions.first?.status == .passed)
    }
}
