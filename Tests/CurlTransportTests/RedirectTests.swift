import Foundation
import RunContracts
import RunnerCore
import Testing
@testable import CurlTransport

@Suite("Redirects follow Postman's rules")
struct RedirectTests {
    private let body = [UInt8]("payload")
    private let json = [HTTPHeader("Content-Type", "application/json")]

    @Test("302 turns POST into GET, drops body and Content-Type, adds Referer")
    func found() throws {
        let server = try LocalPythonServer()
        let start = server.url("/redirect?status=302&to=/echo")
        let response = try makeTransport().send("POST", start, headers: json, body: body)
        let echo = try Echo(response)
        #expect(echo.method == "GET")
        #expect(echo.body == "")
        #expect(!echo.headers.contains(name: "Content-Type"))
        #expect(!echo.headers.contains(name: "Content-Length"))
        #expect(echo.headers.value(for: "Referer") == start)
        #expect(response.finalURL == server.url("/echo"))
        #expect(response.sentRequest?.method == "GET")
    }

    @Test("307 and 308 keep method and body")
    func temporary() throws {
        let server = try LocalPythonServer()
        let transport = try makeTransport()
        for status in [307, 308] {
            let echo = try Echo(transport.send("PATCH", server.url("/redirect?status=\(status)&to=/echo"), headers: json, body: body))
            #expect(echo.method == "PATCH")
            #expect(echo.body == "payload")
            #expect(echo.headers.value(for: "Content-Type") == "application/json")
        }
    }

    @Test("followOriginalHttpMethod keeps DELETE on a 302; HEAD stays HEAD regardless")
    func originalMethod() throws {
        let server = try LocalPythonServer()
        let transport = try makeTransport()
        var options = RequestOptions()
        options.followOriginalHttpMethod = true
        let kept = try Echo(transport.send("DELETE", server.url("/redirect?to=/echo"), options: options))
        #expect(kept.method == "DELETE")
        let head = try transport.send("HEAD", server.url("/redirect?to=/echo"))
        #expect(head.code == 200)
        #expect(head.sentRequest?.method == "HEAD")
    }

    @Test("followRedirects false returns the 3xx itself")
    func notFollowed() throws {
        let server = try LocalPythonServer()
        var options = RequestOptions()
        options.followRedirects = false
        let response = try makeTransport().send("GET", server.url("/redirect?to=/echo"), options: options)
        #expect(response.code == 302)
        #expect(response.headers.value(for: "Location") == "/echo")
        #expect(response.text == "moved")
    }

    @Test("exactly maxRedirects hops succeed, one more is an error")
    func maxRedirects() throws {
        let server = try LocalPythonServer()
        let transport = try makeTransport()
        var options = RequestOptions()
        options.maxRedirects = 11
        let ok = try transport.send("POST", server.url("/chain?n=11"), options: options)
        #expect(ok.code == 200)
        options.maxRedirects = 10
        let error = transport.failure("GET", server.url("/chain?n=11"), options: options)
        #expect(error?.kind == .tooManyRedirects)
        #expect(error?.message.hasPrefix("Exceeded maxRedirects.") == true)
        let loop = transport.failure("GET", server.url("/loop"))
        #expect(loop?.kind == .tooManyRedirects)
    }

    @Test("removeRefererHeaderOnRedirect leaves the request's own Referer alone")
    func referer() throws {
        let server = try LocalPythonServer()
        var options = RequestOptions()
        options.removeRefererHeaderOnRedirect = true
        let transport = try makeTransport()
        let none = try Echo(transport.send("GET", server.url("/redirect?to=/echo"), options: options))
        #expect(!none.headers.contains(name: "Referer"))
        let own = try Echo(transport.send("GET", server.url("/redirect?to=/echo"), headers: [HTTPHeader("referer", "INITIAL")], options: options))
        #expect(own.headers.value(for: "Referer") == "INITIAL")
    }

    @Test("Authorization is dropped when the host changes, unless followAuthorizationHeader")
    func authorizationOnHostChange() throws {
        let server = try LocalPythonServer()
        let transport = try makeTransport()
        let elsewhere = server.url("/redirect?to=http://localhost:\(server.port)/echo")
        let auth = [HTTPHeader("Authorization", "Bearer t")]
        let dropped = try Echo(transport.send("GET", elsewhere, headers: auth))
        #expect(!dropped.headers.contains(name: "Authorization"))
        var options = RequestOptions()
        options.followAuthorizationHeader = true
        let kept = try Echo(transport.send("GET", elsewhere, headers: auth, options: options))
        #expect(kept.headers.value(for: "Authorization") == "Bearer t")
        let sameHost = try Echo(transport.send("GET", server.url("/redirect?to=/echo"), headers: auth))
        #expect(sameHost.headers.value(for: "Authorization") == "Bearer t")
    }

    @Test("relative Location values resolve against the current URL")
    func resolve() {
        #expect(RedirectPolicy.resolve("/b?x=1", against: "http://h:1/a/c") == "http://h:1/b?x=1")
        #expect(RedirectPolicy.resolve("d", against: "http://h/a/c") == "http://h/a/d")
        #expect(RedirectPolicy.resolve("../e", against: "http://h/a/b/c") == "http://h/a/e")
        #expect(RedirectPolicy.resolve("//other/p", against: "https://h/a") == "https://other/p")
        #expect(RedirectPolicy.resolve("https://x/y", against: "http://h/a") == "https://x/y")
    }
}

@Suite("Cookies and redirects")
struct RedirectCookieTests {
    @Test("a cookie set by a redirect response goes with the next hop")
    func cookieOnRedirect() throws {
        let server = try LocalPythonServer()
        let echo = try Echo(makeTransport().send("GET", server.url("/redirect?to=/echo&cookie=hop%3D1")))
        #expect(echo.headers.value(for: "Cookie") == "hop=1")
    }
}
