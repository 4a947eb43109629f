import JSONValue

/// A Postman collection (format v2.0.0 or v2.1.0), decoded leniently into the parts a run needs.
/// `source` keeps the document as read so that `--export-collection` writes back what it did not model.
package struct Collection: Sendable {
    /// `info` of the collection.
    package var info: CollectionInfo
    /// Top-level items, in order.
    package var items: [Item]
    /// Collection-level auth: `nil` when absent (requests then go unsigned unless they set their own).
    package var auth: Auth?
    /// Collection-level scripts, run around every request.
    package var events: [ScriptEvent]
    /// Collection variables (`pm.collectionVariables`).
    package var variables: [Variable]
    /// Collection-level `protocolProfileBehavior`, merged under folders' and requests'.
    package var protocolProfileBehavior: JSONObject
    /// Shapes read leniently as Postman reads them (`$.path: what was done`), for the run's warnings.
    package var tolerated: [String] = []
    /// The document as read, for exports.
    package var source: JSONValue

    package init(info: CollectionInfo, items: [Item] = [], auth: Auth? = nil, events: [ScriptEvent] = [],
                 variables: [Variable] = [], protocolProfileBehavior: JSONObject = [:], source: JSONValue = .null) {
        self.info = info
        self.items = items
        self.auth = auth
        self.events = events
        self.variables = variables
        self.protocolProfileBehavior = protocolProfileBehavior
        self.source = source
    }
}

/// The collection's `info` block.
package struct CollectionInfo: Sendable {
    /// `info.name`.
    package var name: String
    /// `info._postman_id` (empty when absent).
    package var id: String
    /// `info.schema`, e.g. `https://schema.getpostman.com/json/collection/v2.1.0/collection.json`.
    package var schema: String
    /// `info.description` as text (a description object's `content`).
    package var description: String?

    package init(name: String, id: String = "", schema: String = "", description: String? = nil) {
        self.name = name
        self.id = id
        self.schema = schema
        self.description = description
    }
}

/// A node of the collection tree: a folder (with children) or a request.
package struct Item: Sendable, Identifiable {
    /// What the node is.
    package enum Kind: Sendable {
        case request(RequestDefinition)
        case folder([Item])
    }
    /// `id` from the file, or a generated UUID when the file has none (as postman-collection does).
    package var id: String
    /// `name` (a request without one is named after its URL, as Postman displays it).
    package var name: String
    /// Request or folder.
    package var kind: Kind
    /// Scripts at this level (`event`).
    package var events: [ScriptEvent]
    /// Folder-level auth (for a request item, the request's own auth is in `RequestDefinition.auth`).
    package var auth: Auth?
    /// This level's `protocolProfileBehavior`.
    package var protocolProfileBehavior: JSONObject
    /// JSON path of this item in its file, e.g. `$.item[2].item[0]`, for error messages.
    package var jsonPath: String

    package init(id: String, name: String, kind: Kind, events: [ScriptEvent] = [], auth: Auth? = nil,
                 protocolProfileBehavior: JSONObject = [:], jsonPath: String = "") {
        self.id = id
        self.name = name
        self.kind = kind
        self.events = events
        self.auth = auth
        self.protocolProfileBehavior = protocolProfileBehavior
        self.jsonPath = jsonPath
    }

    /// The request, when this item is one.
    package var request: RequestDefinition? {
        if case .request(let request) = kind { return request }
        return nil
    }
    /// The children, when this item is a folder.
    package var children: [Item]? {
        if case .folder(let children) = kind { return children }
        return nil
    }
}

/// A script attached to a collection, folder or request (`event[]`).
package struct ScriptEvent: Sendable {
    /// When the script runs.
    package enum Listen: String, Sendable { case prerequest, test }
    /// `listen`.
    package var listen: Listen
    /// `script.exec` joined with newlines.
    package var source: String
    /// `script.id` (empty when absent).
    package var id: String
    /// `disabled: true` events do not run.
    package var disabled: Bool

    package init(listen: Listen, source: String, id: String = "", disabled: Bool = false) {
        self.listen = listen
        self.source = source
        self.id = id
        self.disabled = disabled
    }
}

/// An auth block: `type` and its parameters by key (v2.1's `[{key, value, type}]` and v2.0's object form alike).
package struct Auth: Sendable, Equatable {
    /// `noauth`, `basic`, `bearer`, `apikey`, `digest`, `oauth1`, …
    package var type: String
    /// The parameters of the block named by `type`, by key.
    package var parameters: JSONObject

    package init(type: String, parameters: JSONObject = [:]) {
        self.type = type
        self.parameters = parameters
    }

    /// A parameter as a string (numbers and booleans as JavaScript prints them).
    package func string(_ key: String) -> String? {
        guard let value = parameters[key], !value.isNull else { return nil }
        return value.javaScriptString
    }
}
