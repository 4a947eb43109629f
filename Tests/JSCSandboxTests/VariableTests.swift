import CollectionModel
import JSONValue
import RunContracts
import RunnerCore
import Testing
@testable import JSCSandbox

@Suite("variable scopes")
struct VariableTests {
    @Test("set keeps JSON types and writes reach the caller's scopes")
    func typesRoundTrip() {
        let harness = Harness()
        let outcome = harness.run("""
            pm.environment.set('n', 42);
            pm.environment.set('b', true);
            pm.environment.set('o', { a: [1, 'x'] });
            pm.globals.set('g', 'text');
            pm.collectionVariables.set('c', 1.5);
            pm.variables.set('local', null);
            """)
        #expect(outcome.error == nil)
        #expect(harness.scopes.environment.value("n") == .number(42))
        #expect(harness.scopes.environment.value("b") == .bool(true))
        #expect(harness.scopes.environment.value("o") == ["a": [1, "x"]])
        #expect(harness.scopes.globals.value("g") == "text")
        #expect(harness.scopes.collection.value("c") == .number(1.5))
        #expect(harness.scopes.local.has("local"))
    }

    @Test("reads see typed values, precedence local > data > environment > collection > globals")
    func precedence() {
        let harness = Harness()
        harness.scopes.globals.set("k", "global")
        harness.scopes.collection.set("k", "collection")
        harness.scopes.environment.set("k", .number(3))
        harness.scopes.data.set("row", .number(7))
        let lines = harness.log("""
            console.log(typeof pm.environment.get('k'), pm.variables.get('k'), pm.globals.get('k'), pm.iterationData.get('row'));
            pm.variables.set('k', 'local');
            console.log(pm.variables.get('k'), pm.environment.get('k'), pm.variables.has('k'), pm.globals.has('missing'));
            console.log(JSON.stringify(pm.variables.toObject()));
            """)
        #expect(lines == ["number 3 global 7", "local 3 true false", #"{"k":"local","row":7}"#])
    }

    @Test("writes are visible to the next script; unset and clear remove")
    func persistence() {
        let harness = Harness()
        _ = harness.run("pm.environment.set('token', 'abc'); pm.globals.set('x', 1); pm.globals.set('y', 2);", phase: .prerequest)
        #expect(harness.log("console.log(pm.environment.get('token'))") == ["abc"])
        _ = harness.run("pm.environment.unset('token'); pm.globals.clear();")
        #expect(!harness.scopes.environment.has("token"))
        #expect(harness.scopes.globals.variables.isEmpty)
    }

    @Test("replaceIn resolves {{}} with scope precedence, nested, leaves unknown tokens")
    func replaceIn() {
        let harness = Harness()
        harness.scopes.environment.set("host", "api.test")
        harness.scopes.environment.set("v", "2")
        harness.scopes.globals.set("host", "ignored")
        let lines = harness.log("""
            pm.variables.set('ver2', 'version-two');
            console.log(pm.variables.replaceIn('https://{{host}}/v{{v}}/{{ver{{v}}}}/{{nope}}'));
            console.log(pm.globals.replaceIn('{{host}}'));
            """)
        #expect(lines == ["https://api.test/v2/version-two/{{nope}}", "ignored"])
    }

    @Test("toJSON and toObject list a scope's enabled values")
    func toJSON() {
        let harness = Harness()
        harness.scopes.environment.variables = [Variable(key: "a", value: 1), Variable(key: "off", value: "x", disabled: true)]
        #expect(harness.log("console.log(JSON.stringify(pm.environment.toObject()), pm.environment.toJSON().values.length)") == [#"{"a":1} 1"#])
    }
}

@Suite("text encoding")
struct TextEncodingTests {
    @Test("non-ASCII text survives variables, console, the response body and the request")
    func unicode() {
        let harness = Harness()
        harness.scopes.environment.set("city", "Zürich 🏔")
        let outcome = harness.run("""
            const name = pm.response.json().name;
            pm.globals.set('greeting', 'Grüße, ' + name + ' ✓');
            console.log(pm.environment.get('city'), name.length);
            pm.request.headers.add({ key: 'X-City', value: pm.environment.get('city') });
            """, response: jsonResponse(#"{"name":"Ærøskøbing 日本"}"#))
        #expect(outcome.console.map(\.text) == ["Zürich 🏔 13"])
        #expect(harness.scopes.globals.value("greeting") == "Grüße, Ærøskøbing 日本 ✓")
        #expect(outcome.request["header"]?[1]?["value"] == "Zürich 🏔")
    }
}
