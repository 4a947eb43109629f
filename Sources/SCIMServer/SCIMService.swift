import Foundation
import HTTPServer
import JSONValue

/// The SCIM 2.0 service provider as an HTTP handler: authentication, routing, discovery, and the User and Group
/// endpoints.
package final class SCIMService: HTTPHandler {
    /// The users and groups the endpoints read and write.
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
        guard let endpoint = SCIMEndpoint(segments: segments) else { throw .notFound("no SCIM endpoint at \(request.path)") }
        guard endpoint.allowedMethods.contains(request.method) else {
            let allowed = endpoint.allowedMethods.joined(separator: ", ")
            return SCIMResponses.error(
                SCIMError(status: 405, detail: "\(request.method) is not allowed here; allowed: \(allowed)"),
                faults: faults, headers: [HTTPField(name: "Allow", value: allowed)])
        }
        let base = baseURL(for: request)
        switch endpoint {
        case .serviceProviderConfig:
            return SCIMResponses.json(SCIMDiscovery.serviceProviderConfig(baseURL: base, maxResults: maxResults), faults: faults)
        case .resourceTypes:
            let types = SCIMResourceType.allCases.map { SCIMDiscovery.resourceType($0, baseURL: base) }
            return SCIMResponses.json(SCIMDiscovery.listResponse(types), faults: faults)
        case .resourceType(let name):
            guard let type = SCIMResourceType(rawValue: name) else { throw .notFound("no resource type \(name)") }
            return SCIMResponses.json(SCIMDiscovery.resourceType(type, baseURL: base), faults: faults)
        case .schemas:
            return SCIMResponses.json(SCIMDiscovery.listResponse(SCIMDiscovery.schemas(baseURL: base)), faults: faults)
        case .schema(let id):
            guard let schema = SCIMSchemas.schema(urn: id) else { throw .notFound("no schema \(id)") }
            return SCIMResponses.json(schema.json(location: "\(base)/Schemas/\(schema.id)"), faults: faults)
        case .resources(let type):
            return request.method == "POST" ? try create(type, request) : try list(type, request)
        case .search(let type):
            return try search([type], request)
        case .rootSearch:
            return try search(SCIMResourceType.allCases, request)
        case .resource(let type, let id):
            switch request.method {
            case "PUT": return try replace(type, request, id: id)
            case "PATCH": return try patch(type, request, id: id)
            case "DELETE": return try delete(type, request, id: id)
            default: return try read(type, request, id: id)
            }
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
