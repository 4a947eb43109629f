#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import HTTPServer

/// A response as read off the wire by `LoopbackHTTPClient`.
package struct LoopbackHTTPResponse: Sendable {
    /// The status line as received, e.g. `HTTP/1.1 200 OK`.
    package var statusLine: String
    /// The status code (-1 when the status line has none).
    package var status: Int
    /// The header fields in order.
    package var headers: [HTTPField]
    /// The body, framed by Content-Length.
    package var body: [UInt8]

    /// The first header named `name`, ignoring case.
    package func header(_ name: String) -> String? { headers.value(for: name) }
    /// The body as UTF-8 text.
    package var bodyText: String { String(decoding: body, as: UTF8.self) }
}

/// What went wrong talking to a server.
package struct LoopbackHTTPClientError: Error, Sendable, CustomStringConvertible {
    /// What happened.
    package var description: String
}

/// A deliberately dumb HTTP/1.1 client over a blocking IPv4 socket, for tests that must control every byte
/// sent (malformed requests, pipelining, half-sent heads) and see every byte received. Not for production use:
/// responses must be framed by Content-Length, and each instance is one connection used by one thread.
package final class LoopbackHTTPClient {
    private let fd: Int32
    private var buffer: [UInt8] = []

    /// Connects to `127.0.0.1:port`; reads give up after `timeout`.
    package init(port: UInt16, host: String = "127.0.0.1", timeout: Duration = .seconds(10)) throws(LoopbackHTTPClientError) {
        fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw LoopbackHTTPClientError(description: "socket: errno \(errno)") }
        let (seconds, attoseconds) = timeout.components
        var receiveTimeout = timeval(tv_sec: Int(seconds), tv_usec: Int(attoseconds / 1_000_000_000_000))
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &receiveTimeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        guard inet_pton(AF_INET, host, &address.sin_addr) == 1 else {
            close(fd)
            throw LoopbackHTTPClientError(description: "not an IPv4 address: \(host)")
        }
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else {
            let code = errno
            close(fd)
            throw LoopbackHTTPClientError(description: "connect to \(host):\(port): errno \(code)")
        }
    }

    deinit { close(fd) }

    /// Sends `text` as UTF-8, verbatim.
    package func send(_ text: String) throws(LoopbackHTTPClientError) { try send(Array(text.utf8)) }

    /// Sends `bytes` verbatim.
    package func send(_ bytes: [UInt8]) throws(LoopbackHTTPClientError) {
        guard HTTPWire.writeAll(bytes, to: fd) else { throw LoopbackHTTPClientError(description: "send failed: errno \(errno)") }
    }

    /// Sends a request with `Host` and (when there is a body) `Content-Length` added.
    package func sendRequest(
        _ method: String, _ target: String, headers: [HTTPField] = [], body: [UInt8] = []
    ) throws(LoopbackHTTPClientError) {
        var head = "\(method) \(target) HTTP/1.1\r\nHost: 127.0.0.1\r\n"
        for field in headers { head += "\(field.name): \(field.value)\r\n" }
        if !body.isEmpty || ["POST", "PUT", "PATCH"].contains(method) { head += "Content-Length: \(body.count)\r\n" }
        try send(Array((head + "\r\n").utf8) + body)
    }

    /// Reads one response; no body for HEAD, 1xx, 204 and 304, else exactly Content-Length bytes.
    package func readResponse(forHEAD: Bool = false) throws(LoopbackHTTPClientError) -> LoopbackHTTPResponse {
        var headEnd = HTTPWire.headEnd(in: buffer)
        while headEnd == nil {
            guard try receive() else {
                throw LoopbackHTTPClientError(description: "connection closed before the end of the head; got \(String(decoding: buffer, as: UTF8.self).debugDescription)")
            }
            headEnd = HTTPWire.headEnd(in: buffer)
        }
        let end = headEnd ?? buffer.count
        let lines = String(decoding: buffer[0..<end], as: UTF8.self)
            .split(whereSeparator: \.isNewline).map(String.init)  // "\r\n" is one Character in Swift
        buffer.removeFirst(end)
        let statusLine = lines.first ?? ""
        let statusParts = statusLine.split(separator: " ")
        let status = statusParts.count > 1 ? Int(statusParts[1]) ?? -1 : -1
        let headers = lines.dropFirst().compactMap { line -> HTTPField? in
            guard let colon = line.firstIndex(of: ":") else { return nil }
            return HTTPField(
                name: String(line[..<colon]), value: line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces))
        }
        let hasBody = !forHEAD && status >= 200 && status != 204 && status != 304
        let length = hasBody ? Int(headers.value(for: "Content-Length") ?? "0") ?? 0 : 0
        while buffer.count < length {
            guard try receive() else { throw LoopbackHTTPClientError(description: "connection closed in the body") }
        }
        let body = Array(buffer[0..<length])
        buffer.removeFirst(length)
        return LoopbackHTTPResponse(statusLine: statusLine, status: status, headers: headers, body: body)
    }

    /// Everything the server sends until it closes the connection.
    package func readToEnd() throws(LoopbackHTTPClientError) -> [UInt8] {
        while try receive() {}
        defer { buffer = [] }
        return buffer
    }

    /// Whether the server closed the connection without sending anything more.
    package func isClosedByServer() -> Bool {
        (try? readToEnd())?.isEmpty ?? false
    }

    /// Appends received bytes; false at end of stream.
    private func receive() throws(LoopbackHTTPClientError) -> Bool {
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        let received = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
        if received < 0 { throw LoopbackHTTPClientError(description: "recv failed or timed out: errno \(errno)") }
        if received == 0 { return false }
        buffer += chunk[0..<received]
        return true
    }
}
