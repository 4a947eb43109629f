import Foundation
import HTTPServer
import JSONValue

/// The SCIM 2.0 service provider as an HTTP handler: authentication, routing and the User endpoints.
package final class SCIMService: HTTPHandler {
    /// The user store the endpoints read and write.
    package let store: SCIMUserStore
    let basePath: String
    let faults: SCIMFaults
    let maxResults: Int
    private let username: String
    private let password: String

    /// A service for `store`, accepting Basic credentials `username`/`password` under `basePath`.
    package init(
        store: SCIMUserStore, username: String, password: String, basePath: String = "/scim/v2",
        faults: SCIMFaults = [], maxResults: Int = 200
    ) {
        self.store = store
        self.username = username
        self.password = password
        self.basePath = basePath.hasSuffix("/") ? String(basePath.dropLast()) : basePath
        self.faults = faults
        self.maxResults = maxResults
    }

    /// Answers every request with a SCIM response.
    package func reply(to request: HTTPRequest) -> HTTPReply { .response(handle(request)) }

    /// The response to `request`; errors become RFC 7644 §3.12 error bodies.
    package func handle(_ request: HTTPRequest) -> HTTPResponse {
        guard let segments = routeSegments(of: request.path) else {
            return SCIMResponses.error(.notFound("no SCIM endpoint at \(request.path); the base is \(basePath)"), faults: faults)
        }
        guard isAuthorized(request) else {
            return SCIMResponses.error(
                SCIMError(status: 401, detail: "authentication required: HTTP Basic with the configured credentials"),
                faults: faults, headers: [HTTPField(name: "WWW-Authenticate", value: "Basic realm=\"SCIM\"")])
        }
        do {
            return try route(request, segments: segments)
        } catch {
            return SCIMResponses.error(error, faults: faults)
        }
    }

    /// The decoded path segments after the base path, or nil when the path is outside it.
    private func routeSegments(of path: String) -> [String]? {
        guard path == basePath || path.hasPrefix(basePath + "/") else { return nil }
        return path.dropFirst(basePath.count).split(separator: "/").map { String($0).removingPercentEncoding ?? String($0) }
    }

    private func route(_ request: HTTPRequest, segments: [String]) throws(SCIMError) -> HTTPResponse {
        let method = request.method == "HEAD" ? "GET" : request.method
        let base = baseURL(for: request)
        switch segments {
        case ["ServiceProviderConfig"]:
            try allow(method, ["GET"])
            return SCIMResponses.json(SCIMDiscovery.serviceProviderConfig(baseURL: base, maxResults: maxResults), faults: faults)
        case ["ResourceTypes"]:
            try allow(method, ["GET"])
            return SCIMResponses.json(SCIMDiscovery.listResponse([SCIMDiscovery.userResourceType(baseURL: base)]), faults: faults)
        case ["ResourceTypes", "User"]:
            try allow(method, ["GET"])
            return SCIMResponses.json(SCIMDiscovery.userResourceType(baseURL: base), faults: faults)
        case ["Schemas"]:
            try allow(method, ["GET"])
            return SCIMResponses.json(SCIMDiscovery.listResponse(SCIMDiscovery.schemas(baseURL: base)), faults: faults)
        case _ where segments.count == 2 && segments[0] == "Schemas":
            try allow(method, ["GET"])
            guard let schema = SCIMUserSchemas.schema(urn: segments[1]) else { throw .notFound("no schema \(segments[1])") }
            return SCIMResponses.json(schema.json(location: "\(base)/Schemas/\(schema.id)"), faults: faults)
        case ["Users"]:
            try allow(method, ["GET", "POST"])
            return method == "GET" ? try listUsers(request) : try createUser(request)
        case ["Users", ".search"]:
            try allow(method, ["POST"])
            return try searchUsers(request)
        case _ where segments.count == 2 && segments[0] == "Users":
            try allow(method, ["GET", "PUT", "PATCH", "DELETE"])
            let id = segments[1]
            switch method {
            case "GET": return try getUser(request, id: id)
            case "PUT": return try replaceUser(request, id: id)
            case "PATCH": return try patchUser(request, id: id)
            default: return try deleteUser(request, id: id)
            }
        default:
            throw .notFound("no SCIM endpoint at \(request.path)")
        }
    }

    /// `405` with an `Allow` header unless `method` is one of `allowed`.
    private func allow(_ method: String, _ allowed: [String]) throws(SCIMError) {
        guard allowed.contains(method) else {
            throw SCIMError(status: 405, detail: "\(method) is not allowed here; allowed: \(allowed.joined(separator: ", "))")
        }
    }

    /// `http://host/scim/v2` as the client addressed us, for `Location` and `meta.location`.
    func baseURL(for request: HTTPRequest) -> String {
        "http://\(request.header("Host") ?? "127.0.0.1")\(basePath)"
    }

    /// HTTP Basic (RFC 7617) against the configured credentials, compared without early exit.
    private func isAuthorized(_ request: HTTPRequest) -> Bool {
        guard let header = request.header("Authorization") else { return false }
        let parts = header.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, parts[0].lowercased() == "basic",
            let decoded = Data(base64Encoded: String(parts[1]).trimmingCharacters(in: .whitespaces))
        else { return false }
        let expected = Array("\(username):\(password)".utf8)
        let given = Array(decoded)
        guard given.count == expected.count else { return false }
        return zip(given, expected).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) } == 0
    }
}
