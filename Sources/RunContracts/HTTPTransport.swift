/// The transport the runner needs. `CurlTransport` is the real one (one kept-alive handle per run);
/// tests may record. One instance serves one run on one thread, and owns that run's cookie jar.
package protocol HTTPTransport: AnyObject {
    /// Sends a request and waits for the whole response (following redirects per `request.options`).
    func send(_ request: PreparedRequest) -> Result<HTTPResponse, TransportError>
    /// Cookies that would be sent to `url`.
    func cookies(for url: String) -> [Cookie]
    /// Every cookie in the jar (for `--export-cookie-jar`).
    func allCookies() -> [Cookie]
    /// Adds or replaces a cookie (for `--cookie-jar` and `pm.cookies.jar().set`).
    func setCookie(_ cookie: Cookie)
    /// Removes cookies by domain, and by name when given (`pm.cookies.jar().unset/clear`).
    func removeCookies(domain: String, name: String?)
}
