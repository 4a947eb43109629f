import AuthSigning
import RunContracts
import JSONValue

/// What scripts reach through `pm.sendRequest` and `pm.cookies.jar()`: the run's own transport and cookie jar.
final class RunnerScriptHost: ScriptHost {
    private let transport: HTTPTransport
    private let settings: RequestBuildSettings
    private var failures: [TransportError] = []
    private var sent = 0

    init(transport: HTTPTransport, settings: RequestBuildSettings) {
        self.transport = transport
        self.settings = settings
    }

    func sendRequest(_ request: JSONValue) -> Result<HTTPResponse, TransportError> {
        let result: Result<HTTPResponse, TransportError>
        do {
            result = transport.send(try RequestBuilder.buildForSendRequest(request, settings: settings))
        } catch {
            result = .failure(TransportError(kind: .invalidURL, code: "EINVALIDREQUEST", message: error.message))
        }
        sent += 1
        if case .failure(let error) = result { failures.append(error) }
        return result
    }

    /// `pm.sendRequest` calls since the last call, and those of them that failed, for the run's stats and failures.
    func takeRequests() -> (sent: Int, failures: [TransportError]) {
        defer { failures.removeAll(); sent = 0 }
        return (sent, failures)
    }

    func cookies(for url: String) -> [Cookie] { transport.cookies(for: url) }
    func setCookie(_ cookie: Cookie) { transport.setCookie(cookie) }
    func removeCookies(domain: String, name: String?) { transport.removeCookies(domain: domain, name: name) }
    func resolveVariables(in text: String, scopes: VariableScopes) -> String { VariableResolver(scopes: scopes).resolve(text) }
}
