import Foundation
import JSONValue

/// Decides whether a resource matches a filter, following the attribute characteristics of the schemas:
/// strings compare case-insensitively unless `caseExact`, dateTimes compare as instants, multi-valued
/// attributes match when any value does.
package enum SCIMFilterEvaluator {
    /// Whether `resource` (a resource of `type` as served) matches `filter`. Throws `invalidFilter` for comparisons
    /// the RFC forbids, such as ordering booleans.
    package static func matches(_ filter: SCIMFilter, resource: JSONObject, type: SCIMResourceType = .user) throws(SCIMError) -> Bool {
        try evaluate(filter, in: .resource(resource, type))
    }

    /// Whether one element of a multi-valued attribute matches the filter of a `[...]` selection.
    package static func matches(
        _ filter: SCIMFilter, element: JSONValue, of definition: SCIMAttributeDefinition?
    ) throws(SCIMError) -> Bool {
        try evaluate(filter, in: .element(element, definition: definition))
    }

    /// Where paths are resolved: the resource, or one element of a multi-valued attribute inside `[...]`.
    private enum Scope {
        case resource(JSONObject, SCIMResourceType)
        case element(JSONValue, definition: SCIMAttributeDefinition?)
    }

    private static func evaluate(_ filter: SCIMFilter, in scope: Scope) throws(SCIMError) -> Bool {
        switch filter {
        case .and(let left, let right):
            // Spelled out: `&&` takes an autoclosure, which would erase the typed error.
            guard try evaluate(left, in: scope) else { return false }
            return try evaluate(right, in: scope)
        case .or(let left, let right):
            if try evaluate(left, in: scope) { return true }
            return try evaluate(right, in: scope)
        case .not(let inner):
            return try !evaluate(inner, in: scope)
        case .present(let path):
            return !candidates(for: path, in: scope).values.isEmpty
        case .comparison(let path, let comparison, let literal):
            let (values, definition) = candidates(for: path, in: scope)
            return try compare(values, definition: definition, comparison, literal)
        case .valuePath(let path, let inner):
            guard case .resource(let resource, let type) = scope else { throw .invalidFilter("nested value filter") }
            let definition = type.definition(of: path)
            let elements = rawValue(for: path, in: resource).map { $0.arrayValue ?? [$0] } ?? []
            for element in elements where try evaluate(inner, in: .element(element, definition: definition)) {
                return true
            }
            return false
        }
    }

    /// The values a path names, flattened over multi-valued attributes, nulls and empties dropped,
    /// with the definition that says how to compare them.
    private static func candidates(
        for path: SCIMAttributePath, in scope: Scope
    ) -> (values: [JSONValue], definition: SCIMAttributeDefinition?) {
        switch scope {
        case .resource(let resource, let type):
            guard let value = rawValue(for: path, in: resource) else { return ([], type.leafDefinition(of: path)) }
            if let subAttribute = path.subAttribute {
                let values = (value.arrayValue ?? [value]).compactMap { $0.objectValue?.value(named: subAttribute) }
                return (flatten(values), type.leafDefinition(of: path))
            }
            return complexMultiValuedAsValues(value, definition: type.definition(of: path))
        case .element(let element, let parent):
            // Inside brackets the path names a sub-attribute of the element (`type`, `value`, `primary`).
            guard path.schema == nil, path.subAttribute == nil else { return ([], nil) }
            let definition = parent?.subAttribute(named: path.attribute)
            guard let object = element.objectValue else {
                // A multi-valued attribute of simple values: `value` names the element itself.
                return path.attribute.lowercased() == "value" ? (flatten([element]), definition) : ([], definition)
            }
            return (flatten(object.value(named: path.attribute).map { [$0] } ?? []), definition)
        }
    }

    /// RFC 7644 §3.4.2.2: a filter on a complex multi-valued attribute without a sub-attribute applies to `value`.
    private static func complexMultiValuedAsValues(
        _ value: JSONValue, definition: SCIMAttributeDefinition?
    ) -> ([JSONValue], SCIMAttributeDefinition?) {
        guard let elements = value.arrayValue else {
            return (flatten([value]), definition)
        }
        if elements.contains(where: { $0.objectValue != nil }) {
            let values = elements.compactMap { $0.objectValue?.value(named: "value") }
            return (flatten(values), definition?.subAttribute(named: "value"))
        }
        return (flatten(elements), definition)
    }

    /// The value stored at the attribute (ignoring the sub-attribute), looking inside the extension object.
    static func rawValue(for path: SCIMAttributePath, in resource: JSONObject) -> JSONValue? {
        var container = resource
        if let schema = path.schema {
            guard let extensionObject = resource.value(named: schema)?.objectValue else { return nil }
            container = extensionObject
        }
        return container.value(named: path.attribute)
    }

    private static func flatten(_ values: [JSONValue]) -> [JSONValue] {
        values.flatMap { $0.arrayValue ?? [$0] }.filter { value in
            switch value {
            case .null: false
            case .string(let text): !text.isEmpty
            case .array(let items): !items.isEmpty
            case .object(let object): !object.isEmpty
            default: true
            }
        }
    }

    private static func compare(
        _ values: [JSONValue], definition: SCIMAttributeDefinition?, _ comparison: SCIMComparisonOperator,
        _ literal: SCIMFilterValue
    ) throws(SCIMError) -> Bool {
        if comparison == .ne {
            return try !compare(values, definition: definition, .eq, literal)
        }
        if definition?.type == .boolean, comparison != .eq {
            throw .invalidFilter("operator '\(comparison.rawValue)' cannot be applied to boolean '\(definition?.name ?? "")'")
        }
        switch literal {
        case .null:
            guard comparison == .eq else { throw .invalidFilter("only 'eq' and 'ne' compare with null") }
            return values.isEmpty
        case .boolean(let expected):
            guard comparison == .eq else { throw .invalidFilter("only 'eq' and 'ne' compare with booleans") }
            return values.contains { $0.boolValue == expected }
        case .number(let expected):
            guard !comparison.isSubstring else { throw .invalidFilter("'\(comparison.rawValue)' needs a string value") }
            return values.contains { $0.doubleValue.map { order($0, expected, comparison) } ?? false }
        case .string(let expected):
            if definition?.type == .dateTime {
                guard let expectedDate = SCIMTimestamp.parse(expected) else {
                    throw .invalidFilter("'\(expected)' is not a dateTime")
                }
                if !comparison.isSubstring {
                    return values.contains { value in
                        value.stringValue.flatMap(SCIMTimestamp.parse).map { order($0, expectedDate, comparison) } ?? false
                    }
                }
            }
            let caseExact = definition?.caseExact ?? false
            let needle = caseExact ? expected : expected.lowercased()
            return values.contains { value in
                guard let text = value.stringValue else { return false }
                let haystack = caseExact ? text : text.lowercased()
                switch comparison {
                case .co: return haystack.contains(needle)
                case .sw: return haystack.hasPrefix(needle)
                case .ew: return haystack.hasSuffix(needle)
                default: return order(haystack, needle, comparison)
                }
            }
        }
    }

    private static func order<T: Comparable>(_ left: T, _ right: T, _ comparison: SCIMComparisonOperator) -> Bool {
        switch comparison {
        case .eq: left == right
        case .ne: left != right
        case .gt: left > right
        case .ge: left >= right
        case .lt: left < right
        case .le: left <= right
        case .co, .sw, .ew: false
        }
    }
}
