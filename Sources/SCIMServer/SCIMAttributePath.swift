import JSONValue

/// An `attrPath` of RFC 7644 §3.10: `[schemaURN ":"] attribute ["." subAttribute]`, as used by filters,
/// PATCH paths, `sortBy` and `attributes`. Core-schema URNs are dropped since core attributes live at the top.
package struct SCIMAttributePath: Sendable, Hashable, CustomStringConvertible {
    /// The extension schema URN holding the attribute, or nil for core and common attributes.
    package var schema: String?
    /// The attribute name, as written (attribute names are case-insensitive).
    package var attribute: String
    /// The sub-attribute name, if any.
    package var subAttribute: String?

    /// A path from its parts.
    package init(schema: String? = nil, attribute: String, subAttribute: String? = nil) {
        self.schema = schema
        self.attribute = attribute
        self.subAttribute = subAttribute
    }

    /// Parses `text`, or nil when it is not a well-formed attribute path.
    package static func parse(_ text: String) -> SCIMAttributePath? {
        let lowered = text.lowercased()
        // A bare extension URN names the whole extension object, which is stored under that URN as a key.
        if let extensionSchema = extensionSchemas.first(where: { $0.id.lowercased() == lowered }) {
            return SCIMAttributePath(attribute: extensionSchema.id)
        }
        var schema: String?
        var remainder = Substring(text)
        if lowered.hasPrefix("urn:") {
            guard let lastColon = text.lastIndex(of: ":") else { return nil }
            let urn = String(text[..<lastColon])
            remainder = text[text.index(after: lastColon)...]
            if !SCIMSchemas.core.contains(where: { $0.id.lowercased() == urn.lowercased() }) {
                // Keep the canonical spelling of known extensions so stored keys stay uniform.
                schema = SCIMSchemas.schema(urn: urn)?.id ?? urn
            }
        }
        let parts = remainder.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), parts.allSatisfy(isAttributeName) else { return nil }
        return SCIMAttributePath(
            schema: schema, attribute: String(parts[0]), subAttribute: parts.count == 2 ? String(parts[1]) : nil)
    }

    /// Every schema that extends a resource type rather than defining one.
    private static var extensionSchemas: [SCIMSchemaDefinition] {
        SCIMSchemas.all.filter { schema in !SCIMSchemas.core.contains { $0.id == schema.id } }
    }

    /// Whether the path names a whole extension object (`urn:…:enterprise:2.0:User`).
    package var isWholeExtension: Bool { schema == nil && attribute.lowercased().hasPrefix("urn:") }

    /// `ATTRNAME = ALPHA *(nameChar)` with nameChar `-` `_` digit or letter; `$ref` is the one exception.
    private static func isAttributeName(_ name: Substring) -> Bool {
        if name == "$ref" { return true }
        guard let first = name.unicodeScalars.first, first.properties.isAlphabetic, first.isASCII else { return false }
        return name.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-" || $0 == "_") }
    }

    /// The path with its schema prefix, e.g. `urn:…:enterprise:2.0:User:manager.value`.
    package var description: String {
        let local = subAttribute.map { "\(attribute).\($0)" } ?? attribute
        return schema.map { "\($0):\(local)" } ?? local
    }
}

extension JSONObject {
    /// The member whose key equals `name` ignoring case (SCIM attribute names are case-insensitive).
    func member(named name: String) -> JSONMember? {
        let lowered = name.lowercased()
        return members.last { $0.key.lowercased() == lowered }
    }

    /// The value of the member named `name`, ignoring case.
    func value(named name: String) -> JSONValue? { member(named: name)?.value }

    /// Sets the member named `name` (ignoring case), keeping the existing spelling; nil removes it.
    mutating func setValue(_ value: JSONValue?, named name: String) {
        let key = member(named: name)?.key ?? name
        members.removeAll { $0.key.lowercased() == name.lowercased() && $0.key != key }
        self[key] = value
    }
}
