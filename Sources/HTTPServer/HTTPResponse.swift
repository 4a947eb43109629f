/// A response the server serializes and sends in one write. `Content-Length` and `Date` are added unless set.
package struct HTTPResponse: Sendable {
    /// The status code, e.g. 200.
    package var status: Int
    /// The reason phrase on the status line.
    package var reason: String
    /// Header fields in the order they are sent.
    package var headers: [HTTPField]
    /// The body; not sent for HEAD requests, though its length is announced.
    package var body: [UInt8]

    /// A response with the standard reason phrase for `status` unless `reason` is given.
    package init(status: Int, reason: String? = nil, headers: [HTTPField] = [], body: [UInt8] = []) {
        self.status = status
        self.reason = reason ?? HTTPStatus.reasonPhrase(for: status)
        self.headers = headers
        self.body = body
    }

    /// A UTF-8 text response.
    package static func text(
        _ text: String, status: Int = 200, contentType: String = "text/plain; charset=utf-8"
    ) -> HTTPResponse {
        HTTPResponse(status: status, headers: [HTTPField(name: "Content-Type", value: contentType)], body: Array(text.utf8))
    }

    /// A JSON response from already-serialized text. (HTTPServer does not depend on the JSONValue module, so
    /// callers pass `value.serialized()`; this keeps the server free of the JSON model.)
    package static func json(
        _ serializedJSON: String, status: Int = 200, contentType: String = "application/json; charset=utf-8"
    ) -> HTTPResponse {
        text(serializedJSON, status: status, contentType: contentType)
    }

    /// A response carrying `bytes` with the given content type.
    package static func bytes(
        _ bytes: [UInt8], status: Int = 200, contentType: String = "application/octet-stream"
    ) -> HTTPResponse {
        HTTPResponse(status: status, headers: [HTTPField(name: "Content-Type", value: contentType)], body: bytes)
    }

    /// The value of the first header named `name`, ignoring case.
    package func header(_ name: String) -> String? { headers.value(for: name) }

    /// Sets `name` to `value`, replacing every existing field of that name (case-insensitive).
    package mutating func setHeader(_ name: String, _ value: String) {
        headers.removeAll { $0.name.caseInsensitiveEquals(name) }
        headers.append(HTTPField(name: name, value: value))
    }
}
