import RunContracts
import RunnerCore
import Testing
@testable import CurlTransport

@Suite("Configuration helpers")
struct ConfigurationTests {
    @Test("curl's own headers are suppressed unless the request sets them")
    func headerLines() {
        let bare = PreparedRequest(method: "POST", url: "http://h/", headers: [HTTPHeader("X", "1"), HTTPHeader("E", "")], body: [])
        #expect(CurlHeaderLines.lines(for: bare) == ["X: 1", "E;", "Accept:", "Expect:", "Accept-Encoding:", "Content-Type:"])
        let full = PreparedRequest(method: "GET", url: "http://h/", headers: [HTTPHeader("accept", "*/*"), HTTPHeader("Accept-Encoding", "gzip")])
        #expect(CurlHeaderLines.lines(for: full) == ["accept: */*", "Accept-Encoding: gzip", "Expect:"])
    }

    @Test("proxies: upper case wins, https falls back to the http proxy")
    func proxies() {
        let settings = ProxySettings(environment: ["HTTP_PROXY": "http://up:1", "http_proxy": "http://low:2", "no_proxy": "localhost"])
        #expect(settings.proxy(forScheme: "http") == "http://up:1")
        #expect(settings.proxy(forScheme: "https") == "http://up:1")
        #expect(settings.noProxy == "localhost")
        #expect(ProxySettings(environment: [:]).proxy(forScheme: "http") == nil)
    }

    @Test("URL parts: host, port, path, IPv6")
    func urlParts() throws {
        let plain = try #require(URLParts("HTTP://User:pw@Example.COM:8080/a/b?q#f"))
        #expect(plain == URLParts("http://example.com:8080/a/b"))
        #expect(plain.hostHeaderValue == "example.com:8080")
        let v6 = try #require(URLParts("https://[::1]/"))
        #expect(v6.host == "::1")
        #expect(v6.effectivePort == 443)
        #expect(v6.hostIsIPAddress)
        #expect(URLParts("http://h")?.path == "/")
    }
}

@Suite("Redirect rules without a network")
struct RedirectPolicyTests {
    private func redirect(_ code: Int, to location: String) -> HopResponse {
        HopResponse(code: code, reason: "", httpVersion: "HTTP/1.1", headers: [HTTPHeader("Location", location)],
                    body: [], timings: ResponseTimings(), sentHead: nil)
    }

    @Test("a new host gets a new Host header and loses Authorization; the Referer is the old URL")
    func hostChange() throws {
        let hop = PreparedRequest(method: "PUT", url: "http://a.test:8080?x=1",
                                  headers: [HTTPHeader("Host", "a.test:8080"), HTTPHeader("Authorization", "Basic x"), HTTPHeader("Content-Type", "text/plain")],
                                  body: [1])
        let next = try #require(RedirectPolicy.nextHop(after: redirect(301, to: "http://b.test/p"), of: hop, options: RequestOptions()))
        #expect(next.url == "http://b.test/p")
        #expect(next.method == "GET")
        #expect(next.body == nil)
        #expect(next.headers == [HTTPHeader("Host", "b.test"), HTTPHeader("Referer", "http://a.test:8080/?x=1")])
    }

    @Test("no Location, or not a 3xx: nothing to follow")
    func notRedirects() {
        let hop = PreparedRequest(method: "GET", url: "http://a.test/")
        #expect(RedirectPolicy.nextHop(after: redirect(200, to: "/x"), of: hop, options: RequestOptions()) == nil)
        let bare = HopResponse(code: 302, reason: "", httpVersion: "HTTP/1.1", headers: [], body: [], timings: ResponseTimings(), sentHead: nil)
        #expect(RedirectPolicy.nextHop(after: bare, of: hop, options: RequestOptions()) == nil)
    }
}
