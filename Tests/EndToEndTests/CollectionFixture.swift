import Foundation
import JSONValue

/// Builds small v2.1 collections for end-to-end tests, so each test shows its input beside its expectations.
enum CollectionFixture {
    static func collection(name: String = "E2E", items: [JSONValue], auth: JSONValue? = nil, variables: [JSONValue] = [],
                           events: [JSONValue] = []) -> String {
        var object: JSONObject = [
            "info": ["_postman_id": "e2e-collection", "name": .string(name),
                     "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"],
            "item": .array(items),
        ]
        if let auth { object["auth"] = auth }
        if !variables.isEmpty { object["variable"] = .array(variables) }
        if !events.isEmpty { object["event"] = .array(events) }
        return JSONValue.object(object).serialized(indent: 2)
    }

    static func request(_ name: String, method: String = "GET", url: String, headers: [(String, String)] = [],
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

    static func folder(_ name: String, _ items: [JSONValue], auth: JSONValue? = nil) -> JSONValue {
        var folder: JSONObject = ["name": .string(name), "item": .array(items)]
        if let auth { folder["auth"] = auth }
        return .object(folder)
    }

    static func event(_ listen: String, _ source: String) -> JSONValue {
        .object(["listen": .string(listen),
                 "script": .object(["type": "text/javascript",
                                    "exec": .array(source.split(separator: "\n", omittingEmptySubsequences: false).map { .string(String($0)) })])])
    }

    static func auth(_ type: String, _ parameters: [(String, String)]) -> JSONValue {
        .object(["type": .string(type),
                 type: .array(parameters.map { .object(["key": .string($0.0), "value": .string($0.1), "type": "string"]) })])
    }

    static func environment(name: String = "env", _ values: [(String, String)], secret: Set<String> = []) -> String {
        JSONValue.object([
            "id": "env-id", "name": .string(name),
            "values": .array(values.map { key, value in
                .object(["key": .string(key), "value": .string(value), "enabled": true,
                         "type": .string(secret.contains(key) ? "secret" : "default")])
            }),
        ]).serialized(indent: 2)
    }
}
