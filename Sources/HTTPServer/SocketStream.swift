#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Why reading from a connection stopped.
enum SocketReadError: Error {
    /// The deadline passed before enough bytes arrived.
    case timedOut
    /// The peer closed (or the server shut the socket down during stop).
    case closed
}

/// Buffered reads with deadlines and whole writes on one connected socket. Used by a single connection
/// thread only, so it needs no lock.
final class SocketStream {
    let fd: Int32
    /// Received bytes not yet consumed start at `readIndex`.
    private(set) var buffer: [UInt8] = []
    private(set) var readIndex = 0

    /// Set on an HTTPS connection: bytes are decrypted and encrypted through it.
    let tls: TLSSession?

    init(fd: Int32, tls: TLSSession? = nil) {
        self.fd = fd
        self.tls = tls
    }

    /// Bytes received but not yet consumed.
    var unconsumedCount: Int { buffer.count - readIndex }

    /// Marks `count` buffered bytes as consumed, compacting the buffer once most of it is dead.
    func consume(_ count: Int) {
        readIndex += count
        if readIndex == buffer.count {
            buffer.removeAll(keepingCapacity: true)
            readIndex = 0
        } else if readIndex > 64 * 1024 && readIndex > buffer.count / 2 {
            buffer.removeFirst(readIndex)
            readIndex = 0
        }
    }

    /// Waits until more bytes arrive (before `deadline`) and appends them to the buffer.
    func receiveMore(before deadline: ContinuousClock.Instant) throws(SocketReadError) {
        while true {
            let remaining = ContinuousClock.now.duration(to: deadline)
            guard remaining > .zero else { throw .timedOut }
            if let tls, tls.hasPendingBytes {
                try receiveTLS(tls)
                return
            }
            var pollFD = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            let ready = poll(&pollFD, 1, Int32(clamping: remaining.milliseconds))
            if ready < 0 {
                if errno == EINTR { continue }
                throw .closed
            }
            if ready == 0 { continue }  // loop re-checks the deadline
            if let tls {
                try receiveTLS(tls)
                return
            }
            var chunk = [UInt8](repeating: 0, count: 16 * 1024)
            let received = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if received > 0 {
                buffer.append(contentsOf: chunk[0..<received])
                return
            }
            if received < 0 && (errno == EINTR || errno == EAGAIN) { continue }
            throw .closed
        }
    }

    /// One TLS read (the socket is readable or bytes are pending). A record may arrive in pieces: the read then
    /// blocks until it is whole, which `stop()` still ends by shutting the socket down.
    private func receiveTLS(_ tls: TLSSession) throws(SocketReadError) {
        var chunk = [UInt8](repeating: 0, count: 16 * 1024)
        let received = chunk.withUnsafeMutableBytes { tls.read(into: $0) }
        guard received > 0 else { throw .closed }
        buffer.append(contentsOf: chunk[0..<received])
    }

    /// Reads exactly `count` bytes, waiting at most `timeout` between arrivals.
    func readExactly(_ count: Int, idleTimeout timeout: Duration) throws(SocketReadError) -> [UInt8] {
        while unconsumedCount < count {
            try receiveMore(before: .now + timeout)
        }
        let bytes = Array(buffer[readIndex..<(readIndex + count)])
        consume(count)
        return bytes
    }

    /// Reads one line ending in LF (CR before it dropped), at most `maxLength` bytes long.
    /// Returns nil when the line grows past `maxLength`.
    func readLine(maxLength: Int, idleTimeout timeout: Duration) throws(SocketReadError) -> [UInt8]? {
        var scanned = readIndex
        while true {
            if let newline = buffer[scanned...].firstIndex(of: 0x0A) {
                var end = newline
                if end > readIndex && buffer[end - 1] == 0x0D { end -= 1 }
                let line = Array(buffer[readIndex..<end])
                consume(newline + 1 - readIndex)
                return line
            }
            scanned = buffer.count
            if unconsumedCount > maxLength { return nil }
            try receiveMore(before: .now + timeout)
        }
    }

    /// Sends all of `bytes`; false when the peer is gone. MSG_NOSIGNAL: a closed peer must not raise SIGPIPE.
    @discardableResult
    func writeAll(_ bytes: [UInt8]) -> Bool {
        if let tls { return tls.write(bytes) }
        return Self.writeAll(bytes, to: fd)
    }

    /// Sends all of `bytes` to `fd`; false when the peer is gone.
    @discardableResult
    static func writeAll(_ bytes: [UInt8], to fd: Int32) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let sent = bytes.withUnsafeBytes { raw in
                send(fd, raw.baseAddress.map { $0 + offset }, bytes.count - offset, Int32(MSG_NOSIGNAL))
            }
            if sent < 0 {
                if errno == EINTR { continue }
                return false
            }
            offset += sent
        }
        return true
    }

    /// Waits up to `duration` for the peer to close (or the server to shut the socket), discarding input.
    func waitForClose(upTo duration: Duration) {
        let deadline = ContinuousClock.now + duration
        while true {
            do {
                try receiveMore(before: deadline)
                consume(unconsumedCount)
            } catch {
                return
            }
        }
    }

    /// Waits `duration` unless the peer closes (or the server shuts the socket) first. Bytes arriving meanwhile
    /// are kept for the next request, so a pipelined request survives a scripted pause.
    func pause(for duration: Duration) {
        let deadline = ContinuousClock.now + duration
        while true {
            do {
                try receiveMore(before: deadline)
            } catch {
                return
            }
        }
    }

    /// Stops sending (the peer sees end of stream) and discards input until the peer closes, for at most 1 s.
    func closeGracefully() {
        tls?.shutdown()
        shutdown(fd, Int32(SHUT_WR))
        waitForClose(upTo: .seconds(1))
    }
}
