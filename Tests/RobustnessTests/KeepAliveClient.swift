import Foundation

/// A minimal blocking HTTP/1.1 client on one kept-alive connection to 127.0.0.1, for load and fault tests that
/// must control the bytes (a partial head, a huge header) and open many connections cheaply.
// Unchecked: each client is used by one thread at a time; the slowloris test hands a set to one other thread.
final class KeepAliveClient: @unchecked Sendable {
    struct Response {
        var status: Int
        var headers: [(String, String)]
        var body: [UInt8]
        var text: String { String(decoding: body, as: UTF8.self) }
    }

    enum Failure: Error { case connect, closed, malformed(String) }

    private let fd: Int32
    private var buffer: [UInt8] = []

    init(port: UInt16, receiveTimeoutSeconds: Int = 30) throws {
        fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = port.bigEndian
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0 }
        }
        guard connected else { close(fd); throw Failure.connect }
        var timeout = timeval(tv_sec: receiveTimeoutSeconds, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var one: Int32 = 1
        setsockopt(fd, Int32(IPPROTO_TCP), TCP_NODELAY, &one, socklen_t(MemoryLayout<Int32>.size))
    }

    deinit { close(fd) }

    /// Writes raw bytes; false when the peer is gone.
    @discardableResult
    func send(_ bytes: [UInt8]) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let sent = bytes[offset...].withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            if sent <= 0 { return false }
            offset += sent
        }
        return true
    }

    /// One request and its response.
    func request(_ method: String, _ target: String, headers: [(String, String)] = [], body: [UInt8]? = nil) throws -> Response {
        var head = "\(method) \(target) HTTP/1.1\r\nHost: 127.0.0.1\r\n"
        for (name, value) in headers { head += "\(name): \(value)\r\n" }
        if let body { head += "Content-Length: \(body.count)\r\n" }
        head += "\r\n"
        guard send(Array(head.utf8) + (body ?? [])) else { throw Failure.closed }
        return try readResponse()
    }

    /// Reads one response (Content-Length framed, or to the end of the connection).
    func readResponse() throws -> Response {
        var headEnd: Int?
        while headEnd == nil {
            if let end = find([13, 10, 13, 10]) { headEnd = end; break }
            guard try fill() else { throw Failure.closed }
        }
        guard let end = headEnd else { throw Failure.closed }
        let head = String(decoding: buffer[..<end], as: UTF8.self)
        buffer.removeFirst(end + 4)
        var lines = head.components(separatedBy: "\r\n")
        let statusLine = lines.removeFirst()
        let parts = statusLine.split(separator: " ")
        guard parts.count >= 2, let status = Int(parts[1]) else { throw Failure.malformed(statusLine) }
        var headers: [(String, String)] = []
        for line in lines {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers.append((String(line[..<colon]).lowercased(), line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)))
        }
        if headers.contains(where: { $0.0 == "transfer-encoding" }) { throw Failure.malformed("chunked responses are not read here") }
        // 204, 304 and 1xx never have a body (RFC 9112 §6.3), whatever the headers say.
        if status == 204 || status == 304 || status < 200 { return Response(status: status, headers: headers, body: []) }
        let length = headers.first { $0.0 == "content-length" }.flatMap { Int($0.1) }
        if let length {
            while buffer.count < length { guard try fill() else { throw Failure.closed } }
            let body = Array(buffer[..<length])
            buffer.removeFirst(length)
            return Response(status: status, headers: headers, body: body)
        }
        while try fill() {}
        defer { buffer.removeAll() }
        return Response(status: status, headers: headers, body: buffer)
    }

    /// Whether the peer has closed (reads until end of file or the timeout).
    func waitForClose() -> Bool {
        while true {
            guard let more = try? fill() else { return false }
            if !more { return true }
        }
    }

    private func find(_ pattern: [UInt8]) -> Int? {
        guard buffer.count >= pattern.count else { return nil }
        for index in 0...(buffer.count - pattern.count) where buffer[index] == pattern[0] {
            if Array(buffer[index..<(index + pattern.count)]) == pattern { return index }
        }
        return nil
    }

    /// Reads more; false at end of file.
    private func fill() throws -> Bool {
        var chunk = [UInt8](repeating: 0, count: 65536)
        let got = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
        if got < 0 { throw Failure.closed }
        if got == 0 { return false }
        buffer.append(contentsOf: chunk[..<got])
        return true
    }
}
