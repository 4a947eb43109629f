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

/// `--folder NAME` that matches nothing in the collection.
package struct UnknownFolderError: Error, Sendable, Equatable {
    package var name: String
    package init(name: String) { self.name = name }
}

/// The flattened, depth-first run order of a collection (or of the selected folders), as postman-runtime walks it.
package struct RunPlan: Sendable {
    package var items: [PlannedItem]

    /// Plans the whole collection, or only the folders (or requests) named by `entrypoints`, matched by id first,
    /// then by name, in the order given.
    package init(collection: Collection, entrypoints: [String] = []) throws(UnknownFolderError) {
        let root = Level(owner: "collection", events: collection.events, auth: collection.auth,
                         protocolProfileBehavior: collection.protocolProfileBehavior, folderName: nil)
        var planned: [PlannedItem] = []
        if entrypoints.isEmpty {
            RunPlan.walk(collection.items, ancestors: [root], into: &planned)
        } else {
            for entry in entrypoints {
                guard let path = RunPlan.find(entry, in: collection.items, byID: true)
                        ?? RunPlan.find(entry, in: collection.items, byID: false) else {
                    throw UnknownFolderError(name: entry)
                }
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

    /// Path of items from the top down to the first one matching `entry`.
    private static func find(_ entry: String, in items: [Item], byID: Bool) -> [Item]? {
        for item in items {
            if (byID ? item.id : item.name) == entry { return [item] }
            if let children = item.children, let path = find(entry, in: children, byID: byID) { return [item] + path }
        }
        return nil
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
