import Foundation
import RunContracts

/// Collects what curl's callbacks deliver during one `curl_easy_perform`: the response's status line and
/// headers, the (decoded) body, and the request head exactly as curl wrote it. Reached from C through an
/// unretained pointer that lives only for the duration of the call.
final class ExchangeRecorder {
    /// Abort the body once it would grow past this many bytes (0 = no limit).
    let maxBodyBytes: Int
    private(set) var code = 0
    private(set) var reason = ""
    private(set) var httpVersion = "HTTP/1.1"
    private(set) var headers: [HTTPHeader] = []
    private(set) var body: [UInt8] = []
    /// Set when the write callback refused data because of `maxBodyBytes`.
    private(set) var exceededBodyLimit = false
    /// Whether the blank line ending the last response head arrived.
    private(set) var headEnded = false
    /// The request head as sent (request line and header lines, CRLF-separated).
    private(set) var sentHead: [UInt8] = []

    init(maxBodyBytes: Int) { self.maxBodyBytes = maxBodyBytes }

    /// WRITEFUNCTION: returns how many bytes were taken; anything less makes curl stop with CURLE_WRITE_ERROR.
    func receiveBody(_ bytes: UnsafeRawBufferPointer) -> Int {
        if maxBodyBytes > 0 && body.count + bytes.count > maxBodyBytes {
            exceededBodyLimit = true
            return 0
        }
        body.append(contentsOf: bytes)
        return bytes.count
    }

    /// HEADERFUNCTION: one complete line per call, CRLF included. libcurl quirk: it reports the headers of
    /// every response it reads on this perform (1xx interim responses, a proxy's CONNECT reply), so a status
    /// line starts the list afresh and only the final response's headers remain.
    func receiveHeaderLine(_ bytes: UnsafeRawBufferPointer) {
        // Judged on bytes: in Swift "\r\n" is one Character, which string trimming of "\r" or "\n" misses.
        if bytes.allSatisfy({ $0 == 0x0D || $0 == 0x0A }) {
            headEnded = true
            return
        }
        let line = HeadBytes.withoutLineEnd(bytes, 0..<bytes.count)
        if bytes[line].starts(with: "HTTP/".utf8) {
            parseStatusLine(bytes, line)
            headEnded = false
            return
        }
        guard !line.isEmpty else { return }
        if bytes[line.lowerBound] == HeadBytes.space || bytes[line.lowerBound] == HeadBytes.tab, !headers.isEmpty {
            // obs-fold continuation of the previous header (RFC 7230 §3.2.4): joined with one space.
            headers[headers.count - 1].value += " " + HeadBytes.text(bytes, HeadBytes.withoutSpaces(bytes, line))
            return
        }
        if let field = HeadBytes.field(bytes, line) { headers.append(field) }
    }

    /// DEBUGFUNCTION with CURLINFO_HEADER_OUT. libcurl quirk: if a kept-alive connection turns out dead, curl
    /// silently re-sends the request on a new one; a head that follows a complete head replaces it.
    func receiveSentHead(_ bytes: UnsafeRawBufferPointer) {
        if sentHead.count >= 4 && Array(sentHead.suffix(4)) == [13, 10, 13, 10] { sentHead.removeAll() }
        sentHead.append(contentsOf: bytes)
    }

    private func parseStatusLine(_ bytes: UnsafeRawBufferPointer, _ line: Range<Int>) {
        headers.removeAll()
        let fields = bytes[line].allSatisfy({ $0 < 0x80 })
            ? HeadBytes.splitOnSpaces(bytes, line, maxSplits: 2).map { HeadBytes.text(bytes, $0) }
            : HeadBytes.text(bytes, line).split(separator: " ", maxSplits: 2, omittingEmptySubsequences: true).map(String.init)
        httpVersion = fields.first ?? "HTTP/1.1"
        code = fields.count > 1 ? Int(fields[1]) ?? 0 : 0
        reason = fields.count > 2 ? fields[2].trimmingSpaces() : ""
    }

    /// The sent head split into method, target and headers, or `nil` when curl reported none.
    func parsedSentHead() -> (method: String, headers: [HTTPHeader])? {
        guard !sentHead.isEmpty else { return nil }
        // Read through a buffer pointer: indexing the stored array went through its bounds and access checks
        // for every byte of every head.
        return sentHead.withUnsafeBufferPointer { head -> (method: String, headers: [HTTPHeader])? in
            let lines = HeadBytes.lines(head)
            // The method is the request line's first space-separated word.
            guard let requestLine = lines.first,
                  let methodStart = head[requestLine].firstIndex(where: { $0 != HeadBytes.space }) else { return nil }
            let methodEnd = head[methodStart..<requestLine.upperBound].firstIndex(of: HeadBytes.space) ?? requestLine.upperBound
            var sent: [HTTPHeader] = []
            sent.reserveCapacity(lines.count)
            for line in lines.dropFirst() {
                if line.isEmpty { break }
                if let field = HeadBytes.field(head, line) { sent.append(field) }
            }
            return (HeadBytes.text(head, methodStart..<methodEnd), sent)
        }
    }
}
