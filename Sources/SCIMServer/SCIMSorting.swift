import JSONValue

/// `sortBy` / `sortOrder` (RFC 7644 §3.4.2.3). Resources without a value sort last when ascending
/// (first when descending); ties keep their previous (creation) order.
package enum SCIMSorting {
    /// `resources` (of `type`) ordered by the value at `path`.
    package static func sort(
        _ resources: [JSONObject], by path: SCIMAttributePath, ascending: Bool, type: SCIMResourceType = .user
    ) -> [JSONObject] {
        let caseExact = type.leafDefinition(of: path)?.caseExact ?? false
        let keyed = resources.enumerated().map { index, resource in
            (index: index, key: sortKey(of: resource, path: path, caseExact: caseExact), resource: resource)
        }
        let sorted = keyed.sorted { left, right in
            switch (left.key, right.key) {
            case (nil, nil): return left.index < right.index
            case (nil, _): return !ascending
            case (_, nil): return ascending
            case (let leftKey?, let rightKey?):
                if leftKey == rightKey { return left.index < right.index }
                return ascending ? leftKey < rightKey : rightKey < leftKey
            }
        }
        return sorted.map(\.resource)
    }

    /// A comparable form of the value: for multi-valued attributes the primary value, else the first.
    private static func sortKey(of resource: JSONObject, path: SCIMAttributePath, caseExact: Bool) -> SortKey? {
        guard var value = SCIMFilterEvaluator.rawValue(for: path, in: resource) else { return nil }
        if let elements = value.arrayValue {
            guard let chosen = elements.first(where: { $0["primary"]?.boolValue == true }) ?? elements.first else { return nil }
            value = chosen
        }
        if let subAttribute = path.subAttribute {
            guard let inner = value.objectValue?.value(named: subAttribute) else { return nil }
            value = inner
        } else if let inner = value.objectValue?.value(named: "value") {
            value = inner
        }
        switch value {
        case .string(let text): return .text(caseExact ? text : text.lowercased())
        case .number(let number): return .number(number)
        case .bool(let flag): return .number(flag ? 1 : 0)
        default: return nil
        }
    }

    /// Numbers before text, so a mixed column still has a total order.
    private enum SortKey: Comparable {
        case number(Double)
        case text(String)
    }
}
