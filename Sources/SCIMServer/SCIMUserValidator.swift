import JSONValue

/// Turns a client's User representation into the stored shape: canonical attribute names, checked types,
/// server-owned attributes (id, meta, groups) dropped, unknown attributes ignored (RFC 7644 §3.3 lets a
/// provider ignore what it does not support), and `schemas` recomputed from the data actually present.
package enum SCIMUserValidator {
    /// The validated resource, without `id` and `meta` (the store sets those).
    package static func normalize(_ input: JSONObject) throws(SCIMError) -> JSONObject {
        guard let schemas = input.value(named: "schemas")?.arrayValue,
            schemas.contains(where: { $0.stringValue?.lowercased() == SCIMSchemaURN.user.lowercased() })
        else { throw .invalidSyntax("'schemas' must list \(SCIMSchemaURN.user)") }

        var output = JSONObject()
        var extensions: [(String, JSONObject)] = []
        for member in input.members {
            if let extensionSchema = SCIMUserSchemas.all.first(where: {
                $0.id != SCIMSchemaURN.user && $0.id.lowercased() == member.key.lowercased()
            }) {
                guard let object = member.value.objectValue else {
                    throw .invalidValue("'\(extensionSchema.id)' must be an object")
                }
                let validated = try normalizeAttributes(object, definitions: extensionSchema.attributes, prefix: extensionSchema.id + ":")
                if !validated.isEmpty { extensions.append((extensionSchema.id, validated)) }
                continue
            }
            let definitions = SCIMUserSchemas.core.attributes + SCIMUserSchemas.common
            guard let definition = definitions.first(where: { $0.name.lowercased() == member.key.lowercased() }),
                definition.mutability != .readOnly, definition.name != "password"
            else { continue }  // schemas, id, meta, groups are the server's; passwords are never stored
            if let value = try normalizeValue(member.value, definition: definition, path: definition.name) {
                output[definition.name] = value
            }
        }
        guard let userName = output["userName"]?.stringValue,
            !userName.trimmingCharacters(in: .whitespaces).isEmpty
        else { throw .invalidValue("'userName' is required and must be a non-empty string") }

        var result: JSONObject = [
            "schemas": .array(([SCIMSchemaURN.user] + extensions.map(\.0)).map(JSONValue.string)),
        ]
        result.members += output.members
        for (urn, object) in extensions { result[urn] = .object(object) }
        return result
    }

    private static func normalizeAttributes(
        _ object: JSONObject, definitions: [SCIMAttributeDefinition], prefix: String
    ) throws(SCIMError) -> JSONObject {
        var output = JSONObject()
        for member in object.members {
            guard let definition = definitions.first(where: { $0.name.lowercased() == member.key.lowercased() }),
                definition.mutability != .readOnly
            else { continue }
            if let value = try normalizeValue(member.value, definition: definition, path: prefix + definition.name) {
                output[definition.name] = value
            }
        }
        return output
    }

    /// The checked value, or nil when it is unassigned (null, or an empty list).
    private static func normalizeValue(
        _ value: JSONValue, definition: SCIMAttributeDefinition, path: String
    ) throws(SCIMError) -> JSONValue? {
        if value.isNull { return nil }
        if definition.multiValued {
            // A single value where a list is expected is taken as a list of one, as lenient providers do.
            let elements = value.arrayValue ?? [value]
            var normalized: [JSONValue] = []
            for element in elements {
                if let checked = try normalizeSingle(element, definition: definition, path: path) { normalized.append(checked) }
            }
            let primaries = normalized.filter { $0["primary"]?.boolValue == true }.count
            guard primaries <= 1 else { throw .invalidValue("at most one value of '\(path)' may be primary") }
            return normalized.isEmpty ? nil : .array(normalized)
        }
        if value.arrayValue != nil { throw .invalidValue("'\(path)' is single-valued, not a list") }
        return try normalizeSingle(value, definition: definition, path: path)
    }

    private static func normalizeSingle(
        _ value: JSONValue, definition: SCIMAttributeDefinition, path: String
    ) throws(SCIMError) -> JSONValue? {
        switch (definition.type, value) {
        case (_, .null):
            return nil
        case (.string, .string), (.reference, .string), (.binary, .string):
            return value
        case (.dateTime, .string(let text)):
            guard SCIMTimestamp.parse(text) != nil else { throw .invalidValue("'\(path)' must be an xsd:dateTime") }
            return value
        case (.boolean, .bool):
            return value
        case (.boolean, .string(let text)) where ["true", "false"].contains(text.lowercased()):
            // Azure AD sends booleans as the strings "True"/"False" in PATCH operations.
            return .bool(text.lowercased() == "true")
        case (.decimal, .number):
            return value
        case (.integer, .number(let number)) where number.rounded() == number:
            return value
        case (.complex, .string(let text)) where definition.subAttribute(named: "value") != nil:
            // Azure AD sends `manager` as the bare id; it means `{"value": id}`.
            return .object(["value": .string(text)])
        case (.complex, .object(let object)):
            let normalized = try normalizeAttributes(object, definitions: definition.subAttributes, prefix: path + ".")
            return normalized.isEmpty ? nil : .object(normalized)
        default:
            throw .invalidValue("'\(path)' must be \(article(definition.type)) \(definition.type.rawValue), not \(value.typeName)")
        }
    }

    private static func article(_ type: SCIMAttributeDefinition.DataType) -> String {
        type == .integer ? "an" : "a"
    }
}
