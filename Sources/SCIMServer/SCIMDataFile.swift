import AtomicFile
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import JSONValue

/// Why the data file could not be read or written.
package struct SCIMDataFileError: Error, Sendable, CustomStringConvertible {
    /// The data file's path.
    package var path: String
    /// What went wrong.
    package var message: String
    /// `path: message`.
    package var description: String { "\(path): \(message)" }
}

/// The users and groups on disk: `{"format":"carrier-scim-users","version":2,"users":[...],"groups":[...]}`
/// (version 1 files, from before groups, have no `groups` and are read as such). Writes are atomic and durable
/// (temporary file in the same directory, fsync, rename, fsync of the directory), so a crash leaves either the old
/// or the new file, never a torn one; users and groups change in the same write, so memberships never go stale.
enum SCIMDataFile {
    static let format = "carrier-scim-users"
    static let version = 2

    /// What the file holds: users and groups, each in creation order.
    struct Contents {
        var users: [JSONObject] = []
        var groups: [JSONObject] = []
    }

    /// The stored resources, or none when the file does not exist yet. A present but unreadable file is an error:
    /// starting empty would silently lose the resources at the next write.
    static func load(from path: String) throws(SCIMDataFileError) -> Contents {
        guard FileManager.default.fileExists(atPath: path) else { return Contents() }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw SCIMDataFileError(path: path, message: "cannot read the file")
        }
        let document: JSONValue
        do {
            document = try JSONParser.parse(bytes: Array(data))
        } catch {
            throw SCIMDataFileError(path: path, message: "invalid JSON: \(error)")
        }
        guard document["format"]?.stringValue == format, let users = document["users"]?.arrayValue else {
            throw SCIMDataFileError(path: path, message: "not a Carrier SCIM data file (expected \"format\": \"\(format)\")")
        }
        guard let fileVersion = document["version"]?.intValue, (1...version).contains(fileVersion) else {
            throw SCIMDataFileError(path: path, message: "unsupported version \(document["version"]?.serialized() ?? "(none)"); this Carrier reads 1 to \(version)")
        }
        return Contents(
            users: try resources(users, required: "userName", path: path),
            groups: try resources(document["groups"]?.arrayValue ?? [], required: "displayName", path: path))
    }

    private static func resources(_ values: [JSONValue], required: String, path: String) throws(SCIMDataFileError) -> [JSONObject] {
        var objects: [JSONObject] = []
        for value in values {
            guard let object = value.objectValue, object["id"]?.stringValue != nil, object[required]?.stringValue != nil else {
                throw SCIMDataFileError(path: path, message: "a resource without 'id' or '\(required)'")
            }
            objects.append(object)
        }
        return objects
    }

    /// Replaces the file with `contents`, atomically and durably.
    static func save(_ contents: Contents, to path: String) throws(SCIMDataFileError) {
        let document: JSONValue = .object([
            "format": .string(format), "version": .number(Double(version)),
            "users": .array(contents.users.map(JSONValue.object)), "groups": .array(contents.groups.map(JSONValue.object)),
        ])
        let bytes = Array((document.serialized(indent: 2) + "\n").utf8)
        do {
            try AtomicFile.write(bytes, to: path, permissions: 0o600, createDirectories: false)
        } catch {
            throw SCIMDataFileError(path: path, message: error.message)
        }
    }

    /// An error naming the failed step and the current errno.
    private static func failure(_ path: String, _ message: String) -> SCIMDataFileError {
        let code = errno
        return SCIMDataFileError(path: path, message: "\(message): \(String(cString: strerror(code)))")
    }
}
