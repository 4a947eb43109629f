/// A parsed request line and header block.
struct HTTPHead {
    var method: String
    var target: String
    var version: String
    var headers: [HTTPField]
}

/// Parses a request head strictly enough to refuse ambiguous input (RFC 9112 §3, §5).
enum HTTPHeadParser {
    static func parse(_ raw: [UInt8]) throws(RequestReadError) -> HTTPHead {
        var lines = raw.split(separator: 0x0A, omittingEmptySubsequences: false).map { line in
            line.last == 0x0D ? line.dropLast() : line
        }
        while lines.last?.isEmpty == true { lines.removeLast() }
        guard let requestLine = lines.first else { throw .malformed("empty request") }
        let (method, target, version) = try parseRequestLine(requestLine)
        var headers: [HTTPField] = []
        for line in lines.dropFirst() {
            headers.append(try parseField(line))
        }
        return HTTPHead(method: method, target: target, version: version, headers: headers)
    }

    private static func parseRequestLine(_ line: ArraySlice<UInt8>) throws(RequestReadError) -> (String, String, String) {
        let parts = line.split(separator: 0x20, omittingEmptySubsequences: false)
        guard parts.count == 3 else { throw .malformed("request line must be 'METHOD target HTTP/x.y'") }
        guard !parts[0].isEmpty, parts[0].allSatisfy(isTokenByte) else { throw .malformed("invalid method") }
        guard !parts[1].isEmpty, parts[1].allSatisfy({ $0 > 0x20 && $0 != 0x7F }) else {
            throw .malformed("invalid request target")
        }
        let version = String(decoding: parts[2], as: UTF8.self)
        guard version.hasPrefix("HTTP/"), version.count == 8,
            version.utf8.dropFirst(5).enumerated().allSatisfy({ index, byte in
                index == 1 ? byte == UInt8(ascii: ".") : (byte >= 0x30 && byte <= 0x39)
            })
        else { throw .malformed("invalid HTTP version") }
        guard version == "HTTP/1.1" || version == "HTTP/1.0" else { throw .unsupportedVersion(version) }
        return (String(decoding: parts[0], as: UTF8.self), String(decoding: parts[1], as: UTF8.self), version)
    }

    private static func parseField(_ line: ArraySlice<UInt8>) throws(RequestReadError) -> HTTPField {
        // Obsolete line folding and whitespace before the colon are both smuggling vectors (RFC 9112 §5.1–5.2).
        guard let first = line.first, first != 0x20, first != 0x09 else { throw .malformed("folded header line") }
        guard let colon = line.firstIndex(of: UInt8(ascii: ":")) else { throw .malformed("header line without ':'") }
        let name = line[line.startIndex..<colon]
        guard !name.isEmpty, name.allSatisfy(isTokenByte) else { throw .malformed("invalid header name") }
        var value = line[(colon + 1)...]
        while let byte = value.first, byte == 0x20 || byte == 0x09 { value = value.dropFirst() }
        while let byte = value.last, byte == 0x20 || byte == 0x09 { value = value.dropLast() }
        guard value.allSatisfy({ $0 == 0x09 || ($0 >= 0x20 && $0 != 0x7F) }) else {
            throw .malformed("control character in header value")
        }
        return HTTPField(name: String(decoding: name, as: UTF8.self), value: String(decoding: value, as: UTF8.self))
    }

    /// `tchar` of RFC 9110 §5.6.2.
    static func isTokenByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"):
            true
        default:
            Array("!#$%&'*+-.^_`|~".utf8).contains(byte)
        }
    }
}
