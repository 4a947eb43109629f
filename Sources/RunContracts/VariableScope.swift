import CollectionModel
import JSONValue

/// One scope's variables in order (environment, globals, collection, iteration data or local).
/// Duplicate keys are kept as read; lookups take the last enabled one, as postman-collection does.
package struct VariableScope: Sendable, Equatable {
    /// Which scope this is, for `pm.*` and reports.
    package enum Name: String, Sendable { case globals, collection, environment, data, local }
    /// Which scope.
    package var name: Name
    /// The variables in order, disabled ones kept for exports.
    package var variables: [Variable]
    /// Environment/globals file name (`pm.environment.name`).
    package var displayName: String

    package init(_ name: Name, variables: [Variable] = [], displayName: String = "") {
        self.name = name
        self.variables = variables
        self.displayName = displayName
    }

    /// The value of the last enabled variable with this key.
    package func value(_ key: String) -> JSONValue? {
        variables.last(where: { $0.key == key && !$0.disabled })?.value
    }
    /// The last enabled variable with this key.
    package func variable(_ key: String) -> Variable? {
        variables.last(where: { $0.key == key && !$0.disabled })
    }
    /// Whether an enabled variable has this key.
    package func has(_ key: String) -> Bool { variable(key) != nil }

    /// Sets the value of the last enabled variable with this key, or appends one (keeping its declared type).
    package mutating func set(_ key: String, _ value: JSONValue, type: String? = nil) {
        if let index = variables.lastIndex(where: { $0.key == key && !$0.disabled }) {
            variables[index].value = value
            variables[index].isUndefined = false
            if let type { variables[index].type = type }
        } else {
            variables.append(Variable(key: key, value: value, type: type))
        }
    }
    /// `set(key, undefined)`: the variable stays (or comes) into being with the value `undefined`.
    package mutating func setUndefined(_ key: String) {
        if let index = variables.lastIndex(where: { $0.key == key && !$0.disabled }) {
            variables[index].value = .null
            variables[index].isUndefined = true
        } else {
            variables.append(.undefined(key: key))
        }
    }
    /// Removes every enabled variable with this key.
    package mutating func unset(_ key: String) {
        variables.removeAll { $0.key == key && !$0.disabled }
    }
    /// Removes every variable.
    package mutating func clear() { variables.removeAll() }

    /// Enabled variables as an ordered object, last duplicate winning (`toObject()`).
    /// Variables whose value is `undefined` are left out: JSON has no `undefined`, and reading a missing key
    /// gives a script the same `undefined`.
    package var enabledObject: JSONObject {
        var object = JSONObject()
        for variable in variables where !variable.disabled {
            if variable.isUndefined { object[variable.key] = nil } else { object[variable.key] = variable.value }
        }
        return object
    }
}

/// Every scope a script and the resolver see, highest precedence first: local > data > environment >
/// collection > globals.
package struct VariableScopes: Sendable, Equatable {
    package var globals: VariableScope
    package var collection: VariableScope
    package var environment: VariableScope
    package var data: VariableScope
    package var local: VariableScope

    package init(globals: VariableScope = VariableScope(.globals), collection: VariableScope = VariableScope(.collection),
                 environment: VariableScope = VariableScope(.environment), data: VariableScope = VariableScope(.data),
                 local: VariableScope = VariableScope(.local)) {
        self.globals = globals
        self.collection = collection
        self.environment = environment
        self.data = data
        self.local = local
    }

    /// Scopes from highest to lowest precedence.
    package var byPrecedence: [VariableScope] { [local, data, environment, collection, globals] }

    /// The value `pm.variables.get` and `{{name}}` see.
    package func value(_ key: String) -> JSONValue? {
        for scope in byPrecedence { if let value = scope.value(key) { return value } }
        return nil
    }
    /// The variable (with its type) that `{{name}}` would use, for redaction decisions.
    package func variable(_ key: String) -> Variable? {
        for scope in byPrecedence { if let variable = scope.variable(key) { return variable } }
        return nil
    }
}
