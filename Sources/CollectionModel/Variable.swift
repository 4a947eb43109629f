import JSONValue

/// A variable of any scope: collection `variable[]`, environment and globals `values[]`, path variables, data row
/// columns. Values keep their JSON type (Postman scripts see numbers and booleans as such).
package struct Variable: Sendable, Equatable {
    /// `key` (`id` in old files when `key` is absent).
    package var key: String
    /// `value`; `.null` when absent.
    package var value: JSONValue
    /// `type`: `string`, `boolean`, `number`, `any`, `secret`, … (`nil` when absent).
    package var type: String?
    /// `disabled: true` variables are invisible to resolution and scripts.
    package var disabled: Bool
    /// The value is JavaScript's `undefined`: a file entry without `value`, or `pm.*.set(key, undefined)`. The
    /// variable exists, scripts read `undefined` and `{{key}}` becomes the empty string (postman-collection's
    /// `Variable#toString`); `value` is then `.null` and means nothing.
    package var isUndefined: Bool

    package init(key: String, value: JSONValue, type: String? = nil, disabled: Bool = false, isUndefined: Bool = false) {
        self.key = key
        self.value = value
        self.type = type
        self.disabled = disabled
        self.isUndefined = isUndefined
    }

    /// A variable whose value is `undefined`.
    package static func undefined(key: String, type: String? = nil, disabled: Bool = false) -> Variable {
        Variable(key: key, value: .null, type: type, disabled: disabled, isUndefined: true)
    }

    /// Variables typed `secret` in Postman's UI.
    package var isSecretTyped: Bool { type == "secret" }
}

/// An environment or globals file: a name and its values.
package struct VariableFile: Sendable {
    /// `name` (empty for the legacy bare-array globals form).
    package var name: String
    /// `id` (empty when absent).
    package var id: String
    /// `values[]`, in order.
    package var values: [Variable]
    /// Path the file was read from (empty when built in memory).
    package var path: String
    /// The document as read, for exports.
    package var source: JSONValue

    package init(name: String = "", id: String = "", values: [Variable] = [], path: String = "", source: JSONValue = .null) {
        self.name = name
        self.id = id
        self.values = values
        self.path = path
        self.source = source
    }
}
