import RunContracts
import Testing
@testable import CurlTransport

/// RFC 6265 §5.1.3 domain matching and §5.3 step 5 (public suffixes, libpsl's list), with cases written after the
/// public suffix list's own test data (ICANN, wildcard and exception rules, private section).
@Suite("Cookie jar: domain matching and the public suffix list")
struct PublicSuffixCookieTests {
    @Test("public suffixes as libpsl's list has them", arguments: [
        ("com", true), ("co.uk", true), ("uk", true), ("example.co.uk", false), ("www.example.co.uk", false),
        // *.ck with !www.ck
        ("ck", true), ("test.ck", true), ("b.test.ck", false), ("www.ck", false), ("a.www.ck", false),
        // the private section
        ("github.io", true), ("someone.github.io", false),
        // *.kawasaki.jp with !city.kawasaki.jp
        ("foo.kawasaki.jp", true), ("city.kawasaki.jp", false),
        ("example.com", false), ("www.example.com", false),
        // the implicit * rule: an unlisted top-level label is a suffix
        ("localhost", true), ("example", true),
    ])
    func suffixes(domain: String, isSuffix: Bool) {
        #expect(PublicSuffixList.isPublicSuffix(domain) == isSuffix, "\(domain)")
    }

    @Test("domain-match (RFC 6265 §5.1.3): identical, or a suffix at a label boundary of a host name, never of an IP")
    func domainMatch() {
        #expect(CookieJar.domainMatches(host: "example.com", domain: "example.com", hostIsIP: false))
        #expect(CookieJar.domainMatches(host: "www.example.com", domain: "example.com", hostIsIP: false))
        #expect(!CookieJar.domainMatches(host: "wwwexample.com", domain: "example.com", hostIsIP: false))
        #expect(!CookieJar.domainMatches(host: "example.com", domain: "www.example.com", hostIsIP: false))
        #expect(CookieJar.domainMatches(host: "127.0.0.1", domain: "127.0.0.1", hostIsIP: true))
        #expect(!CookieJar.domainMatches(host: "1.127.0.0.1", domain: "0.0.1", hostIsIP: true))
    }

    static func stored(_ header: String, from url: String) throws -> [Cookie] {
        var jar = CookieJar()
        jar.store(setCookie: header, from: try #require(URLParts(url)), now: 0)
        return jar.all(now: 0)
    }

    @Test("a Domain that is a public suffix is refused from any other host", arguments: [
        ("a=1; Domain=com", "http://www.example.com/"),
        ("a=1; Domain=.com", "http://example.com/"),
        ("a=1; Domain=co.uk", "http://www.example.co.uk/"),
        ("a=1; Domain=github.io", "http://someone.github.io/"),
        ("a=1; Domain=test.ck", "http://b.test.ck/"),
        ("a=1; Domain=localhost", "http://api.localhost/"),
    ])
    func refused(header: String, url: String) throws {
        #expect(try Self.stored(header, from: url).isEmpty)
    }

    @Test("a Domain that is a public suffix and the request's host is kept host-only (§5.3 step 5)", arguments: [
        ("a=1; Domain=co.uk", "http://co.uk/"),
        ("a=1; Domain=github.io", "http://github.io/"),
        ("a=1; Domain=localhost", "http://localhost/"),
    ])
    func hostOnly(header: String, url: String) throws {
        let cookies = try Self.stored(header, from: url)
        #expect(cookies.count == 1)
        #expect(cookies.first?.hostOnly == true)
    }

    @Test("a registrable Domain is a domain cookie, sent to its subdomains", arguments: [
        ("a=1; Domain=example.co.uk", "http://www.example.co.uk/", "http://api.example.co.uk/"),
        ("a=1; Domain=someone.github.io", "http://someone.github.io/", "http://x.someone.github.io/"),
        ("a=1; Domain=www.ck", "http://a.www.ck/", "http://b.www.ck/"),
        ("a=1; Domain=example.com", "http://example.com/", "http://www.example.com/"),
    ])
    func domainCookie(header: String, url: String, other: String) throws {
        var jar = CookieJar()
        jar.store(setCookie: header, from: try #require(URLParts(url)), now: 0)
        #expect(jar.all(now: 0).first?.hostOnly == false)
        #expect(jar.cookies(for: try #require(URLParts(other)), now: 0).map(\.name) == ["a"])
    }

    @Test("a host-only cookie is not sent to subdomains; a Domain that does not domain-match is refused")
    func hostOnlyNotShared() throws {
        var jar = CookieJar()
        jar.store(setCookie: "a=1; Domain=co.uk", from: try #require(URLParts("http://co.uk/")), now: 0)
        #expect(jar.cookies(for: try #require(URLParts("http://example.co.uk/")), now: 0).isEmpty)
        #expect(try Self.stored("a=1; Domain=other.com", from: "http://www.example.com/").isEmpty)
        #expect(try Self.stored("a=1; Domain=127.0.0.1", from: "http://127.0.0.1/").first?.hostOnly == false)
    }

    @Test("the list is the system's (psl_latest), not only the copy built into libpsl")
    func source() {
        _ = PublicSuffixList.isPublicSuffix("com")
        #expect(["latest", "builtin"].contains(PublicSuffixList.source))
    }
}
