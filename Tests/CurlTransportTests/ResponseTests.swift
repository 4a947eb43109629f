import Foundation
import RunContracts
import RunnerCore
import Testing
@testable import CurlTransport

@Suite("Responses are read whole")
struct ResponseTests {
    @Test("gzip is decoded while the request's own Accept-Encoding is what goes out")
    func gzipDecoded() throws {
        let server = try LocalPythonServer()
        let transport = try makeTransport()
        let response = try transport.send("GET", server.url("/gzip"), headers: [HTTPHeader("Accept-Encoding", "gzip, deflate, br")])
        #expect(response.text == String(repeating: "hello gzip ", count: 20))
        #expect(response.headers.value(for: "Content-Encoding") == "gzip")
        let echo = try Echo(transport.send("GET", server.url("/echo"), headers: [HTTPHeader("Accept-Encoding", "gzip, deflate, br")]))
        #expect(echo.headers.filter { $0.name.lowercased() == "accept-encoding" } == [HTTPHeader("Accept-Encoding", "gzip, deflate, br")])
    }

    @Test("a body that is not the gzip it claims is an invalid response")
    func badGzip() throws {
        let server = try LocalPythonServer()
        let error = try makeTransport().failure("GET", server.url("/badgzip"))
        #expect(error?.kind == .invalidResponse)
    }

    @Test("reason phrase: the server's, or the standard one when it sent none")
    func reasons() throws {
        let server = try LocalPythonServer()
        let transport = try makeTransport()
        let custom = try transport.send("GET", server.url("/reason"))
        #expect(custom.code == 299)
        #expect(custom.reason == "Quite Fine")
        let bare = try transport.send("GET", server.url("/noreason"))
        #expect(bare.code == 201)
        #expect(bare.reason == "Created")
        #expect(bare.httpVersion == "HTTP/1.1")
    }

    @Test("repeated headers are kept in order")
    func repeatedHeaders() throws {
        let server = try LocalPythonServer()
        let response = try makeTransport().send("GET", server.url("/repeat"))
        #expect(response.headers.filter { $0.name == "X-Multi" }.map(\.value) == ["a", "b"])
    }

    @Test("timings are non-negative, first byte within total, responseTime equals total")
    func timings() throws {
        let server = try LocalPythonServer()
        let response = try makeTransport().send("GET", server.url("/echo"))
        let t = response.timings
        for phase in [t.dns, t.tcp, t.secureHandshake, t.firstByte, t.download, t.total] { #expect(phase >= 0) }
        #expect(t.total >= t.firstByte)
        #expect(t.total > 0)
        #expect(response.responseTime == t.total)
    }
}
