/// Bounds that keep one misbehaving client from exhausting the server.
package struct HTTPServerLimits: Sendable {
    /// Largest request line plus headers; beyond it the answer is 431 and the connection closes.
    package var maxHeaderBytes: Int
    /// Largest request body (declared or chunked); beyond it the answer is 413 and the connection closes.
    package var maxBodyBytes: Int
    /// Time allowed to receive a whole request head once its first byte arrived (slowloris guard).
    package var headerReadTimeout: Duration
    /// Time allowed between reads while receiving a body.
    package var bodyReadTimeout: Duration
    /// How long a kept-alive connection may wait for its next request.
    package var idleTimeout: Duration
    /// Open connections served at once; further connections get 503 and are closed.
    package var maxConnections: Int

    /// Defaults: 64 KiB of headers, 16 MiB of body, 10 s per head, 30 s per body read, 5 s idle, 256 connections.
    package init(
        maxHeaderBytes: Int = 64 * 1024,
        maxBodyBytes: Int = 16 * 1024 * 1024,
        headerReadTimeout: Duration = .seconds(10),
        bodyReadTimeout: Duration = .seconds(30),
        idleTimeout: Duration = .seconds(5),
        maxConnections: Int = 256
    ) {
        self.maxHeaderBytes = maxHeaderBytes
        self.maxBodyBytes = maxBodyBytes
        self.headerReadTimeout = headerReadTimeout
        self.bodyReadTimeout = bodyReadTimeout
        self.idleTimeout = idleTimeout
        self.maxConnections = maxConnections
    }
}

extension Duration {
    /// Whole milliseconds, rounded up so a tiny positive duration still waits.
    var milliseconds: Int {
        let (seconds, attoseconds) = components
        return Int(seconds) * 1000 + Int((attoseconds + 999_999_999_999_999) / 1_000_000_000_000_000)
    }
}
