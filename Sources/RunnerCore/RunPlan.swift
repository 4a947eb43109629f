import AuthSigning
import RunContracts
import CollectionModel
import JSONValue

/// A script with the level that owns it, in run order (collection, then folders outermost first, then request).
package struct OwnedScript: Sendable {
    /// `collection`, `folder "Users"`, `request "Create user"`.
    package var owner: String
    package var event: ScriptEvent
}

/// One request of the run order with everything inherited from the levels above it.
package struct PlannedItem: Sendable {
    package var reference: ItemReference
    package var request: RequestDefinition
    /// Pre-request and test scripts, collection first.
    package var prerequestScripts: [OwnedScript]
    package var testScripts: [OwnedScript]
    /// Auth after inheritance (request → nearest folder → collection); `nil` or `noauth` sends none.
    package var effectiveAuth: Auth?
    /// `protocolProfileBehavior` merged collection → folders → request.
    package var protocolProfileBehavior: JSONObject
}

/// A `--folder` entry that selects nothing, or more than one item.
package enum FolderSelectionError: Error, Sendable, Equatable {
    case notFound(String)
    /// The entry and every item it could mean, as `Folder/Request [id …]`.
    case ambiguous(String, matches: [String])

    /// One line naming the entry and the fix.
    package var message: String {
        switch self {
        case .notFound(let entry):
            return "--folder \"\(entry)\" matches no folder or request; check the name, or pass an id or a path from the root (\"Folder/Request\")"
        case .ambiguous(let entry, let matches):
            return "--folder \"\(entry)\" matches \(matches.count) items: \(matches.joined(separator: ", ")); pass the path from the root (or the id) of the one to run"
        }
    }
}

/// The flattened, depth-first run order of a collection (or of the selected folders), as postman-runtime walks it.
package struct RunPlan: Sendable {
    package var items: [PlannedItem]

    /// Plans the whole collection, or only the folders (or requests) `entrypoints` select, in the order given:
    /// each by id first, then by its path of names from the root (`Users/Create user`; a name may itself hold a
    /// `/`), then by name anywhere. A path or name that fits several items is refused (newman#2566: Newman ran
    /// whichever came first).
    package init(collection: Collection, entrypoints: [String] = []) throws(FolderSelectionError) {
        let root = Level(owner: "collection", events: collection.events, auth: collection.auth,
                         protocolProfileBehavior: collection.protocolProfileBehavior, folderName: nil)
        var planned: [PlannedItem] = []
        if entrypoints.isEmpty {
            RunPlan.walk(collection.items, ancestors: [root], into: &planned)
        } else {
            for entry in entrypoints {
                let path = try RunPlan.select(entry, in: collection.items)
                var ancestors = [root]
                for folder in path.dropLast() { ancestors.append(Level(folder)) }
                if let target = path.last { RunPlan.walk([target], ancestors: ancestors, into: &planned) }
            }
        }
        items = planned
    }

    package init(items: [PlannedItem]) { self.items = items }

    /// Index of the item `setNextRequest` names: id first, then name.
    package func index(ofRequestNamed name: String) -> Int? {
        items.firstIndex { $0.reference.id == name } ?? items.firstIndex { $0.reference.name == name }
    }

    private struct Level {
        var owner: String
        var events: [ScriptEvent]
        var auth: Auth?
        var protocolProfileBehavior: JSONObject
        var folderName: String?

        init(owner: String, events: [ScriptEvent], auth: Auth?, protocolProfileBehavior: JSONObject, folderName: String?) {
            self.owner = owner
            self.events = events
            self.auth = auth
            self.protocolProfileBehavior = protocolProfileBehavior
            self.folderName = folderName
        }
        init(_ folder: Item) {
            self.init(owner: "folder \"\(folder.name)\"", events: folder.events, auth: folder.auth,
                      protocolProfileBehavior: folder.protocolProfileBehavior, folderName: folder.name)
        }
    }

    /// The items from the top down to the one `entry` selects.
    private static func select(_ entry: String, in items: [Item]) throws(FolderSelectionError) -> [Item] {
        if let path = firstWithID(entry, in: items) { return path }
        var matches = entry.contains("/") ? pathMatches(Substring(entry), in: items) : []
        if matches.isEmpty { matches = nameMatches(entry, in: items) }
        guard let only = matches.first else { throw .notFound(entry) }
        guard matches.count == 1 else {
            let spelled = matches.map { $0.map(\.name).joined(separator: "/") }
            // Paths tell the items apart unless two are spelled alike; then the id (and where it sits) does.
            let alike = Set(spelled).count < spelled.count
            throw .ambiguous(entry, matches: zip(spelled, matches).map { text, path in
                guard alike, let item = path.last else { return "\"\(text)\"" }
                return "\"\(text)\" (id \(item.id)\(item.jsonPath.isEmpty ? "" : " at \(item.jsonPath)"))"
            })
        }
        return only
    }

    /// Path to the first item (depth-first) whose id is `id`.
    private static func firstWithID(_ id: String, in items: [Item]) -> [Item]? {
        for item in items {
            if item.id == id { return [item] }
            if let children = item.children, let path = firstWithID(id, in: children) { return [item] + path }
        }
        return nil
    }

    /// Every path from this level whose names, joined by `/`, spell `rest`.
    private static func pathMatches(_ rest: Substring, in items: [Item]) -> [[Item]] {
        var found: [[Item]] = []
        for item in items where rest.hasPrefix(item.name) && !item.name.isEmpty {
            let after = rest.dropFirst(item.name.count)
            if after.isEmpty {
                found.append([item])
            } else if after.first == "/", let children = item.children {
                found += pathMatches(after.dropFirst(), in: children).map { [item] + $0 }
            }
        }
        return found
    }

    /// Every path to an item named `name`, at any depth, depth-first.
    private static func nameMatches(_ name: String, in items: [Item]) -> [[Item]] {
        var found: [[Item]] = []
        for item in items {
            if item.name == name { found.append([item]) }
            if let children = item.children { found += nameMatches(name, in: children).map { [item] + $0 } }
        }
        return found
    }

    private static func walk(_ items: [Item], ancestors: [Level], into planned: inout [PlannedItem]) {
        for item in items {
            switch item.kind {
            case .folder(let children):
                walk(children, ancestors: ancestors + [Level(item)], into: &planned)
            case .request(let request):
                let own = Level(owner: "request \"\(item.name)\"", events: item.events, auth: request.auth,
                                protocolProfileBehavior: item.protocolProfileBehavior, folderName: nil)
                let levels = ancestors + [own]
                func scripts(_ listen: ScriptEvent.Listen) -> [OwnedScript] {
                    levels.flatMap { level in
                        level.events.filter { $0.listen == listen && !$0.disabled }.map { OwnedScript(owner: level.owner, event: $0) }
                    }
                }
                // The nearest level that sets auth decides; `noauth` there means none.
                let auth = levels.reversed().lazy.compactMap(\.auth).first
                var behaviour = JSONObject()
                for level in levels {
                    for member in level.protocolProfileBehavior.members { behaviour[member.key] = member.value }
                }
                planned.append(PlannedItem(
                    reference: ItemReference(id: item.id, name: item.name, folders: ancestors.compactMap(\.folderName)),
                    request: request,
                    prerequestScripts: scripts(.prerequest),
                    testScripts: scripts(.test),
                    effectiveAuth: auth?.type == "noauth" ? nil : auth,
                    protocolProfileBehavior: behaviour))
            }
        }
    }
}
