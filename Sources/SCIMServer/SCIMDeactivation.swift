import JSONValue

/// SendSafely: "deactivation removes the user's profile data". A user with `active: false` keeps only
/// what identifies the account (id, externalId, userName) and its state.
enum SCIMDeactivation {
    private static let keptAttributes: Set<String> = ["schemas", "id", "externalid", "username", "active", "meta"]

    /// `user` unchanged when active, else stripped to the identifying attributes.
    static func applying(to user: JSONObject) -> JSONObject {
        guard user.value(named: "active")?.boolValue == false else { return user }
        var stripped = JSONObject(user.members.filter { keptAttributes.contains($0.key.lowercased()) })
        stripped["schemas"] = .array([.string(SCIMSchemaURN.user)])
        return stripped
    }
}
