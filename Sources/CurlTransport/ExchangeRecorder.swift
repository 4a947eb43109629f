import Foundation
import RunnerCore

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
        let line = String(decoding: bytes, as: UTF8.self).trimmingTrailingNewlines()
        if line.hasPrefix("HTTP/") {
            parseStatusLine(line)
            headEnded = false
            return
        }
        guard !line.isEmpty else { return }
        if line.first == " " || line.first == "\t", !headers.isEmpty {
            // obs-fold continuation of the previous header (RFC 7230 §3.2.4): joined with one space.
            headers[headers.count - 1].value += " " + line.trimmingSpaces()
            return
        }
        guard let colon = line.firstIndex(of: ":") else { return }
        headers.append(HTTPHeader(String(line[..<colon]), line[line.index(after: colon)...].trimmingSpaces()))
    }

    /// DEBUGFUNCTION with CURLINFO_HEADER_OUT. libcurl quirk: if a kept-alive connection turns out dead, curl
    /// silently re-sends the request on a new one; a head that follows a complete head replaces it.
    func receiveSentHead(_ bytes: UnsafeRawBufferPointer) {
        if sentHead.count >= 4 && Array(sentHead.suffix(4)) == [13, 10, 13, 10] { sentHead.removeAll() }
        sentHead.append(contentsOf: bytes)
    }

    private func parseStatusLine(_ line: String) {
        headers.removeAll()
        let fields = line.split(separator: " ", maxSplits: 2, omittingEmptySubsequences: true)
        httpVersion = fields.first.map(String.init) ?? "HTTP/1.1"
        code = fields.count > 1 ? Int(fields[1]) ?? 0 : 0
        reason = fields.count > 2 ? fields[2].trimmingSpaces() : ""
    }

    /// The sent head split into method, target and headers, or `nil` when curl reported none.
    func parsedSentHead() -> (method: String, headers: [HTTPHeader])? {
        guard !sentHead.isEmpty else { return nil }
        let text = String(decoding: sentHead, as: UTF8.self)
        // "\r\n" is one Character, so the standard split finds the line ends without Foundation's slower search
        // (which was 6% of a plain run's CPU).
        var lines = text.split(separator: "\r\n", omittingEmptySubsequences: false).makeIterator()
        guard let requestLine = lines.next(), let method = requestLine.split(separator: " ").first else { return nil }
        var sent: [HTTPHeader] = []
        while let line = lines.next(), !line.isEmpty {
            guard let colon = line.firstIndex(of: ":") else { continue }
            sent.append(HTTPHeader(String(line[..<colon]), line[line.index(after: colon)...].trimmingSpaces()))
        }
        return (String(method), sent)
    }
}
