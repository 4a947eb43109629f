import Foundation
import JSONValue

/// Turns a parsed collection document into the model: lenient about what is missing (defaults, generated ids),
/// strict about the format version and about wrong types, which fail with the JSON path and the fix.
struct CollectionDecoder {
    let reader: JSONFieldReader

    init(file: String) { reader = JSONFieldReader(file: file) }

    /// The collection schema versions this decoder reads.
    static let supportedVersions: Set<String> = ["2.0.0", "2.1.0"]

    func decode(_ document: JSONValue) throws(LoadError) -> Collection {
        guard case .object(let root) = document else {
            throw LoadError(.invalidValue, file: reader.file, location: "$",
                            message: "expected a collection object, found \(JSONFieldReader.describe(document))"
                                + Self.arrayHint(document))
        }
        guard let infoValue = reader.field(root, "info") else {
            try refuseNonCollection(root)
            // A document with `item` but no `info` is a hand-written v2 collection: accepted, unnamed.
            return try decodeBody(root, info: CollectionInfo(name: ""), document: document)
        }
        let info = try self.info(reader.object(infoValue, at: "$.info"))
        return try decodeBody(root, info: info, document: document)
    }

    private static func arrayHint(_ document: JSONValue) -> String {
        guard case .array = document else { return "" }
        return "; this looks like globals or iteration data, not a collection"
    }

    /// Explains what a document without `info` is, when it is not a collection Carrier can read.
    private func refuseNonCollection(_ root: JSONObject) throws(LoadError) {
        if root["requests"]?.arrayValue != nil || root["order"]?.arrayValue != nil {
            throw LoadError(.unsupportedVersion, file: reader.file,
                            message: "this is a Postman v1 collection; re-export it from Postman as Collection v2.1")
        }
        if root["values"]?.arrayValue != nil {
            let scope = root["_postman_variable_scope"]?.stringValue ?? "environment"
            throw LoadError(.invalidValue, file: reader.file, location: "$",
                            message: "this looks like a Postman \(scope) file (it has \"values\"), not a collection; "
                                + "pass it with \(scope == "globals" ? "-g/--globals" : "-e/--environment")")
        }
        if root["item"] == nil {
            throw LoadError(.invalidValue, file: reader.file, location: "$",
                            message: "not a Postman collection: expected \"info\" and \"item\" at the top level")
        }
    }

    private func info(_ object: JSONObject) throws(LoadError) -> CollectionInfo {
        let schema = try reader.optionalString(object, "schema", at: "$.info") ?? ""
        if !schema.isEmpty { try checkVersion(schema) }
        let postmanID = try reader.optionalString(object, "_postman_id", at: "$.info")
        let plainID = try reader.optionalString(object, "id", at: "$.info")
        let id = postmanID ?? plainID ?? ""
        return CollectionInfo(name: try reader.optionalString(object, "name", at: "$.info") ?? "",
                              id: id, schema: schema,
                              description: try reader.description(object, at: "$.info"))
    }

    /// Accepts v2.0.0 and v2.1.0 schema URLs; names any other version.
    private func checkVersion(_ schema: String) throws(LoadError) {
        guard let version = Self.version(in: schema) else {
            throw LoadError(.unsupportedVersion, file: reader.file, location: "$.info.schema",
                            message: "unrecognised collection schema \"\(schema)\"; Carrier reads collection "
                                + "format v2.0.0 and v2.1.0 (export from Postman as Collection v2.1)")
        }
        if Self.supportedVersions.contains(version) { return }
        if version.hasPrefix("1.") {
            throw LoadError(.unsupportedVersion, file: reader.file, location: "$.info.schema",
                            message: "this is a Postman v1 collection; re-export it from Postman as Collection v2.1")
        }
        throw LoadError(.unsupportedVersion, file: reader.file, location: "$.info.schema",
                        message: "collection format v\(version) is not supported; Carrier reads v2.0.0 and v2.1.0 "
                            + "(export from Postman as Collection v2.1)")
    }

    /// `2.1.0` from `…/collection/v2.1.0/collection.json`: the first `v<digits>.<digits>.<digits>` segment.
    static func version(in schema: String) -> String? {
        for segment in schema.split(separator: "/") where segment.first == "v" || segment.first == "V" {
            let rest = segment.dropFirst()
            let parts = rest.split(separator: ".", omittingEmptySubsequences: false)
            if parts.count == 3, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCIIDigitCharacter) }) {
                return String(rest)
            }
        }
        return nil
    }

    private func decodeBody(_ root: JSONObject, info: CollectionInfo, document: JSONValue) throws(LoadError) -> Collection {
        var collection = Collection(info: info, source: document)
        if let items = try reader.optionalList(root, "item", at: "$") {
            collection.items = try self.items(items)
        }
        collection.auth = try reader.auth(root["auth"], at: "$.auth")
        collection.events = try events(root, at: "$")
        if let variables = try reader.optionalList(root, "variable", at: "$") {
            collection.variables = try reader.variables(variables)
        }
        collection.protocolProfileBehavior = try reader.optionalObject(root, "protocolProfileBehavior", at: "$") ?? [:]
        collection.tolerated = reader.tolerated.notes
        return collection
    }

    private func items(_ values: [JSONFieldReader.Located]) throws(LoadError) -> [Item] {
        var result: [Item] = []
        result.reserveCapacity(values.count)
        for (value, path) in values {
            result.append(try item(value, at: path))
        }
        return result
    }

    /// An id for an item the file gives none: postman-collection makes a random one, but reports of the same
    /// collection must name its items alike on every machine and in every process (shards merged by
    /// `carrier merge-reports`), so it is derived from the item's place (`$.item[0].item[2]`), formatted as a UUID.
    static func stableID(for path: String) -> String {
        func fnv1a(_ seed: UInt64) -> UInt64 {
            var hash = seed
            for byte in path.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
            return hash
        }
        let hex = String(fnv1a(0xcbf2_9ce4_8422_2325), radix: 16).leftPadded(16) + String(fnv1a(0x6c62_272e_07bb_0142), radix: 16).leftPadded(16)
        let c = Array(hex)
        return "\(String(c[0..<8]))-\(String(c[8..<12]))-4\(String(c[13..<16]))-a\(String(c[17..<20]))-\(String(c[20..<32]))"
    }

    private func item(_ value: JSONValue, at path: String) throws(LoadError) -> Item {
        let object = try reader.object(value, at: path)
        let plainID = try reader.optionalString(object, "id", at: path)
        let postmanID = try reader.optionalString(object, "_postman_id", at: path)
        let id = plainID ?? postmanID ?? CollectionDecoder.stableID(for: path)
        let name = try reader.optionalString(object, "name", at: path)
        let events = try self.events(object, at: path)
        let behaviour = try reader.optionalObject(object, "protocolProfileBehavior", at: path) ?? [:]
        if let children = try reader.optionalList(object, "item", at: path) {
            return Item(id: id, name: name ?? "", kind: .folder(try items(children)),
                        events: events, auth: try reader.auth(object["auth"], at: JSONFieldReader.path(path, key: "auth")),
                        protocolProfileBehavior: behaviour, jsonPath: path)
        }
        var request = RequestDefinition()
        if let requestValue = reader.field(object, "request") {
            request = try reader.request(requestValue, at: JSONFieldReader.path(path, key: "request"))
        }
        return Item(id: id, name: name ?? Self.displayName(of: request.url), kind: .request(request), events: events,
                    protocolProfileBehavior: behaviour, jsonPath: path)
    }

    /// What Postman shows for a nameless request: its URL as written.
    static func displayName(of url: RequestURL) -> String {
        if !url.raw.isEmpty { return url.raw }
        var text = url.scheme.map { "\($0)://" } ?? ""
        text += url.host.joined(separator: ".")
        if let port = url.port { text += ":\(port)" }
        if !url.path.isEmpty { text += "/" + url.path.joined(separator: "/") }
        return text
    }

    /// `event[]`: `{listen, script: {exec, id}, disabled}`; listeners other than prerequest/test are ignored.
    private func events(_ object: JSONObject, at path: String) throws(LoadError) -> [ScriptEvent] {
        guard let values = try reader.optionalList(object, "event", at: path) else { return [] }
        var result: [ScriptEvent] = []
        for (value, eventPath) in values {
            let event = try reader.object(value, at: eventPath)
            guard let listenName = try reader.optionalString(event, "listen", at: eventPath),
                  let listen = ScriptEvent.Listen(rawValue: listenName) else { continue }
            var source = ""
            var scriptID = ""
            if let script = try reader.optionalObject(event, "script", at: eventPath) {
                let scriptPath = JSONFieldReader.path(eventPath, key: "script")
                scriptID = try reader.optionalString(script, "id", at: scriptPath) ?? ""
                source = try exec(script, at: scriptPath)
            }
            result.append(ScriptEvent(listen: listen, source: source, id: scriptID,
                                      disabled: try reader.bool(event, "disabled", at: eventPath)))
        }
        return result
    }

    /// `script.exec`: an array of lines (joined with newlines) or one string.
    private func exec(_ script: JSONObject, at path: String) throws(LoadError) -> String {
        guard let value = reader.field(script, "exec") else { return "" }
        let execPath = JSONFieldReader.path(path, key: "exec")
        switch value {
        case .string(let text): return text
        case .array(let lines):
            var parts: [String] = []
            parts.reserveCapacity(lines.count)
            for (index, line) in lines.enumerated() {
                if line.isNull { parts.append(""); continue }
                guard case .string(let text) = line else {
                    throw reader.typeError("a string (one line of script)", found: line,
                                           at: JSONFieldReader.path(execPath, index: index))
                }
                parts.append(text)
            }
            return parts.joined(separator: "\n")
        default:
            throw reader.typeError("an array of lines or a string", found: value, at: execPath)
        }
    }
}

extension Character {
    /// 0-9 only (not other scripts' digits).
    var isASCIIDigitCharacter: Bool { isASCII && isNumber }
}

private extension String {
    func leftPadded(_ width: Int) -> String { count >= width ? self : String(repeating: "0", count: width - count) + self }
}
