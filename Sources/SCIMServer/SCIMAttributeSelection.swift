import JSONValue

/// The `attributes` / `excludedAttributes` parameters (RFC 7644 §3.9): which attributes a response carries.
/// `id`, `schemas` and `meta.resourceType` are always returned; `password` never.
package struct SCIMAttributeSelection: Sendable {
    /// Only these (plus the always-returned ones), when not empty.
    package var attributes: [SCIMAttributePath] = []
    /// All but these, when `attributes` is empty.
    package var excludedAttributes: [SCIMAttributePath] = []

    /// Everything with `returned: default`.
    package init() {}

    /// Parses the comma-separated parameter values; an invalid name is `400 invalidValue`.
    package init(attributes: String?, excludedAttributes: String?) throws(SCIMError) {
        self.attributes = try Self.parseList(attributes)
        self.excludedAttributes = try Self.parseList(excludedAttributes)
    }

    /// Parses a list from a SearchRequest body (`["userName", "emails.value"]`).
    package init(attributes: [String], excludedAttributes: [String]) throws(SCIMError) {
        self.attributes = try Self.parseList(attributes.joined(separator: ","))
        self.excludedAttributes = try Self.parseList(excludedAttributes.joined(separator: ","))
    }

    private static func parseList(_ text: String?) throws(SCIMError) -> [SCIMAttributePath] {
        guard let text else { return [] }
        var paths: [SCIMAttributePath] = []
        for item in text.split(separator: ",") {
            let name = item.trimmingCharacters(in: .whitespaces)
            guard !name.isEmpty else { continue }
            guard let path = SCIMAttributePath.parse(name) else { throw .invalidValue("invalid attribute name '\(name)'") }
            paths.append(path)
        }
        return paths
    }

    /// The resource as the client asked to see it.
    package func apply(to resource: JSONObject) -> JSONObject {
        var full = resource
        full.setValue(nil, named: "password")
        if !attributes.isEmpty { return including(attributes, from: full) }
        if !excludedAttributes.isEmpty { return excluding(excludedAttributes, from: full) }
        return full
    }

    private func alwaysReturned(from resource: JSONObject) -> JSONObject {
        var result = JSONObject()
        for key in ["schemas", "id"] {
            if let value = resource.value(named: key) { result[key] = value }
        }
        if let resourceType = resource.value(named: "meta")?.objectValue?.value(named: "resourceType") {
            result["meta"] = .object(["resourceType": resourceType])
        }
        return result
    }

    private func including(_ paths: [SCIMAttributePath], from resource: JSONObject) -> JSONObject {
        var result = alwaysReturned(from: resource)
        for path in paths {
            var source = resource
            var container = result
            if let schema = path.schema {
                source = resource.value(named: schema)?.objectValue ?? JSONObject()
                container = result.value(named: schema)?.objectValue ?? JSONObject()
            }
            // The stored spelling, not the requested one: `attributes=USERNAME` still answers `userName`.
            guard let member = source.member(named: path.attribute) else { continue }
            if let subAttribute = path.subAttribute {
                let projected = Self.keepingOnly(subAttribute, of: member.value)
                container.setValue(Self.merge(container.value(named: member.key), projected), named: member.key)
            } else {
                container.setValue(member.value, named: member.key)
            }
            if let schema = path.schema { result.setValue(.object(container), named: schema) } else { result = container }
        }
        return result
    }

    private func excluding(_ paths: [SCIMAttributePath], from resource: JSONObject) -> JSONObject {
        var result = resource
        for path in paths {
            let lowered = path.attribute.lowercased()
            if path.schema == nil, ["id", "schemas"].contains(lowered) { continue }
            if path.schema == nil, lowered == "meta" {
                // meta.resourceType always stays; the rest of meta may go.
                guard let subAttribute = path.subAttribute else {
                    result.setValue(alwaysReturned(from: resource).value(named: "meta"), named: "meta")
                    continue
                }
                if subAttribute.lowercased() != "resourcetype", var meta = result.value(named: "meta")?.objectValue {
                    meta.setValue(nil, named: subAttribute)
                    result.setValue(.object(meta), named: "meta")
                }
                continue
            }
            var container = result
            if let schema = path.schema { container = result.value(named: schema)?.objectValue ?? JSONObject() }
            if let subAttribute = path.subAttribute, let value = container.value(named: path.attribute) {
                container.setValue(Self.removing(subAttribute, from: value), named: path.attribute)
            } else {
                container.setValue(nil, named: path.attribute)
            }
            if let schema = path.schema {
                result.setValue(container.isEmpty ? nil : .object(container), named: schema)
            } else {
                result = container
            }
        }
        return result
    }

    /// `value` (an object, or a list of objects) reduced to the one sub-attribute.
    private static func keepingOnly(_ subAttribute: String, of value: JSONValue) -> JSONValue? {
        func reduce(_ element: JSONValue) -> JSONValue? {
            guard let object = element.objectValue, let member = object.member(named: subAttribute) else { return nil }
            return .object(JSONObject([member]))
        }
        if let elements = value.arrayValue {
            return .array(elements.map { reduce($0) ?? .object([:]) })
        }
        return reduce(value)
    }

    /// Combines two projections of the same attribute (`emails.value,emails.type`) element by element.
    private static func merge(_ existing: JSONValue?, _ addition: JSONValue?) -> JSONValue? {
        guard let existing else { return addition }
        guard let addition else { return existing }
        switch (existing, addition) {
        case (.object(var left), .object(let right)):
            left.members += right.members
            return .object(left)
        case (.array(let left), .array(let right)) where left.count == right.count:
            return .array(zip(left, right).map { merge($0, $1) ?? .null })
        default:
            return existing
        }
    }

    private static func removing(_ subAttribute: String, from value: JSONValue) -> JSONValue? {
        func strip(_ element: JSONValue) -> JSONValue {
            guard var object = element.objectValue else { return element }
            object.setValue(nil, named: subAttribute)
            return .object(object)
        }
        if let elements = value.arrayValue { return .array(elements.map(strip)) }
        return strip(value)
    }
}
