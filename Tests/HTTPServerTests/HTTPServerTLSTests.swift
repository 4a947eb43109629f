import Foundation
import Testing

@testable import HTTPServer

/// HTTPS: the same server behind a TLS handshake, checked with the curl command line (a client we did not write).
@Suite("HTTPServer over TLS")
struct HTTPServerTLSTests {
    /// A self-signed certificate for 127.0.0.1 in a fresh directory.
    private static func certificate() throws -> (certificate: String, key: String) {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("carrier-https-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let certificate = directory + "/cert.pem", key = directory + "/key.pem"
        let (status, _) = try run("/usr/bin/openssl", ["req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1",
                                                       "-nodes", "-keyout", key, "-out", certificate, "-days", "2",
                                                       "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1"])
        #expect(status == 0)
        return (certificate, key)
    }

    private static func run(_ executable: String, _ arguments: [String]) throws -> (Int32, String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    private static func server(_ files: (certificate: String, key: String), seen: Counter) throws -> HTTPServer {
        let tls = try HTTPServerTLS(certificateChain: files.certificate, privateKey: files.key)
        let server = HTTPServer(tls: tls, handler: HTTPResponseHandler { request in
            seen.add(request.remoteAddress)
            return .text("secure \(request.path)")
        })
        try server.start()
        return server
    }

    /// Remote addresses of the requests served (one per connection when keep-alive works).
    final class Counter: @unchecked Sendable {
        private let lock = NSLock()
        private var addresses: [String] = []
        func add(_ address: String) { lock.lock(); addresses.append(address); lock.unlock() }
        var all: [String] { lock.lock(); defer { lock.unlock() }; return addresses }
    }

    @Test("a client trusting the certificate gets answers, two requests on one kept-alive connection")
    func servesHTTPS() throws {
        let files = try Self.certificate()
        let seen = Counter()
        let server = try Self.server(files, seen: seen)
        defer { server.stop() }
        #expect(server.baseURL == "https://127.0.0.1:\(server.port)")
        let (status, body) = try Self.run("/usr/bin/curl", ["-sS", "--cacert", files.certificate,
                                                            server.baseURL + "/one", server.baseURL + "/two"])
        #expect(status == 0)
        #expect(body == "secure /onesecure /two")
        #expect(seen.all.count == 2)
        #expect(Set(seen.all).count == 1)
    }

    @Test("a client that does not trust it, or speaks plain HTTP, is dropped and the server goes on serving")
    func dropsFailedHandshakes() throws {
        let files = try Self.certificate()
        let seen = Counter()
        let server = try Self.server(files, seen: seen)
        defer { server.stop() }
        let (untrusted, _) = try Self.run("/usr/bin/curl", ["-sS", "--max-time", "5", server.baseURL + "/x"])
        #expect(untrusted == 60)  // curl: peer certificate cannot be authenticated
        let (plain, _) = try Self.run("/usr/bin/curl", ["-sS", "--max-time", "5", "http://127.0.0.1:\(server.port)/x"])
        #expect(plain != 0)
        #expect(seen.all.isEmpty)
        let (status, body) = try Self.run("/usr/bin/curl", ["-sS", "--cacert", files.certificate, server.baseURL + "/after"])
        #expect(status == 0)
        #expect(body == "secure /after")
    }

    @Test("a certificate file that does not exist is one error naming it")
    func missingCertificate() {
        #expect(throws: HTTPServerError.self) {
            try HTTPServerTLS(certificateChain: "/nonexistent/cert.pem", privateKey: "/nonexistent/key.pem")
        }
    }
}
