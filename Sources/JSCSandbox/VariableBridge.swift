import JSONValue
import RunContracts
#if canImport(CJavaScriptCore)
import CJavaScriptCore
#else
import JavaScriptCore
#endif

/// `native.variables(op, scope, key, valueJSON)`: the scopes live in Swift so that a write is seen at once by
/// the next read, `replaceIn` and the runner's own resolution, with one resolver for all of them.
enum VariableBridge {
    static func perform(_ call: NativeCall, state: RunState) throws(NativeError) -> JSValueRef? {
        let js = call.context
        let operation = call.string(0), scopeName = call.string(1), key = call.string(2)
        switch operation {
        case "get":
            let variable = scopeName == "all" ? state.scopes.variable(key) : scope(scopeName, in: state.scopes).variable(key)
            guard let variable, !variable.isUndefined else { return nil }
            return javaScriptValue(variable.value, js)
        case "has":
            let has = scopeName == "all" ? state.scopes.value(key) != nil : scope(scopeName, in: state.scopes).has(key)
            return JSValueMakeBoolean(js.context, has)
        case "set":
            // undefined (and functions, which have no JSON form either) is kept as a variable whose value is undefined.
            let value = call.optionalString(3).flatMap { try? JSONParser.parse($0) }
            let target = scopeName == "all" ? "local" : scopeName
            modify(target, in: &state.scopes) { scope in
                if let value { scope.set(key, value) } else { scope.setUndefined(key) }
            }
            if value == nil, ["environment", "globals", "collection"].contains(target) { state.undefinedWrites.append((target, key)) }
            return nil
        case "unset":
            modify(scopeName == "all" ? "local" : scopeName, in: &state.scopes) { $0.unset(key) }
            return nil
        case "clear":
            modify(scopeName == "all" ? "local" : scopeName, in: &state.scopes) { $0.clear() }
            return nil
        case "toObject":
            var object = JSONObject()
            let sources = scopeName == "all" ? state.scopes.byPrecedence.reversed() : [scope(scopeName, in: state.scopes)]
            for source in sources {
                for member in source.enabledObject.members { object[member.key] = member.value }
            }
            return js.parseJSON(JSONValue.object(object).serialized())
        case "replaceIn":
            var scopes = state.scopes
            if scopeName != "all" {
                // A single scope's replaceIn sees only that scope (and dynamic variables).
                scopes = VariableScopes(local: scope(scopeName, in: state.scopes))
            }
            return js.makeString(state.host.resolveVariables(in: key, scopes: scopes))
        case "name":
            return js.makeString(scope(scopeName, in: state.scopes).displayName)
        default:
            throw NativeError(message: "unknown variable operation \(operation)")
        }
    }

    static func javaScriptValue(_ value: JSONValue, _ js: JavaScriptContext) -> JSValueRef {
        switch value {
        case .string(let text): js.makeString(text)
        case .number(let number): JSValueMakeNumber(js.context, number)
        case .bool(let flag): JSValueMakeBoolean(js.context, flag)
        case .null: JSValueMakeNull(js.context)
        case .array, .object: js.parseJSON(value.serialized())
        }
    }

    private static func scope(_ name: String, in scopes: VariableScopes) -> VariableScope {
        switch name {
        case "globals": scopes.globals
        case "collection": scopes.collection
        case "environment": scopes.environment
        case "data": scopes.data
        default: scopes.local
        }
    }

    static func modify(_ name: String, in scopes: inout VariableScopes, _ change: (inout VariableScope) -> Void) {
        switch name {
        case "globals": change(&scopes.globals)
        case "collection": change(&scopes.collection)
        case "environment": change(&scopes.environment)
        case "data": change(&scopes.data)
        default: change(&scopes.local)
        }
    }
}
