import JSONValue

/// Reads collections, environments and globals from disk into the model, or fails with a `LoadError`
/// that names the file and the place.
package enum CollectionLoader {
    /// Loads and decodes a collection file (v2.0.0 or v2.1.0; v1 is refused with a clear message).
    package static func loadCollection(path: String) throws(LoadError) -> Collection {
        try decodeCollection(FileBytes.readJSON(path), file: path)
    }

    /// Decodes a collection document already parsed (from a URL, or built in memory); `file` names it in errors.
    package static func decodeCollection(_ document: JSONValue, file: String) throws(LoadError) -> Collection {
        try CollectionDecoder(file: file).decode(document)
    }

    /// The bytes of a local input file, with the loader's messages for a missing file, a directory or no permission.
    package static func readBytes(path: String) throws(LoadError) -> [UInt8] {
        try FileBytes.read(path)
    }

    /// Bytes read from `file` (a path or a URL) as JSON: BOM stripped, UTF-16 transcoded, errors at line:column.
    package static func parseJSON(bytes: [UInt8], file: String) throws(LoadError) -> JSONValue {
        try FileBytes.parseJSON(FileBytes.decodeText(bytes, file: file), file: file)
    }

    /// Which kind of variable file is being read, for messages and the accepted shapes.
    package enum VariableFileKind: String, Sendable { case environment, globals }

    /// Loads an environment or globals file (`{name, values[]}`, the API's `{environment: {...}}` wrapper, or a
    /// bare `[{key, value}]` array).
    package static func loadVariableFile(path: String, kind: VariableFileKind) throws(LoadError) -> VariableFile {
        try decodeVariableFile(FileBytes.readJSON(path), file: path, kind: kind)
    }

    /// Decodes an environment or globals document already parsed; `file` names it in errors.
    package static func decodeVariableFile(_ document: JSONValue, file: String,
                                           kind: VariableFileKind) throws(LoadError) -> VariableFile {
        try VariableFileDecoder(file: file, kind: kind).decode(document)
    }
}
