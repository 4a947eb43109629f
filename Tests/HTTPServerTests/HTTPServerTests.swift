import CarrierTestSupport
import Foundation
import Testing

@testable import HTTPServer

/// Echoes what the server parsed, so tests can check parsing through a real socket.
private func echoServer(limits: HTTPServerLimits = .init()) throws -> HTTPServer {
    let server = HTTPServer(limits: limits) { request in
        var response = HTTPResponse.text(
            "\(request.method) path=\(request.path) query=\(request.query ?? "-") body=\(request.bodyText)")
        response.headers.append(HTTPField(name: "X-Remote", value: request.remoteAddress))
        return response
    }
    try server.start()
    return server
}

@Suite("HTTPServer over real sockets")
struct HTTPServerTests {
    @Test func getWithQueryIsParsed() throws {
        let server = try echoServer()
        defer { server.stop() }
        let client = try LoopbackHTTPClient(port: server.port)
        try client.send("GET /a/b?x=1&y=two HTTP/1.1\r\nHost: localhost\r\n\r\n")
        let response = try client.readResponse()
        #expect(response.status == 200)
        #expect(response.bodyText == "GET path=/a/b query=x=1&y=two body=")
        #expect(response.header("Date")?.hasSuffix("GMT") == true)
        #expect(response.header("X-Remote")?.hasPrefix("127.0.0.1:") == true)
    }

    @Test func postContentLengthBody() throws {
        let server = try echoServer()
        defer { server.stop() }
        let client = try LoopbackHTTPClient(port: server.port)
        try client.send("POST /items HTTP/1.1\r\nHost: x\r\nContent-Length: 11\r\n\r\nhello world")
        let response = try client.readResponse()
        #expect(response.bodyText == "POST path=/items query=- body=hello world")
        #expect(response.header("Content-Length") == "\(response.body.count)")
    }

    @Test func chunkedBodyIsDecoded() throws {
        let server = try echoServer()
        defer { server.stop() }
        let client = try LoopbackHTTPClient(port: server.port)
        try client.send("POST /c HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n5;ext=1\r\nhello\r\n6\r\n world\r\n0\r\nX-Trailer: t\r\n\r\n")
        #expect(try client.readResponse().bodyText == "POST path=/c query=- body=hello world")
    }

    @Test func expectContinueIsAnswered() throws {
        let server = try echoServer()
        defer { server.stop() }
        let client = try LoopbackHTTPClient(port: server.port)
        try client.send("PUT /e HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: 3\r\n\r\n")
        let interim = try client.readResponse()
        #expect(interim.status == 100)
        try client.send("abc")
        #expect(try client.readResponse().bodyText == "PUT path=/e query=- body=abc")
    }

    @Test func keepAliveServesTwoRequestsOnOneConnection() throws {
        let server = try echoServer()
        defer { server.stop() }
        let client = try LoopbackHTTPClient(port: server.port)
        try client.send("GET /one HTTP/1.1\r\nHost: x\r\n\r\n")
        let first = try client.readResponse()
        try client.send("GET /two HTTP/1.1\r\nHost: x\r\n\r\n")
        let second = try client.readResponse()
        #expect(first.bodyText.contains("path=/one"))
        #expect(second.bodyText.contains("path=/two"))
        #expect(first.header("X-Remote") == second.header("X-Remote"))  // same client port: same connection
    }

    @Test func pipelinedRequestsAreAnsweredInOrder() throws {
        let server = try echoServer()
        defer { server.stop() }
        let client = try LoopbackHTTPClient(port: server.port)
        try client.send("GET /1 HTTP/1.1\r\nHost: x\r\n\r\nGET /2 HTTP/1.1\r\nHost: x\r\n\r\n")
        #expect(try client.readResponse().bodyText.contains("path=/1"))
        #expect(try client.readResponse().bodyText.contains("path=/2"))
    }

    @Test func connectionCloseIsHonoured() throws {
        let server = try echoServer()
        defer { server.stop() }
        let client = try LoopbackHTTPClient(port: server.port)
        try client.send("GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        let response = try client.readResponse()
        #expect(response.header("Connection") == "close")
        #expect(client.isClosedByServer())
    }

    @Test func http10ClosesUnlessKeepAliveRequested() throws {
        let server = try echoServer()
        defer { server.stop() }
        let plain = try LoopbackHTTPClient(port: server.port)
        try plain.send("GET / HTTP/1.0\r\n\r\n")
        _ = try plain.readResponse()
        #expect(plain.isClosedByServer())

        let keepAlive = try LoopbackHTTPClient(port: server.port)
        try keepAlive.send("GET /a HTTP/1.0\r\nConnection: keep-alive\r\n\r\n")
        #expect(try keepAlive.readResponse().header("Connection") == "keep-alive")
        try keepAlive.send("GET /b HTTP/1.0\r\n\r\n")
        #expect(try keepAlive.readResponse().bodyText.contains("path=/b"))
    }

    @Test func oversizedHeaderGets431() throws {
        let server = try echoServer(limits: HTTPServerLimits(maxHeaderBytes: 1024))
        defer { server.stop() }
        let client = try LoopbackHTTPClient(port: server.port)
        try client.send("GET / HTTP/1.1\r\nHost: x\r\nX-Big: \(String(repeating: "a", count: 2000))\r\n\r\n")
        #expect(try client.readResponse().status == 431)
        #expect(client.isClosedByServer())
    }

    @Test func oversizedBodyGets413() throws {
        let server = try echoServer(limits: HTTPServerLimits(maxBodyBytes: 100))
        defer { server.stop() }
        let declared = try LoopbackHTTPClient(port: server.port)
        try declared.send("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 101\r\n\r\n")
        #expect(try declared.readResponse().status == 413)

        let chunked = try LoopbackHTTPClient(port: server.port)
        try chunked.send("POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n64\r\n\(String(repeating: "b", count: 100))\r\n1\r\nc\r\n0\r\n\r\n")
        #expect(try chunked.readResponse().status == 413)
    }

    @Test(arguments: [
        "GARBAGE\r\n\r\n",
        "GET /\r\n\r\n",
        "GET / HTTP/1.1\r\nNo colon here\r\n\r\n",
        "GET / HTTP/1.1\r\nHost : x\r\n\r\n",
        "GET / HTTP/1.1\r\nA: b\r\n folded\r\n\r\n",
        "POST / HTTP/1.1\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n",
        "POST / HTTP/1.1\r\nContent-Length: -1\r\n\r\n",
        "POST / HTTP/1.1\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\n",
        "POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n",
    ])
    func malformedRequestGets400AndClose(request: String) throws {
        let server = try echoServer()
        defer { server.stop() }
        let client = try LoopbackHTTPClient(port: server.port)
        try client.send(request)
        let response = try client.readResponse()
        #expect(response.status == 400)
        #expect(response.header("Connection") == "close")
        #expect(client.isClosedByServer())
    }

    @Test func unsupportedVersionGets505() throws {
        let server = try echoServer()
        defer { server.stop() }
        let client = try LoopbackHTTPClient(port: server.port)
        try client.send("GET / HTTP/2.0\r\n\r\n")
        #expect(try client.readResponse().status == 505)
    }

    @Test func headResponseHasLengthButNoBody() throws {
        let server = try echoServer()
        defer { server.stop() }
        let client = try LoopbackHTTPClient(port: server.port)
        try client.send("HEAD /h HTTP/1.1\r\nHost: x\r\n\r\n")
        let head = try client.readResponse(forHEAD: true)
        #expect(head.status == 200)
        #expect(head.header("Content-Length") == "\("HEAD path=/h query=- body=".utf8.count)")
        // If a body had been sent, it would be read as the next response's status line.
        try client.send("GET /after HTTP/1.1\r\nHost: x\r\n\r\n")
        #expect(try client.readResponse().bodyText.contains("path=/after"))
    }

    @Test func noContentResponseHasNoContentLength() throws {
        let server = HTTPServer { _ in HTTPResponse(status: 204) }
        try server.start()
        defer { server.stop() }
        let client = try LoopbackHTTPClient(port: server.port)
        try client.send("DELETE /x HTTP/1.1\r\nHost: x\r\n\r\n")
        let response = try client.readResponse()
        #expect(response.status == 204)
        #expect(response.header("Content-Length") == nil)
    }

    @Test func rawReplyBytesAreDeliveredVerbatim() throws {
        let bytes = Array("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\npartial".utf8)
        let server = HTTPServer(handler: HTTPReplyHandler { _ in .raw(bytes: bytes, thenClose: true) })
        try server.start()
        defer { server.stop() }
        let client = try LoopbackHTTPClient(port: server.port)
        try client.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n")
        #expect(try client.readToEnd() == bytes)
    }

    @Test func dripReplySendsSlowlyButCompletely() throws {
        let bytes = Array("HTTP/1.1 200 OK\r\nContent-Length: 4\r\n\r\nslow".utf8)
        let server = HTTPServer(handler: HTTPReplyHandler { _ in
            .drip(bytes: bytes, bytesPerWrite: 8, delay: .milliseconds(20), thenClose: true)
        })
        try server.start()
        defer { server.stop() }
        let client = try LoopbackHTTPClient(port: server.port)
        let started = Date()
        try client.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n")
        #expect(try client.readToEnd() == bytes)
        #expect(Date().timeIntervalSince(started) >= 0.1)  // 6 writes, 5 pauses of 20 ms
    }

    @Test func scriptedReplySendsPausesAndCanKeepTheConnection() throws {
        let head = Array("HTTP/1.1 200 OK\r\nContent-Length: 4\r\n\r\n".utf8)
        let server = HTTPServer(handler: HTTPReplyHandler { request in
            request.path == "/truncated"
                ? .script([.send(head), .pause(.milliseconds(50)), .send(Array("ab".utf8))])
                : .script([.send(head), .pause(.milliseconds(50)), .send(Array("full".utf8)), .keepOpen])
        })
        try server.start()
        defer { server.stop() }
        let client = try LoopbackHTTPClient(port: server.port)
        try client.send("GET /complete HTTP/1.1\r\nHost: x\r\n\r\nGET /truncated HTTP/1.1\r\nHost: x\r\n\r\n")
        #expect(try client.readResponse().bodyText == "full")
        #expect(try client.readToEnd() == head + Array("ab".utf8))
    }

    @Test func closeReplyClosesWithoutAnswer() throws {
        let server = HTTPServer(handler: HTTPReplyHandler { _ in .close })
        try server.start()
        defer { server.stop() }
        let client = try LoopbackHTTPClient(port: server.port)
        try client.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n")
        #expect(try client.readToEnd().isEmpty)
    }

    @Test func stallIsEndedByStop() throws {
        let server = HTTPServer(handler: HTTPReplyHandler { _ in .stall(.seconds(30)) })
        try server.start()
        let client = try LoopbackHTTPClient(port: server.port)
        try client.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n")
        Thread.sleep(forTimeInterval: 0.1)
        let started = Date()
        server.stop()
        #expect(Date().timeIntervalSince(started) < 5)
        #expect(try client.readToEnd().isEmpty)
    }

    @Test func slowHeadIsCutOffByHeaderTimeout() throws {
        let server = try echoServer(limits: HTTPServerLimits(headerReadTimeout: .milliseconds(300)))
        defer { server.stop() }
        let client = try LoopbackHTTPClient(port: server.port)
        try client.send("GET / HTTP/1.1\r\n")
        let started = Date()
        #expect(client.isClosedByServer())
        #expect(Date().timeIntervalSince(started) < 5)
    }

    @Test func idleKeepAliveConnectionIsClosed() throws {
        let server = try echoServer(limits: HTTPServerLimits(idleTimeout: .milliseconds(200)))
        defer { server.stop() }
        let client = try LoopbackHTTPClient(port: server.port)
        try client.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n")
        _ = try client.readResponse()
        #expect(client.isClosedByServer())
    }

    @Test func connectionsBeyondTheCapGet503() throws {
        let server = HTTPServer(limits: HTTPServerLimits(maxConnections: 1)) { _ in .text("ok") }
        try server.start()
        defer { server.stop() }
        let first = try LoopbackHTTPClient(port: server.port)
        try first.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n")
        #expect(try first.readResponse().status == 200)
        let second = try LoopbackHTTPClient(port: server.port)
        #expect(try second.readResponse().status == 503)
    }

    @Test func stopIsIdempotentAndFreesThePort() throws {
        let server = try echoServer()
        let port = server.port
        #expect(port != 0)
        server.stop()
        server.stop()
        #expect(throws: (any Error).self) { try LoopbackHTTPClient(port: port) }
    }

    @Test func droppingTheLastReferenceStopsTheServer() throws {
        var server: HTTPServer? = try echoServer()
        let port = try #require(server?.port)
        let client = try LoopbackHTTPClient(port: port)
        try client.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n")
        #expect(try client.readResponse().status == 200)
        server = nil
        #expect(client.isClosedByServer())
        #expect(throws: (any Error).self) { try LoopbackHTTPClient(port: port) }
    }

    @Test func unknownExpectationGets417() throws {
        let server = try echoServer()
        defer { server.stop() }
        let client = try LoopbackHTTPClient(port: server.port)
        try client.send("POST / HTTP/1.1\r\nHost: x\r\nExpect: something-else\r\nContent-Length: 1\r\n\r\nx")
        #expect(try client.readResponse().status == 417)
    }

    @Test func startTwiceOrOnATakenPortFails() throws {
        let server = try echoServer()
        defer { server.stop() }
        #expect(throws: HTTPServerError.self) { try server.start() }
        let rival = HTTPServer(port: server.port) { _ in .text("rival") }
        #expect(throws: HTTPServerError.self) { try rival.start() }
        #expect(throws: HTTPServerError.self) { try HTTPServer(host: "not-an-ip") { _ in .text("") }.start() }
    }

    @Test func randomGarbageNeverCrashesTheServer() throws {
        let server = try echoServer(limits: HTTPServerLimits(headerReadTimeout: .milliseconds(200), idleTimeout: .milliseconds(200)))
        defer { server.stop() }
        var generator = SystemRandomNumberGenerator()
        let pieces = ["GET ", "POST ", "/", "?", " HTTP/1.1", " HTTP/1.0", "\r\n", "\n", ":", " ", "Content-Length: ",
                      "Transfer-Encoding: chunked", "5", "-1", "ffffffffffffffffff", "\u{0}", "\u{7f}", "é", "\t"]
        for _ in 0..<100 {
            let text = (0..<Int.random(in: 1..<30, using: &generator)).map { _ in pieces.randomElement(using: &generator) ?? "" }.joined()
            let client = try LoopbackHTTPClient(port: server.port)
            try? client.send(text + "\r\n\r\n")
            _ = try? client.readToEnd()
        }
        // Still serving after all that.
        let client = try LoopbackHTTPClient(port: server.port)
        try client.send("GET /alive HTTP/1.1\r\nHost: x\r\n\r\n")
        #expect(try client.readResponse().bodyText.contains("path=/alive"))
    }

    @Test func concurrentClientsAllGetTheirOwnAnswers() async throws {
        let server = try echoServer()
        defer { server.stop() }
        let port = server.port
        let failures = try await withThrowingTaskGroup(of: Int.self) { group in
            for clientIndex in 0..<16 {
                group.addTask {
                    let client = try LoopbackHTTPClient(port: port)
                    var failures = 0
                    for requestIndex in 0..<50 {
                        let body = "c\(clientIndex)r\(requestIndex)"
                        try client.send("POST /p HTTP/1.1\r\nHost: x\r\nContent-Length: \(body.utf8.count)\r\n\r\n\(body)")
                        if try client.readResponse().bodyText != "POST path=/p query=- body=\(body)" { failures += 1 }
                    }
                    return failures
                }
            }
            return try await group.reduce(0, +)
        }
        #expect(failures == 0)
    }
}

@Suite("HTTPServer units")
struct HTTPServerUnitTests {
    @Test func requestSplitsTargetIntoPathAndQuery() {
        let request = HTTPRequest(method: "GET", target: "/a%20b?x=1&y=a+b&z=%C3%A9")
        #expect(request.path == "/a%20b")
        #expect(request.query == "x=1&y=a+b&z=%C3%A9")
        #expect(request.queryValue("y") == "a b")
        #expect(request.queryValue("z") == "é")
        #expect(HTTPRequest(method: "GET", target: "/").query == nil)
    }

    @Test func headerLookupIgnoresCase() {
        let request = HTTPRequest(method: "GET", target: "/", headers: [HTTPField(name: "Content-Type", value: "a/b")])
        #expect(request.header("content-type") == "a/b")
        #expect(request.header("accept") == nil)
    }

    @Test func chunkSizeParsing() {
        #expect(HTTPRequestReader.chunkSize(Array("1A".utf8)) == 26)
        #expect(HTTPRequestReader.chunkSize(Array("ff;name=value".utf8)) == 255)
        #expect(HTTPRequestReader.chunkSize(Array("".utf8)) == nil)
        #expect(HTTPRequestReader.chunkSize(Array("-1".utf8)) == nil)
        #expect(HTTPRequestReader.chunkSize(Array("ffffffffffffffffffff".utf8)) == nil)
    }

    @Test func serializedResponseIsOneBufferWithDefaults() {
        let bytes = HTTPResponseSerializer.serialize(.text("hi", status: 404), forHEAD: false, closing: true)
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(text.hasPrefix("HTTP/1.1 404 Not Found\r\n"))
        #expect(text.contains("\r\nContent-Length: 2\r\n"))
        #expect(text.contains("\r\nConnection: close\r\n"))
        #expect(text.hasSuffix("\r\n\r\nhi"))
    }

    @Test func httpDateIsIMFFixdate() {
        #expect(HTTPResponseSerializer.httpDate(784_111_777) == "Sun, 06 Nov 1994 08:49:37 GMT")
    }
}
