import HTTPServer
import JSONValue

/// The parameters of a list or search (RFC 7644 §3.4.2–3.4.3), from the query string or a SearchRequest.
package struct SCIMListQuery: Sendable {
    /// Only resources matching this, when given.
    package var filter: SCIMFilter?
    /// 1-based index of the first result; values below 1 are taken as 1.
    package var startIndex = 1
    /// Results per page: negative means 0, and never more than the provider's maximum.
    package var count: Int
    /// The attribute to sort by; nil keeps creation order.
    package var sortBy: SCIMAttributePath?
    /// `sortOrder`: ascending unless `descending` was asked for.
    package var ascending = true
    /// `attributes` / `excludedAttributes`.
    package var selection = SCIMAttributeSelection()

    /// The parameters of `GET /Users?...`.
    package init(query request: HTTPRequest, maxResults: Int) throws(SCIMError) {
        count = maxResults
        filter = try request.queryValue("filter").map(SCIMFilterParser.parse)
        if let text = request.queryValue("startIndex") {
            guard let value = Int(text.trimmingCharacters(in: .whitespaces)) else {
                throw .invalidValue("startIndex must be an integer, not '\(text)'")
            }
            startIndex = max(1, value)
        }
        if let text = request.queryValue("count") {
            guard let value = Int(text.trimmingCharacters(in: .whitespaces)) else {
                throw .invalidValue("count must be an integer, not '\(text)'")
            }
            count = min(max(0, value), maxResults)
        }
        try setSorting(by: request.queryValue("sortBy"), order: request.queryValue("sortOrder"))
        selection = try SCIMAttributeSelection(
            attributes: request.queryValue("attributes"), excludedAttributes: request.queryValue("excludedAttributes"))
    }

    /// The parameters of a `POST /Users/.search` SearchRequest body.
    package init(searchRequest body: JSONValue, maxResults: Int) throws(SCIMError) {
        count = maxResults
        guard let object = body.objectValue,
            object.value(named: "schemas")?.arrayValue?.contains(where: { $0.stringValue == SCIMSchemaURN.searchRequest }) == true
        else { throw .invalidSyntax("a search body must be an object whose 'schemas' lists \(SCIMSchemaURN.searchRequest)") }
        if let value = object.value(named: "filter"), !value.isNull {
            guard let text = value.stringValue else { throw .invalidFilter("'filter' must be a string") }
            filter = try SCIMFilterParser.parse(text)
        }
        if let value = object.value(named: "startIndex"), !value.isNull {
            guard let number = value.intValue else { throw .invalidValue("'startIndex' must be an integer") }
            startIndex = max(1, number)
        }
        if let value = object.value(named: "count"), !value.isNull {
            guard let number = value.intValue else { throw .invalidValue("'count' must be an integer") }
            count = min(max(0, number), maxResults)
        }
        try setSorting(by: try Self.optionalString(object, "sortBy"), order: try Self.optionalString(object, "sortOrder"))
        selection = try SCIMAttributeSelection(
            attributes: try Self.stringList(object, "attributes"), excludedAttributes: try Self.stringList(object, "excludedAttributes"))
    }

    private mutating func setSorting(by sortBy: String?, order: String?) throws(SCIMError) {
        if let sortBy, !sortBy.isEmpty {
            guard let path = SCIMAttributePath.parse(sortBy) else { throw .invalidPath("invalid sortBy '\(sortBy)'") }
            self.sortBy = path
        }
        if let order {
            switch order.lowercased() {
            case "ascending": ascending = true
            case "descending": ascending = false
            default: throw .invalidValue("sortOrder must be 'ascending' or 'descending', not '\(order)'")
            }
        }
    }

    private static func optionalString(_ object: JSONObject, _ name: String) throws(SCIMError) -> String? {
        guard let value = object.value(named: name), !value.isNull else { return nil }
        guard let text = value.stringValue else { throw .invalidValue("'\(name)' must be a string") }
        return text
    }

    /// A list of attribute names; a single comma-separated string is accepted too.
    private static func stringList(_ object: JSONObject, _ name: String) throws(SCIMError) -> [String] {
        guard let value = object.value(named: name), !value.isNull else { return [] }
        if let text = value.stringValue { return [text] }
        guard let items = value.arrayValue else { throw .invalidValue("'\(name)' must be an array of strings") }
        var names: [String] = []
        for item in items {
            guard let text = item.stringValue else { throw .invalidValue("'\(name)' must be an array of strings") }
            names.append(text)
        }
        return names
    }
}
