/// `multipart/form-data` laid out as the form-data package (used by postman-request) writes it:
/// `--boundary CRLF headers CRLF CRLF value CRLF` per part, then `--boundary-- CRLF`.
package struct MultipartEncoder: Sendable {
    /// The boundary, without the leading `--`.
    package let boundary: String
    private var bytes: [UInt8] = []

    package init(boundary: String) { self.boundary = boundary }

    /// form-data's boundary: 26 dashes and 24 random decimal digits.
    package static func randomBoundary() -> String {
        var boundary = String(repeating: "-", count: 26)
        for _ in 0..<24 { boundary += String(Int.random(in: 0...9)) }
        return boundary
    }

    /// The `Content-Type` header value for this body.
    package var contentType: String { "multipart/form-data; boundary=" + boundary }

    /// Appends one part: `Content-Disposition: form-data; name="…"[; filename="…"]`, then `Content-Type` if any.
    package mutating func append(name: String, value: [UInt8], contentType: String?, fileName: String? = nil) {
        var head = "--" + boundary + "\r\n"
        head += "Content-Disposition: form-data; name=\"" + name + "\""
        if let fileName, !fileName.isEmpty { head += "; filename=\"" + fileName + "\"" }
        head += "\r\n"
        if let contentType { head += "Content-Type: " + contentType + "\r\n" }
        head += "\r\n"
        bytes += Array(head.utf8)
        bytes += value
        bytes += Array("\r\n".utf8)
    }

    /// The finished body, closing boundary included.
    package func finish() -> [UInt8] {
        bytes + Array(("--" + boundary + "--\r\n").utf8)
    }
}
