import RunContracts

/// The CURLOPT_HTTPHEADER lines that make curl send exactly a request's headers, in order.
enum CurlHeaderLines {
    /// Headers curl would otherwise add on its own; a bare `Name:` line tells curl not to send them.
    /// `Accept: */*` always; `Expect: 100-continue` for large bodies (it would stall the upload waiting for
    /// a reply Postman never asks for); `Accept-Encoding` because CURLOPT_ACCEPT_ENCODING is always set to
    /// turn decoding on; `Content-Type: application/x-www-form-urlencoded` whenever a body is set.
    static func lines(for request: PreparedRequest) -> [String] {
        var lines = request.headers.map { header in
            // libcurl quirk: `Name:` with nothing after the colon removes a header; `Name;` sends it empty.
            header.value.isEmpty ? "\(header.name);" : "\(header.name): \(header.value)"
        }
        for name in ["Accept", "Expect", "Accept-Encoding"] where !request.headers.contains(name: name) {
            lines.append("\(name):")
        }
        if request.body != nil && !request.headers.contains(name: "Content-Type") {
            lines.append("Content-Type:")
        }
        return lines
    }
}
