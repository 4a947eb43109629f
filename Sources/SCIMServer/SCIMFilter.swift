/// A parsed SCIM filter (RFC 7644 §3.4.2.2).
package indirect enum SCIMFilter: Sendable, Equatable {
    /// `attrPath op value`, e.g. `userName eq "bjensen"`.
    case comparison(SCIMAttributePath, SCIMComparisonOperator, SCIMFilterValue)
    /// `attrPath pr`.
    case present(SCIMAttributePath)
    /// Both filters match.
    case and(SCIMFilter, SCIMFilter)
    /// Either filter matches.
    case or(SCIMFilter, SCIMFilter)
    /// `not (filter)`.
    case not(SCIMFilter)
    /// `emails[type eq "work"]`: true when one element of the multi-valued attribute matches the inner filter,
    /// whose paths name sub-attributes of that element.
    case valuePath(SCIMAttributePath, SCIMFilter)
}

extension SCIMFilter {
    /// Every attribute path the filter reads; inside `emails[type eq "work"]` that is `emails.type`.
    package var attributePaths: [SCIMAttributePath] {
        switch self {
        case .comparison(let path, _, _), .present(let path): [path]
        case .and(let left, let right), .or(let left, let right): left.attributePaths + right.attributePaths
        case .not(let inner): inner.attributePaths
        case .valuePath(let path, let inner):
            [path] + inner.attributePaths.map { SCIMAttributePath(schema: path.schema, attribute: path.attribute, subAttribute: $0.attribute) }
        }
    }
}

/// The comparison operators of RFC 7644 Table 3.
package enum SCIMComparisonOperator: String, Sendable, CaseIterable {
    case eq, ne, co, sw, ew, gt, ge, lt, le

    /// Whether the operator orders values (and so is meaningless for booleans).
    var isOrdering: Bool { [.gt, .ge, .lt, .le].contains(self) }
    /// Whether the operator works on substrings.
    var isSubstring: Bool { [.co, .sw, .ew].contains(self) }
}

/// A literal on the right of a comparison.
package enum SCIMFilterValue: Sendable, Equatable {
    /// A JSON string literal.
    case string(String)
    /// A JSON number.
    case number(Double)
    /// `true` or `false`.
    case boolean(Bool)
    /// `null`: `eq null` means absent, `ne null` present.
    case null
}
