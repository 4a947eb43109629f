import HTTPServer
import JSONValue

/// Building SCIM HTTP responses and reading SCIM request bodies.
enum SCIMResponses {
    static let scimContentType = "application/scim+json; charset=utf-8"
    static let plainJSONContentType = "application/json; charset=utf-8"

    /// A JSON response with the SCIM media type (or plain JSON when the wrong-content-type fault is on).
    static func json(_ value: JSONValue, status: Int = 200, faults: SCIMFaults, headers: [HTTPField] = []) -> HTTPResponse {
        let contentType = faults.contains(.wrongContentType) ? plainJSONContentType : scimContentType
        var response = HTTPResponse.json(value.serialized(), status: status, contentType: contentType)
        response.headers += headers
        return response
    }

    /// The RFC 7644 §3.12 error response, as broken as the faults make it.
    static func error(_ error: SCIMError, faults: SCIMFaults, headers: [HTTPField] = []) -> HTTPResponse {
        if error.scimType == .invalidFilter, faults.contains(.htmlErrorOnBadFilter) {
            // What a framework's default error page looks like when the filter parser throws.
            let page = "<!DOCTYPE html>\n<html><head><title>500 Internal Server Error</title></head>"
                + "<body><h1>Internal Server Error</h1><p>The server encountered an unexpected condition.</p></body></html>\n"
            return .text(page, status: 500, contentType: "text/html; charset=utf-8")
        }
        let body = error.json(
            statusAsString: !faults.contains(.statusAsNumber), includingSCIMType: !faults.contains(.errorsWithoutSCIMType))
        return json(body, status: error.status, faults: faults, headers: headers)
    }

    /// The request body as JSON: `application/scim+json` or `application/json` (or no type), else 415.
    static func body(of request: HTTPRequest) throws(SCIMError) -> JSONValue {
        if let contentType = request.header("Content-Type") {
            let mediaType = contentType.split(separator: ";").first?.trimmingCharacters(in: .whitespaces).lowercased() ?? ""
            guard ["application/scim+json", "application/json"].contains(mediaType) else {
                throw SCIMError(status: 415, detail: "Content-Type must be application/scim+json or application/json")
            }
        }
        guard !request.body.isEmpty else { throw .invalidSyntax("the request body is empty") }
        do {
            return try JSONParser.parse(bytes: request.body)
        } catch {
            throw .invalidSyntax("the request body is not valid JSON: \(error)")
        }
    }
}
