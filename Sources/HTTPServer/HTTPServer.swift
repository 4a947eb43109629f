#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// A loopback HTTP/1.1 server: one thread accepts, one thread serves each connection.
///
/// ```swift
/// let server = HTTPServer(handler: HTTPResponseHandler { _ in .text("hello") })
/// try server.start()
/// // http://127.0.0.1:\(server.port)/
/// server.stop()
/// ```
package final class HTTPServer: Sendable {
    /// The address the server binds to.
    package let host: String
    private let requestedPort: UInt16
    // The threads hold the engine, not the server, so dropping the last reference to the server runs deinit
    // (which stops everything) even while threads are running.
    private let engine: ServerEngine

    /// Whether the server speaks HTTPS.
    package let isTLS: Bool

    /// A server for `handler` on `host:port`; port 0 lets the kernel choose a free one (read it from `port`).
    /// With `tls`, every connection starts with a TLS handshake (HTTPS); a client that fails it is dropped.
    package init(host: String = "127.0.0.1", port: UInt16 = 0, limits: HTTPServerLimits = .init(),
                 tls: HTTPServerTLS? = nil, handler: any HTTPHandler) {
        self.host = host
        self.requestedPort = port
        self.isTLS = tls != nil
        self.engine = ServerEngine(limits: limits, tls: tls, handler: handler)
    }

    /// A server whose handler always answers with a plain response.
    package convenience init(
        host: String = "127.0.0.1", port: UInt16 = 0, limits: HTTPServerLimits = .init(),
        respond: @escaping @Sendable (HTTPRequest) -> HTTPResponse
    ) {
        self.init(host: host, port: port, limits: limits, handler: HTTPResponseHandler(respond))
    }

    deinit { engine.stop() }

    /// Binds, listens and starts accepting. Throws when the address is invalid or taken, or when already started.
    package func start() throws(HTTPServerError) {
        try engine.start(host: host, port: requestedPort)
    }

    /// The port actually bound (useful with port 0); 0 before `start()`.
    package var port: UInt16 { engine.port }

    /// `http://host:port` (`https://` with TLS), for building request URLs in tests.
    package var baseURL: String {
        let scheme = isTLS ? "https" : "http"
        return host.contains(":") ? "\(scheme)://[\(host)]:\(port)" : "\(scheme)://\(host):\(port)"
    }

    /// Stops accepting, closes every connection and waits for all server threads to finish. Idempotent.
    /// Must not be called from inside a handler (it would wait for its own thread).
    package func stop() { engine.stop() }
}

/// The listener and the registry of open connections.
///
/// `@unchecked Sendable`: every mutable property is read and written only while holding `condition`,
/// which also lets `stop()` wait for the threads to leave.
private final class ServerEngine: @unchecked Sendable {
    private let limits: HTTPServerLimits
    private let handler: any HTTPHandler
    private let tls: HTTPServerTLS?
    private let condition = NSCondition()
    private var listenerFD: Int32 = -1
    private var boundPort: UInt16 = 0
    private var openConnections: Set<Int32> = []
    private var acceptThreadRunning = false
    private var started = false
    private var stopping = false

    init(limits: HTTPServerLimits, tls: HTTPServerTLS?, handler: any HTTPHandler) {
        self.limits = limits
        self.tls = tls
        self.handler = handler
    }

    var port: UInt16 {
        condition.lock()
        defer { condition.unlock() }
        return boundPort
    }

    func start(host: String, port: UInt16) throws(HTTPServerError) {
        condition.lock()
        defer { condition.unlock() }
        guard !started else { throw HTTPServerError(operation: "server already started", code: 0) }
        let fd = try ListeningSocket.open(host: host, port: port)
        listenerFD = fd
        boundPort = ListeningSocket.boundPort(of: fd)
        started = true
        acceptThreadRunning = true
        let thread = Thread { [self] in acceptLoop(listener: fd) }
        thread.name = "HTTPServer accept :\(boundPort)"
        thread.start()
    }

    func stop() {
        condition.lock()
        defer { condition.unlock() }
        guard started else { return }
        if !stopping {
            stopping = true
            // shutdown (not close) wakes threads blocked in accept/poll/recv without freeing the descriptor
            // number while they still use it; each owner closes its own descriptor on the way out.
            shutdown(listenerFD, Int32(SHUT_RDWR))
            for fd in openConnections { shutdown(fd, Int32(SHUT_RDWR)) }
        }
        while acceptThreadRunning || !openConnections.isEmpty { condition.wait() }
    }

    private func acceptLoop(listener: Int32) {
        while true {
            var storage = sockaddr_storage()
            var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
            let fd = withUnsafeMutablePointer(to: &storage) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { accept(listener, $0, &length) }
            }
            if fd < 0 {
                if errno == EINTR || errno == ECONNABORTED || errno == EMFILE || errno == ENFILE {
                    if isStopping { break }
                    if errno == EMFILE || errno == ENFILE { usleep(10_000) }
                    continue
                }
                break
            }
            admit(fd, peer: ListeningSocket.endpoint(of: storage))
        }
        condition.lock()
        close(listener)
        acceptThreadRunning = false
        condition.broadcast()
        condition.unlock()
    }

    private var isStopping: Bool {
        condition.lock()
        defer { condition.unlock() }
        return stopping
    }

    /// Registers and serves a new connection, or turns it away when stopping or at the connection cap.
    private func admit(_ fd: Int32, peer: (address: String, port: UInt16)) {
        var noDelay: Int32 = 1
        setsockopt(fd, Int32(IPPROTO_TCP), TCP_NODELAY, &noDelay, socklen_t(MemoryLayout<Int32>.size))
        condition.lock()
        if stopping {
            condition.unlock()
            close(fd)
            return
        }
        if openConnections.count >= limits.maxConnections {
            condition.unlock()
            // Over TLS nothing readable can be said before a handshake: just close.
            if tls != nil {
                close(fd)
                return
            }
            let busy = HTTPResponse.text("Too many connections\n", status: 503)
            SocketStream.writeAll(HTTPResponseSerializer.serialize(busy, forHEAD: false, closing: true), to: fd)
            close(fd)
            return
        }
        openConnections.insert(fd)
        condition.unlock()
        let remote = peer.address.contains(":") ? "[\(peer.address)]:\(peer.port)" : "\(peer.address):\(peer.port)"
        let thread = Thread { [self] in
            if let tls {
                if let session = tls.accept(fd, timeout: limits.headerReadTimeout) {
                    HTTPConnection(stream: SocketStream(fd: fd, tls: session), limits: limits, handler: handler,
                                   remoteAddress: remote).serve()
                }
            } else {
                HTTPConnection(stream: SocketStream(fd: fd), limits: limits, handler: handler, remoteAddress: remote).serve()
            }
            condition.lock()
            openConnections.remove(fd)
            close(fd)
            condition.broadcast()
            condition.unlock()
        }
        thread.name = "HTTPServer connection \(remote)"
        thread.start()
    }
}
