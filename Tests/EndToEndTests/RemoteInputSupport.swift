import CarrierTestSupport
import Foundation
import HTTPServer
import JSONValue

/// A CA made for one test with the openssl command line, and a certificate for 127.0.0.1 it signed: the server
/// presents the leaf, the client trusts the CA through `--ssl-extra-ca-certs`.
struct TestCA {
    let directory: TemporaryDirectory
    /// The CA certificate (what `--ssl-extra-ca-certs` gets).
    let caPath: String
    /// The server's certificate and key.
    let certificatePath: String
    let keyPath: String

    init() throws {
        directory = try TemporaryDirectory()
        let dir = directory.path
        caPath = dir + "/ca.pem"
        certificatePath = dir + "/server.pem"
        keyPath = dir + "/server.key"
        let extensions = try directory.write("server.ext", """
            subjectAltName = IP:127.0.0.1
            basicConstraints = CA:FALSE
            keyUsage = digitalSignature, keyEncipherment
            extendedKeyUsage = serverAuth

            """)
        let ec = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes"]
        try Self.openssl(["req", "-x509"] + ec + ["-keyout", dir + "/ca.key", "-out", caPath, "-days", "2",
                         "-subj", "/CN=Carrier test CA", "-addext", "basicConstraints=critical,CA:TRUE",
                         "-addext", "keyUsage=critical,keyCertSign,cRLSign"])
        try Self.openssl(["req"] + ec + ["-keyout", keyPath, "-out", dir + "/server.csr", "-subj", "/CN=127.0.0.1"])
        try Self.openssl(["x509", "-req", "-in", dir + "/server.csr", "-CA", caPath, "-CAkey", dir + "/ca.key",
                          "-CAcreateserial", "-out", certificatePath, "-days", "2", "-extfile", extensions])
    }

    private static func openssl(_ arguments: [String]) throws {
        let result = try CarrierProcess.runExecutable("/usr/bin/openssl", arguments)
        guard result.exitCode == 0 else { throw PeerProcessError(description: "openssl \(arguments[0]): \(result.standardError)") }
    }
}

/// What a stand-in received, kept for the assertions; guarded by a lock (connections have their own threads).
final class RequestLog: @unchecked Sendable {
    struct Entry: Sendable {
        let method: String
        let path: String
        let query: String?
        let headers: [HTTPField]
        func header(_ name: String) -> String? { headers.value(for: name) }
    }

    private let lock = NSLock()
    private var list: [Entry] = []

    func append(_ request: HTTPRequest) {
        lock.lock()
        list.append(Entry(method: request.method, path: request.path, query: request.query, headers: request.headers))
        lock.unlock()
    }

    var entries: [Entry] {
        lock.lock()
        defer { lock.unlock() }
        return list
    }
}

/// A stand-in for the Postman API and for a documentation host, over HTTPS with a test CA: collections and
/// environments by uid behind `X-Api-Key`, static files, and answers that go wrong on purpose.
final class PostmanStandIn: @unchecked Sendable {
    static let apiKey = "PMAK-planted-5f0c1e9a7b3d4c2e8a6f0b1d9c7e5a3f-tk"
    static let rateLimitedUID = "12345678-00000000-0000-4000-8000-000000000429"
    /// Answered with a redirect to `redirectTarget` (where the key must not follow).
    static let redirectedUID = "12345678-00000000-0000-4000-8000-000000000302"

    let ca: TestCA
    let log = RequestLog()
    private let server: HTTPServer
    // Set before the first request and only read afterwards.
    private let resources: [String: [UInt8]]
    private let files: [String: (type: String, bytes: [UInt8])]
    private let redirectTarget: String

    /// `resources`: API path (`/collections/<uid>`) → body; `files`: path → (Content-Type, body).
    init(resources: [String: [UInt8]], files: [String: (type: String, bytes: [UInt8])] = [:],
         redirectTarget: String = "https://127.0.0.1:9/elsewhere") throws {
        ca = try TestCA()
        self.resources = resources
        self.files = files
        self.redirectTarget = redirectTarget
        let tls = try HTTPServerTLS(certificateChain: ca.certificatePath, privateKey: ca.keyPath)
        let box = HandlerBox()
        server = HTTPServer(tls: tls, handler: HTTPReplyHandler { request in box.handler?(request) ?? .close })
        box.handler = { [unowned self] request in self.reply(to: request) }
        try server.start()
    }

    deinit { server.stop() }

    /// `https://127.0.0.1:<port>`.
    var baseURL: String { server.baseURL }

    private func reply(to request: HTTPRequest) -> HTTPReply {
        log.append(request)
        if let file = files[request.path] {
            return .response(.bytes(file.bytes, contentType: file.type))
        }
        switch request.path {
        case "/faults/truncated":
            // A head promising 4000 bytes, 120 of them, then the connection closes.
            let body = String(repeating: " ", count: 100) + #"{"info": {"name": "x"}"#
            return .raw(bytes: Array("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 4000\r\n\r\n\(body)".utf8),
                        thenClose: true)
        case "/faults/slow":
            // Half a collection, then a pause far longer than the test's --fetch-timeout, then the rest.
            let first = #"{"info": {"name": "slow"}, "#, rest = #""item": []}"#
            let head = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: \(first.utf8.count + rest.utf8.count)\r\n\r\n"
            return .script([.send(Array((head + first).utf8)), .pause(.seconds(4)), .send(Array(rest.utf8))])
        case "/faults/html":
            return .response(.text("<!DOCTYPE html><html><body><h1>Sign in</h1></body></html>", contentType: "text/html; charset=utf-8"))
        case "/faults/not-a-collection":
            return .response(.json(#"{"hello": "world"}"#))
        default:
            break
        }
        guard request.header("X-Api-Key") == Self.apiKey else {
            return .response(.json(#"{"error":{"name":"AuthenticationError","message":"Invalid API Key. Every request requires a valid API Key to be sent."}}"#,
                                   status: 401))
        }
        if request.path == "/collections/\(Self.redirectedUID)" {
            var response = HTTPResponse(status: 302)
            response.setHeader("Location", redirectTarget + "?token=\(Self.apiKey)")
            return .response(response)
        }
        if request.path == "/collections/\(Self.rateLimitedUID)" {
            var response = HTTPResponse.json(#"{"error":"rateLimited","message":"Rate limit exceeded. Please retry after 1731000000"}"#, status: 429)
            response.setHeader("Retry-After", "30")
            return .response(response)
        }
        guard let body = resources[request.path] else {
            return .response(.json(#"{"error":{"name":"instanceNotFoundError","message":"We could not find the collection you are looking for"}}"#,
                                   status: 404))
        }
        return .response(.bytes(body, contentType: "application/json; charset=utf-8"))
    }

    /// Lets the handler reach the stand-in, which is made after the server.
    private final class HandlerBox: @unchecked Sendable {
        var handler: (@Sendable (HTTPRequest) -> HTTPReply)?
    }
}

/// The hosts a collection sends to: answers every request with 200 and counts them, so a test can prove that
/// nothing was sent from a run that could not load its inputs.
final class CollectionHost: @unchecked Sendable {
    let log = RequestLog()
    private let server: HTTPServer

    init() throws {
        let log = log
        server = HTTPServer(handler: HTTPResponseHandler { request in
            log.append(request)
            return .json(#"{"ok": true}"#)
        })
        try server.start()
    }

    deinit { server.stop() }

    var baseURL: String { server.baseURL }
}

/// Small documents for the stand-ins.
enum RemoteFixtures {
    static let collectionUID = "12345678-0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d"
    static let environmentUID = "12345678-5e6f7a8b-9c0d-4e1f-a2b3-c4d5e6f7a8b9"

    /// A collection whose one request goes to `host` and whose test checks the answer; `info.updatedAt` set.
    static func collection(host: String, name: String = "Published echo") -> JSONValue {
        [
            "info": [
                "_postman_id": "0f0e0d0c-0b0a-4090-8070-605040302010", "name": .string(name),
                "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json",
                "updatedAt": "2025-10-01T08:30:00.000Z", "uid": .string(collectionUID),
            ],
            "item": [[
                "name": "Ping",
                "request": ["method": "GET", "url": .string("{{host}}/ping?who={{who}}")],
                "event": [["listen": "test", "script": ["exec": [
                    "pm.test('Status is 200', function () { pm.response.to.have.status(200); });",
                ]]]],
            ]],
            "variable": [["key": "host", "value": .string(host)], ["key": "who", "value": "collection"]],
        ]
    }

    /// The Postman API's answer: `{"collection": …}`.
    static func envelope(_ member: String, _ document: JSONValue) -> [UInt8] {
        Array(JSONValue.object([member: document]).serialized(indent: 2).utf8)
    }

    static func environment(name: String, values: [(String, String)], updatedAt: String? = nil) -> JSONValue {
        var object: JSONObject = [
            "id": "5e6f7a8b-9c0d-4e1f-a2b3-c4d5e6f7a8b9", "name": .string(name),
            "values": .array(values.map { ["key": .string($0.0), "value": .string($0.1), "enabled": true] }),
        ]
        if let updatedAt { object["updatedAt"] = .string(updatedAt) }
        return .object(object)
    }
}
