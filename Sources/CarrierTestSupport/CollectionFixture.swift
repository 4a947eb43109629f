import Foundation
import JSONValue

/// Builds small v2.1 collections, environments and globals for tests that run the binary, so each test shows its
/// input beside its expectations.
package enum CollectionFixture {
    /// The v2.1 schema URL collections declare.
    package static let schema = "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"

    /// A collection document with these items, collection auth, `variable[]` entries and scripts.
    package static func collection(name: String = "E2E", items: [JSONValue], auth: JSONValue? = nil, variables: [JSONValue] = [],
                           events: [JSONValue] = []) -> String {
        var object: JSONObject = [
            "info": ["_postman_id": "e2e-collection", "name": .string(name),
                     "schema": .string(schema)],
            "item": .array(items),
        ]
        if let auth { object["auth"] = auth }
        if !variables.isEmpty { object["variable"] = .array(variables) }
        if !events.isEmpty { object["event"] = .array(events) }
        return JSONValue.object(object).serialized(indent: 2)
    }

    /// A request item, with test and pre-request scripts when given.
    package static func request(_ name: String, method: String = "GET", url: String, headers: [(String, String)] = [],
                        body: JSONValue? = nil, auth: JSONValue? = nil, tests: String? = nil, prerequest: String? = nil) -> JSONValue {
        var request: JSONObject = [
            "method": .string(method),
            "url": .string(url),
            "header": .array(headers.map { .object(["key": .string($0.0), "value": .string($0.1)]) }),
        ]
        if let body { request["body"] = body }
        if let auth { request["auth"] = auth }
        var item: JSONObject = ["name": .string(name), "request": .object(request)]
        var events: [JSONValue] = []
        if let prerequest { events.append(event("prerequest", prerequest)) }
        if let tests { events.append(event("test", tests)) }
        if !events.isEmpty { item["event"] = .array(events) }
        return .object(item)
    }

    /// A folder item, with folder-level auth when given.
    package static func folder(_ name: String, _ items: [JSONValue], auth: JSONValue? = nil) -> JSONValue {
        var folder: JSONObject = ["name": .string(name), "item": .array(items)]
        if let auth { folder["auth"] = auth }
        return .object(folder)
    }

    /// A script event (`listen` is `test` or `prerequest`), its source split into `exec` lines.
    package static func event(_ listen: String, _ source: String) -> JSONValue {
        .object(["listen": .string(listen),
                 "script": .object(["type": "text/javascript",
                                    "exec": .array(source.split(separator: "\n", omittingEmptySubsequences: false).map { .string(String($0)) })])])
    }

    /// An auth block in v2.1's `[{key, value, type}]` form.
    package static func auth(_ type: String, _ parameters: [(String, String)]) -> JSONValue {
        .object(["type": .string(type),
                 type: .array(parameters.map { .object(["key": .string($0.0), "value": .string($0.1), "type": "string"]) })])
    }

    /// An environment file; keys in `secret` are typed `secret`.
    package static func environment(name: String = "env", _ values: [(String, String)], secret: Set<String> = []) -> String {
        JSONValue.object([
            "id": "env-id", "name": .string(name),
            "values": .array(values.map { key, value in
                .object(["key": .string(key), "value": .string(value), "enabled": true,
                         "type": .string(secret.contains(key) ? "secret" : "default")])
            }),
        ]).serialized(indent: 2)
    }

    /// The same, with collection variables given as key/value pairs.
    package static func collection(name: String = "E2E", items: [JSONValue], auth: JSONValue? = nil, variables: [(String, String)],
                                   events: [JSONValue] = []) -> String {
        collection(name: name, items: items, auth: auth,
                   variables: variables.map { .object(["key": .string($0.0), "value": .string($0.1)]) }, events: events)
    }

    /// An environment or globals file whose values carry an explicit `type` (`default`, `secret`, …).
    package static func variableFile(name: String, _ values: [(key: String, value: String, type: String)]) -> String {
        JSONValue.object([
            "id": .string("\(name)-id"), "name": .string(name),
            "values": .array(values.map {
                .object(["key": .string($0.key), "value": .string($0.value), "enabled": true, "type": .string($0.type)])
            }),
        ]).serialized(indent: 2)
    }
}
