import JSONValue

extension RequestDefinition {
    /// The request in collection v2.1 JSON (`{method, header, url: {raw, protocol, host, port, path, query,
    /// variable}, body, auth}`), as `pm.request` is built from it. (Implementation lands with the loader work.)
    package var jsonValue: JSONValue { .null }

    /// Decodes a request written in collection v2.x JSON (also a bare URL string); `path` is the JSON path
    /// used in error messages. (Implementation lands with the loader work.)
    package static func decode(_ json: JSONValue, file: String, path: String) throws(LoadError) -> RequestDefinition {
        throw LoadError(.invalidValue, file: file, location: path, message: "request decoding is not implemented yet")
    }
}
