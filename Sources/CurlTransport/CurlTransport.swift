import CCurlShim
import Foundation
import RunContracts

/// The libcurl-backed `HTTPTransport`: one easy handle per run, reused for every request so connections stay
/// alive; redirects and cookies handled the way Postman handles them. Not thread-safe: one run, one thread.
package final class CurlTransport: HTTPTransport {
    let handle: CurlEasyHandle
    let proxies: ProxySettings
    private var jar = CookieJar()
    /// System CA bundle + an extra CA file, keyed by the extra file's path (read once per run).
    var caBundles: [String: [UInt8]] = [:]
    /// The setup the handle holds from the last request, `nil` when the next request must start from a reset.
    var configuredSetup: HandleSetup?
    /// Seconds since 1970, for cookie expiry.
    private let now: () -> Double

    /// Creates the transport and its curl handle.
    /// - Parameter environment: where `HTTP_PROXY`, `HTTPS_PROXY` and `NO_PROXY` (either case) are read.
    package init(environment: [String: String] = ProcessInfo.processInfo.environment) throws(TransportError) {
        do {
            handle = try CurlEasyHandle()
        } catch {
            throw TransportError(kind: .other, code: "ECURLINIT", message: "\(error.call) failed: \(curlDescription(error.code))")
        }
        proxies = ProxySettings(environment: environment)
        now = { Date().timeIntervalSince1970 }
    }

    /// Sends `request`, following redirects per its options; responseTime and timings add up every hop.
    package func send(_ request: PreparedRequest) -> Result<HTTPResponse, TransportError> {
        var hop = request
        var redirectsFollowed = 0
        var timings = ResponseTimings()
        while true {
            let wire = withJarCookies(hop)
            let response: HopResponse
            switch perform(wire) {
            case .failure(let error): return .failure(error)
            case .success(let value): response = value
            }
            timings.add(response.timings)
            if !hop.options.disableCookies, let url = URLParts(hop.url) {
                let time = now()
                for header in response.headers where header.name.lowercased() == "set-cookie" {
                    jar.store(setCookie: header.value, from: url, now: time)
                }
            }
            if hop.options.followRedirects,
               let next = RedirectPolicy.nextHop(after: response, of: hop, options: hop.options) {
                guard redirectsFollowed < hop.options.maxRedirects else {
                    return .failure(TransportError(kind: .tooManyRedirects, code: "ERR_TOO_MANY_REDIRECTS",
                                                   message: "Exceeded maxRedirects. Probably stuck in a redirect loop \(hop.url)"))
                }
                redirectsFollowed += 1
                hop = next
                continue
            }
            var sent = wire
            if let head = response.sentHead {
                sent.method = head.method
                sent.headers = head.headers
            }
            return .success(HTTPResponse(
                code: response.code,
                reason: response.reason.isEmpty ? ReasonPhrases.standard(for: response.code) : response.reason,
                httpVersion: response.httpVersion, headers: response.headers, body: response.body,
                responseTime: timings.total, timings: timings, finalURL: hop.url, sentRequest: sent))
        }
    }

    /// Cookies that would be sent to `url`.
    package func cookies(for url: String) -> [Cookie] {
        guard let parts = URLParts(url) else { return [] }
        return jar.cookies(for: parts, now: now())
    }

    /// Every unexpired cookie in the jar.
    package func allCookies() -> [Cookie] { jar.all(now: now()) }

    /// Adds or replaces a cookie (same name, domain and path).
    package func setCookie(_ cookie: Cookie) { jar.set(cookie) }

    /// Removes the cookies of `domain`, only those called `name` when given.
    package func removeCookies(domain: String, name: String?) { jar.remove(domain: domain, name: name) }

    /// The request with the jar's cookies for its URL. Like postman-request, a `Cookie` header the request
    /// already carries is kept and the jar's cookies are appended to it.
    private func withJarCookies(_ request: PreparedRequest) -> PreparedRequest {
        guard !request.options.disableCookies, let url = URLParts(request.url),
              let fromJar = jar.headerValue(for: url, now: now())
        else { return request }
        var request = request
        if let existing = request.headers.value(for: "Cookie"), !existing.isEmpty {
            request.headers.set("Cookie", existing + "; " + fromJar)
        } else {
            request.headers.set("Cookie", fromJar)
        }
        return request
    }
}

extension ResponseTimings {
    /// Adds another hop's phases (a redirected request's timings cover all its hops).
    mutating func add(_ other: ResponseTimings) {
        dns += other.dns
        tcp += other.tcp
        secureHandshake += other.secureHandshake
        firstByte += other.firstByte
        download += other.download
        total += other.total
    }
}
