import Foundation
import RunContracts
import RunnerCore
import Testing
@testable import CurlTransport

@Suite("Cookies live in the run's jar")
struct CookieTests {
    @Test("a cookie set by one response is sent with the next request and listed")
    func storedAndSent() throws {
        let server = try LocalPythonServer()
        let transport = try makeTransport()
        _ = try transport.send("GET", server.url("/setcookie?a=1&b=2"))
        let echo = try Echo(transport.send("GET", server.url("/echo"), headers: [HTTPHeader("Cookie", "own=0")]))
        #expect(echo.headers.filter { $0.name.lowercased() == "cookie" }.map(\.value) == ["own=0; a=1; b=2"])
        #expect(transport.allCookies().map(\.name) == ["a", "b"])
        #expect(transport.cookies(for: server.url("/x")).first?.domain == "127.0.0.1")
        #expect(transport.allCookies().first?.hostOnly == true)
    }

    @Test("disableCookies neither stores nor sends")
    func disabled() throws {
        let server = try LocalPythonServer()
        let transport = try makeTransport()
        var off = RequestOptions()
        off.disableCookies = true
        _ = try transport.send("GET", server.url("/setcookie?a=1"), options: off)
        #expect(transport.allCookies().isEmpty)
        _ = try transport.send("GET", server.url("/setcookie?b=1"))
        let echo = try Echo(transport.send("GET", server.url("/echo"), options: off))
        #expect(!echo.headers.contains(name: "Cookie"))
    }

    @Test("setCookie and removeCookies edit the jar")
    func editing() throws {
        let transport = try makeTransport()
        transport.setCookie(Cookie(name: "s", value: "1", domain: "example.com", hostOnly: false))
        transport.setCookie(Cookie(name: "t", value: "2", domain: "example.com"))
        #expect(transport.cookies(for: "http://api.example.com/").map(\.name) == ["s"])
        transport.removeCookies(domain: "example.com", name: "s")
        #expect(transport.allCookies().map(\.name) == ["t"])
        transport.removeCookies(domain: "example.com", name: nil)
        #expect(transport.allCookies().isEmpty)
    }

    @Test("jar: Domain, Path, default path, Secure and ordering follow RFC 6265")
    func jarRules() throws {
        var jar = CookieJar()
        let page = try #require(URLParts("http://www.example.com/docs/page"))
        jar.store(setCookie: "a=1", from: page, now: 0)
        jar.store(setCookie: "b=2; Domain=.Example.com; Path=/", from: page, now: 0)
        jar.store(setCookie: "c=3; Domain=other.com", from: page, now: 0)
        jar.store(setCookie: "d=4; Path=/docs/page; Secure", from: page, now: 0)
        let names = { (url: String) in URLParts(url).map { jar.cookies(for: $0, now: 1).map(\.name) } ?? [] }
        #expect(names("http://www.example.com/docs/page") == ["a", "b"])
        #expect(names("https://www.example.com/docs/page") == ["d", "a", "b"])
        #expect(names("http://www.example.com/docsx") == ["b"])
        #expect(names("http://api.example.com/docs/") == ["b"])
        #expect(jar.all(now: 1).first { $0.name == "a" }?.path == "/docs")
    }

    @Test("jar: Max-Age beats Expires, and an expired cookie removes the stored one")
    func expiry() throws {
        var jar = CookieJar()
        let url = try #require(URLParts("http://h/"))
        jar.store(setCookie: "a=1; Max-Age=10; Expires=Wed, 21 Oct 2015 07:28:00 GMT", from: url, now: 1000)
        #expect(jar.all(now: 1005).first?.expires == 1010)
        #expect(jar.all(now: 1011).isEmpty)
        jar.store(setCookie: "b=1", from: url, now: 1000)
        jar.store(setCookie: "b=; Expires=Thu, 01 Jan 1970 00:00:00 GMT", from: url, now: 1000)
        #expect(jar.all(now: 1000).map(\.name) == ["a"])
    }

    @Test("cookie dates in the shapes servers send")
    func dates() {
        #expect(CookieDate.parse("Wed, 21 Oct 2015 07:28:00 GMT") == 1_445_412_480)
        #expect(CookieDate.parse("Wednesday, 21-Oct-15 07:28:00 GMT") == 1_445_412_480)
        #expect(CookieDate.parse("Thu, 01 Jan 1970 00:00:00 GMT") == 0)
        #expect(CookieDate.parse("Sun Nov  6 08:49:37 1994") == 784_111_777)
        #expect(CookieDate.parse("not a date") == nil)
        #expect(CookieDate.parse("Wed, 32 Oct 2015 07:28:00 GMT") == nil)
    }
}
