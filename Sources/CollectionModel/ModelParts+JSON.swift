import JSONValue

// Decoding and encoding of the small parts every level shares: key/value lists, variables, auth blocks.

extension JSONFieldReader {
    /// A `[{key, value, disabled, description}]` list (headers, query, urlencoded).
    func keyValues(_ items: [Located]) throws(LoadError) -> [KeyValue] {
        var result: [KeyValue] = []
        result.reserveCapacity(items.count)
        for (item, itemPath) in items {
            let object = try self.object(item, at: itemPath)
            result.append(KeyValue(key: try optionalString(object, "key", at: itemPath),
                                   value: try optionalString(object, "value", at: itemPath),
                                   disabled: try bool(object, "disabled", at: itemPath),
                                   description: try description(object, at: itemPath)))
        }
        return result
    }

    /// A `variable[]` list. Entries without `key` fall back to `id` (old exports); entries with neither are
    /// skipped, as Postman's editor leaves such empty rows behind.
    func variables(_ items: [Located]) throws(LoadError) -> [Variable] {
        var result: [Variable] = []
        result.reserveCapacity(items.count)
        for (item, itemPath) in items {
            let object = try self.object(item, at: itemPath)
            let keyField = try optionalString(object, "key", at: itemPath)
            let idField = try optionalString(object, "id", at: itemPath)
            guard let key = keyField ?? idField else { continue }
            let type = try optionalString(object, "type", at: itemPath)
            result.append(Variable(key: key, value: object["value"] ?? .null, type: type,
                                   disabled: try bool(object, "disabled", at: itemPath), isUndefined: object["value"] == nil))
        }
        return result
    }

    /// An `auth` block in either form: v2.1 `{type, basic: [{key, value, type}]}` or v2.0
    /// `{type, basic: {username, password}}`. `nil` when absent or without a type (then auth is inherited).
    func auth(_ value: JSONValue?, at path: String) throws(LoadError) -> Auth? {
        guard let value, !value.isNull else { return nil }
        let object = try self.object(value, at: path)
        guard let type = try optionalString(object, "type", at: path), !type.isEmpty else { return nil }
        let blockPath = Self.path(path, key: type)
        var parameters = JSONObject()
        switch field(object, type) {
        case nil:
            break
        case .array(let entries)?:
            for (index, entry) in entries.enumerated() {
                let entryPath = Self.path(blockPath, index: index)
                let parameter = try self.object(entry, at: entryPath)
                guard let key = try optionalString(parameter, "key", at: entryPath) else { continue }
                parameters[key] = parameter["value"] ?? .null
            }
        case .object(let block)?:
            parameters = block
        case let other?:
            throw typeError("an array of {key, value} or an object", found: other, at: blockPath)
        }
        return Auth(type: type, parameters: parameters)
    }
}

extension KeyValue {
    /// `{key, value, disabled?, description?}`; `key`/`value` are `null` when absent so `?a` and `?a=` survive.
    package var jsonValue: JSONValue {
        var object: JSONObject = ["key": key.map(JSONValue.string) ?? .null, "value": value.map(JSONValue.string) ?? .null]
        if disabled { object["disabled"] = true }
        if let description { object["description"] = .string(description) }
        return .object(object)
    }
}

extension Variable {
    /// `{key, value, type?, disabled?}`.
    package var jsonValue: JSONValue {
        var object: JSONObject = ["key": .string(key)]
        if !isUndefined { object["value"] = value }
        if let type { object["type"] = .string(type) }
        if disabled { object["disabled"] = true }
        return .object(object)
    }
}

extension Auth {
    /// The v2.1 form: `{type, <type>: [{key, value, type}]}`; the parameter block is left out when empty.
    package var jsonValue: JSONValue {
        var object: JSONObject = ["type": .string(type)]
        if !parameters.isEmpty {
            object[type] = .array(parameters.members.map { member in
                let kind: String = switch member.value {
                case .string: "string"
                case .bool: "boolean"
                case .number: "number"
                default: "any"
                }
                return .object(["key": .string(member.key), "value": member.value, "type": .string(kind)])
            })
        }
        return .object(object)
    }
}
