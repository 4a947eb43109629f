import Foundation

/// A request as the server parsed it. The raw head is kept so tests can check what a client sent, byte for byte.
package struct HTTPRequest: Sendable {
    /// The method token, e.g. `GET`.
    package var method: String
    /// The request-target exactly as received, e.g. `/a/b?x=1`.
    package var target: String
    /// The target before `?`, not percent-decoded.
    package var path: String
    /// The part after the first `?`, or nil when there is no `?`.
    package var query: String?
    /// The protocol version, e.g. `HTTP/1.1`.
    package var version: String
    /// The header fields in the order received.
    package var headers: [HTTPField]
    /// The body after Content-Length or chunked decoding.
    package var body: [UInt8]
    /// The peer as `address:port`.
    package var remoteAddress: String
    /// The request line and header lines exactly as received, including the final empty line.
    package var rawHead: [UInt8]

    /// A request value; the server builds these, tests of handlers may too.
    package init(
        method: String, target: String, version: String = "HTTP/1.1", headers: [HTTPField] = [],
        body: [UInt8] = [], remoteAddress: String = "", rawHead: [UInt8] = []
    ) {
        self.method = method
        self.target = target
        if let questionMark = target.firstIndex(of: "?") {
            path = String(target[..<questionMark])
            query = String(target[target.index(after: questionMark)...])
        } else {
            path = target
            query = nil
        }
        self.version = version
        self.headers = headers
        self.body = body
        self.remoteAddress = remoteAddress
        self.rawHead = rawHead
    }

    /// The value of the first header named `name`, ignoring case.
    package func header(_ name: String) -> String? { headers.value(for: name) }

    /// The query parameters, percent-decoded (`+` as space), in order; repeated names are kept.
    package var queryItems: [(name: String, value: String)] {
        guard let query, !query.isEmpty else { return [] }
        return query.split(separator: "&", omittingEmptySubsequences: true).map { pair in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = Self.formDecode(parts[0])
            let value = parts.count > 1 ? Self.formDecode(parts[1]) : ""
            return (name, value)
        }
    }

    /// The first query parameter named `name` (exact match), decoded.
    package func queryValue(_ name: String) -> String? {
        queryItems.first { $0.name == name }?.value
    }

    /// The body as UTF-8 text, invalid sequences replaced.
    package var bodyText: String { String(decoding: body, as: UTF8.self) }

    private static func formDecode(_ text: Substring) -> String {
        let spaced = text.replacingOccurrences(of: "+", with: " ")
        return spaced.removingPercentEncoding ?? spaced
    }
}
