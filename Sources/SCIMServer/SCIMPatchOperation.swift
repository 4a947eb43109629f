import JSONValue

/// One operation of a PatchOp request.
package struct SCIMPatchOperation: Sendable {
    /// `add`, `remove` or `replace`; matched case-insensitively since Azure AD sends `Replace`.
    package enum Kind: String, Sendable { case add, remove, replace }

    /// What the operation does.
    package var kind: Kind
    /// Where it applies; nil means the resource itself (the value is then an object of attributes).
    package var path: SCIMPatchPath?
    /// The value to add or replace with; nil for remove.
    package var value: JSONValue?
}

extension SCIMPatchOperation {
    /// The operations of a PatchOp body, or `400 invalidSyntax` / `invalidPath` / `invalidValue`.
    package static func operations(from body: JSONValue) throws(SCIMError) -> [SCIMPatchOperation] {
        guard let object = body.objectValue,
            object.value(named: "schemas")?.arrayValue?.contains(where: { $0.stringValue == SCIMSchemaURN.patchOp }) == true
        else { throw .invalidSyntax("a PATCH body must be an object whose 'schemas' lists \(SCIMSchemaURN.patchOp)") }
        guard let rawOperations = object.value(named: "Operations")?.arrayValue, !rawOperations.isEmpty else {
            throw .invalidSyntax("'Operations' must be a non-empty array")
        }
        var operations: [SCIMPatchOperation] = []
        for raw in rawOperations {
            guard let operation = raw.objectValue,
                let name = operation.value(named: "op")?.stringValue,
                let kind = SCIMPatchOperation.Kind(rawValue: name.lowercased())
            else { throw .invalidSyntax("each operation needs 'op' of add, remove or replace") }
            var path: SCIMPatchPath?
            if let pathValue = operation.value(named: "path"), !pathValue.isNull {
                guard let text = pathValue.stringValue else { throw .invalidPath("'path' must be a string") }
                path = try SCIMPatchPath.parse(text)
            }
            let value = operation.value(named: "value")
            if kind != .remove, value == nil { throw .invalidValue("'\(name)' needs a 'value'") }
            if kind == .remove, path == nil { throw .noTarget("'remove' needs a 'path'") }
            operations.append(SCIMPatchOperation(kind: kind, path: path, value: value))
        }
        return operations
    }
}
