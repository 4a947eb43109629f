import Testing
@testable import CurlTransport

@Suite("URL parts read for cookies, proxies and redirects")
struct URLPartsTests {
    @Test("scheme, host, port and path", arguments: [
        ("HTTP://User:pw@Example.COM:8080/a/b?q#f", "http", "example.com", 8080, "/a/b"),
        ("https://[::1]:8443/x", "https", "::1", 8443, "/x"),
        ("http://[FE80::1]/", "http", "fe80::1", nil, "/"),
        ("http://host?x=1", "http", "host", nil, "/"),
        ("http://host#frag", "http", "host", nil, "/"),
        ("http://a@b@host:81", "http", "host", 81, "/"),
        ("http://bücher.example/ä?ö", "http", "bücher.example", nil, "/ä"),
        ("http://host:/p", "http", "host", nil, "/p"),
    ] as [(String, String, String, Int?, String)])
    func parts(url: String, scheme: String, host: String, port: Int?, path: String) throws {
        let parts = try #require(URLParts(url))
        #expect(parts.scheme == scheme)
        #expect(parts.host == host)
        #expect(parts.port == port)
        #expect(parts.path == path)
    }

    @Test("text without :// is not a URL")
    func notAURL() {
        #expect(URLParts("localhost:8080/path") == nil)
        #expect(URLParts("http:/x") == nil)
        #expect(URLParts("") == nil)
    }
}
