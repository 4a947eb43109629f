/// Why no request could be read; each case knows the answer the client gets, if any, before the close.
enum RequestReadError: Error {
    /// The peer closed or the keep-alive idle time ran out between requests: close silently.
    case connectionEnded
    /// The head did not arrive in time (slowloris) or the body stalled: close silently.
    case timedOut
    case malformed(String)
    case headerTooLarge
    case bodyTooLarge
    case unsupportedTransferCoding(String)
    case unsupportedVersion(String)
    case unmetExpectation(String)

    /// The error response to send before closing, or nil to close without a word.
    var response: HTTPResponse? {
        switch self {
        case .connectionEnded, .timedOut: nil
        case .malformed(let detail): .text("Bad Request: \(detail)\n", status: 400)
        case .headerTooLarge: .text("Request header fields too large\n", status: 431)
        case .bodyTooLarge: .text("Request body too large\n", status: 413)
        case .unsupportedTransferCoding(let coding): .text("Unsupported transfer coding: \(coding)\n", status: 501)
        case .unsupportedVersion(let version): .text("Unsupported HTTP version: \(version)\n", status: 505)
        case .unmetExpectation(let expectation): .text("Unsupported expectation: \(expectation)\n", status: 417)
        }
    }
}

/// Reads one HTTP/1.x request at a time from a connection, enforcing the server's limits.
struct HTTPRequestReader {
    let stream: SocketStream
    let limits: HTTPServerLimits
    let remoteAddress: String

    /// The next request on the connection. `isFirst` only changes which timeout guards the wait for it.
    func readRequest(isFirst: Bool) throws(RequestReadError) -> HTTPRequest {
        try awaitFirstByte(timeout: isFirst ? limits.headerReadTimeout : limits.idleTimeout)
        let rawHead = try readHead()
        let head = try HTTPHeadParser.parse(rawHead)
        let body = try readBody(for: head)
        return HTTPRequest(
            method: head.method, target: head.target, version: head.version, headers: head.headers,
            body: body, remoteAddress: remoteAddress, rawHead: rawHead)
    }

    /// Waits for the start of a request and drops the empty lines RFC 9112 §2.2 lets clients send before it.
    private func awaitFirstByte(timeout: Duration) throws(RequestReadError) {
        let deadline = ContinuousClock.now + timeout
        while true {
            while stream.unconsumedCount > 0, [0x0D, 0x0A].contains(stream.buffer[stream.readIndex]) {
                stream.consume(1)
            }
            if stream.unconsumedCount > 0 { return }
            do { try stream.receiveMore(before: deadline) } catch { throw .connectionEnded }
        }
    }

    /// Reads through the empty line ending the head; the whole head must arrive within the header timeout.
    private func readHead() throws(RequestReadError) -> [UInt8] {
        let deadline = ContinuousClock.now + limits.headerReadTimeout
        var searchFrom = stream.readIndex
        while true {
            if let end = Self.headEnd(in: stream.buffer, from: searchFrom, headStart: stream.readIndex) {
                let length = end - stream.readIndex
                guard length <= limits.maxHeaderBytes else { throw .headerTooLarge }
                let head = Array(stream.buffer[stream.readIndex..<end])
                stream.consume(length)
                return head
            }
            if stream.unconsumedCount > limits.maxHeaderBytes { throw .headerTooLarge }
            // Resume the search a little before the old end: the terminator may straddle two reads.
            searchFrom = max(stream.readIndex, stream.buffer.count - 3)
            do { try stream.receiveMore(before: deadline) } catch let error {
                throw error == .timedOut ? .timedOut : .connectionEnded
            }
        }
    }

    /// The index just past the blank line ending a head (`\r\n\r\n`, or bare `\n\n` from lenient clients).
    static func headEnd(in buffer: [UInt8], from start: Int, headStart: Int) -> Int? {
        var index = max(start, headStart)
        while index < buffer.count {
            if buffer[index] == 0x0A {
                if index + 1 < buffer.count, buffer[index + 1] == 0x0A { return index + 2 }
                if index + 2 < buffer.count, buffer[index + 1] == 0x0D, buffer[index + 2] == 0x0A { return index + 3 }
            }
            index += 1
        }
        return nil
    }

    private func readBody(for head: HTTPHead) throws(RequestReadError) -> [UInt8] {
        let framing = try BodyFraming(headers: head.headers)
        if case .length(let length) = framing, length > limits.maxBodyBytes { throw .bodyTooLarge }
        try answerExpectation(head: head, framing: framing)
        do {
            switch framing {
            case .none: return []
            case .length(let length): return try stream.readExactly(length, idleTimeout: limits.bodyReadTimeout)
            case .chunked: return try readChunkedBody()
            }
        } catch let error as SocketReadError {
            throw error == .timedOut ? .timedOut : .connectionEnded
        } catch let error as RequestReadError {
            throw error
        } catch {
            throw .connectionEnded
        }
    }

    /// Sends `100 Continue` when the client waits for it, unless it already started sending the body.
    private func answerExpectation(head: HTTPHead, framing: BodyFraming) throws(RequestReadError) {
        guard let expectation = head.headers.value(for: "Expect") else { return }
        guard expectation.caseInsensitiveEquals("100-continue") else { throw .unmetExpectation(expectation) }
        guard head.version == "HTTP/1.1", framing != .none, stream.unconsumedCount == 0 else { return }
        stream.writeAll(Array("HTTP/1.1 100 Continue\r\n\r\n".utf8))
    }

    /// Decodes `Transfer-Encoding: chunked` (RFC 9112 §7.1); extensions are ignored, trailers read and dropped.
    private func readChunkedBody() throws -> [UInt8] {
        var body: [UInt8] = []
        while true {
            guard let sizeLine = try stream.readLine(maxLength: 4096, idleTimeout: limits.bodyReadTimeout) else {
                throw RequestReadError.malformed("chunk size line too long")
            }
            guard let size = Self.chunkSize(sizeLine) else { throw RequestReadError.malformed("invalid chunk size") }
            if size == 0 { break }
            guard body.count + size <= limits.maxBodyBytes else { throw RequestReadError.bodyTooLarge }
            body += try stream.readExactly(size, idleTimeout: limits.bodyReadTimeout)
            let terminator = try stream.readLine(maxLength: 2, idleTimeout: limits.bodyReadTimeout)
            guard terminator == [] else { throw RequestReadError.malformed("chunk data not followed by CRLF") }
        }
        var trailerBytes = 0
        while true {
            guard let line = try stream.readLine(maxLength: limits.maxHeaderBytes, idleTimeout: limits.bodyReadTimeout)
            else { throw RequestReadError.headerTooLarge }
            if line.isEmpty { return body }
            trailerBytes += line.count
            if trailerBytes > limits.maxHeaderBytes { throw RequestReadError.headerTooLarge }
        }
    }

    /// The hexadecimal size before any `;extension`, or nil when invalid or absurdly large.
    static func chunkSize(_ line: [UInt8]) -> Int? {
        let digits = line.prefix { $0 != UInt8(ascii: ";") }.filter { $0 != 0x20 && $0 != 0x09 }
        guard !digits.isEmpty, digits.count <= 15 else { return nil }
        var size = 0
        for digit in digits {
            guard let value = hexValue(digit) else { return nil }
            size = size * 16 + value
        }
        return size
    }

    private static func hexValue(_ byte: UInt8) -> Int? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): Int(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): Int(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): Int(byte - UInt8(ascii: "A") + 10)
        default: nil
        }
    }
}

/// How the length of a request body is known (RFC 9112 §6.3).
enum BodyFraming: Equatable {
    case none
    case length(Int)
    case chunked

    init(headers: [HTTPField]) throws(RequestReadError) {
        let transferCodings = headers.values(for: "Transfer-Encoding")
        let lengths = headers.values(for: "Content-Length")
            .flatMap { $0.split(separator: ",") }
            .map { $0.trimmingCharacters(in: .whitespaces) }
        if !transferCodings.isEmpty {
            // Both framings at once is the classic request-smuggling shape: refuse it.
            guard lengths.isEmpty else { throw .malformed("both Transfer-Encoding and Content-Length") }
            let codings = transferCodings.flatMap { $0.split(separator: ",") }
                .map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
            guard codings == ["chunked"] else { throw .unsupportedTransferCoding(codings.joined(separator: ", ")) }
            self = .chunked
            return
        }
        guard let first = lengths.first else {
            self = .none
            return
        }
        guard lengths.allSatisfy({ $0 == first }), !first.isEmpty, first.count <= 18,
            first.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), let length = Int(first)
        else { throw .malformed("invalid Content-Length") }
        self = length == 0 ? .none : .length(length)
    }
}

import Foundation
