/// Deliberate defects, each one a real server's, so the collections can prove they catch a broken SCIM server.
/// `docs/scim.md` lists which tests of the collections each one fails.
package struct SCIMFaults: OptionSet, Sendable {
    package let rawValue: Int
    /// Creates a set from its raw bits.
    package init(rawValue: Int) { self.rawValue = rawValue }

    /// DELETE answers 204 but only deactivates: the user stays readable.
    package static let deleteOnlyDeactivates = SCIMFaults(rawValue: 1 << 0)
    /// `filter` is ignored: every list returns all resources.
    package static let ignoresFilter = SCIMFaults(rawValue: 1 << 1)
    /// Responses say `application/json` instead of `application/scim+json`.
    package static let wrongContentType = SCIMFaults(rawValue: 1 << 2)
    /// `startIndex` and `count` are ignored: every list returns all matches.
    package static let ignoresPagination = SCIMFaults(rawValue: 1 << 3)
    /// A filter that does not parse crashes the request: `500` with an HTML page instead of `400 invalidFilter`.
    package static let htmlErrorOnBadFilter = SCIMFaults(rawValue: 1 << 4)
    /// Error bodies leave out `scimType`, even where RFC 7644 requires one (`uniqueness`, `noTarget`).
    package static let errorsWithoutSCIMType = SCIMFaults(rawValue: 1 << 5)
    /// Error bodies carry `status` as a JSON number (`404`) instead of the string RFC 7644 §3.12 requires.
    package static let statusAsNumber = SCIMFaults(rawValue: 1 << 6)
    /// `201 Created` without the `Location` header RFC 7644 §3.3 requires.
    package static let createdWithoutLocation = SCIMFaults(rawValue: 1 << 7)
    /// userName uniqueness respects case, so `Alice@…` and `alice@…` become two users.
    package static let duplicateUserNameOtherCase = SCIMFaults(rawValue: 1 << 8)
    /// Attributes no schema defines are dropped without a word instead of refused with `400 invalidSyntax`.
    package static let ignoresUnknownAttributes = SCIMFaults(rawValue: 1 << 9)
    /// PUT /Users keeps only `userName`, `externalId` and `active` of what it was sent.
    package static let putDropsAttributes = SCIMFaults(rawValue: 1 << 10)

    /// Names for command lines (`carrier scim-server --fault NAME`).
    package static let byName: [String: SCIMFaults] = [
        "delete-only-deactivates": .deleteOnlyDeactivates, "ignores-filter": .ignoresFilter,
        "wrong-content-type": .wrongContentType, "ignores-pagination": .ignoresPagination,
        "html-error-on-bad-filter": .htmlErrorOnBadFilter, "errors-without-scimtype": .errorsWithoutSCIMType,
        "status-as-number": .statusAsNumber, "created-without-location": .createdWithoutLocation,
        "duplicate-username-other-case": .duplicateUserNameOtherCase, "ignores-unknown-attributes": .ignoresUnknownAttributes,
        "put-drops-attributes": .putDropsAttributes,
    ]
}
