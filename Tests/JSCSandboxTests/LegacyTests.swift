import JSONValue
import RunContracts
import RunnerCore
import Testing
@testable import JSCSandbox

@Suite("legacy sandbox globals")
struct LegacyTests {
    @Test("tests[...] entries become assertions after the script, in order")
    func testsObject() {
        let outcome = Harness().run("""
            pm.test('modern', () => {});
            tests['Status code is 200'] = responseCode.code === 200;
            tests['Body has Ada'] = responseBody.has ? true : responseBody.indexOf('Ada') > -1;
            tests['fails'] = false;
            """)
        #expect(outcome.assertions.map(\.name) == ["modern", "Status code is 200", "Body has Ada", "fails"])
        #expect(outcome.assertions.map(\.status) == [.passed, .passed, .passed, .failed])
        // postman-sandbox sends no error for a failed legacy test; Newman reports `expected false to be truthy`.
        #expect(outcome.assertions[3].errorName == "AssertionError")
        #expect(outcome.assertions[3].message == "expected false to be truthy")
    }

    @Test("response globals: responseBody, responseCode, responseHeaders, responseTime, responseCookies")
    func responseGlobals() {
        let harness = Harness()
        let outcome = harness.run("""
            console.log(JSON.parse(responseBody).id, JSON.stringify(responseCode), responseHeaders['Content-Type'], responseTime);
            console.log(postman.getResponseHeader('CONTENT-TYPE'), postman.getResponseCookie('sid').value, responseCookies.length);
            """, cookies: [Cookie(name: "sid", value: "abc", domain: "api.example.com")])
        #expect(outcome.console.map(\.text) == [
            #"7 {"name":"OK","detail":"OK","code":200,"standardName":"OK"} application/json 42"#,
            "application/json abc 1",
        ])
    }

    // Legacy request.headers is built with toObject(enabled, caseSensitive: false, multiValue): keys come lower-cased.
    @Test("request, environment, globals, data and iteration snapshots")
    func snapshots() {
        let harness = Harness()
        harness.scopes.environment.set("e", "1")
        harness.scopes.globals.set("g", .number(2))
        harness.scopes.data.set("d", "row")
        harness.iteration = 2
        let lines = harness.log("""
            console.log(request.url, request.method, request.headers['content-type'], request.data, request.name, request.id);
            console.log(environment.e, globals.g, data.d, iteration);
            """, phase: .prerequest)
        #expect(lines == [
            #"https://api.example.com/v1/users?limit=10 POST application/json {"name":"Ada"} Create user req-1"#,
            "1 2 row 2",
        ])
    }

    @Test("postman.set/get/clear Environment and Global variables write the scopes")
    func postmanVariables() {
        let harness = Harness()
        harness.scopes.environment.set("old", "x")
        _ = harness.run("""
            postman.setEnvironmentVariable('a', 'A'); postman.setGlobalVariable('b', 'B');
            postman.clearEnvironmentVariable('old');
            console.log(postman.getEnvironmentVariable('a'), postman.getGlobalVariable('b'));
            """)
        #expect(harness.scopes.environment.value("a") == "A")
        #expect(harness.scopes.globals.value("b") == "B")
        #expect(!harness.scopes.environment.has("old"))
        _ = harness.run("postman.clearGlobalVariables(); postman.clearEnvironmentVariables();")
        #expect(harness.scopes.globals.variables.isEmpty && harness.scopes.environment.variables.isEmpty)
    }

    @Test("'use sandbox2'; as the first characters turns the legacy globals off; anything else does not")
    func sandbox2() {
        let harness = Harness()
        #expect(harness.log("'use sandbox2';\nconsole.log(typeof tests, typeof responseBody, typeof pm);") == ["undefined undefined object"])
        #expect(harness.log(" 'use sandbox2';\nconsole.log(typeof responseBody);") == ["string"])
    }

    @Test("legacy setters store text and update the environment snapshot")
    func legacySetterText() {
        let harness = Harness()
        let lines = harness.log("postman.setEnvironmentVariable('n', 5); console.log(typeof environment.n, environment.n);")
        #expect(lines == ["string 5"])
        #expect(harness.scopes.environment.value("n") == "5")
    }

    @Test("legacy tests set after an await still count; those set in a later timer do not")
    func legacyTiming() {
        let outcome = Harness().run("await null; tests['after await'] = true; setTimeout(() => { tests['in timer'] = true; }, 1);")
        #expect(outcome.assertions.map(\.name) == ["after await"])
    }

    @Test("library globals: _ is lodash 4, CryptoJS, xml2Json, cheerio")
    func libraryGlobals() {
        let lines = Harness().log("""
            console.log(_.VERSION.split('.')[0], _.get({ a: [{ b: 3 }] }, 'a[0].b'), _.camelCase('A simple GET request'));
            console.log(CryptoJS.MD5('hello').toString(), CryptoJS.enc.Base64.stringify(CryptoJS.enc.Utf8.parse('hi')));
            console.log(JSON.stringify(xml2Json('<root><item id="1">x</item><item>y</item></root>')));
            console.log(cheerio.load('<ul><li class="a">one</li><li>two</li></ul>')('li.a').text());
            """)
        #expect(lines == [
            "4 3 aSimpleGetRequest",
            "5d41402abc4b2a76b9719d911017c592 aGk=",
            #"{"root":{"item":[{"_":"x","$":{"id":"1"}},"y"]}}"#,
            "one",
        ])
    }

    @Test("the legacy _ keeps lodash 3 names that lodash 4 dropped; require('lodash') is plain lodash 4")
    func lodash3Names() {
        let lines = Harness().log("""
            const users = [{ n: 'a', age: 1 }, { n: 'b', age: 2 }];
            console.log(_.contains([1, 2], 2), _.pluck(users, 'n').join(), _.where(users, { age: 2 })[0].n, _.findWhere(users, { n: 'a' }).age);
            console.log(_.any([0, 1]), typeof require('lodash').contains, require('lodash').eq(NaN, NaN));
            """)
        #expect(lines == ["true a,b b 1", "true undefined true"])
    }

    @Test("_ is still lodash when lodash was first loaded by something else")
    func lodashLoadedFirstElsewhere() {
        let harness = Harness()
        _ = harness.run("pm.test('b', () => pm.response.to.have.body(/Ada/)); require('lodash');")
        #expect(harness.log("console.log(typeof _.map, typeof _.contains)") == ["function function"])
    }

    @Test("CryptoJS HMAC-SHA256 of a SendSafely-style message matches Python's hmac")
    func hmacSignature() {
        // python3 -c 'import hmac,hashlib; print(hmac.new(b"sXtR9q2mKvB7zLp4", b"Hk3pQ9zX/api/v2.0/package/2024-05-01T12:00:00+0000{\"vdr\":false}", hashlib.sha256).hexdigest())'
        let lines = Harness().log("""
            const apiKey = 'Hk3pQ9zX', apiSecret = 'sXtR9q2mKvB7zLp4';
            const path = '/api/v2.0/package/', timestamp = '2024-05-01T12:00:00+0000', body = JSON.stringify({ vdr: false });
            const signature = CryptoJS.HmacSHA256(apiKey + path + timestamp + body, apiSecret);
            console.log(signature.toString(CryptoJS.enc.Hex));
            console.log(CryptoJS.enc.Base64.stringify(signature));
            """)
        #expect(lines == [
            "1ce2487522f36527f41f1392cb697e1cc726b0a1c8be8c336f044da580a1a874",
            "HOJIdSLzZSf0HxOSy2l+HMcmsKHIvowzbwRNpYChqHQ=",
        ])
    }
}
