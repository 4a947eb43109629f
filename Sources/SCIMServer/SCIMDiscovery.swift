import JSONValue

/// The discovery documents of RFC 7644 §4: what this provider supports, its resource types and schemas.
enum SCIMDiscovery {
    static func serviceProviderConfig(baseURL: String, maxResults: Int) -> JSONValue {
        .object([
            "schemas": [.string(SCIMSchemaURN.serviceProviderConfig)],
            "documentationUri": "https://sendsafely.zendesk.com/hc/en-us/articles/SCIM",
            "patch": ["supported": true],
            "bulk": ["supported": false, "maxOperations": 0, "maxPayloadSize": 0],
            "filter": ["supported": true, "maxResults": .number(Double(maxResults))],
            "changePassword": ["supported": false],
            "sort": ["supported": true],
            "etag": ["supported": true],
            "authenticationSchemes": [
                [
                    "type": "httpbasic", "name": "HTTP Basic",
                    "description": "Authentication with a user name and password (RFC 7617).",
                    "specUri": "https://www.rfc-editor.org/info/rfc7617", "primary": true,
                ],
            ],
            "meta": [
                "resourceType": "ServiceProviderConfig", "location": .string("\(baseURL)/ServiceProviderConfig"),
            ],
        ])
    }

    /// The `/ResourceTypes/{name}` resource of `type`.
    static func resourceType(_ type: SCIMResourceType, baseURL: String) -> JSONValue {
        var object: JSONObject = [
            "schemas": [.string(SCIMSchemaURN.resourceType)],
            "id": .string(type.name), "name": .string(type.name), "endpoint": .string(type.endpoint),
            "description": .string(type.description), "schema": .string(type.schema.id),
        ]
        if !type.extensions.isEmpty {
            object["schemaExtensions"] = .array(type.extensions.map { ["schema": .string($0.id), "required": false] })
        }
        object["meta"] = ["resourceType": "ResourceType", "location": .string("\(baseURL)/ResourceTypes/\(type.name)")]
        return .object(object)
    }

    static func schemas(baseURL: String) -> [JSONValue] {
        SCIMSchemas.all.map { $0.json(location: "\(baseURL)/Schemas/\($0.id)") }
    }

    /// A ListResponse with all `resources` on one page.
    static func listResponse(_ resources: [JSONValue]) -> JSONValue {
        SCIMListResponse(totalResults: resources.count, startIndex: 1, resources: resources).json
    }
}

/// The ListResponse message of RFC 7644 §3.4.2.
struct SCIMListResponse {
    var totalResults: Int
    var startIndex: Int
    var resources: [JSONValue]

    var json: JSONValue {
        .object([
            "schemas": [.string(SCIMSchemaURN.listResponse)],
            "totalResults": .number(Double(totalResults)),
            "startIndex": .number(Double(startIndex)),
            "itemsPerPage": .number(Double(resources.count)),
            "Resources": .array(resources),
        ])
    }
}
