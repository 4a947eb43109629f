import HTTPServer
import JSONValue

/// The `/Users` and `/Groups` endpoints (RFC 7644 §3.3–3.6), and what differs between them: a new user is active
/// unless the client says otherwise, a user's `groups` are read from the groups, deactivating a user strips its
/// profile (SendSafely), and a group's members get links to what they name.
extension SCIMService {
    func create(_ type: SCIMResourceType, _ request: HTTPRequest) throws(SCIMError) -> HTTPResponse {
        let selection = try selection(of: request)
        var validated = try validated(try jsonObject(of: request, type), type)
        if type == .user, validated["active"] == nil {
            validated["active"] = true  // a provisioned account can sign in unless the client says otherwise
        }
        let resource = try store.create(validated, type: type)
        return resourceResponse(resource, type, status: 201, request: request, selection: selection,
                                includeLocation: !faults.contains(.createdWithoutLocation))
    }

    func read(_ type: SCIMResourceType, _ request: HTTPRequest, id: String) throws(SCIMError) -> HTTPResponse {
        let selection = try selection(of: request)
        guard let resource = store.resource(type, id: id) else { throw .notFound("\(type.name) \(id) not found") }
        if let ifNoneMatch = request.header("If-None-Match"), SCIMUserStore.header(ifNoneMatch, matches: resource) {
            var notModified = HTTPResponse(status: 304)
            if let etag = SCIMUserStore.etag(of: resource) { notModified.setHeader("ETag", etag) }
            return notModified
        }
        if let ifMatch = request.header("If-Match"), !SCIMUserStore.header(ifMatch, matches: resource) {
            throw SCIMError(status: 412, detail: "If-Match \(ifMatch) does not match the current version")
        }
        return resourceResponse(resource, type, status: 200, request: request, selection: selection)
    }

    func replace(_ type: SCIMResourceType, _ request: HTTPRequest, id: String) throws(SCIMError) -> HTTPResponse {
        let selection = try selection(of: request)
        let body = try jsonObject(of: request, type)
        if let bodyID = body.value(named: "id"), bodyID != .string(id) {
            throw .mutability("'id' is read-only: the body says \(bodyID.serialized()), the URL \(id)")
        }
        var replacement = try validated(body, type)
        if type == .user, faults.contains(.putDropsAttributes) {
            replacement = JSONObject(replacement.members.filter { ["schemas", "userName", "externalId", "active"].contains($0.key) })
            replacement["schemas"] = [.string(SCIMSchemaURN.user)]
        }
        let resource = try store.update(type, id: id, ifMatch: request.header("If-Match")) { current in
            type == .user ? SCIMDeactivation.applying(to: replacement, previous: current) : replacement
        }
        return resourceResponse(resource, type, status: 200, request: request, selection: selection)
    }

    func patch(_ type: SCIMResourceType, _ request: HTTPRequest, id: String) throws(SCIMError) -> HTTPResponse {
        let selection = try selection(of: request)
        let operations = try SCIMPatchOperation.operations(from: try SCIMResponses.body(of: request))
        let resource = try store.update(type, id: id, ifMatch: request.header("If-Match")) { current throws(SCIMError) in
            let patched = try validated(try SCIMPatch.apply(operations, to: current, type: type), type)
            return type == .user ? SCIMDeactivation.applying(to: patched, previous: current) : patched
        }
        return resourceResponse(resource, type, status: 200, request: request, selection: selection)
    }

    func delete(_ type: SCIMResourceType, _ request: HTTPRequest, id: String) throws(SCIMError) -> HTTPResponse {
        if type == .user, faults.contains(.deleteOnlyDeactivates) {
            _ = try store.update(type, id: id, ifMatch: request.header("If-Match")) { current in
                var deactivated = current
                deactivated["active"] = false
                return SCIMDeactivation.applying(to: deactivated, previous: current)
            }
        } else {
            try store.delete(type, id: id, ifMatch: request.header("If-Match"))
        }
        return HTTPResponse(status: 204)
    }

    func list(_ type: SCIMResourceType, _ request: HTTPRequest) throws(SCIMError) -> HTTPResponse {
        try list([type], query: SCIMListQuery(query: request, maxResults: maxResults), request: request)
    }

    func search(_ types: [SCIMResourceType], _ request: HTTPRequest) throws(SCIMError) -> HTTPResponse {
        try list(types, query: SCIMListQuery(searchRequest: SCIMResponses.body(of: request), maxResults: maxResults), request: request)
    }

    /// Resources of `types` (in that order) that match the query, sorted and paged.
    private func list(_ types: [SCIMResourceType], query: SCIMListQuery, request: HTTPRequest) throws(SCIMError) -> HTTPResponse {
        let base = baseURL(for: request)
        // Only a filter or sort on what the server adds when it answers (a user's groups, meta.location, a member's
        // $ref) needs every resource as served; the rest look at them as stored, which costs far less.
        let paths = (query.filter?.attributePaths ?? []) + (query.sortBy.map { [$0] } ?? [])
        let needsServedForm = paths.contains(where: Self.isAddedWhenServed)
        var found: [(resource: JSONObject, type: SCIMResourceType)] = []
        for type in types {
            var resources = store.all(type)
            if needsServedForm { resources = served(resources, type, baseURL: base) }
            for resource in resources {
                if let filter = query.filter, !faults.contains(.ignoresFilter) {
                    guard try SCIMFilterEvaluator.matches(filter, resource: resource, type: type) else { continue }
                }
                found.append((resource, type))
            }
        }
        if let sortBy = query.sortBy {
            found = SCIMSorting.sort(found.map(\.resource), by: sortBy, ascending: query.ascending, type: types[0]).map { resource in
                (resource, resource["meta"]?["resourceType"]?.stringValue.flatMap(SCIMResourceType.init(rawValue:)) ?? types[0])
            }
        }
        var page = found
        if !faults.contains(.ignoresPagination) {
            let start = min(query.startIndex - 1, found.count)
            page = Array(found[start..<min(found.count, start + query.count)])
        }
        var shown: [JSONObject] = page.map(\.resource)
        if !needsServedForm {
            let userIDs = page.filter { $0.type == .user }.compactMap { $0.resource["id"]?.stringValue }
            let memberships = SCIMMemberships(of: userIDs, in: store)
            shown = page.map { view(of: $0.resource, $0.type, baseURL: base, memberships: memberships) }
        }
        let resources = shown.map { JSONValue.object(query.selection.apply(to: $0)) }
        let list = SCIMListResponse(totalResults: found.count, startIndex: query.startIndex, resources: resources)
        return SCIMResponses.json(list.json, faults: faults)
    }

    /// Whether the server adds the value at `path` only when it answers.
    private static func isAddedWhenServed(_ path: SCIMAttributePath) -> Bool {
        guard path.schema == nil else { return false }
        switch path.attribute.lowercased() {
        case "groups": return true
        case "meta": return path.subAttribute == nil || path.subAttribute?.lowercased() == "location"
        case "members": return path.subAttribute?.lowercased() == "$ref"
        default: return false
        }
    }

    /// `resources` (of `type`) as served, their users' memberships read at one instant.
    private func served(_ resources: [JSONObject], _ type: SCIMResourceType, baseURL base: String) -> [JSONObject] {
        let ids = type == .user ? resources.compactMap { $0["id"]?.stringValue } : []
        let memberships = SCIMMemberships(of: ids, in: store)
        return resources.map { view(of: $0, type, baseURL: base, memberships: memberships) }
    }

    private func jsonObject(of request: HTTPRequest, _ type: SCIMResourceType) throws(SCIMError) -> JSONObject {
        guard let body = try SCIMResponses.body(of: request).objectValue else {
            throw .invalidSyntax("a \(type.name) must be a JSON object")
        }
        return body
    }

    private func validated(_ body: JSONObject, _ type: SCIMResourceType) throws(SCIMError) -> JSONObject {
        try SCIMResourceValidator.normalize(
            body, type: type, unknownAttributes: faults.contains(.ignoresUnknownAttributes) ? .ignore : .refuse)
    }

    private func selection(of request: HTTPRequest) throws(SCIMError) -> SCIMAttributeSelection {
        try SCIMAttributeSelection(
            attributes: request.queryValue("attributes"), excludedAttributes: request.queryValue("excludedAttributes"))
    }

    private func resourceResponse(
        _ resource: JSONObject, _ type: SCIMResourceType, status: Int, request: HTTPRequest,
        selection: SCIMAttributeSelection, includeLocation: Bool = false
    ) -> HTTPResponse {
        let shown = served([resource], type, baseURL: baseURL(for: request))[0]
        var headers: [HTTPField] = []
        if let etag = SCIMUserStore.etag(of: resource) { headers.append(HTTPField(name: "ETag", value: etag)) }
        if includeLocation, let location = shown["meta"]?.objectValue?["location"]?.stringValue {
            headers.append(HTTPField(name: "Location", value: location))
        }
        return SCIMResponses.json(.object(selection.apply(to: shown)), status: status, faults: faults, headers: headers)
    }

    /// The stored resource as served: `meta.location` as the client addressed us; for a user its `groups`, for a
    /// group the `$ref` of each member whose type is known.
    private func view(
        of stored: JSONObject, _ type: SCIMResourceType, baseURL base: String, memberships: SCIMMemberships
    ) -> JSONObject {
        guard let id = stored["id"]?.stringValue else { return stored }
        var resource = stored
        switch type {
        case .user:
            resource["groups"] = memberships.groups(of: id, baseURL: base)
        case .group:
            if let members = resource["members"]?.arrayValue {
                resource["members"] = .array(members.map { member in
                    guard var object = member.objectValue, object.value(named: "$ref") == nil,
                        let value = object["value"]?.stringValue,
                        let memberType = object["type"]?.stringValue.flatMap(SCIMResourceType.init(rawValue:))
                    else { return member }
                    object["$ref"] = .string("\(base)\(memberType.endpoint)/\(value)")
                    return .object(object)
                })
            }
        }
        if var meta = resource["meta"]?.objectValue {
            meta["location"] = .string("\(base)\(type.endpoint)/\(id)")
            resource["meta"] = .object(meta)
        }
        return resource
    }
}
