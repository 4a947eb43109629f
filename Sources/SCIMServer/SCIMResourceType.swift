/// The resource types this provider serves (RFC 7643 §6): where each lives, and which schemas define it.
package enum SCIMResourceType: String, Sendable, CaseIterable {
    /// `/Users`, with the enterprise and SendSafely extensions.
    case user = "User"
    /// `/Groups`.
    case group = "Group"

    /// The name in `/ResourceTypes` and `meta.resourceType`.
    package var name: String { rawValue }

    /// The endpoint relative to the base URL, e.g. `/Users`.
    package var endpoint: String {
        switch self {
        case .user: "/Users"
        case .group: "/Groups"
        }
    }

    /// The path segment of the endpoint, e.g. `Users`.
    var segment: String { String(endpoint.dropFirst()) }

    /// The resource type served under the path segment `segment`, e.g. `Groups`.
    init?(segment: String) {
        guard let match = Self.allCases.first(where: { $0.segment == segment }) else { return nil }
        self = match
    }

    /// The description in `/ResourceTypes`.
    var description: String {
        switch self {
        case .user: "User Account"
        case .group: "Group"
        }
    }

    /// The core schema.
    package var schema: SCIMSchemaDefinition {
        switch self {
        case .user: SCIMSchemas.user
        case .group: SCIMSchemas.group
        }
    }

    /// The extensions a resource of this type may carry, in the order they are advertised.
    package var extensions: [SCIMSchemaDefinition] {
        switch self {
        case .user: [SCIMSchemas.enterprise, SCIMSchemas.sendSafely]
        case .group: []
        }
    }

    /// The extension whose URN equals `urn`, ignoring case.
    package func extensionSchema(urn: String) -> SCIMSchemaDefinition? {
        extensions.first { $0.id.lowercased() == urn.lowercased() }
    }

    /// The top-level attributes outside any extension: the core schema's and the common ones (RFC 7643 §3.1).
    var topLevelAttributes: [SCIMAttributeDefinition] { schema.attributes + SCIMSchemas.common }

    /// The definition of the attribute (not the sub-attribute) a path names, if this type has it.
    package func definition(of path: SCIMAttributePath) -> SCIMAttributeDefinition? {
        if let schema = path.schema {
            return extensionSchema(urn: schema)?.attribute(named: path.attribute)
        }
        let lowered = path.attribute.lowercased()
        return topLevelAttributes.first { $0.name.lowercased() == lowered }
    }

    /// The definition of the value a path names: the sub-attribute's when there is one.
    package func leafDefinition(of path: SCIMAttributePath) -> SCIMAttributeDefinition? {
        guard let subAttribute = path.subAttribute else { return definition(of: path) }
        return definition(of: path)?.subAttribute(named: subAttribute)
    }
}
