import Foundation
import HTTPServer
import JSONValue

/// A local stand-in for postman-echo on 127.0.0.1, on our own HTTP server: it echoes what it received so tests
/// can check what went on the wire, and offers the few routes the end-to-end tests need.
///
/// - `/status/{code}`: that status, empty JSON body.
/// - `/redirect/{n}`: 302 chains down to `/echo`.
/// - `/set-cookie?name=value`: sets a cookie.
/// - `/delay/{ms}`: answers after a pause.
/// - anything else: `{method, target, path, query, headers: {lower-cased name: value}, body}`.
package final class EchoServer: Sendable {
    package let server: HTTPServer
    private let log = RequestLog()

    package init() throws {
        let log = self.log
        server = HTTPServer(handler: HTTPReplyHandler { request in
            log.append(request)
            return .response(EchoServer.respond(to: request))
        })
        try server.start()
    }

    deinit { server.stop() }

    /// `http://127.0.0.1:PORT`.
    package var baseURL: String { server.baseURL }
    package var port: UInt16 { server.port }
    /// Every request received, in order.
    package var requests: [HTTPRequest] { log.all }

    private static func respond(to request: HTTPRequest) -> HTTPResponse {
        let parts = request.path.split(separator: "/").map(String.init)
        if parts.first == "status", parts.count == 2, let code = Int(parts[1]) {
            return HTTPResponse(status: code, headers: [HTTPField(name: "Content-Type", value: "application/json")],
                                body: Array("{\"status\":\(code)}".utf8))
        }
        if parts.first == "redirect", parts.count == 2, let hops = Int(parts[1]) {
            let location = hops <= 1 ? "/echo" : "/redirect/\(hops - 1)"
            return HTTPResponse(status: 302, headers: [HTTPField(name: "Location", value: location)])
        }
        if parts.first == "delay", parts.count == 2, let milliseconds = UInt32(parts[1]) {
            usleep(milliseconds * 1000)
        }
        if parts.first == "set-cookie" {
            let pairs = request.queryItems.map { HTTPField(name: "Set-Cookie", value: "\($0.name)=\($0.value); Path=/") }
            return HTTPResponse(status: 200, headers: pairs + [HTTPField(name: "Content-Type", value: "application/json")],
                                body: Array("{}".utf8))
        }
        var headers = JSONObject()
        for field in request.headers { headers[field.name.lowercased()] = .string(field.value) }
        let echo: JSONValue = .object([
            "method": .string(request.method),
            "target": .string(request.target),
            "path": .string(request.path),
            "query": request.query.map(JSONValue.string) ?? .null,
            "headers": .object(headers),
            "body": .string(String(decoding: request.body, as: UTF8.self)),
        ])
        return HTTPResponse(status: 200, headers: [HTTPField(name: "Content-Type", value: "application/json; charset=utf-8")],
                            body: Array(echo.serialized().utf8))
    }
}

/// Requests seen by a server, guarded for the server's connection threads.
private final class RequestLog: @unchecked Sendable {
    // Unchecked: every access holds `lock`.
    private let lock = NSLock()
    private var requests: [HTTPRequest] = []
    func append(_ request: HTTPRequest) { lock.lock(); requests.append(request); lock.unlock() }
    var all: [HTTPRequest] { lock.lock(); defer { lock.unlock() }; return requests }
}
