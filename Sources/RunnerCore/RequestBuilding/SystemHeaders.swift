import AuthSigning
import RunContracts
import Foundation

/// The final header list, in the order Newman puts headers on the wire: the user's (with auth's changes), a raw or
/// graphql body's default `Content-Type`, the system headers postman-runtime adds when absent, then what
/// postman-request adds (`Authorization` from URL credentials, a form body's `Content-Type`).
struct SystemHeaders {
    var userAgent: String
    var token: String
    var disabled: Set<String>

    func assemble(_ headers: [HTTPHeader], body: EncodedBody?, url: EncodedURL) -> [HTTPHeader] {
        var headers = headers
        if case .systemDefault(let type)? = body?.contentType, !disabled.contains("content-type"),
           !headers.contains(name: "Content-Type") {
            headers.append(HTTPHeader("Content-Type", type))
        }
        let system = [
            ("User-Agent", userAgent), ("Accept", "*/*"), ("Cache-Control", "no-cache"), ("Postman-Token", token),
            ("Host", url.hostHeader), ("Accept-Encoding", "gzip, deflate, br"), ("Connection", "keep-alive"),
        ]
        for (name, value) in system where !isDisabled(name) && !SystemHeaders.has(headers, name) {
            headers.append(HTTPHeader(name, value))
        }
        headers = SystemHeaders.groupedByName(headers)
        if let credentials = url.credentials, !headers.contains(name: "Authorization") {
            let text = URLEncoding.percentDecoded(credentials.user) + ":" + URLEncoding.percentDecoded(credentials.password)
            headers.append(HTTPHeader("Authorization", BasicAuthSigner.headerValue(text)))
        }
        if case .clientForced(let type, let keepPrefix)? = body?.contentType, !disabled.contains("content-type") {
            if let index = headers.lastIndex(where: { $0.name.lowercased() == "content-type" }) {
                if keepPrefix.isEmpty || !headers[index].value.lowercased().hasPrefix(keepPrefix) {
                    headers[index].value = type
                }
            } else {
                headers.append(HTTPHeader("Content-Type", type))
            }
        }
        return headers
    }

    /// Lower-cases the name only when some system header is disabled, which few requests ask for.
    private func isDisabled(_ name: String) -> Bool { !disabled.isEmpty && disabled.contains(name.lowercased()) }

    /// Node's checks before sending, with its messages: names must be HTTP tokens; values may hold tab and
    /// printable Latin-1 only (a newline would split the header, a character above U+00FF cannot be sent).
    static func validate(_ headers: [HTTPHeader]) throws(RequestBuildError) {
        for header in headers {
            // Plain ASCII tokens and values, the usual case, are checked byte by byte: the Unicode property
            // lookups below were 1.5% of a plain run's samples.
            if isPlainToken(header.name) && isPlainValue(header.value) { continue }
            let validName = !header.name.isEmpty && header.name.unicodeScalars.allSatisfy { scalar in
                scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)
                    || "!#$%&'*+-.^_`|~".unicodeScalars.contains(scalar))
            }
            guard validName else { throw RequestBuildError("Header name must be a valid HTTP token [\"\(header.name)\"]") }
            let validValue = header.value.unicodeScalars.allSatisfy { scalar in
                scalar == "\t" || (0x20...0x7E).contains(scalar.value) || (0x80...0xFF).contains(scalar.value)
            }
            guard validValue else { throw RequestBuildError("Invalid character in header content [\"\(header.name)\"]") }
        }
    }

    /// An HTTP token of ASCII letters, digits and `!#$%&'*+-.^_`|~` (what `validate` accepts, decided on bytes).
    private static func isPlainToken(_ name: String) -> Bool {
        !name.isEmpty && allBytes(name) { byte in
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "!"), UInt8(ascii: "#"), UInt8(ascii: "$"), UInt8(ascii: "%"), UInt8(ascii: "&"), UInt8(ascii: "'"),
                 UInt8(ascii: "*"), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "^"), UInt8(ascii: "_"),
                 UInt8(ascii: "`"), UInt8(ascii: "|"), UInt8(ascii: "~"):
                true
            default:
                false
            }
        }
    }

    /// Tab and printable ASCII only (a subset of what `validate` accepts).
    private static func isPlainValue(_ value: String) -> Bool {
        allBytes(value) { $0 == 0x09 || (0x20...0x7E).contains($0) }
    }

    /// Whether every UTF-8 byte passes, read from the string's own storage when it has one.
    private static func allBytes(_ text: String, _ accept: (UInt8) -> Bool) -> Bool {
        text.utf8.withContiguousStorageIfAvailable { $0.allSatisfy(accept) } ?? text.utf8.allSatisfy(accept)
    }

    /// `headers.contains(name:)` without lower-casing every name on every lookup.
    static func has(_ headers: [HTTPHeader], _ name: String) -> Bool {
        headers.contains { HTTPHeader.sameName($0.name, name) }
    }

    /// The runtime hands headers to the client as an object, so repeated names (exact spelling) travel together
    /// at the first one's place.
    static func groupedByName(_ headers: [HTTPHeader]) -> [HTTPHeader] {
        // Usually every name is different and the order stays as it is; checking that pairwise is cheaper than
        // the dictionary for the ten or so headers of a request.
        if headers.count <= 32 {
            var repeated = false
            for index in headers.indices where !repeated {
                repeated = headers[(index + 1)...].contains { $0.name == headers[index].name }
            }
            if !repeated { return headers }
        }
        var order: [String] = []
        var byName: [String: [HTTPHeader]] = [:]
        for header in headers {
            if byName[header.name] == nil { order.append(header.name) }
            byName[header.name, default: []].append(header)
        }
        return order.flatMap { byName[$0] ?? [] }
    }
}
