import JSONValue

/// One attribute of a schema, with the characteristics of RFC 7643 §2.2 that drive validation, filtering
/// (caseExact, type), projection (returned) and PATCH (mutability).
package struct SCIMAttributeDefinition: Sendable {
    /// RFC 7643 §2.3 data types.
    package enum DataType: String, Sendable { case string, boolean, decimal, integer, dateTime, reference, complex, binary }
    /// RFC 7643 §7 mutability.
    package enum Mutability: String, Sendable { case readOnly, readWrite, immutable, writeOnly }
    /// RFC 7643 §7 returned.
    package enum Returned: String, Sendable { case always, never, `default`, request }
    /// RFC 7643 §7 uniqueness.
    package enum Uniqueness: String, Sendable { case none, server, global }

    /// The attribute name in its canonical spelling.
    package var name: String
    /// The data type; dateTime values compare as instants in filters.
    package var type: DataType
    /// Whether the value is a list.
    package var multiValued = false
    /// Whether a User must have it (only `userName`).
    package var required = false
    /// Whether string comparisons respect case.
    package var caseExact = false
    /// Who may change it; PATCH refuses read-only attributes with `mutability`.
    package var mutability = Mutability.readWrite
    /// When responses include it.
    package var returned = Returned.default
    /// Uniqueness scope (advertised; `userName` is enforced by the store).
    package var uniqueness = Uniqueness.none
    /// Suggested values, e.g. `work`, `home`.
    package var canonicalValues: [String] = []
    /// For references: what they point to.
    package var referenceTypes: [String] = []
    /// The parts of a complex attribute.
    package var subAttributes: [SCIMAttributeDefinition] = []
    /// Human-readable meaning.
    package var description: String

    /// The sub-attribute called `name`, ignoring case as attribute names are case-insensitive (RFC 7643 §2.1).
    package func subAttribute(named name: String) -> SCIMAttributeDefinition? {
        subAttributes.first { $0.name.lowercased() == name.lowercased() }
    }

    /// The definition as it appears in `/Schemas`.
    var json: JSONValue {
        var object: JSONObject = [
            "name": .string(name), "type": .string(type.rawValue), "multiValued": .bool(multiValued),
            "description": .string(description), "required": .bool(required),
        ]
        if type != .complex && type != .boolean { object["caseExact"] = .bool(caseExact) }
        if !canonicalValues.isEmpty { object["canonicalValues"] = .array(canonicalValues.map(JSONValue.string)) }
        if !referenceTypes.isEmpty { object["referenceTypes"] = .array(referenceTypes.map(JSONValue.string)) }
        if !subAttributes.isEmpty { object["subAttributes"] = .array(subAttributes.map(\.json)) }
        object["mutability"] = .string(mutability.rawValue)
        object["returned"] = .string(returned.rawValue)
        object["uniqueness"] = .string(uniqueness.rawValue)
        return .object(object)
    }
}

/// A schema: an id (URN), a name and its attributes.
package struct SCIMSchemaDefinition: Sendable {
    /// The schema URN.
    package var id: String
    /// Short name, e.g. `User`.
    package var name: String
    /// Human-readable meaning.
    package var description: String
    /// Top-level attributes.
    package var attributes: [SCIMAttributeDefinition]

    /// The top-level attribute called `name`, ignoring case.
    package func attribute(named name: String) -> SCIMAttributeDefinition? {
        attributes.first { $0.name.lowercased() == name.lowercased() }
    }

    /// The schema resource served at `/Schemas/{id}`.
    func json(location: String) -> JSONValue {
        .object([
            "schemas": [.string(SCIMSchemaURN.schema)],
            "id": .string(id), "name": .string(name), "description": .string(description),
            "attributes": .array(attributes.map(\.json)),
            "meta": ["resourceType": "Schema", "location": .string(location)],
        ])
    }
}
