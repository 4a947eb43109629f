import Foundation
import RunContracts
import RunnerCore
import Testing
@testable import CurlTransport

@Suite("Requests go out exactly as prepared")
struct RequestWireTests {
    @Test("GET sends the given headers in order and nothing curl would add by itself")
    func getHeadersExact() throws {
        let server = try LocalPythonServer()
        let transport = try makeTransport()
        let headers = [HTTPHeader("X-First", "1"), HTTPHeader("User-Agent", "PostmanRuntime/7.39.1"), HTTPHeader("x-last", "z")]
        let echo = try Echo(transport.send("GET", server.url("/echo?q=a%20b"), headers: headers))
        #expect(echo.method == "GET")
        #expect(echo.target == "/echo?q=a%20b")
        #expect(echo.headers.filter { $0.name != "Host" } == headers)
        #expect(echo.headers.value(for: "Host") == "127.0.0.1:\(server.port)")
    }

    @Test("POST sends the body with its Content-Length and no invented Content-Type")
    func postBody() throws {
        let server = try LocalPythonServer()
        let transport = try makeTransport()
        let body = [UInt8]("{\"a\":1}")
        let echo = try Echo(transport.send("POST", server.url("/echo"), body: body))
        #expect(echo.method == "POST")
        #expect(echo.body == "{\"a\":1}")
        #expect(echo.namesAfterHost == ["content-length"])
        #expect(echo.headers.value(for: "Content-Length") == "7")
    }

    @Test("a custom method carries its body; a body-less one gets no Content-Length")
    func customMethods() throws {
        let server = try LocalPythonServer()
        let transport = try makeTransport()
        let withBody = try Echo(transport.send("POSTMAN", server.url("/echo"), headers: [HTTPHeader("Content-Type", "text/plain")], body: [UInt8]("hi")))
        #expect(withBody.method == "POSTMAN")
        #expect(withBody.body == "hi")
        #expect(withBody.headers.value(for: "Content-Type") == "text/plain")
        let without = try Echo(transport.send("PURGE", server.url("/echo")))
        #expect(without.method == "PURGE")
        #expect(!without.headers.contains(name: "Content-Length"))
    }

    @Test("a GET with a body sends the body")
    func getWithBody() throws {
        let server = try LocalPythonServer()
        let echo = try Echo(makeTransport().send("GET", server.url("/echo"), body: [UInt8]("{ \"foo\": \"bar\" }")))
        #expect(echo.method == "GET")
        #expect(echo.body == "{ \"foo\": \"bar\" }")
        #expect(echo.headers.value(for: "Content-Length") == "16")
    }

    @Test("an empty body is sent as Content-Length 0, a header with an empty value is sent empty")
    func emptyValues() throws {
        let server = try LocalPythonServer()
        let echo = try Echo(makeTransport().send("PUT", server.url("/echo"), headers: [HTTPHeader("X-Empty", "")], body: []))
        #expect(echo.headers.value(for: "Content-Length") == "0")
        #expect(echo.headers.value(for: "X-Empty") == "")
    }

    @Test("HEAD completes without waiting for the body Content-Length announces")
    func head() throws {
        let server = try LocalPythonServer()
        let response = try makeTransport().send("HEAD", server.url("/echo"))
        #expect(response.code == 200)
        #expect(response.body.isEmpty)
        #expect(response.headers.value(for: "Content-Length") != "0")
    }

    @Test("two requests on one transport reuse one connection")
    func keepAlive() throws {
        let server = try LocalPythonServer()
        let transport = try makeTransport()
        let first = try Echo(transport.send("GET", server.url("/echo")))
        let second = try Echo(transport.send("POST", server.url("/echo"), body: [UInt8]("x")))
        #expect(first.connection == second.connection)
    }

    @Test("sentRequest shows the request as curl wrote it, Host included")
    func sentRequest() throws {
        let server = try LocalPythonServer()
        let response = try makeTransport().send("GET", server.url("/echo"), headers: [HTTPHeader("X-A", "1")])
        let sent = try #require(response.sentRequest)
        #expect(sent.method == "GET")
        #expect(sent.url == server.url("/echo"))
        #expect(sent.headers == [HTTPHeader("Host", "127.0.0.1:\(server.port)"), HTTPHeader("X-A", "1")])
    }
}

@Suite("Large bodies and proxies")
struct BodyAndProxyTests {
    @Test("a body over 1 MB goes out at once, without Expect: 100-continue")
    func largeBody() throws {
        let server = try LocalPythonServer()
        let body = [UInt8](repeating: UInt8(ascii: "a"), count: 2_000_000)
        let echo = try Echo(makeTransport().send("POST", server.url("/echo"), body: body))
        #expect(echo.body.utf8.count == 2_000_000)
        #expect(!echo.headers.contains(name: "Expect"))
    }

    @Test("HTTP_PROXY (upper case) is used; NO_PROXY bypasses it")
    func proxy() throws {
        let proxy = try LocalPythonServer()
        let viaProxy = try CurlTransport(environment: ["HTTP_PROXY": proxy.url("")])
        let echo = try Echo(viaProxy.send("GET", "http://origin.invalid/echo"))
        #expect(echo.target == "http://origin.invalid/echo")
        let bypass = try CurlTransport(environment: ["HTTP_PROXY": "http://127.0.0.1:9", "NO_PROXY": "127.0.0.1"])
        #expect(try bypass.send("GET", proxy.url("/echo")).code == 200)
    }
}
