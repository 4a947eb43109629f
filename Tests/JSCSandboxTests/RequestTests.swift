import JSONValue
import RunContracts
import RunnerCore
import Testing
@testable import JSCSandbox

@Suite("pm.request")
struct RequestTests {
    @Test("reading the request: url parts, method, headers, body")
    func reading() {
        let lines = Harness().log("""
            const r = pm.request;
            console.log(r.url.toString(), r.url.getHost(), r.url.getPath(), r.method);
            console.log(r.url.query.get('limit'), JSON.stringify(r.url.query.toObject()), r.headers.get('content-type'), r.headers.has('CONTENT-TYPE'));
            console.log(r.body.mode, r.body.raw, String(r.url));
            """, phase: .prerequest)
        #expect(lines == [
            "https://api.example.com/v1/users?limit=10 api.example.com /v1/users POST",
            #"10 {"limit":"10"} application/json true"#,
            #"raw {"name":"Ada"} https://api.example.com/v1/users?limit=10"#,
        ])
    }

    @Test("pre-request changes come back in outcome.request as collection v2.1 JSON")
    func mutation() {
        let outcome = Harness().run("""
            pm.request.headers.add({ key: 'X-Trace', value: 'abc' });
            pm.request.headers.upsert({ key: 'content-type', value: 'text/plain' });
            pm.request.url.query.add({ key: 'page', value: '2' });
            pm.request.url.query.upsert({ key: 'limit', value: '50' });
            pm.request.addQueryParams('debug=1');
            pm.request.method = 'PUT';
            pm.request.body.raw = JSON.stringify({ name: 'Grace' });
            pm.request.url.path.push('42');
            pm.request.auth = undefined;
            pm.request.authorizeUsing('bearer', { token: 'tok' });
            """, phase: .prerequest)
        #expect(outcome.error == nil)
        let request = outcome.request
        #expect(request["method"] == "PUT")
        #expect(request["url"]?["raw"] == "https://api.example.com/v1/users/42?limit=50&page=2&debug=1")
        #expect(request["url"]?["path"] == ["v1", "users", "42"])
        #expect(request["url"]?["query"] == [["key": "limit", "value": "50"], ["key": "page", "value": "2"], ["key": "debug", "value": "1"]])
        // upsert matches case-insensitively and takes the new item's fields, key spelling included.
        #expect(request["header"] == [["key": "content-type", "value": "text/plain"], ["key": "X-Trace", "value": "abc"]])
        #expect(request["body"]?["raw"] == #"{"name":"Grace"}"#)
        #expect(request["auth"] == ["type": "bearer", "bearer": [["key": "token", "value": "tok", "type": "string"]]])
    }

    @Test("removing headers and query parameters; replacing the URL")
    func removal() {
        let outcome = Harness().run("""
            pm.request.headers.remove('Content-Type');
            pm.request.url.query.remove('limit');
            pm.request.url = 'http://localhost:8080/other?x=1';
            """, phase: .prerequest)
        #expect(outcome.request["header"] == [])
        #expect(outcome.request["url"]?["raw"] == "http://localhost:8080/other?x=1")
        #expect(outcome.request["url"]?["port"] == "8080")
    }

    @Test("an unchanged request keeps unknown fields such as body options")
    func untouched() {
        var request = sampleRequest
        if case .object(var object) = request {
            object["body"] = ["mode": "raw", "raw": "{}", "options": ["raw": ["language": "json"]]]
            request = .object(object)
        }
        let outcome = Harness().run("1;", phase: .prerequest, request: request)
        #expect(outcome.request["body"]?["options"] == ["raw": ["language": "json"]])
    }
}

@Suite("request shapes")
struct RequestShapeTests {
    @Test("a request given as a plain URL string becomes a full pm.request")
    func stringRequest() {
        let outcome = Harness().run("console.log(pm.request.method, pm.request.url.getHost(), pm.request.url.getPath());", phase: .prerequest,
                                    request: "http://localhost:3000/status")
        #expect(outcome.console.map(\.text) == ["GET localhost /status"])
        // Untouched, the URL goes back as it came (a string); the method gets its default.
        #expect(outcome.request["url"] == "http://localhost:3000/status")
        #expect(outcome.request["method"] == "GET")
    }

    @Test("urlencoded and formdata bodies are lists scripts can change")
    func formBodies() {
        let request: JSONValue = [
            "url": "http://h.test/form", "method": "POST",
            "body": ["mode": "urlencoded", "urlencoded": [["key": "a", "value": "1"], ["key": "b", "value": "2", "disabled": true]]],
        ]
        let outcome = Harness().run("""
            console.log(pm.request.body.urlencoded.get('a'), JSON.stringify(pm.request.body.urlencoded.toObject(true)), pm.request.body.toString());
            pm.request.body.urlencoded.add({ key: 'c', value: '3' });
            """, phase: .prerequest, request: request)
        #expect(outcome.console.map(\.text) == [#"1 {"a":"1"} a=1"#])
        #expect(outcome.request["body"]?["urlencoded"] == [
            ["key": "a", "value": "1"], ["key": "b", "value": "2", "disabled": true], ["key": "c", "value": "3"],
        ])
    }
}

@Suite("url round trip")
struct URLRoundTripTests {
    @Test("a URL without a path and one with the root path survive the JSON round trip unchanged")
    func pathlessURL() {
        let harness = Harness()
        for raw in ["http://localhost:3000", "http://localhost:3000/", "{{base}}/users/:id?x=1#top"] {
            let first = harness.run("pm.request.headers.add({ key: 'X', value: '1' }); pm.request.url.hash = pm.request.url.hash;",
                                    phase: .prerequest, request: ["url": .string(raw), "method": "GET"])
            #expect(first.request["url"] == .string(raw))
            let second = harness.run("console.log(pm.request.url.toString());", phase: .test, request: first.request)
            #expect(second.console.map(\.text) == [raw])
        }
    }
}

@Suite("untouched request fields")
struct UntouchedFieldTests {
    @Test("fields a script does not change come back exactly as given; changed ones in v2.1 form")
    func untouched() {
        let request: JSONValue = ["url": "https://postman-echo.com/get?", "method": "GET", "header": [["key": "A", "value": "1", "description": "kept"]]]
        let untouched = Harness().run("pm.request.url.getHost();", phase: .prerequest, request: request)
        #expect(untouched.request == request)
        let changed = Harness().run("pm.request.url.query.add({ key: 'q', value: '1' });", phase: .prerequest, request: request)
        // `get?` holds one empty parameter (postman-collection keeps the `?` that way), so the new one follows an `&`.
        #expect(changed.request["url"]?["raw"] == "https://postman-echo.com/get?&q=1")
        #expect(changed.request["header"] == request["header"])
    }
}
