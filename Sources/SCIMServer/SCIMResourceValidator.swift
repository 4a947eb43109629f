import JSONValue

/// Turns a client's representation of a resource into the stored shape: canonical attribute names, checked types,
/// server-owned attributes (id, meta, a user's groups) dropped, and `schemas` recomputed from the data actually
/// present. Read-only attributes are ignored (RFC 7644 §3.3: they "SHALL be ignored"); an attribute that no schema of
/// the resource type defines is refused with `400 invalidSyntax`, since such a request "violates schema" (RFC 7644
/// §3.12) and dropping it would tell the client nothing, unless `unknownAttributes` is `.ignore` (the
/// `ignores-unknown-attributes` fault).
package enum SCIMResourceValidator {
    /// What to do with an attribute the resource type's schemas do not define.
    package enum UnknownAttributes: Sendable {
        /// `400 invalidSyntax`, naming it.
        case refuse
        /// Drop it silently, as a lenient (or broken) provider does.
        case ignore
    }

    /// The validated resource, without `id` and `meta` (the store sets those).
    package static func normalize(
        _ input: JSONObject, type: SCIMResourceType = .user, unknownAttributes: UnknownAttributes = .refuse
    ) throws(SCIMError) -> JSONObject {
        let checker = Checker(unknownAttributes: unknownAttributes)
        guard let schemas = input.value(named: "schemas")?.arrayValue,
            schemas.contains(where: { $0.stringValue?.lowercased() == type.schema.id.lowercased() })
        else { throw .invalidSyntax("'schemas' must list \(type.schema.id)") }
        for schema in schemas {
            guard let urn = schema.stringValue else { throw .invalidSyntax("'schemas' must be a list of URNs") }
            if urn.lowercased() != type.schema.id.lowercased(), type.extensionSchema(urn: urn) == nil {
                try checker.unknown("'schemas' lists \(urn), which is not a schema of \(type.endpoint)")
            }
        }

        var output = JSONObject()
        var extensions: [(String, JSONObject)] = []
        for member in input.members {
            if let extensionSchema = type.extensionSchema(urn: member.key) {
                guard let object = member.value.objectValue else {
                    throw .invalidValue("'\(extensionSchema.id)' must be an object")
                }
                let validated = try checker.attributes(object, definitions: extensionSchema.attributes, prefix: extensionSchema.id + ":")
                if !validated.isEmpty { extensions.append((extensionSchema.id, validated)) }
                continue
            }
            if ["schemas", "id", "meta"].contains(member.key.lowercased()) { continue }  // the server's
            guard let definition = type.topLevelAttributes.first(where: { $0.name.lowercased() == member.key.lowercased() }) else {
                try checker.unknown("'\(member.key)' is not an attribute of a \(type.name)")
                continue
            }
            // Read-only attributes (a user's groups) are the server's; passwords are accepted and never stored.
            guard definition.mutability != .readOnly, definition.name != "password" else { continue }
            if let value = try checker.value(member.value, definition: definition, path: definition.name) {
                output[definition.name] = value
            }
        }
        for definition in type.schema.attributes where definition.required {
            guard let value = output[definition.name], value.stringValue?.trimmingCharacters(in: .whitespaces).isEmpty != true else {
                throw .invalidValue("'\(definition.name)' is required and must be a non-empty string")
            }
        }
        if type == .group { output["members"] = try normalizedMembers(output["members"]) }

        var result: JSONObject = [
            "schemas": .array(([type.schema.id] + extensions.map(\.0)).map(JSONValue.string)),
        ]
        result.members += output.members
        for (urn, object) in extensions { result[urn] = .object(object) }
        return result
    }

    /// A group's members: each names a resource by `value`; the same member listed twice is kept once.
    private static func normalizedMembers(_ members: JSONValue?) throws(SCIMError) -> JSONValue? {
        guard let elements = members?.arrayValue else { return nil }
        var seen: Set<String> = []
        var kept: [JSONValue] = []
        for element in elements {
            guard let value = element["value"]?.stringValue, !value.isEmpty else {
                throw .invalidValue("each of 'members' needs a 'value': the id of a User or Group")
            }
            if seen.insert(value).inserted { kept.append(element) }
        }
        return kept.isEmpty ? nil : .array(kept)
    }

    /// The checks of one validation, which share how unknown attributes are treated.
    private struct Checker {
        let unknownAttributes: UnknownAttributes

        /// Refuses (or lets pass) an attribute the schemas do not define.
        func unknown(_ detail: String) throws(SCIMError) {
            if unknownAttributes == .refuse { throw .invalidSyntax(detail) }
        }

        func attributes(
            _ object: JSONObject, definitions: [SCIMAttributeDefinition], prefix: String
        ) throws(SCIMError) -> JSONObject {
            var output = JSONObject()
            for member in object.members {
                if prefix.lowercased().hasPrefix("urn:"), member.key.lowercased() == "schemas" { continue }
                guard let definition = definitions.first(where: { $0.name.lowercased() == member.key.lowercased() }) else {
                    try unknown("'\(prefix)\(member.key)' is not an attribute of the schema")
                    continue
                }
                guard definition.mutability != .readOnly else { continue }
                if let value = try self.value(member.value, definition: definition, path: prefix + definition.name) {
                    output[definition.name] = value
                }
            }
            return output
        }

        /// The checked value, or nil when it is unassigned (null, or an empty list).
        func value(
            _ value: JSONValue, definition: SCIMAttributeDefinition, path: String
        ) throws(SCIMError) -> JSONValue? {
            if value.isNull { return nil }
            if definition.multiValued {
                // A single value where a list is expected is taken as a list of one, as lenient providers do.
                let elements = value.arrayValue ?? [value]
                var normalized: [JSONValue] = []
                for element in elements {
                    if let checked = try single(element, definition: definition, path: path) { normalized.append(checked) }
                }
                let primaries = normalized.filter { $0["primary"]?.boolValue == true }.count
                guard primaries <= 1 else { throw .invalidValue("at most one value of '\(path)' may be primary") }
                return normalized.isEmpty ? nil : .array(normalized)
            }
            if value.arrayValue != nil { throw .invalidValue("'\(path)' is single-valued, not a list") }
            return try single(value, definition: definition, path: path)
        }

        func single(
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
                let normalized = try attributes(object, definitions: definition.subAttributes, prefix: path + ".")
                return normalized.isEmpty ? nil : .object(normalized)
            default:
                throw .invalidValue("'\(path)' must be \(article(definition.type)) \(definition.type.rawValue), not \(value.typeName)")
            }
        }

        private func article(_ type: SCIMAttributeDefinition.DataType) -> String {
            type == .integer ? "an" : "a"
        }
    }
}
