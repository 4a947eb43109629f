import JSONValue

/// SendSafely: "Deactivating a user results in removal of the SendSafely user's profile data". The removal
/// happens once, when an active user becomes inactive: the user keeps only what identifies the account (id,
/// externalId, userName) and its state. Attributes written to an already inactive user are stored as sent,
/// because a server that answers 200 to a PATCH or PUT must return (and keep) what it accepted
/// (RFC 7644 §3.5.1, §3.5.2); creating a user with `active: false` deactivates nothing either.
enum SCIMDeactivation {
    private static let keptAttributes: Set<String> = ["schemas", "id", "externalid", "username", "active", "meta"]

    /// `user` (the new state) stripped to the identifying attributes when it deactivates `previous`, else unchanged.
    static func applying(to user: JSONObject, previous: JSONObject) -> JSONObject {
        guard isInactive(user), !isInactive(previous) else { return user }
        var stripped = JSONObject(user.members.filter { keptAttributes.contains($0.key.lowercased()) })
        stripped["schemas"] = .array([.string(SCIMSchemaURN.user)])
        return stripped
    }

    /// Only an explicit `active: false` is inactive: a user without `active` has not been deactivated.
    private static func isInactive(_ user: JSONObject) -> Bool {
        user.value(named: "active")?.boolValue == false
    }
}
