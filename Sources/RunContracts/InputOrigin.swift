/// Where one input of a run came from, for the JSON report's `run.sources`: enough to tell later exactly which
/// version of a fetched collection ran. Never holds a secret: URLs are kept without their query string or user info.
package struct InputOrigin: Sendable, Equatable {
    /// `collection`, `environment`, `globals`, `iterationData` or `cookieJar`.
    package var role: String
    /// `file`, `url` or `postman` (the Postman API).
    package var kind: String
    /// The path as given, the URL without query, fragment or credentials, or `postman:collection/<uid>`.
    package var location: String
    /// The Postman uid, for a Postman API resource.
    package var uid: String?
    /// The document's own `updatedAt` (the Postman API's `info.updatedAt` / `updatedAt`), when it has one.
    package var updatedAt: String?
    /// SHA-256 of the bytes as read or received (hex), and their count; nil for a data file streamed from disk.
    package var sha256: String?
    package var size: Int?

    package init(role: String, kind: String, location: String, uid: String? = nil, updatedAt: String? = nil,
                 sha256: String? = nil, size: Int? = nil) {
        self.role = role
        self.kind = kind
        self.location = location
        self.uid = uid
        self.updatedAt = updatedAt
        self.sha256 = sha256
        self.size = size
    }
}
