/// The two wire facts a client of this server needs too (the test suite's raw client, `LoopbackHTTPClient`):
/// where a head ends, and writing a whole buffer to a socket without SIGPIPE.
package enum HTTPWire {
    /// The index just past the blank line ending a message head in `buffer`, `nil` while it is incomplete.
    package static func headEnd(in buffer: [UInt8]) -> Int? {
        HTTPRequestReader.headEnd(in: buffer, from: 0, headStart: 0)
    }

    /// Writes every byte (retrying short writes); `false` when the peer is gone.
    package static func writeAll(_ bytes: [UInt8], to fd: Int32) -> Bool {
        SocketStream.writeAll(bytes, to: fd)
    }
}
