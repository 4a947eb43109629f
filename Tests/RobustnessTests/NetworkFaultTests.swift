import CarrierTestSupport
import Foundation
import HTTPServer
import JSONValue
import Testing

/// A server on 127.0.0.1 that misbehaves by route, to drive every network fault through `carrier run`.
final class FaultServer: Sendable {
    let server: HTTPServer
    private let log = ReceivedLog()
    static let dripBody = String(repeating: "drip-", count: 400)

    init() throws {
        let log = self.log
        server = HTTPServer(handler: HTTPReplyHandler { request in
            log.append(request)
            return FaultServer.reply(request.path)
        })
        try server.start()
    }
    deinit { server.stop() }
    var baseURL: String { server.baseURL }
    var paths: [String] { log.all.map(\.path) }

    private static func reply(_ path: String) -> HTTPReply {
        switch path {
        case "/close":
            return .close
        case "/mid-headers":
            return .raw(bytes: Array("HTTP/1.1 200 OK\r\nContent-Type: text/pl".utf8), thenClose: true)
        case "/mid-body":
            return .raw(bytes: Array("HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\nonly a part".utf8), thenClose: true)
        case "/bad-status":
            return .raw(bytes: Array("HTTQ/1.1 two hundred\r\nContent-Length: 0\r\n\r\n".utf8), thenClose: true)
        case "/stall":
            return .stall(.seconds(20))
        case "/big":
            return .response(HTTPResponse(status: 200, body: [UInt8](repeating: 0x61, count: 3_000_000)))
        case "/bad-gzip":
            let garbage: [UInt8] = Array("this is not gzip at all, not even close".utf8)
            return .raw(bytes: Array("HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\nContent-Length: \(garbage.count)\r\n\r\n".utf8) + garbage,
                        thenClose: true)
        case "/drip":
            let body = Array(dripBody.utf8)
            let head = Array("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: \(body.count)\r\n\r\n".utf8)
            return .drip(bytes: head + body, bytesPerWrite: 200, delay: .milliseconds(15), thenClose: true)
        default:
            return .response(HTTPResponse(status: 200, headers: [HTTPField(name: "Content-Type", value: "text/plain")],
                                          body: Array("ok".utf8)))
        }
    }
}

/// A TLS server from the `openssl` CLI with a self-signed certificate made for the test.
final class OpenSSLServer {
    let directory: TemporaryDirectory
    let port: UInt16
    private let process: Process
    var certificatePath: String { directory.path + "/cert.pem" }
    var baseURL: String { "https://127.0.0.1:\(port)" }

    init() throws {
        directory = try TemporaryDirectory()
        let made = try CarrierProcess.runExecutable("/usr/bin/openssl", [
            "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
            "-keyout", directory.path + "/key.pem", "-out", directory.path + "/cert.pem", "-days", "1",
            "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1",
        ])
        guard made.exitCode == 0 else { throw TestFailure("openssl req: \(made.standardError)") }
        port = try OpenSSLServer.freePort()
        process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/openssl")
        process.arguments = ["s_server", "-accept", "127.0.0.1:\(port)", "-cert", directory.path + "/cert.pem",
                             "-key", directory.path + "/key.pem", "-www", "-quiet"]
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        try OpenSSLServer.waitUntilListening(port)
    }

    deinit {
        kill(process.processIdentifier, SIGKILL)  // s_server does not stop on SIGTERM while idle
        process.waitUntilExit()
    }

    /// A port nothing listens on right now (bound to 0, read back, released).
    static func freePort() throws -> UInt16 {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) == 0 && getsockname(fd, $0, &length) == 0 }
        }
        guard bound else { throw TestFailure("no free port") }
        return UInt16(bigEndian: address.sin_port)
    }

    private static func waitUntilListening(_ port: UInt16) throws {
        for _ in 0..<100 {
            let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_addr.s_addr = inet_addr("127.0.0.1")
            address.sin_port = port.bigEndian
            let connected = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0 }
            }
            close(fd)
            if connected { return }
            usleep(50_000)
        }
        throw TestFailure("openssl s_server did not start")
    }
}

struct TestFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// Every network fault becomes a request error on that request with a clear message; the run goes on (or stops
/// under --bail), the JSON report counts it, and the exit code is 1.
@Suite("network faults", .serialized)
struct NetworkFaultTests {
    /// name, path, expected error code, a fragment of the message.
    static let faults: [(String, String, String, String)] = [
        ("closed without answer", "/close", "ECONNRESET", "socket hang up"),
        ("closed mid-headers", "/mid-headers", "", ""),
        ("closed mid-body", "/mid-body", "ECONNRESET", "aborted"),
        ("invalid status line", "/bad-status", "", ""),
        ("stalls past --timeout-request", "/stall", "ESOCKETTIMEDOUT", "ESOCKETTIMEDOUT"),
        ("body over --max-response-size", "/big", "EMAXRESPONSESIZE", "Maximum response size"),
        ("invalid gzip", "/bad-gzip", "Z_DATA_ERROR", ""),
    ]

    private func runSummary(_ arguments: [String], dir: TemporaryDirectory) throws -> (BoundedRun, JSONValue) {
        let result = try BoundedRun.carrier(arguments + ["-r", "cli,json", "--reporter-json-export", dir.path + "/s.json"],
                                            in: dir.path, seconds: 90)
        return (result, try readJSON(dir.path + "/s.json"))
    }

    @Test("each fault is a request error with a clear message; the run goes on; slow drips complete")
    func faultsAreRequestErrors() throws {
        let server = try FaultServer()
        let dir = try TemporaryDirectory()
        let refusedPort = try OpenSSLServer.freePort()
        var items = Self.faults.map { Fixture.request($0.0, url: server.baseURL + $0.1) }
        items.append(Fixture.request("connection refused", url: "http://127.0.0.1:\(refusedPort)/x"))
        items.append(Fixture.request("dns failure", url: "http://carrier-robustness.invalid/x"))
        items.append(Fixture.request("tls to a plain http server", url: "https://127.0.0.1:\(server.server.port)/ok"))
        items.append(Fixture.request("slow drip", url: server.baseURL + "/drip"))
        items.append(Fixture.request("still runs", url: server.baseURL + "/ok"))
        let collection = try dir.write("c.json", Fixture.collection(items: items))
        let (result, summary) = try runSummary(["run", collection, "--timeout-request", "1500", "--max-response-size", "1000000"], dir: dir)
        #expect(!result.timedOut && !result.signalled && result.crashMarkers.isEmpty, "\(result.standardError)")
        #expect(result.exitCode == 1)
        let executions = summary["run"]?["executions"]?.arrayValue ?? []
        try #require(executions.count == items.count, "every request ran")
        let faultCount = items.count - 2
        for (index, execution) in executions.enumerated() {
            let name = execution["item"]?["name"]?.stringValue ?? "?"
            let error = execution["requestError"]
            if index < faultCount {
                #expect(error != nil, "\(name): no request error")
                let message = error?["message"]?.stringValue ?? ""
                #expect(!message.isEmpty, "\(name): empty message")
                #expect(result.standardOutput.contains(name))
                if index < Self.faults.count {
                    let (_, _, code, fragment) = Self.faults[index]
                    if !code.isEmpty { #expect(error?["code"]?.stringValue == code, "\(name): \(String(describing: error))") }
                    if !fragment.isEmpty { #expect(message.contains(fragment), "\(name): \(message)") }
                }
            } else {
                #expect(error == nil, "\(name): \(String(describing: error))")
                #expect(execution["response"]?["code"] == 200, "\(name)")
            }
        }
        #expect(executions[faultCount - 3]["requestError"]?["code"] == "ECONNREFUSED")
        #expect(executions[faultCount - 2]["requestError"]?["code"] == "ENOTFOUND")
        #expect(summary["run"]?["stats"]?["requests"]?["failed"]?.doubleValue == Double(faultCount))
        #expect(summary["run"]?["failures"]?.arrayValue?.count == faultCount)
        #expect(executions[faultCount]["response"]?["responseSize"]?.doubleValue == Double(FaultServer.dripBody.utf8.count))
        #expect(server.paths.last == "/ok")
    }

    @Test("--bail stops after the first request error")
    func bailStops() throws {
        let server = try FaultServer()
        let dir = try TemporaryDirectory()
        let collection = try dir.write("c.json", Fixture.collection(items: [
            Fixture.request("closes", url: server.baseURL + "/close"),
            Fixture.request("never", url: server.baseURL + "/ok"),
        ]))
        let (result, summary) = try runSummary(["run", collection, "--bail"], dir: dir)
        #expect(result.exitCode == 1)
        #expect(summary["run"]?["failures"]?.arrayValue?.count == 1)
        #expect(!server.paths.contains("/ok"))
    }

    @Test("an untrusted self-signed certificate fails; -k and --ssl-extra-ca-certs succeed")
    func untrustedCertificate() throws {
        let tls = try OpenSSLServer()
        let dir = try TemporaryDirectory()
        let collection = try dir.write("c.json", Fixture.collection(items: [
            Fixture.request("self-signed", url: tls.baseURL + "/"),
            Fixture.request("after", url: tls.baseURL + "/again"),
        ]))
        let (refused, summary) = try runSummary(["run", collection], dir: dir)
        #expect(refused.exitCode == 1)
        let failures = summary["run"]?["failures"]?.arrayValue ?? []
        #expect(failures.count == 2, "the run went on to the second request")
        #expect(failures.first?["error"]?["code"] == "DEPTH_ZERO_SELF_SIGNED_CERT", "\(String(describing: failures.first))")

        let (insecure, insecureSummary) = try runSummary(["run", collection, "-k"], dir: dir)
        #expect(insecure.exitCode == 0, "\(insecure.standardOutput)")
        #expect(insecureSummary["run"]?["executions"]?[0]?["response"]?["code"] == 200)

        let (trusted, _) = try runSummary(["run", collection, "--ssl-extra-ca-certs", tls.certificatePath], dir: dir)
        #expect(trusted.exitCode == 0, "\(trusted.standardOutput)")
    }
}
