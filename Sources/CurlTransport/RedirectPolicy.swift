import CCurlShim
import RunContracts

/// Postman's redirect rules (postman-request's `redirect.js`), applied by Carrier itself rather than by curl's
/// FOLLOWLOCATION: curl keeps a CUSTOMREQUEST method on every hop and cannot drop the body per status code,
/// strip `Authorization` only on a host change, or add `Referer` the way Postman does.
enum RedirectPolicy {
    /// The request for the next hop, or `nil` when `response` is not a redirect to follow.
    /// - Parameters:
    ///   - hop: the request that produced `response` (without the jar's cookies).
    static func nextHop(after response: HopResponse, of hop: PreparedRequest, options: RequestOptions) -> PreparedRequest? {
        guard (300..<400).contains(response.code), let location = response.headers.value(for: "Location"),
              let target = resolve(location, against: hop.url)
        else { return nil }
        var next = hop
        next.url = target

        // Host changed (not just port or scheme): the Host header and, unless allowed, credentials go.
        let previous = URLParts(hop.url)
        let upcoming = URLParts(target)
        if previous?.host != upcoming?.host {
            let hadHost = next.headers.contains(name: "Host")
            next.headers.removeAll(named: "Host")
            if hadHost, let upcoming { next.headers.append(HTTPHeader("Host", upcoming.hostHeaderValue)) }
            if !options.followAuthorizationHeader { next.headers.removeAll(named: "Authorization") }
        }

        // 301/302/303 (anything but 307/308) turn into GET without a body, HEAD stays HEAD;
        // followOriginalHttpMethod keeps method and body on every status.
        if !options.followOriginalHttpMethod && response.code != 307 && response.code != 308 {
            if next.method != "HEAD" { next.method = "GET" }
            next.body = nil
            next.headers.removeAll(named: "Content-Type")
            next.headers.removeAll(named: "Content-Length")
        }

        if !options.removeRefererHeaderOnRedirect {
            next.headers.set("Referer", refererValue(for: hop.url))
        }
        return next
    }

    /// The previous URL as Node's `url.parse(...).href` writes it: a URL without a path gets `/`.
    static func refererValue(for url: String) -> String {
        guard let schemeEnd = url.range(of: "://") else { return url }
        let rest = url[schemeEnd.upperBound...]
        let authorityEnd = rest.firstIndex { $0 == "/" || $0 == "?" || $0 == "#" } ?? rest.endIndex
        if authorityEnd < rest.endIndex && rest[authorityEnd] == "/" { return url }
        return String(url[..<authorityEnd]) + "/" + String(url[authorityEnd...])
    }

    /// An absolute `Location` is used as is (postman-request tests `/^https?:/`); anything else is resolved
    /// against the current URL with curl's RFC 3986 resolver.
    static func resolve(_ location: String, against base: String) -> String? {
        if location.hasPrefix("http:") || location.hasPrefix("https:") { return location }
        guard let resolved = ccurl_resolve_url(base, location) else { return nil }
        defer { curl_free(resolved) }
        return String(cString: resolved)
    }
}

extension Array where Element == HTTPHeader {
    /// Removes every header called `name` (case-insensitively).
    mutating func removeAll(named name: String) {
        let lower = name.lowercased()
        removeAll { $0.name.lowercased() == lower }
    }

    /// Replaces the value of the first header called `name` in place (keeping its spelling and position),
    /// dropping later duplicates, or appends the header.
    mutating func set(_ name: String, _ value: String) {
        let lower = name.lowercased()
        guard let index = firstIndex(where: { $0.name.lowercased() == lower }) else {
            append(HTTPHeader(name, value))
            return
        }
        self[index].value = value
        var position = index + 1
        while position < count {
            if self[position].name.lowercased() == lower { remove(at: position) } else { position += 1 }
        }
    }
}
