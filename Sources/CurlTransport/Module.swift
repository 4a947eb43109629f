import RunnerCore
/// Placeholder until the transport lands.
package final class CurlTransport: HTTPTransport {
    package init() {}
    package func send(_ request: PreparedRequest) -> Result<HTTPResponse, TransportError> {
        .failure(TransportError(kind: .other, code: "ENOTIMPLEMENTED", message: "transport not implemented"))
    }
    package func cookies(for url: String) -> [Cookie] { [] }
    package func allCookies() -> [Cookie] { [] }
    package func setCookie(_ cookie: Cookie) {}
    package func removeCookies(domain: String, name: String?) {}
}
