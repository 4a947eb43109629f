import JSONValue

/// Reads collections, environments and globals from disk into the model, or fails with a `LoadError`
/// that names the file and the place. (Implementation lands with the loader work.)
package enum CollectionLoader {
    /// Loads and decodes a collection file (v2.0.0 or v2.1.0; v1 is refused with a clear message).
    package static func loadCollection(path: String) throws(LoadError) -> Collection {
        throw LoadError(.unreadable, file: path, message: "collection loading is not implemented yet")
    }

    /// Which kind of variable file is being read, for messages and the accepted shapes.
    package enum VariableFileKind: String, Sendable { case environment, globals }

    /// Loads an environment or globals file (`{name, values[]}`; globals also as a bare array).
    package static func loadVariableFile(path: String, kind: VariableFileKind) throws(LoadError) -> VariableFile {
        throw LoadError(.unreadable, file: path, message: "\(kind.rawValue) loading is not implemented yet")
    }
}

/// Reads `-d` iteration data: a JSON array of objects, or CSV with a header row read the way Newman reads it.
package enum IterationDataLoader {
    /// One object per row; a column missing from a row is absent from its object.
    package static func load(path: String) throws(LoadError) -> [JSONObject] {
        throw LoadError(.unreadable, file: path, message: "iteration data loading is not implemented yet")
    }
}
