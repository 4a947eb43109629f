import JSONValue

/// Reads typed fields out of parsed JSON, turning every wrong type into a `LoadError` that names the file, the
/// JSON path (`$.item[3].request.url`) and what would be accepted. Absent and `null` fields are "not given":
/// decoding is lenient about what is missing and strict about what is wrong.
struct JSONFieldReader: Sendable {
    /// The file being decoded, as the user named it.
    let file: String

    /// `path` extended by an object key: `.key`, or `["odd key"]` when the key is not identifier-like.
    static func path(_ path: String, key: String) -> String {
        let simple = !key.isEmpty && key.unicodeScalars.allSatisfy { scalar in
            (scalar >= "a" && scalar <= "z") || (scalar >= "A" && scalar <= "Z") || (scalar >= "0" && scalar <= "9")
                || scalar == "_" || scalar == "$"
        }
        if simple { return "\(path).\(key)" }
        var quoted = ""
        JSONValue.writeQuoted(key, into: &quoted)
        return "\(path)[\(quoted)]"
    }

    /// `path` extended by an array index.
    static func path(_ path: String, index: Int) -> String { "\(path)[\(index)]" }

    /// A wrong-type error at `path`: "expected <expectation>, found <type>".
    func typeError(_ expectation: String, found value: JSONValue, at path: String) -> LoadError {
        LoadError(.invalidValue, file: file, location: path, message: "expected \(expectation), found \(Self.describe(value))")
    }

    /// A value's type as the messages say it ("a number", "null", "an array").
    static func describe(_ value: JSONValue) -> String {
        switch value {
        case .null: "null"
        case .bool(let b): "a boolean (\(b))"
        case .number: "a number"
        case .string: "a string"
        case .array: "an array"
        case .object: "an object"
        }
    }

    /// The value as an object, or an error.
    func object(_ value: JSONValue, at path: String) throws(LoadError) -> JSONObject {
        guard case .object(let object) = value else { throw typeError("an object", found: value, at: path) }
        return object
    }

    /// `object[key]` when present and not `null`.
    func field(_ object: JSONObject, _ key: String) -> JSONValue? {
        guard let value = object[key], !value.isNull else { return nil }
        return value
    }

    /// An optional object field.
    func optionalObject(_ object: JSONObject, _ key: String, at path: String) throws(LoadError) -> JSONObject? {
        guard let value = field(object, key) else { return nil }
        return try self.object(value, at: Self.path(path, key: key))
    }

    /// An optional array field.
    func optionalArray(_ object: JSONObject, _ key: String, at path: String) throws(LoadError) -> [JSONValue]? {
        guard let value = field(object, key) else { return nil }
        guard case .array(let items) = value else {
            throw typeError("an array", found: value, at: Self.path(path, key: key))
        }
        return items
    }

    /// An element of a list with its own JSON path.
    typealias Located = (value: JSONValue, path: String)

    /// An optional list field: an array, or (as postman-collection's property lists allow) one object standing for
    /// a list of one.
    func optionalList(_ object: JSONObject, _ key: String, at path: String) throws(LoadError) -> [Located]? {
        guard let value = field(object, key) else { return nil }
        return try list(value, at: Self.path(path, key: key))
    }

    /// `value` as list elements (see `optionalList`).
    func list(_ value: JSONValue, at path: String) throws(LoadError) -> [Located] {
        switch value {
        case .array(let items): return items.enumerated().map { (value: $0.element, path: Self.path(path, index: $0.offset)) }
        case .object: return [(value: value, path: path)]
        default: throw typeError("an array", found: value, at: path)
        }
    }

    /// An optional text field. Numbers and booleans are accepted and printed as JavaScript would, since
    /// hand-written files often carry `"value": 5` where Postman itself would have written `"5"`.
    func optionalString(_ object: JSONObject, _ key: String, at path: String) throws(LoadError) -> String? {
        guard let value = field(object, key) else { return nil }
        return try scalarString(value, at: Self.path(path, key: key))
    }

    /// A string, number or boolean as text; anything else is an error.
    func scalarString(_ value: JSONValue, at path: String) throws(LoadError) -> String {
        switch value {
        case .string(let s): return s
        case .number, .bool: return value.javaScriptString
        default: throw typeError("a string", found: value, at: path)
        }
    }

    /// An optional boolean field (`false` when absent).
    func bool(_ object: JSONObject, _ key: String, at path: String) throws(LoadError) -> Bool {
        guard let value = field(object, key) else { return false }
        guard case .bool(let flag) = value else {
            throw typeError("true or false", found: value, at: Self.path(path, key: key))
        }
        return flag
    }

    /// A `description` field: a string, or an object whose `content` is the text.
    func description(_ object: JSONObject, at path: String) throws(LoadError) -> String? {
        guard let value = field(object, "description") else { return nil }
        let descriptionPath = Self.path(path, key: "description")
        switch value {
        case .string(let s): return s
        case .object(let inner): return try optionalString(inner, "content", at: descriptionPath)
        default: throw typeError("a string or an object with \"content\"", found: value, at: descriptionPath)
        }
    }
}
