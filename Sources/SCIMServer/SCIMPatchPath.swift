/// A PATCH `path` (RFC 7644 §3.5.2): `attrPath`, or `attrPath[valFilter]` optionally followed by `.subAttr`.
package struct SCIMPatchPath: Sendable, Equatable {
    /// The targeted attribute; carries the sub-attribute when there is no filter (`name.givenName`).
    package var attribute: SCIMAttributePath
    /// The value selection filter inside `[...]`.
    package var valueFilter: SCIMFilter?
    /// The sub-attribute after `]`, as in `emails[type eq "work"].value`.
    package var subAttributeAfterFilter: String?

    /// Parses `text`; a malformed path is `400 invalidPath`, a malformed filter inside it `400 invalidFilter`.
    package static func parse(_ text: String) throws(SCIMError) -> SCIMPatchPath {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard let open = trimmed.firstIndex(of: "[") else {
            guard let path = SCIMAttributePath.parse(trimmed) else { throw .invalidPath("invalid path '\(text)'") }
            return SCIMPatchPath(attribute: path)
        }
        guard let close = trimmed.lastIndex(of: "]"), close > open,
            let attribute = SCIMAttributePath.parse(String(trimmed[..<open])), attribute.subAttribute == nil
        else { throw .invalidPath("invalid path '\(text)'") }
        let filterText = String(trimmed[trimmed.index(after: open)..<close])
        guard !filterText.contains("[") else { throw .invalidPath("nested filter in path '\(text)'") }
        let filter = try SCIMFilterParser.parse(filterText)
        let rest = trimmed[trimmed.index(after: close)...]
        var subAttribute: String?
        if !rest.isEmpty {
            guard rest.hasPrefix("."), let sub = SCIMAttributePath.parse(String(rest.dropFirst())),
                sub.schema == nil, sub.subAttribute == nil
            else { throw .invalidPath("invalid sub-attribute after filter in '\(text)'") }
            subAttribute = sub.attribute
        }
        return SCIMPatchPath(attribute: attribute, valueFilter: filter, subAttributeAfterFilter: subAttribute)
    }
}
