import Foundation
import JSONValue

/// The stored resources: users with unique userNames (case-insensitive, RFC 7643 §4.1.1) and groups, each in
/// creation order, with versions for ETags. Group members are kept consistent with the resources they name: a
/// member's `type` is filled in from the resource it names, and removing a user or group removes it from every
/// group it was a member of, in the same write.
///
/// `@unchecked Sendable`: all mutable state is touched only while holding `lock`. The data file is written
/// under the same lock, before a write returns, so an acknowledged write is on disk and writes reach the
/// disk in the order they were acknowledged.
package final class SCIMUserStore: @unchecked Sendable {
    /// One resource type's resources, by id and in creation order.
    private struct Table {
        var byID: [String: JSONObject] = [:]
        var order: [String] = []
        /// Creation rank of each id, to sort any subset in creation order.
        var rank: [String: Int] = [:]
        private var nextRank = 0

        var all: [JSONObject] { order.compactMap { byID[$0] } }

        mutating func insert(_ resource: JSONObject, id: String) {
            if byID.updateValue(resource, forKey: id) == nil {
                order.append(id)
                rank[id] = nextRank
                nextRank += 1
            }
        }

        mutating func remove(id: String) {
            byID[id] = nil
            rank[id] = nil
            order.removeAll { $0 == id }
        }
    }

    /// Everything a write may change, so a failed save can put all of it back at once.
    private struct State {
        var users = Table()
        var groups = Table()
        var idsByUserName: [String: String] = [:]
        /// Member id -> the groups listing it directly: the reverse of every group's `members`.
        var parents: [String: Set<String>] = [:]

        /// Stores `group` under `id` and keeps `parents` in step with its members.
        mutating func putGroup(_ group: JSONObject?, id: String) {
            for value in Self.memberValues(groups.byID[id]) { parents[value]?.remove(id) }
            guard let group else {
                groups.remove(id: id)
                return
            }
            groups.insert(group, id: id)
            for value in Self.memberValues(group) { parents[value, default: []].insert(id) }
        }

        static func memberValues(_ group: JSONObject?) -> [String] {
            (group?["members"]?.arrayValue ?? []).compactMap { $0["value"]?.stringValue }
        }

        subscript(type: SCIMResourceType) -> Table { type == .user ? users : groups }
    }

    private let lock = NSLock()
    private var state = State()
    private let dataFile: String?
    private let caseExactUserNames: Bool
    private let now: @Sendable () -> Date

    /// A store, loaded from `dataFile` when given (a missing file means nothing stored yet). `caseExactUserNames`
    /// makes `Alice` and `alice` different users, which RFC 7643 forbids: only the
    /// `duplicate-username-other-case` fault sets it.
    package init(
        dataFile: String? = nil, caseExactUserNames: Bool = false, now: @escaping @Sendable () -> Date = Date.init
    ) throws(SCIMDataFileError) {
        self.dataFile = dataFile
        self.caseExactUserNames = caseExactUserNames
        self.now = now
        let contents = try dataFile.map(SCIMDataFile.load) ?? SCIMDataFile.Contents()
        for user in contents.users {
            guard let id = user["id"]?.stringValue, let userName = user["userName"]?.stringValue else { continue }
            state.users.insert(user, id: id)
            state.idsByUserName[userNameKey(userName)] = id
        }
        for group in contents.groups {
            guard let id = group["id"]?.stringValue else { continue }
            state.putGroup(group, id: id)
        }
    }

    // MARK: Users (the resource type most callers mean)

    /// Number of users.
    package var count: Int { withLock { state.users.order.count } }

    /// The user with `id`, or nil.
    package func user(id: String) -> JSONObject? { resource(.user, id: id) }

    /// Every user, oldest first.
    package func allUsers() -> [JSONObject] { all(.user) }

    /// Stores a validated user; `409 uniqueness` when the userName is taken.
    package func create(_ validated: JSONObject) throws(SCIMError) -> JSONObject { try create(validated, type: .user) }

    /// Replaces a user's data; see ``update(_:id:ifMatch:_:)``.
    package func update(
        id: String, ifMatch: String?, _ change: (JSONObject) throws(SCIMError) -> JSONObject
    ) throws(SCIMError) -> JSONObject {
        try update(.user, id: id, ifMatch: ifMatch, change)
    }

    /// Removes a user; see ``delete(_:id:ifMatch:)``.
    package func delete(id: String, ifMatch: String?) throws(SCIMError) { try delete(.user, id: id, ifMatch: ifMatch) }

    // MARK: Any resource type

    /// The resource of `type` with `id`, or nil.
    package func resource(_ type: SCIMResourceType, id: String) -> JSONObject? { withLock { state[type].byID[id] } }

    /// Every resource of `type`, oldest first.
    package func all(_ type: SCIMResourceType) -> [JSONObject] { withLock { state[type].all } }

    /// For each of `ids`, the groups it belongs to, directly or through nested groups (cycles end where they
    /// start), oldest group first: the source of every user's `groups` (RFC 7643 §4.1.2).
    package func memberships(of ids: [String]) -> [String: [SCIMMembership]] {
        withLock {
            var result: [String: [SCIMMembership]] = [:]
            for id in ids {
                var found: [String: Bool] = [:]  // group id -> direct
                var queue = (state.parents[id] ?? []).map { ($0, true) }
                while !queue.isEmpty {
                    let (groupID, direct) = queue.removeFirst()
                    guard found[groupID] == nil else { continue }
                    found[groupID] = direct
                    queue += (state.parents[groupID] ?? []).map { ($0, false) }
                }
                let sorted = found.keys.sorted { (state.groups.rank[$0] ?? 0) < (state.groups.rank[$1] ?? 0) }
                let list = sorted.compactMap { groupID in
                    state.groups.byID[groupID].map { SCIMMembership(groupID: groupID, group: $0, direct: found[groupID] == true) }
                }
                if !list.isEmpty { result[id] = list }
            }
            return result
        }
    }

    /// Stores a validated resource under a new id with fresh `meta`. A user's userName must be free (`409
    /// uniqueness`); a group's members get their `type` from the resources they name.
    package func create(_ validated: JSONObject, type: SCIMResourceType) throws(SCIMError) -> JSONObject {
        try write { () throws(SCIMError) -> JSONObject in
            let id = UUID().uuidString.lowercased()
            let timestamp = SCIMTimestamp.format(now())
            let resource = try settled(validated, type: type, id: id, created: timestamp, version: 1)
            if type == .user {
                let key = userNameKey(resource["userName"]?.stringValue ?? "")
                guard state.idsByUserName[key] == nil else {
                    throw .uniqueness("userName '\(resource["userName"]?.stringValue ?? "")' is already taken")
                }
                state.idsByUserName[key] = id
            }
            if type == .group { state.putGroup(resource, id: id) } else { state.users.insert(resource, id: id) }
            return resource
        }
    }

    /// Replaces the resource's data with `change(current)` (already validated by the caller), bumping the version.
    /// `ifMatch` is an `If-Match` header value: a mismatch is `412`.
    package func update(
        _ type: SCIMResourceType, id: String, ifMatch: String?, _ change: (JSONObject) throws(SCIMError) -> JSONObject
    ) throws(SCIMError) -> JSONObject {
        try write { () throws(SCIMError) -> JSONObject in
            guard let current = state[type].byID[id] else { throw .notFound("\(type.name) \(id) not found") }
            try Self.checkPrecondition(ifMatch, current: current)
            let created = current["meta"]?.objectValue?["created"]?.stringValue ?? SCIMTimestamp.format(now())
            let resource = try settled(
                try change(current), type: type, id: id, created: created, version: (Self.version(of: current) ?? 0) + 1)
            if type == .user {
                let oldKey = userNameKey(current["userName"]?.stringValue ?? "")
                let newKey = userNameKey(resource["userName"]?.stringValue ?? "")
                if let owner = state.idsByUserName[newKey], owner != id {
                    throw .uniqueness("userName '\(resource["userName"]?.stringValue ?? "")' is already taken")
                }
                state.idsByUserName[oldKey] = nil
                state.idsByUserName[newKey] = id
            }
            if type == .group { state.putGroup(resource, id: id) } else { state.users.insert(resource, id: id) }
            return resource
        }
    }

    /// Removes the resource, and removes it from the members of every group; `404` when absent, `412` when
    /// `ifMatch` does not match.
    package func delete(_ type: SCIMResourceType, id: String, ifMatch: String?) throws(SCIMError) {
        try write { () throws(SCIMError) in
            guard let current = state[type].byID[id] else { throw .notFound("\(type.name) \(id) not found") }
            try Self.checkPrecondition(ifMatch, current: current)
            if type == .group { state.putGroup(nil, id: id) } else { state.users.remove(id: id) }
            if type == .user { state.idsByUserName[userNameKey(current["userName"]?.stringValue ?? "")] = nil }
            for groupID in state.parents[id] ?? [] {
                guard let group = state.groups.byID[groupID], let members = group["members"]?.arrayValue else { continue }
                var changed = group
                let remaining = members.filter { $0["value"]?.stringValue != id }
                changed["members"] = remaining.isEmpty ? nil : .array(remaining)
                changed["meta"] = meta(of: .group, created: group["meta"]?.objectValue?["created"]?.stringValue ?? "",
                                       version: (Self.version(of: group) ?? 0) + 1)
                state.putGroup(changed, id: groupID)
            }
            state.parents[id] = nil
        }
    }

    /// The weak ETag of a stored resource, e.g. `W/"3"`.
    package static func etag(of resource: JSONObject) -> String? {
        resource["meta"]?.objectValue?["version"]?.stringValue
    }

    /// Whether an `If-Match`/`If-None-Match` header value lists the resource's ETag (or is `*`).
    /// Weak comparison (RFC 9110 §8.8.3.2): `W/"3"` and `"3"` match.
    package static func header(_ header: String, matches resource: JSONObject) -> Bool {
        guard let etag = etag(of: resource) else { return false }
        let opaque = { (tag: Substring) in tag.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "W/", with: "") }
        return header.split(separator: ",").contains { candidate in
            candidate.trimmingCharacters(in: .whitespaces) == "*" || opaque(candidate) == opaque(Substring(etag))
        }
    }

    // MARK: Internals

    private func userNameKey(_ userName: String) -> String { caseExactUserNames ? userName : userName.lowercased() }

    /// `validated` as stored: `schemas` and `id` first, then the data, then fresh `meta`; a group's members with
    /// their `type` filled in from what they name.
    private func settled(
        _ validated: JSONObject, type: SCIMResourceType, id: String, created: String, version: Int
    ) throws(SCIMError) -> JSONObject {
        var resource: JSONObject = ["schemas": validated["schemas"] ?? .array([.string(type.schema.id)]), "id": .string(id)]
        resource.members += validated.members.filter { !["schemas", "id", "meta"].contains($0.key) }
        if type == .group, let members = resource["members"]?.arrayValue {
            var typed: [JSONValue] = []
            for member in members {
                guard var object = member.objectValue, let value = object["value"]?.stringValue else { continue }
                guard value != id else { throw .invalidValue("a group cannot be a member of itself") }
                if object.value(named: "type") == nil {
                    if state.users.byID[value] != nil { object["type"] = "User" }
                    if state.groups.byID[value] != nil { object["type"] = "Group" }
                }
                typed.append(.object(object))
            }
            resource["members"] = .array(typed)
        }
        resource["meta"] = meta(of: type, created: created, version: version)
        return resource
    }

    private func meta(of type: SCIMResourceType, created: String, version: Int) -> JSONValue {
        .object([
            "resourceType": .string(type.name), "created": .string(created),
            "lastModified": .string(SCIMTimestamp.format(now())), "version": .string("W/\"\(version)\""),
        ])
    }

    private static func checkPrecondition(_ ifMatch: String?, current: JSONObject) throws(SCIMError) {
        guard let ifMatch else { return }
        guard header(ifMatch, matches: current) else {
            throw SCIMError(status: 412, detail: "If-Match \(ifMatch) does not match the current version \(etag(of: current) ?? "-")")
        }
    }

    private static func version(of resource: JSONObject) -> Int? {
        guard let etag = etag(of: resource) else { return nil }
        return Int(etag.filter(\.isNumber))
    }

    /// Runs `body` under the lock, then writes everything to the data file. `body` throws only before it changes
    /// anything; when the save fails, every change it made is undone, so memory never holds what the disk does not.
    private func write<T>(_ body: () throws(SCIMError) -> T) throws(SCIMError) -> T {
        lock.lock()
        defer { lock.unlock() }
        guard let dataFile else { return try body() }
        let before = state
        let result = try body()
        do {
            try SCIMDataFile.save(SCIMDataFile.Contents(users: state.users.all, groups: state.groups.all), to: dataFile)
        } catch {
            state = before
            throw SCIMError(status: 500, detail: "could not save the data file: \(error)")
        }
        return result
    }

    private func withLock<T>(_ body: () -> T) -> T {
        lock.lock()
        defer { lock.unlock() }
        return body()
    }
}

/// A resource's membership of one group, as a user's `groups` attribute shows it.
package struct SCIMMembership: Sendable {
    /// The group's id.
    package var groupID: String
    /// The group as stored (for its `displayName`).
    package var group: JSONObject
    /// Whether the group lists the resource itself, rather than a group it belongs to.
    package var direct: Bool
}
