import JSONValue

/// Decodes environment and globals files: `{id, name, values: [{key, value, type, enabled, disabled}]}`, the
/// cloud API's wrapped form `{environment: {...}}`, and the legacy bare array `[{key, value}]`.
///
/// Newman semantics: `disabled: true` hides a variable. `enabled: false` is ignored by Newman (newman#2986), so
/// the variable stays visible; the flag itself survives in `source` for exports.
struct VariableFileDecoder {
    let reader: JSONFieldReader
    let kind: CollectionLoader.VariableFileKind

    init(file: String, kind: CollectionLoader.VariableFileKind) {
        reader = JSONFieldReader(file: file)
        self.kind = kind
    }

    func decode(_ document: JSONValue) throws(LoadError) -> VariableFile {
        switch document {
        case .array(let entries):
            return VariableFile(values: try values(entries, at: "$"), path: reader.file, source: document)
        case .object(var root):
            var rootPath = "$"
            // Postman's API wraps the scope: `{"environment": {...}}` or `{"globals": {...}}`.
            if root["values"] == nil, case .object(let inner)? = root[kind.rawValue] {
                root = inner
                rootPath = JSONFieldReader.path("$", key: kind.rawValue)
            }
            // Unlike a collection's parts, `values` of another type is refused: a variable file is nothing else.
            if let values = reader.field(root, "values"), values.arrayValue == nil {
                throw reader.typeError("an array", found: values, at: JSONFieldReader.path(rootPath, key: "values"))
            }
            guard let values = try reader.optionalArray(root, "values", at: rootPath) else {
                throw LoadError(.invalidValue, file: reader.file, location: rootPath,
                                message: "expected an \(kind.rawValue) object with a \"values\" array"
                                    + Self.hint(for: root))
            }
            return VariableFile(name: try reader.optionalString(root, "name", at: rootPath) ?? "",
                                id: try reader.optionalString(root, "id", at: rootPath) ?? "",
                                values: try self.values(values, at: JSONFieldReader.path(rootPath, key: "values")),
                                path: reader.file, source: document)
        default:
            throw LoadError(.invalidValue, file: reader.file, location: "$",
                            message: "expected an \(kind.rawValue) object {\"name\", \"values\": [...]}, found "
                                + JSONFieldReader.describe(document))
        }
    }

    /// Says what the document looks like when it is not a variable file.
    private static func hint(for root: JSONObject) -> String {
        if root["info"] != nil || root["item"] != nil { return "; this looks like a collection, not a variable file" }
        return ""
    }

    private func values(_ entries: [JSONValue], at path: String) throws(LoadError) -> [Variable] {
        var result: [Variable] = []
        result.reserveCapacity(entries.count)
        for (index, entry) in entries.enumerated() {
            let entryPath = JSONFieldReader.path(path, index: index)
            let object = try reader.object(entry, at: entryPath)
            guard let key = try reader.optionalString(object, "key", at: entryPath) else {
                if reader.field(object, "value") != nil {
                    throw LoadError(.invalidValue, file: reader.file, location: entryPath,
                                    message: "a variable without \"key\"; add the variable's name as \"key\"")
                }
                continue
            }
            // `enabled` is read only to reject a wrong type; its value changes nothing (see the type comment).
            _ = try reader.bool(object, "enabled", at: entryPath)
            result.append(Variable(key: key, value: object["value"] ?? .null,
                                   type: try reader.optionalString(object, "type", at: entryPath),
                                   disabled: try reader.bool(object, "disabled", at: entryPath),
                                   isUndefined: object["value"] == nil))
        }
        return result
    }
}
