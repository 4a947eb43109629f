import Foundation
import JSONValue

/// The users, in creation order, with unique userNames (case-insensitive) and versions for ETags.
///
/// `@unchecked Sendable`: all mutable state is touched only while holding `lock`. The data file is written
/// under the same lock, before a write returns, so an acknowledged write is on disk and writes reach the
/// disk in the order they were acknowledged.
package final class SCIMUserStore: @unchecked Sendable {
    private let lock = NSLock()
    private var usersByID: [String: JSONObject] = [:]
    private var creationOrder: [String] = []
    private var idsByUserName: [String: String] = [:]
    private let dataFile: String?
    private let now: @Sendable () -> Date

    /// A store, loaded from `dataFile` when given (a missing file means no users yet).
    package init(dataFile: String? = nil, now: @escaping @Sendable () -> Date = Date.init) throws(SCIMDataFileError) {
        self.dataFile = dataFile
        self.now = now
        for user in try dataFile.map(SCIMDataFile.load) ?? [] {
            guard let id = user["id"]?.stringValue, let userName = user["userName"]?.stringValue else { continue }
            usersByID[id] = user
            creationOrder.append(id)
            idsByUserName[userName.lowercased()] = id
        }
    }

    /// Number of users.
    package var count: Int { withLock { creationOrder.count } }

    /// The user with `id`, or nil.
    package func user(id: String) -> JSONObject? { withLock { usersByID[id] } }

    /// Every user, oldest first.
    package func allUsers() -> [JSONObject] { withLock { creationOrder.compactMap { usersByID[$0] } } }

    /// Stores a validated user under a new id with fresh `meta`; `409 uniqueness` when the userName is taken.
    package func create(_ validated: JSONObject) throws(SCIMError) -> JSONObject {
        try withLock { () throws(SCIMError) -> JSONObject in
            let userName = validated["userName"]?.stringValue ?? ""
            guard idsByUserName[userName.lowercased()] == nil else {
                throw .uniqueness("userName '\(userName)' is already taken")
            }
            let id = UUID().uuidString.lowercased()
            let timestamp = SCIMTimestamp.format(now())
            var user: JSONObject = ["schemas": validated["schemas"] ?? .array([.string(SCIMSchemaURN.user)]), "id": .string(id)]
            user.members += validated.members.filter { $0.key != "schemas" && $0.key != "id" && $0.key != "meta" }
            user["meta"] = Self.meta(created: timestamp, lastModified: timestamp, version: 1)
            usersByID[id] = user
            creationOrder.append(id)
            idsByUserName[userName.lowercased()] = id
            do throws(SCIMError) {
                try persist()
            } catch {
                usersByID[id] = nil
                creationOrder.removeLast()
                idsByUserName[userName.lowercased()] = nil
                throw error
            }
            return user
        }
    }

    /// Replaces the user's data with `change(current)` (already validated by the caller), bumping the version.
    /// `ifMatch` is an `If-Match` header value: a mismatch is `412`.
    package func update(
        id: String, ifMatch: String?, _ change: (JSONObject) throws(SCIMError) -> JSONObject
    ) throws(SCIMError) -> JSONObject {
        try withLock { () throws(SCIMError) -> JSONObject in
            guard let current = usersByID[id] else { throw .notFound("User \(id) not found") }
            try Self.checkPrecondition(ifMatch, current: current)
            let validated = try change(current)
            let oldUserName = current["userName"]?.stringValue ?? ""
            let newUserName = validated["userName"]?.stringValue ?? ""
            if let owner = idsByUserName[newUserName.lowercased()], owner != id {
                throw .uniqueness("userName '\(newUserName)' is already taken")
            }
            let oldMeta = current["meta"]?.objectValue ?? [:]
            let version = (Self.version(of: current) ?? 0) + 1
            var user: JSONObject = ["schemas": validated["schemas"] ?? .array([.string(SCIMSchemaURN.user)]), "id": .string(id)]
            user.members += validated.members.filter { $0.key != "schemas" && $0.key != "id" && $0.key != "meta" }
            user["meta"] = Self.meta(
                created: oldMeta["created"]?.stringValue ?? SCIMTimestamp.format(now()),
                lastModified: SCIMTimestamp.format(now()), version: version)
            usersByID[id] = user
            idsByUserName[oldUserName.lowercased()] = nil
            idsByUserName[newUserName.lowercased()] = id
            do throws(SCIMError) {
                try persist()
            } catch {
                usersByID[id] = current
                idsByUserName[newUserName.lowercased()] = nil
                idsByUserName[oldUserName.lowercased()] = id
                throw error
            }
            return user
        }
    }

    /// Removes the user; `404` when absent, `412` when `ifMatch` does not match.
    package func delete(id: String, ifMatch: String?) throws(SCIMError) {
        try withLock { () throws(SCIMError) in
            guard let current = usersByID[id] else { throw .notFound("User \(id) not found") }
            try Self.checkPrecondition(ifMatch, current: current)
            let userName = current["userName"]?.stringValue ?? ""
            let position = creationOrder.firstIndex(of: id)
            usersByID[id] = nil
            if let position { creationOrder.remove(at: position) }
            idsByUserName[userName.lowercased()] = nil
            do throws(SCIMError) {
                try persist()
            } catch {
                usersByID[id] = current
                if let position { creationOrder.insert(id, at: position) }
                idsByUserName[userName.lowercased()] = id
                throw error
            }
        }
    }

    /// The weak ETag of a stored user, e.g. `W/"3"`.
    package static func etag(of user: JSONObject) -> String? {
        user["meta"]?.objectValue?["version"]?.stringValue
    }

    /// Whether an `If-Match`/`If-None-Match` header value lists the user's ETag (or is `*`).
    /// Weak comparison (RFC 9110 §8.8.3.2): `W/"3"` and `"3"` match.
    package static func header(_ header: String, matches user: JSONObject) -> Bool {
        guard let etag = etag(of: user) else { return false }
        let opaque = { (tag: Substring) in tag.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "W/", with: "") }
        return header.split(separator: ",").contains { candidate in
            candidate.trimmingCharacters(in: .whitespaces) == "*" || opaque(candidate) == opaque(Substring(etag))
        }
    }

    private static func checkPrecondition(_ ifMatch: String?, current: JSONObject) throws(SCIMError) {
        guard let ifMatch else { return }
        guard header(ifMatch, matches: current) else {
            throw SCIMError(status: 412, detail: "If-Match \(ifMatch) does not match the current version \(etag(of: current) ?? "-")")
        }
    }

    private static func version(of user: JSONObject) -> Int? {
        guard let etag = etag(of: user) else { return nil }
        return Int(etag.filter(\.isNumber))
    }

    private static func meta(created: String, lastModified: String, version: Int) -> JSONValue {
        .object([
            "resourceType": "User", "created": .string(created), "lastModified": .string(lastModified),
            "version": .string("W/\"\(version)\""),
        ])
    }

    /// Writes every user to the data file; a failure becomes `500` and the caller rolls back.
    private func persist() throws(SCIMError) {
        guard let dataFile else { return }
        do {
            try SCIMDataFile.save(creationOrder.compactMap { usersByID[$0] }, to: dataFile)
        } catch {
            throw SCIMError(status: 500, detail: "could not save the users: \(error)")
        }
    }

    private func withLock<T>(_ body: () throws(SCIMError) -> T) throws(SCIMError) -> T {
        lock.lock()
        defer { lock.unlock() }
        return try body()
    }

    private func withLock<T>(_ body: () -> T) -> T {
        lock.lock()
        defer { lock.unlock() }
        return body()
    }
}
