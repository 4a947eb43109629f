import RunContracts

/// The run's cookies, kept by Carrier rather than by curl's engine: Postman's `disableCookies` is per request
/// (curl's engine is per handle), and `pm.cookies` / `--export-cookie-jar` need tough-cookie's fields
/// (`hostOnly`, expiry) which curl's Netscape-format export only approximates. Storage and matching follow
/// RFC 6265 §5.3–5.4, with the public suffix list (libpsl, `PublicSuffixList`) for step 5: a `Domain` that is a
/// public suffix (`com`, `co.uk`, `github.io`) is refused, or taken as host-only when it is the request's host.
struct CookieJar {
    private struct Entry {
        var cookie: Cookie
        /// Creation order, kept when a cookie is replaced: ties in path length are sent oldest first.
        var created: UInt64
    }

    private var entries: [Entry] = []
    private var nextCreation: UInt64 = 0

    /// Stores the cookie of one `Set-Cookie` header received from `url` at `now` (seconds since 1970).
    mutating func store(setCookie header: String, from url: URLParts, now: Double) {
        guard var cookie = SetCookieParser.parse(header, now: now) else { return }
        if cookie.domain.isEmpty {
            cookie.domain = url.host
            cookie.hostOnly = true
        } else {
            guard Self.domainMatches(host: url.host, domain: cookie.domain, hostIsIP: url.hostIsIPAddress) else { return }
            if !url.hostIsIPAddress, PublicSuffixList.isPublicSuffix(cookie.domain) {
                // §5.3 step 5: a public suffix is only acceptable as the host itself, and then host-only.
                guard cookie.domain == url.host else { return }
                cookie.hostOnly = true
            } else {
                cookie.hostOnly = false
            }
        }
        if cookie.path.isEmpty { cookie.path = Self.defaultPath(url.path) }
        if let expires = cookie.expires, expires <= now {
            entries.removeAll { Self.sameIdentity($0.cookie, cookie) }
            return
        }
        insert(cookie)
    }

    /// Adds or replaces a cookie given whole (jar imports, `pm.cookies.jar().set`).
    mutating func set(_ cookie: Cookie) {
        var cookie = cookie
        cookie.domain = Self.normalisedDomain(cookie.domain)
        if cookie.path.isEmpty { cookie.path = "/" }
        insert(cookie)
    }

    /// Removes cookies of a domain, only those called `name` when given.
    mutating func remove(domain: String, name: String?) {
        let domain = Self.normalisedDomain(domain)
        entries.removeAll { $0.cookie.domain == domain && (name == nil || $0.cookie.name == name) }
    }

    /// Cookies to send to `url`, in the order they go into the `Cookie` header.
    func cookies(for url: URLParts, now: Double) -> [Cookie] {
        entries.filter { entry in
            let cookie = entry.cookie
            if let expires = cookie.expires, expires <= now { return false }
            if cookie.secure && url.scheme != "https" && url.scheme != "wss" { return false }
            let domainOK = cookie.hostOnly
                ? url.host == cookie.domain
                : Self.domainMatches(host: url.host, domain: cookie.domain, hostIsIP: url.hostIsIPAddress)
            return domainOK && Self.pathMatches(requestPath: url.path, cookiePath: cookie.path)
        }
        .sorted { ($0.cookie.path.count, $1.created) > ($1.cookie.path.count, $0.created) }
        .map(\.cookie)
    }

    /// Every unexpired cookie, oldest first.
    func all(now: Double) -> [Cookie] {
        entries.filter { $0.cookie.expires.map { $0 > now } ?? true }.map(\.cookie)
    }

    /// The `Cookie` header value for `url`, or `nil` when no cookie applies.
    func headerValue(for url: URLParts, now: Double) -> String? {
        let cookies = cookies(for: url, now: now)
        guard !cookies.isEmpty else { return nil }
        return cookies.map { "\($0.name)=\($0.value)" }.joined(separator: "; ")
    }

    private mutating func insert(_ cookie: Cookie) {
        if let index = entries.firstIndex(where: { Self.sameIdentity($0.cookie, cookie) }) {
            entries[index].cookie = cookie
        } else {
            entries.append(Entry(cookie: cookie, created: nextCreation))
            nextCreation += 1
        }
    }

    private static func sameIdentity(_ a: Cookie, _ b: Cookie) -> Bool {
        a.name == b.name && a.domain == b.domain && a.path == b.path
    }

    private static func normalisedDomain(_ domain: String) -> String {
        (domain.hasPrefix(".") ? String(domain.dropFirst()) : domain).lowercased()
    }

    /// RFC 6265 §5.1.3.
    static func domainMatches(host: String, domain: String, hostIsIP: Bool) -> Bool {
        if host == domain { return true }
        return !hostIsIP && host.hasSuffix("." + domain)
    }

    /// RFC 6265 §5.1.4.
    static func pathMatches(requestPath: String, cookiePath: String) -> Bool {
        if requestPath == cookiePath { return true }
        guard requestPath.hasPrefix(cookiePath) else { return false }
        return cookiePath.hasSuffix("/") || requestPath.dropFirst(cookiePath.count).hasPrefix("/")
    }

    /// RFC 6265 §5.1.4 default-path: the request path up to, not including, its last `/`.
    static func defaultPath(_ requestPath: String) -> String {
        guard requestPath.hasPrefix("/"), let lastSlash = requestPath.lastIndex(of: "/"),
              lastSlash != requestPath.startIndex
        else { return "/" }
        return String(requestPath[..<lastSlash])
    }
}
