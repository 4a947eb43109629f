import JSONValue

/// Reads typed fields out of parsed JSON with postman-collection's tolerance: what its constructors accept
/// (an array or a scalar where an object is expected, any value where a flag is expected, a number or boolean
/// where text is expected) is read as JavaScript would read it, with a note in `tolerated` where something is
/// dropped or reinterpreted. What Postman cannot read either becomes a `LoadError` that names the file, the JSON
/// path (`$.item[3].request.url`) and what would be accepted. Absent and `null` fields are "not given".
struct JSONFieldReader: Sendable {
    /// The file being decoded, as the user named it.
    let file: String
    /// Shapes read leniently, each as `path: what was done`, for the load's warnings.
    let tolerated = ToleratedShapes()

    init(file: String) { self.file = file }

    /// Notes a shape read leniently.
    func tolerate(_ path: String, _ what: String) { tolerated.add("\(path): \(what)") }

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

    /// An optional object field. postman-collection reads an object member with lodash, so an array (often `[]`
    /// for an empty setting, as some exporters write) or a scalar gives no members: they are read as absent.
    func optionalObject(_ object: JSONObject, _ key: String, at path: String) throws(LoadError) -> JSONObject? {
        guard let value = field(object, key) else { return nil }
        let fieldPath = Self.path(path, key: key)
        switch value {
        case .object(let inner): return inner
        case .array(let items):
            if !items.isEmpty { tolerate(fieldPath, "expected an object, found an array; its \(items.count) element(s) are ignored, as Postman ignores them") }
            return nil
        default:
            tolerate(fieldPath, "expected an object, found \(Self.describe(value)); ignored, as Postman ignores it")
            return nil
        }
    }

    /// An optional array field; a scalar where the array belongs is ignored (Postman builds an empty list).
    func optionalArray(_ object: JSONObject, _ key: String, at path: String) throws(LoadError) -> [JSONValue]? {
        guard let value = field(object, key) else { return nil }
        guard case .array(let items) = value else {
            tolerate(Self.path(path, key: key), "expected an array, found \(Self.describe(value)); ignored, as Postman ignores it")
            return nil
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

    /// `value` as list elements (see `optionalList`); `null` elements are skipped and a scalar list is empty, as
    /// postman-collection's PropertyList skips what it cannot add.
    func list(_ value: JSONValue, at path: String) throws(LoadError) -> [Located] {
        switch value {
        case .array(let items):
            return items.enumerated().compactMap { entry in
                entry.element.isNull ? nil : (value: entry.element, path: Self.path(path, index: entry.offset))
            }
        case .object: return [(value: value, path: path)]
        default:
            tolerate(path, "expected an array, found \(Self.describe(value)); ignored, as Postman ignores it")
            return []
        }
    }

    /// An optional text field. Numbers and booleans are accepted and printed as JavaScript would, since
    /// hand-written files often carry `"value": 5` where Postman itself would have written `"5"`.
    func optionalString(_ object: JSONObject, _ key: String, at path: String) throws(LoadError) -> String? {
        guard let value = field(object, key) else { return nil }
        return try scalarString(value, at: Self.path(path, key: key))
    }

    /// A string, number or boolean as text; an array or object becomes the text JavaScript would send for it
    /// (`String(value)`: elements joined by commas, `[object Object]`), with a note.
    func scalarString(_ value: JSONValue, at path: String) throws(LoadError) -> String {
        switch value {
        case .string(let s): return s
        case .number, .bool: return value.javaScriptString
        case .null: return "null"
        case .array(let items):
            tolerate(path, "expected a string, found an array; read as its elements joined by commas, as JavaScript would")
            return items.map { $0.isNull ? "" : (try? scalarString($0, at: path)) ?? "[object Object]" }.joined(separator: ",")
        case .object:
            tolerate(path, "expected a string, found an object; read as \"[object Object]\", as JavaScript would")
            return "[object Object]"
        }
    }

    /// An optional flag (`false` when absent). postman-collection takes `Boolean(value)`, so any other value counts
    /// by JavaScript truthiness (with a note: `"false"` is true there).
    func bool(_ object: JSONObject, _ key: String, at path: String) throws(LoadError) -> Bool {
        guard let value = field(object, key) else { return false }
        if case .bool(let flag) = value { return flag }
        let truthy: Bool = switch value {
        case .string(let text): !text.isEmpty
        case .number(let number): number != 0 && !number.isNaN
        default: true
        }
        tolerate(Self.path(path, key: key), "expected true or false, found \(Self.describe(value)); read as \(truthy), as Postman reads it")
        return truthy
    }

    /// A `description` field: a string, or an object whose `content` is the text.
    func description(_ object: JSONObject, at path: String) throws(LoadError) -> String? {
        guard let value = field(object, "description") else { return nil }
        let descriptionPath = Self.path(path, key: "description")
        switch value {
        case .string(let s): return s
        case .object(let inner): return try optionalString(inner, "content", at: descriptionPath)
        case .number, .bool: return value.javaScriptString
        default:
            tolerate(descriptionPath, "expected a string or an object with \"content\", found \(Self.describe(value)); ignored")
            return nil
        }
    }
}

/// The shapes a load read leniently. A reference shared by the copies of one `JSONFieldReader` (a value type
/// passed down the decoders); loads are single-threaded.
final class ToleratedShapes: @unchecked Sendable {
    private(set) var notes: [String] = []
    func add(_ note: String) { if notes.count < 100 { notes.append(note) } }
}
