/// The schema and message URNs this service provider speaks.
package enum SCIMSchemaURN {
    /// Core User resource schema (RFC 7643 §4.1).
    package static let user = "urn:ietf:params:scim:schemas:core:2.0:User"
    /// Core Group resource schema (RFC 7643 §4.2).
    package static let group = "urn:ietf:params:scim:schemas:core:2.0:Group"
    /// Enterprise User extension (RFC 7643 §4.3).
    package static let enterpriseUser = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"
    /// SendSafely's extension carrying `isAdmin`.
    package static let sendSafelyUser = "urn:ietf:scim:schemas:extension:SendSafely:2.0:User"
    /// Error response message.
    package static let error = "urn:ietf:params:scim:api:messages:2.0:Error"
    /// List response message.
    package static let listResponse = "urn:ietf:params:scim:api:messages:2.0:ListResponse"
    /// PATCH request message.
    package static let patchOp = "urn:ietf:params:scim:api:messages:2.0:PatchOp"
    /// POST .search request message.
    package static let searchRequest = "urn:ietf:params:scim:api:messages:2.0:SearchRequest"
    /// Discovery schemas.
    package static let serviceProviderConfig = "urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig"
    /// ResourceType discovery schema.
    package static let resourceType = "urn:ietf:params:scim:schemas:core:2.0:ResourceType"
    /// Schema discovery schema.
    package static let schema = "urn:ietf:params:scim:schemas:core:2.0:Schema"
}
