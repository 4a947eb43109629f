import CollectionModel
import JSONValue
import RunContracts
import RunnerCore
@testable import JSCSandbox

/// A ScriptHost double: canned responses for pm.sendRequest and an in-memory cookie jar, recording what it saw.
final class RecordingHost: ScriptHost {
    var sentRequests: [JSONValue] = []
    var cannedResponses: [Result<HTTPResponse, TransportError>] = []
    var jar: [Cookie] = []

    func sendRequest(_ request: JSONValue) -> Result<HTTPResponse, TransportError> {
        sentRequests.append(request)
        if cannedResponses.isEmpty { return .success(jsonResponse(#"{"canned":true}"#)) }
        return cannedResponses.removeFirst()
    }
    func cookies(for url: String) -> [Cookie] { jar }
    func setCookie(_ cookie: Cookie) {
        jar.removeAll { $0.name == cookie.name && $0.domain == cookie.domain }
        jar.append(cookie)
    }
    func removeCookies(domain: String, name: String?) {
        jar.removeAll { $0.domain == domain && (name == nil || $0.name == name) }
    }
    func resolveVariables(in text: String, scopes: VariableScopes) -> String { VariableResolver(scopes: scopes).resolve(text) }
}

func jsonResponse(_ body: String, code: Int = 200, reason: String = "OK", headers: [HTTPHeader] = [HTTPHeader("Content-Type", "application/json")]) -> HTTPResponse {
    HTTPResponse(code: code, reason: reason, headers: headers, body: Array(body.utf8), responseTime: 42, finalURL: "http://api.test/users")
}

let sampleRequest: JSONValue = [
    "url": [
        "raw": "https://api.example.com/v1/users?limit=10",
        "protocol": "https", "host": ["api", "example", "com"], "path": ["v1", "users"],
        "query": [["key": "limit", "value": "10"]],
    ],
    "method": "POST",
    "header": [["key": "Content-Type", "value": "application/json"]],
    "body": ["mode": "raw", "raw": #"{"name":"Ada"}"#],
]

/// One sandbox (one context) with scopes and a host, running scripts the way the runner does.
final class Harness {
    let sandbox = JSCSandbox()
    var scopes = VariableScopes()
    let host = RecordingHost()
    var iteration = 0

    func run(_ source: String, phase: ScriptPhase = .test, response: HTTPResponse? = jsonResponse(#"{"id":7,"name":"Ada","tags":["a","b"]}"#),
             request: JSONValue = sampleRequest, cookies: [Cookie] = [], timeout: Int = 0, name: String = "script.js") -> ScriptOutcome {
        let info = ScriptContextInfo(phase: phase, iteration: iteration, iterationCount: 3, requestName: "Create user",
                                     requestId: "req-1", location: ["Coll", "Users", "Create user"], owner: "request \"Create user\"")
        let invocation = ScriptInvocation(source: source, sourceName: name, info: info, request: request,
                                          response: phase == .test ? response : nil, cookies: cookies, timeoutMilliseconds: timeout)
        return sandbox.run(invocation, scopes: &scopes, host: host)
    }

    /// Console lines of a script, as text.
    func log(_ source: String, phase: ScriptPhase = .test) -> [String] {
        let outcome = run(source, phase: phase)
        if let error = outcome.error { return ["error: \(error)"] }
        return outcome.console.map(\.text)
    }
}
