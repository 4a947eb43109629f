/// Deliberate defects, so collections can prove they catch a broken SCIM server.
package struct SCIMFaults: OptionSet, Sendable {
    package let rawValue: Int
    /// Creates a set from its raw bits.
    package init(rawValue: Int) { self.rawValue = rawValue }

    /// DELETE answers 204 but only deactivates: the user stays readable.
    package static let deleteOnlyDeactivates = SCIMFaults(rawValue: 1 << 0)
    /// `filter` is ignored: every list returns all users.
    package static let ignoresFilter = SCIMFaults(rawValue: 1 << 1)
    /// Responses say `application/json` instead of `application/scim+json`.
    package static let wrongContentType = SCIMFaults(rawValue: 1 << 2)
    /// `startIndex` and `count` are ignored: every list returns all matches.
    package static let ignoresPagination = SCIMFaults(rawValue: 1 << 3)

    /// Names for command lines: `delete-only-deactivates`, `ignores-filter`, `wrong-content-type`, `ignores-pagination`.
    package static let byName: [String: SCIMFaults] = [
        "delete-only-deactivates": .deleteOnlyDeactivates, "ignores-filter": .ignoresFilter,
        "wrong-content-type": .wrongContentType, "ignores-pagination": .ignoresPagination,
    ]
}
