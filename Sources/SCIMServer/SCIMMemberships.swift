import JSONValue

/// The read-only `groups` attribute of users (RFC 7643 §4.1.2), rendered from the memberships the store derives
/// from the groups' `members`, so it can never disagree with the groups.
struct SCIMMemberships {
    private let byID: [String: [SCIMMembership]]

    /// The memberships of `ids`, read from `store` at one instant.
    init(of ids: [String], in store: SCIMUserStore) {
        byID = ids.isEmpty ? [:] : store.memberships(of: ids)
    }

    /// The `groups` attribute of the resource with `id`, oldest group first, or nil when it belongs to none.
    func groups(of id: String, baseURL: String) -> JSONValue? {
        guard let memberships = byID[id] else { return nil }
        return .array(memberships.map { membership in
            var entry: JSONObject = [
                "value": .string(membership.groupID),
                "$ref": .string("\(baseURL)\(SCIMResourceType.group.endpoint)/\(membership.groupID)"),
            ]
            if let display = membership.group["displayName"] { entry["display"] = display }
            entry["type"] = .string(membership.direct ? "direct" : "indirect")
            return .object(entry)
        })
    }
}
