import CTLSShim

/// A certificate and key for serving HTTPS (`HTTPServer(tls:)`), loaded once and shared by every connection.
/// For tests that need a real TLS peer (a test CA passed to the client with `--ssl-extra-ca-certs`).
package final class HTTPServerTLS: @unchecked Sendable {
    // Unchecked: the OpenSSL context is configured in init and only read afterwards; SSL_CTX is safe to share
    // across threads once configured.
    let server: OpaquePointer

    /// Loads `certificateChain` (PEM, leaf first, then intermediates) and `privateKey` (PEM).
    package init(certificateChain: String, privateKey: String) throws(HTTPServerError) {
        var error = [CChar](repeating: 0, count: 512)
        guard let made = ctls_server_new(certificateChain, privateKey, &error, error.count) else {
            throw HTTPServerError(operation: "\(certificateChain): \(String(decoding: error.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self))", code: 0)
        }
        server = made
    }

    deinit { ctls_server_free(server) }

    /// The handshake on an accepted socket, or nil when the client fails it (wrong CA, plain HTTP, silence).
    func accept(_ fd: Int32, timeout: Duration) -> TLSSession? {
        var error = [CChar](repeating: 0, count: 256)
        guard let session = ctls_accept(server, fd, Int32(clamping: timeout.milliseconds), &error, error.count) else {
            return nil
        }
        return TLSSession(session)
    }
}

/// One connection's TLS state; reads and writes go through it instead of the socket.
final class TLSSession {
    private let session: OpaquePointer

    init(_ session: OpaquePointer) { self.session = session }
    deinit { ctls_session_free(session) }

    /// > 0 bytes read, 0 the peer closed, -1 an error.
    func read(into buffer: UnsafeMutableRawBufferPointer) -> Int {
        ctls_read(session, buffer.baseAddress, buffer.count)
    }

    /// Whether all bytes went out.
    func write(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBytes { ctls_write(session, $0.baseAddress, $0.count) == 0 }
    }

    /// Decrypted bytes waiting (the socket may have nothing more to say).
    var hasPendingBytes: Bool { ctls_pending(session) > 0 }

    /// close_notify.
    func shutdown() { ctls_shutdown(session) }
}
