/// What the server does with a request: answer normally, or misbehave on purpose so clients' fault
/// handling can be tested (truncated heads, invalid status lines, slow drips, silent servers).
package enum HTTPReply: Sendable {
    /// Serialize and send the response in one write; keep-alive rules apply.
    case response(HTTPResponse)
    /// Send `bytes` verbatim, nothing added; close the connection afterwards when `thenClose`.
    case raw(bytes: [UInt8], thenClose: Bool)
    /// Send `bytes` verbatim, `bytesPerWrite` at a time with `delay` between writes, then close when `thenClose`.
    case drip(bytes: [UInt8], bytesPerWrite: Int, delay: Duration, thenClose: Bool)
    /// Send nothing for `duration` (or until the server stops), then close: a server that hangs.
    case stall(Duration)
    /// Close the connection at once without answering.
    case close
    /// Any sequence of sends and pauses, e.g. a head, a pause longer than the client's timeout, half a body;
    /// the connection closes after the last step unless it is `.keepOpen`.
    case script([HTTPReplyStep])
}

/// One step of a scripted reply.
package enum HTTPReplyStep: Sendable {
    /// Send these bytes verbatim.
    case send([UInt8])
    /// Wait (ended early when the server stops).
    case pause(Duration)
    /// As the last step: keep the connection for the next request instead of closing.
    case keepOpen
}

/// Handles every request of a server. Called on the connection's thread, concurrently across connections.
package protocol HTTPHandler: Sendable {
    /// The reply to `request`.
    func reply(to request: HTTPRequest) -> HTTPReply
}

/// A handler from a closure that may misbehave (returns an `HTTPReply`).
package struct HTTPReplyHandler: HTTPHandler {
    private let body: @Sendable (HTTPRequest) -> HTTPReply

    /// Wraps `body`.
    package init(_ body: @escaping @Sendable (HTTPRequest) -> HTTPReply) { self.body = body }

    /// Calls the closure.
    package func reply(to request: HTTPRequest) -> HTTPReply { body(request) }
}

/// A handler from a closure that always answers with a plain response.
package struct HTTPResponseHandler: HTTPHandler {
    private let body: @Sendable (HTTPRequest) -> HTTPResponse

    /// Wraps `body`.
    package init(_ body: @escaping @Sendable (HTTPRequest) -> HTTPResponse) { self.body = body }

    /// Calls the closure and sends its response.
    package func reply(to request: HTTPRequest) -> HTTPReply { .response(body(request)) }
}
