import HTTPServer
import JSONValue

/// The `/Users` endpoints (RFC 7644 §3.3–3.6).
extension SCIMService {
    func createUser(_ request: HTTPRequest) throws(SCIMError) -> HTTPResponse {
        let selection = try selection(of: request)
        guard let body = try SCIMResponses.body(of: request).objectValue else { throw .invalidSyntax("a User must be a JSON object") }
        var validated = try SCIMUserValidator.normalize(body)
        if validated["active"] == nil {
            validated["active"] = true  // a provisioned account can sign in unless the client says otherwise
        }
        let user = try store.create(validated)
        return userResponse(user, status: 201, request: request, selection: selection, includeLocation: true)
    }

    func getUser(_ request: HTTPRequest, id: String) throws(SCIMError) -> HTTPResponse {
        let selection = try selection(of: request)
        guard let user = store.user(id: id) else { throw .notFound("User \(id) not found") }
        if let ifNoneMatch = request.header("If-None-Match"), SCIMUserStore.header(ifNoneMatch, matches: user) {
            var notModified = HTTPResponse(status: 304)
            if let etag = SCIMUserStore.etag(of: user) { notModified.setHeader("ETag", etag) }
            return notModified
        }
        if let ifMatch = request.header("If-Match"), !SCIMUserStore.header(ifMatch, matches: user) {
            throw SCIMError(status: 412, detail: "If-Match \(ifMatch) does not match the current version")
        }
        return userResponse(user, status: 200, request: request, selection: selection)
    }

    func replaceUser(_ request: HTTPRequest, id: String) throws(SCIMError) -> HTTPResponse {
        let selection = try selection(of: request)
        guard let body = try SCIMResponses.body(of: request).objectValue else { throw .invalidSyntax("a User must be a JSON object") }
        if let bodyID = body.value(named: "id"), bodyID != .string(id) {
            throw .mutability("'id' is read-only: the body says \(bodyID.serialized()), the URL \(id)")
        }
        let replacement = try SCIMUserValidator.normalize(body)
        let user = try store.update(id: id, ifMatch: request.header("If-Match")) { current in
            SCIMDeactivation.applying(to: replacement, previous: current)
        }
        return userResponse(user, status: 200, request: request, selection: selection)
    }

    func patchUser(_ request: HTTPRequest, id: String) throws(SCIMError) -> HTTPResponse {
        let selection = try selection(of: request)
        let operations = try SCIMPatchOperation.operations(from: try SCIMResponses.body(of: request))
        let user = try store.update(id: id, ifMatch: request.header("If-Match")) { current throws(SCIMError) in
            let patched = try SCIMPatch.apply(operations, to: current)
            return SCIMDeactivation.applying(to: try SCIMUserValidator.normalize(patched), previous: current)
        }
        return userResponse(user, status: 200, request: request, selection: selection)
    }

    func deleteUser(_ request: HTTPRequest, id: String) throws(SCIMError) -> HTTPResponse {
        if faults.contains(.deleteOnlyDeactivates) {
            _ = try store.update(id: id, ifMatch: request.header("If-Match")) { current in
                var deactivated = current
                deactivated["active"] = false
                return SCIMDeactivation.applying(to: deactivated, previous: current)
            }
        } else {
            try store.delete(id: id, ifMatch: request.header("If-Match"))
        }
        return HTTPResponse(status: 204)
    }

    func listUsers(_ request: HTTPRequest) throws(SCIMError) -> HTTPResponse {
        try list(SCIMListQuery(query: request, maxResults: maxResults), request: request)
    }

    func searchUsers(_ request: HTTPRequest) throws(SCIMError) -> HTTPResponse {
        try list(SCIMListQuery(searchRequest: SCIMResponses.body(of: request), maxResults: maxResults), request: request)
    }

    private func list(_ query: SCIMListQuery, request: HTTPRequest) throws(SCIMError) -> HTTPResponse {
        var users = store.allUsers()
        if let filter = query.filter, !faults.contains(.ignoresFilter) {
            var matching: [JSONObject] = []
            for user in users where try SCIMFilterEvaluator.matches(filter, resource: user) { matching.append(user) }
            users = matching
        }
        if let sortBy = query.sortBy { users = SCIMSorting.sort(users, by: sortBy, ascending: query.ascending) }
        var page = users
        if !faults.contains(.ignoresPagination) {
            let start = min(query.startIndex - 1, users.count)
            page = Array(users[start..<min(users.count, start + query.count)])
        }
        let base = baseURL(for: request)
        let resources = page.map { JSONValue.object(query.selection.apply(to: withLocation($0, base: base))) }
        let list = SCIMListResponse(totalResults: users.count, startIndex: query.startIndex, resources: resources)
        return SCIMResponses.json(list.json, faults: faults)
    }

    private func selection(of request: HTTPRequest) throws(SCIMError) -> SCIMAttributeSelection {
        try SCIMAttributeSelection(
            attributes: request.queryValue("attributes"), excludedAttributes: request.queryValue("excludedAttributes"))
    }

    private func userResponse(
        _ user: JSONObject, status: Int, request: HTTPRequest, selection: SCIMAttributeSelection, includeLocation: Bool = false
    ) -> HTTPResponse {
        let located = withLocation(user, base: baseURL(for: request))
        var headers: [HTTPField] = []
        if let etag = SCIMUserStore.etag(of: user) { headers.append(HTTPField(name: "ETag", value: etag)) }
        if includeLocation, let location = located["meta"]?.objectValue?["location"]?.stringValue {
            headers.append(HTTPField(name: "Location", value: location))
        }
        return SCIMResponses.json(.object(selection.apply(to: located)), status: status, faults: faults, headers: headers)
    }

    /// The stored user with `meta.location`, which depends on how the client addressed the server.
    private func withLocation(_ user: JSONObject, base: String) -> JSONObject {
        guard var meta = user["meta"]?.objectValue, let id = user["id"]?.stringValue else { return user }
        meta["location"] = .string("\(base)/Users/\(id)")
        var located = user
        located["meta"] = .object(meta)
        return located
    }
}
