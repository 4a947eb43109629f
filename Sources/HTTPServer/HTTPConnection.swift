import Foundation

/// Serves the requests of one accepted connection, in order, on the connection's own thread.
struct HTTPConnection {
    let stream: SocketStream
    let limits: HTTPServerLimits
    let handler: any HTTPHandler
    let remoteAddress: String

    /// Reads and answers requests until either side closes, a limit is hit or a reply asks to close.
    func serve() {
        let reader = HTTPRequestReader(stream: stream, limits: limits, remoteAddress: remoteAddress)
        var isFirst = true
        while true {
            let request: HTTPRequest
            do {
                request = try reader.readRequest(isFirst: isFirst)
            } catch {
                if let response = error.response {
                    stream.writeAll(HTTPResponseSerializer.serialize(response, forHEAD: false, closing: true))
                    // Closing with unread input (say, the rest of a 413 body) makes the kernel send RST, which
                    // can destroy the answer before the client reads it: half-close, then drain briefly.
                    stream.closeGracefully()
                }
                return
            }
            isFirst = false
            guard send(handler.reply(to: request), for: request) else { return }
        }
    }

    /// Performs `reply`; returns whether the connection stays open for another request.
    private func send(_ reply: HTTPReply, for request: HTTPRequest) -> Bool {
        switch reply {
        case .response(var response):
            let keepAlive = Self.keepsAlive(request: request, response: response)
            if keepAlive, request.version == "HTTP/1.0", response.header("Connection") == nil {
                // HTTP/1.0 clients assume close unless told the connection persists.
                response.setHeader("Connection", "keep-alive")
            }
            let bytes = HTTPResponseSerializer.serialize(response, forHEAD: request.method == "HEAD", closing: !keepAlive)
            return stream.writeAll(bytes) && keepAlive
        case .raw(let bytes, let thenClose):
            return stream.writeAll(bytes) && !thenClose
        case .drip(let bytes, let bytesPerWrite, let delay, let thenClose):
            var offset = 0
            while offset < bytes.count {
                let end = min(bytes.count, offset + max(1, bytesPerWrite))
                guard stream.writeAll(Array(bytes[offset..<end])) else { return false }
                offset = end
                if offset < bytes.count { stream.pause(for: delay) }  // wakes early when the server stops
            }
            return !thenClose
        case .stall(let duration):
            stream.waitForClose(upTo: duration)
            return false
        case .close:
            return false
        case .script(let steps):
            for step in steps {
                switch step {
                case .send(let bytes):
                    guard stream.writeAll(bytes) else { return false }
                case .pause(let duration):
                    stream.pause(for: duration)
                case .keepOpen:
                    return true
                }
            }
            return false
        }
    }

    /// HTTP/1.1 keeps alive unless either side says `close`; HTTP/1.0 only when the client asks for keep-alive.
    static func keepsAlive(request: HTTPRequest, response: HTTPResponse) -> Bool {
        if let connection = response.header("Connection"), connection.containsToken("close") { return false }
        let requested = request.header("Connection") ?? ""
        if request.version == "HTTP/1.0" { return requested.containsToken("keep-alive") }
        return !requested.containsToken("close")
    }
}
