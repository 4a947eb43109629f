import CollectionModel
import JSONValue
import RunContracts
import RunnerCore
import Testing

@Suite("Variable resolution follows postman-collection's superstring")
struct VariableResolverTests {
    private func scopes(local: [String: JSONValue] = [:], data: [String: JSONValue] = [:], environment: [String: JSONValue] = [:],
                        collection: [String: JSONValue] = [:], globals: [String: JSONValue] = [:]) -> VariableScopes {
        func scope(_ name: VariableScope.Name, _ values: [String: JSONValue]) -> VariableScope {
            VariableScope(name, variables: values.sorted { $0.key < $1.key }.map { Variable(key: $0.key, value: $0.value) })
        }
        return VariableScopes(globals: scope(.globals, globals), collection: scope(.collection, collection),
                              environment: scope(.environment, environment), data: scope(.data, data), local: scope(.local, local))
    }

    @Test("precedence is local > data > environment > collection > globals")
    func precedence() {
        let all = scopes(local: ["a": "local"], data: ["a": "data", "b": "data"], environment: ["a": "env", "b": "env", "c": "env"],
                         collection: ["c": "coll", "d": "coll"], globals: ["d": "glob", "e": "glob"])
        let resolver = VariableResolver(scopes: all)
        #expect(resolver.resolve("{{a}} {{b}} {{c}} {{d}} {{e}}") == "local data env coll glob")
    }

    @Test("nested references resolve innermost first")
    func nested() {
        let resolver = VariableResolver(scopes: scopes(environment: ["b": "ost", "host": "example.com"]))
        #expect(resolver.resolve("http://{{h{{b}}}}/x") == "http://example.com/x")
    }

    @Test("unresolved references are sent literally")
    func unresolved() {
        let resolver = VariableResolver(scopes: scopes(environment: ["a": "1"]))
        #expect(resolver.resolve("{{a}}-{{novar}}-{{}}") == "1-{{novar}}-{{}}")
        #expect(resolver.unresolvedNames(in: "{{a}} {{novar}} {{other}}") == ["novar", "other"])
    }

    @Test("only primitives substitute; numbers and booleans print as JavaScript does")
    func primitives() {
        let resolver = VariableResolver(scopes: scopes(environment: ["n": 3, "f": 1.5, "t": true, "o": ["k": "v"], "z": .null]))
        #expect(resolver.resolve("{{n}} {{f}} {{t}} {{o}} {{z}}") == "3 1.5 true {{o}} null")
    }

    @Test("resolution stops after 19 passes, so self-reference cannot loop forever")
    func passLimit() {
        let resolver = VariableResolver(scopes: scopes(environment: ["a": "{{a}}x"]))
        let result = resolver.resolve("{{a}}")
        #expect(result == "{{a}}" + String(repeating: "x", count: 19))
    }

    @Test("disabled variables are invisible and the last duplicate wins")
    func disabledAndDuplicates() {
        let environment = VariableScope(.environment, variables: [
            Variable(key: "a", value: "first"), Variable(key: "a", value: "second"),
            Variable(key: "b", value: "shown"), Variable(key: "b", value: "hidden", disabled: true),
        ])
        let resolver = VariableResolver(scopes: VariableScopes(environment: environment))
        #expect(resolver.resolve("{{a}} {{b}}") == "second shown")
    }

    @Test("a variable that holds braces resolves in a later pass")
    func valueWithReference() {
        let resolver = VariableResolver(scopes: scopes(environment: ["url": "{{scheme}}://{{host}}", "scheme": "https", "host": "h"]))
        #expect(resolver.resolve("{{url}}/p") == "https://h/p")
    }

    @Test("a variable whose value is undefined resolves to the empty string; null resolves to \"null\"")
    func undefinedAndNull() {
        let scopes = VariableScopes(environment: VariableScope(.environment, variables: [
            .undefined(key: "none"), Variable(key: "nothing", value: .null),
        ]))
        #expect(VariableResolver(scopes: scopes).resolve("/a/{{none}}/b/{{nothing}}") == "/a//b/null")
        var set = VariableScope(.local)
        set.setUndefined("k")
        #expect(set.has("k") && set.variable("k")?.isUndefined == true)
        set.set("k", "v")
        #expect(set.variable("k")?.isUndefined == false && set.value("k") == "v")
    }
}

