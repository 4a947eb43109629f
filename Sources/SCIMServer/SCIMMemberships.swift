import JSONValue

/// Who belongs to which group, read from the groups' `members`: the source of every user's read-only `groups`
/// attribute (RFC 7643 §4.1.2), so it can never disagree with the groups. A member of a group that is itself a
/// member of another group belongs to that one too, `indirect`ly; cycles of nested groups end where they start.
struct SCIMMemberships {
    private struct Membership {
        var groupIndex: Int
        var direct: Bool
    }

    private let groups: [JSONObject]
    /// For each member id, the indexes (in `groups`) of the groups listing it directly.
    private let parents: [String: [Int]]

    /// The memberships `groups` describe.
    init(groups: [JSONObject]) {
        self.groups = groups
        var parents: [String: [Int]] = [:]
        for (index, group) in groups.enumerated() {
            for member in group["members"]?.arrayValue ?? [] {
                if let value = member["value"]?.stringValue { parents[value, default: []].append(index) }
            }
        }
        self.parents = parents
    }

    /// The `groups` attribute of the resource with `id`, oldest group first, or nil when it belongs to none.
    func groups(of id: String, baseURL: String) -> JSONValue? {
        var found: [Int: Bool] = [:]  // group index -> direct
        var queue = (parents[id] ?? []).map { Membership(groupIndex: $0, direct: true) }
        while !queue.isEmpty {
            let next = queue.removeFirst()
            if let seen = found[next.groupIndex], seen || !next.direct { continue }
            let firstVisit = found[next.groupIndex] == nil
            found[next.groupIndex] = next.direct
            guard firstVisit, let groupID = groups[next.groupIndex]["id"]?.stringValue else { continue }
            queue += (parents[groupID] ?? []).map { Membership(groupIndex: $0, direct: false) }
        }
        guard !found.isEmpty else { return nil }
        return .array(found.keys.sorted().compactMap { index in
            let group = groups[index]
            guard let groupID = group["id"]?.stringValue else { return nil }
            var entry: JSONObject = ["value": .string(groupID), "$ref": .string("\(baseURL)\(SCIMResourceType.group.endpoint)/\(groupID)")]
            if let display = group["displayName"] { entry["display"] = display }
            entry["type"] = .string(found[index] == true ? "direct" : "indirect")
            return .object(entry)
        })
    }
}
