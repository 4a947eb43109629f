/// The schemas this provider supports: User (RFC 7643 §4.1) with the enterprise (§4.3) and SendSafely extensions,
/// and Group (§4.2).
package enum SCIMSchemas {
    /// Every schema, in the order `/Schemas` lists them.
    package static let all: [SCIMSchemaDefinition] = [user, enterprise, sendSafely, group]

    /// The core schemas, one per resource type; their URNs may prefix core attribute paths.
    package static let core: [SCIMSchemaDefinition] = [user, group]

    /// The schema whose id equals `urn`, ignoring case.
    package static func schema(urn: String) -> SCIMSchemaDefinition? {
        all.first { $0.id.lowercased() == urn.lowercased() }
    }

    /// Attributes every resource has, outside any schema's attribute list (RFC 7643 §3.1).
    package static let common: [SCIMAttributeDefinition] = [
        attribute("id", caseExact: true, mutability: .readOnly, returned: .always, uniqueness: .server,
                  "Unique identifier assigned by the service provider."),
        attribute("externalId", caseExact: true, "Identifier assigned by the provisioning client."),
        complex("meta", mutability: .readOnly, "Resource metadata.", [
            attribute("resourceType", caseExact: true, mutability: .readOnly, "Resource type name."),
            attribute("created", type: .dateTime, mutability: .readOnly, "Creation time."),
            attribute("lastModified", type: .dateTime, mutability: .readOnly, "Last modification time."),
            attribute("location", type: .reference, caseExact: true, mutability: .readOnly, "Resource URI."),
            attribute("version", caseExact: true, mutability: .readOnly, "Version (ETag)."),
        ]),
    ]

    /// The core User schema.
    package static let user = SCIMSchemaDefinition(
        id: SCIMSchemaURN.user, name: "User", description: "User Account",
        attributes: [
            attribute("userName", required: true, uniqueness: .server,
                      "Unique identifier for the User, typically used to sign in (SendSafely: the email address)."),
            complex("name", "The components of the user's real name.", [
                attribute("formatted", "Full name, formatted for display."),
                attribute("familyName", "Family name."),
                attribute("givenName", "Given name."),
                attribute("middleName", "Middle name(s)."),
                attribute("honorificPrefix", "Honorific prefix, e.g. Ms."),
                attribute("honorificSuffix", "Honorific suffix, e.g. III."),
            ]),
            attribute("displayName", "Name displayed to end users."),
            attribute("nickName", "Casual name."),
            attribute("profileUrl", type: .reference, "Online profile URL."),
            attribute("title", "Title, e.g. Vice President."),
            attribute("userType", "Relationship to the organization."),
            attribute("preferredLanguage", "Preferred language, e.g. en-US."),
            attribute("locale", "Locale for formatting, e.g. en-US."),
            attribute("timezone", "Time zone, e.g. America/Los_Angeles."),
            attribute("active", type: .boolean, "Whether the account is active; false removes profile data."),
            attribute("password", mutability: .writeOnly, returned: .never, "Cleartext password; never returned."),
            multiValuedComplex("emails", "Email addresses.", types: ["work", "home", "other"]),
            multiValuedComplex("phoneNumbers", "Phone numbers.", types: ["work", "home", "mobile", "fax", "pager", "other"]),
            multiValuedComplex("ims", "Instant messaging addresses.", types: ["aim", "gtalk", "icq", "xmpp", "msn", "skype", "qq", "yahoo"]),
            multiValuedComplex("photos", "Photo URLs.", types: ["photo", "thumbnail"]),
            complex("addresses", multiValued: true, "Physical mailing addresses.", [
                attribute("formatted", "Full mailing address."),
                attribute("streetAddress", "Street address."),
                attribute("locality", "City or locality."),
                attribute("region", "State or region."),
                attribute("postalCode", "Zip or postal code."),
                attribute("country", "Country, ISO 3166-1 alpha-2."),
                attribute("type", canonicalValues: ["work", "home", "other"], "Label."),
                attribute("primary", type: .boolean, "Whether this is the primary address."),
            ]),
            complex("groups", multiValued: true, mutability: .readOnly,
                    "Groups the user belongs to, directly or through nested groups; kept by the provider from the groups' members.", [
                attribute("value", caseExact: true, mutability: .readOnly, "Group id."),
                attribute("$ref", type: .reference, caseExact: true, mutability: .readOnly, referenceTypes: ["Group"], "Group URI."),
                attribute("display", mutability: .readOnly, "Group display name."),
                attribute("type", mutability: .readOnly, canonicalValues: ["direct", "indirect"], "Membership kind."),
            ]),
            multiValuedComplex("entitlements", "Entitlements.", types: []),
            multiValuedComplex("roles", "Roles.", types: []),
            multiValuedComplex("x509Certificates", "Certificates.", types: []),
        ])

    /// The enterprise User extension.
    package static let enterprise = SCIMSchemaDefinition(
        id: SCIMSchemaURN.enterpriseUser, name: "EnterpriseUser", description: "Enterprise User",
        attributes: [
            attribute("employeeNumber", "Employee number."),
            attribute("costCenter", "Cost center."),
            attribute("organization", "Organization."),
            attribute("division", "Division."),
            attribute("department", "Department."),
            complex("manager", "The user's manager.", [
                attribute("value", "Manager's id."),
                attribute("$ref", type: .reference, "Manager's URI."),
                attribute("displayName", mutability: .readOnly, "Manager's display name."),
            ]),
        ])

    /// SendSafely's User extension (`isAdmin`).
    package static let sendSafely = SCIMSchemaDefinition(
        id: SCIMSchemaURN.sendSafelyUser, name: "SendSafelyUser", description: "SendSafely User extension",
        attributes: [
            attribute("isAdmin", type: .boolean, "Whether the user is a SendSafely portal administrator."),
        ])

    /// The core Group schema (RFC 7643 §4.2, §8.7.1). `members` sub-attributes are immutable, as the RFC has them;
    /// `display` is writable, so a client's label for a member is kept as sent.
    package static let group = SCIMSchemaDefinition(
        id: SCIMSchemaURN.group, name: "Group", description: "Group",
        attributes: [
            attribute("displayName", required: true, "A human-readable name for the Group."),
            complex("members", multiValued: true, "A list of members of the Group: users or groups.", [
                attribute("value", caseExact: true, mutability: .immutable, "Identifier of the member."),
                attribute("$ref", type: .reference, caseExact: true, mutability: .immutable, referenceTypes: ["User", "Group"],
                          "The URI of the member."),
                attribute("type", mutability: .immutable, canonicalValues: ["User", "Group"], "The member's resource type."),
                attribute("display", "A human-readable name for the member."),
            ]),
        ])

    // MARK: - Builders keeping the tables above readable

    private static func attribute(
        _ name: String, type: SCIMAttributeDefinition.DataType = .string, required: Bool = false, caseExact: Bool = false,
        mutability: SCIMAttributeDefinition.Mutability = .readWrite, returned: SCIMAttributeDefinition.Returned = .default,
        uniqueness: SCIMAttributeDefinition.Uniqueness = .none, canonicalValues: [String] = [], referenceTypes: [String] = ["external"],
        _ description: String
    ) -> SCIMAttributeDefinition {
        SCIMAttributeDefinition(
            name: name, type: type, required: required, caseExact: caseExact, mutability: mutability, returned: returned,
            uniqueness: uniqueness, canonicalValues: canonicalValues,
            referenceTypes: type == .reference ? referenceTypes : [], description: description)
    }

    private static func complex(
        _ name: String, multiValued: Bool = false, mutability: SCIMAttributeDefinition.Mutability = .readWrite,
        _ description: String, _ subAttributes: [SCIMAttributeDefinition]
    ) -> SCIMAttributeDefinition {
        SCIMAttributeDefinition(
            name: name, type: .complex, multiValued: multiValued, mutability: mutability, subAttributes: subAttributes,
            description: description)
    }

    /// The common shape of RFC 7643 multi-valued attributes: value, display, type, primary.
    private static func multiValuedComplex(_ name: String, _ description: String, types: [String]) -> SCIMAttributeDefinition {
        complex(name, multiValued: true, description, [
            attribute("value", "The value."),
            attribute("display", mutability: .readOnly, "Human-readable label."),
            attribute("type", canonicalValues: types, "Label, e.g. work."),
            attribute("primary", type: .boolean, "Whether this is the preferred value."),
        ])
    }
}
