import JSONValue

/// The `scimType` values of RFC 7644 §3.12 that this service provider uses.
/// (`tooMany`, `invalidVers` and `sensitive` exist for completeness; nothing here needs them yet.)
package enum SCIMErrorType: String, Sendable {
    case invalidFilter, tooMany, uniqueness, mutability, invalidSyntax, invalidPath, noTarget, invalidValue, invalidVers,
        sensitive
}

/// A failed SCIM operation, rendered as the RFC 7644 §3.12 error body (status as a string).
package struct SCIMError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The HTTP status, e.g. 400.
    package var status: Int
    /// The detail code for 400, 409 and 413 errors; nil for 401, 404, 412 and the like.
    package var scimType: SCIMErrorType?
    /// A human-readable explanation.
    package var detail: String

    /// An error with the given status, code and detail.
    package init(status: Int, scimType: SCIMErrorType? = nil, detail: String) {
        self.status = status
        self.scimType = scimType
        self.detail = detail
    }

    /// `400 invalidFilter`.
    package static func invalidFilter(_ detail: String) -> SCIMError { .init(status: 400, scimType: .invalidFilter, detail: detail) }
    /// `400 invalidSyntax`.
    package static func invalidSyntax(_ detail: String) -> SCIMError { .init(status: 400, scimType: .invalidSyntax, detail: detail) }
    /// `400 invalidValue`.
    package static func invalidValue(_ detail: String) -> SCIMError { .init(status: 400, scimType: .invalidValue, detail: detail) }
    /// `400 invalidPath`.
    package static func invalidPath(_ detail: String) -> SCIMError { .init(status: 400, scimType: .invalidPath, detail: detail) }
    /// `400 noTarget`.
    package static func noTarget(_ detail: String) -> SCIMError { .init(status: 400, scimType: .noTarget, detail: detail) }
    /// `400 mutability`.
    package static func mutability(_ detail: String) -> SCIMError { .init(status: 400, scimType: .mutability, detail: detail) }
    /// `409 uniqueness`.
    package static func uniqueness(_ detail: String) -> SCIMError { .init(status: 409, scimType: .uniqueness, detail: detail) }
    /// `404` for a resource or endpoint that does not exist.
    package static func notFound(_ detail: String) -> SCIMError { .init(status: 404, detail: detail) }

    /// `status scimType: detail`, for logs and test failures.
    package var description: String { "\(status) \(scimType?.rawValue ?? "-"): \(detail)" }

    /// The error body: `{"schemas":[Error URN],"status":"400","scimType":"...","detail":"..."}`. The two flags
    /// exist for the `status-as-number` and `errors-without-scimtype` faults.
    package func json(statusAsString: Bool = true, includingSCIMType: Bool = true) -> JSONValue {
        var object: JSONObject = [
            "schemas": [.string(SCIMSchemaURN.error)],
            "status": statusAsString ? .string(String(status)) : .number(Double(status)),
        ]
        if includingSCIMType, let scimType { object["scimType"] = .string(scimType.rawValue) }
        object["detail"] = .string(detail)
        return .object(object)
    }
}
