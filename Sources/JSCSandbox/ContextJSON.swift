import JSONValue
import RunContracts

/// The JSON the bootstrap's `carrier.begin` reads: one document per script, so crossing into JavaScript is one
/// parse rather than many small native calls.
enum ContextJSON {
    /// `legacyNames`: the legacy globals the script mentions (`null` = all), see `LegacyNames`.
    static func document(for invocation: ScriptInvocation, legacy: Bool, legacyNames: JSONValue = .null,
                         scopes: VariableScopes) -> JSONValue {
        let info = invocation.info
        return [
            "info": [
                "eventName": .string(info.phase == .prerequest ? "prerequest" : "test"),
                "iteration": .number(Double(info.iteration)),
                "iterationCount": .number(Double(info.iterationCount)),
                "requestName": .string(info.requestName),
                "requestId": .string(info.requestId),
                "location": .array(info.location.map { .string($0) }),
                "owner": .string(info.owner),
            ],
            "request": invocation.request,
            // The body travels as its own string argument (see JSCSandbox.run): no JSON escaping of large bodies.
            "response": invocation.response.map { response($0, includingBody: false) } ?? .null,
            "cookies": .array(invocation.cookies.map(cookie)),
            "legacy": .bool(legacy),
            "legacyNames": legacyNames,
            "sourceName": .string(invocation.sourceName),
            "environmentName": .string(scopes.environment.displayName),
            "globalsName": .string(scopes.globals.displayName),
        ]
    }

    static func response(_ response: HTTPResponse, includingBody: Bool = true) -> JSONValue {
        let headerBytes = response.headers.reduce(0) { $0 + $1.name.utf8.count + $1.value.utf8.count + 4 }
        var json: JSONObject = [
            "code": .number(Double(response.code)),
            "reason": .string(response.reason),
            "httpVersion": .string(response.httpVersion),
            "header": .array(response.headers.map { ["key": .string($0.name), "value": .string($0.value)] }),
            "responseTime": .number(response.responseTime),
            "headerSize": .number(Double(headerBytes)),
            "bodySize": .number(Double(response.body.count)),
            "url": .string(response.finalURL),
        ]
        if includingBody { json["body"] = .string(response.text) }
        return .object(json)
    }

    static func cookie(_ cookie: Cookie) -> JSONValue {
        var object: JSONObject = [
            "name": .string(cookie.name), "value": .string(cookie.value), "domain": .string(cookie.domain),
            "path": .string(cookie.path), "secure": .bool(cookie.secure), "httpOnly": .bool(cookie.httpOnly),
            "hostOnly": .bool(cookie.hostOnly),
        ]
        if let expires = cookie.expires { object["expires"] = .number(expires) }
        return .object(object)
    }

    static func cookie(from json: JSONValue) -> Cookie? {
        guard let name = json["name"]?.stringValue, let domain = json["domain"]?.stringValue else { return nil }
        return Cookie(name: name, value: json["value"]?.javaScriptString ?? "", domain: domain,
                      path: json["path"]?.stringValue ?? "/", expires: json["expires"]?.doubleValue,
                      secure: json["secure"]?.boolValue ?? false, httpOnly: json["httpOnly"]?.boolValue ?? false,
                      hostOnly: json["hostOnly"]?.boolValue ?? true)
    }
}
