/// Proxies from the environment, chosen the way Newman (postman-request) chooses them. Set on every request
/// explicitly: libcurl reads only lower-case `http_proxy` itself (upper-case `HTTP_PROXY` is ignored for CGI
/// safety), while Newman honours both spellings.
struct ProxySettings: Equatable {
    var httpProxy: String?
    var httpsProxy: String?
    var noProxy: String?

    init(environment: [String: String]) {
        func first(_ names: String...) -> String? {
            names.lazy.compactMap { environment[$0] }.first { !$0.isEmpty }
        }
        httpProxy = first("HTTP_PROXY", "http_proxy")
        httpsProxy = first("HTTPS_PROXY", "https_proxy")
        noProxy = first("NO_PROXY", "no_proxy")
    }

    /// The proxy for a URL scheme; https falls back to the http proxy, as in postman-request.
    func proxy(forScheme scheme: String) -> String? {
        scheme == "https" ? (httpsProxy ?? httpProxy) : httpProxy
    }
}
