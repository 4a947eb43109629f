import AuthSigning
import RunContracts
import Foundation
import CollectionModel
import JSONValue

extension RequestBuilder {
    /// Builds what `pm.sendRequest` sends: a URL string, or a request object `{url, method, header, body, auth}`
    /// (header as an array, an object or `Name: value` lines). Variables are not resolved (Postman does not);
    /// auth is applied; file uploads are dropped, as scripts may not upload files.
    package static func buildForSendRequest(_ json: JSONValue, settings: RequestBuildSettings) throws(RequestBuildError) -> PreparedRequest {
        try prepareSendRequest(json, settings: settings).request
    }

    /// `buildForSendRequest` with its warnings (`uploading files from scripts is not allowed`, unsupported auth).
    package static func prepareSendRequest(_ json: JSONValue, settings: RequestBuildSettings) throws(RequestBuildError) -> BuiltRequest {
        let decoded = try SendRequestDecoder.decode(json)
        var built = try assemble(method: decoded.method, url: decoded.url, headers: decoded.headers, body: decoded.body,
                                 auth: decoded.auth, protocolProfileBehavior: [:], settings: settings)
        built.warnings = decoded.warnings + built.warnings
        return built
    }
}

/// The request shapes scripts pass to `pm.sendRequest`, decoded leniently as postman-collection's constructors do.
enum SendRequestDecoder {
    struct Decoded {
        var method = "GET"
        var url = RequestURL()
        var headers: [KeyValue] = []
        var body: RequestBody?
        var auth: Auth?
        var warnings: [String] = []
    }

    static func decode(_ json: JSONValue) throws(RequestBuildError) -> Decoded {
        var decoded = Decoded()
        switch json {
        case .string(let text):
            decoded.url = RequestURL.parse(text)
        case .object(let object):
            decoded.url = url(object["url"])
            if let method = object["method"]?.stringValue, !method.isEmpty { decoded.method = method }
            decoded.headers = headers(object["header"] ?? object["headers"])
            decoded.body = body(object["body"], warnings: &decoded.warnings)
            decoded.auth = auth(object["auth"])
        default:
            throw RequestBuildError("Could not complete pm.sendRequest. Request is empty.")
        }
        return decoded
    }

    static func url(_ json: JSONValue?) -> RequestURL {
        switch json {
        case .string(let text)?: return RequestURL.parse(text)
        case .object(let object)?:
            var url = RequestURL(raw: object["raw"]?.stringValue ?? "")
            url.scheme = object["protocol"]?.stringValue
            if let auth = object["auth"]?.objectValue {
                let user = auth["user"].flatMap(text) ?? ""
                url.userInfo = auth["password"].flatMap(text).map { user + ":" + $0 } ?? user
            }
            switch object["host"] {
            case .string(let host)?: url.host = splitHost(host)
            case .array(let labels)?: url.host = labels.compactMap(text)
            default: break
            }
            url.port = object["port"].flatMap(text)
            switch object["path"] {
            case .string(let path)?:
                let trimmed = path.hasPrefix("/") && path.count > 1 ? String(path.dropFirst()) : path
                url.path = trimmed.isEmpty ? [] : (trimmed == "/" ? [""] : trimmed.components(separatedBy: "/"))
            case .array(let segments)?: url.path = segments.compactMap(text)
            default: break
            }
            switch object["query"] {
            case .string(let query)?:
                let parts = query.components(separatedBy: "&")
                url.query = parts.enumerated().map { RequestURL.parseQueryParameter($1, isLast: $0 == parts.count - 1) }
            case .array(let items)?: url.query = items.compactMap(keyValue)
            default: break
            }
            url.hash = object["hash"].flatMap(text)
            url.pathVariables = (object["variable"]?.arrayValue ?? []).compactMap { item in
                guard let entry = item.objectValue, let key = (entry["key"] ?? entry["id"]).flatMap(text) else { return nil }
                return Variable(key: key, value: entry["value"] ?? .null, disabled: entry["disabled"]?.boolValue ?? false)
            }
            return RequestBuilder.sendableURL(url)
        default:
            return RequestURL()
        }
    }

    static func headers(_ json: JSONValue?) -> [KeyValue] {
        switch json {
        case .array(let items)?: return items.compactMap(keyValue)
        case .object(let object)?: return object.members.map { KeyValue(key: $0.key, value: text($0.value) ?? "") }
        case .string(let lines)?:
            return lines.split(whereSeparator: \.isNewline).compactMap { line in
                guard let colon = line.firstIndex(of: ":") else { return nil }
                return KeyValue(key: line[..<colon].trimmingCharacters(in: .whitespaces),
                                value: line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces))
            }
        default: return []
        }
    }

    static func body(_ json: JSONValue?, warnings: inout [String]) -> RequestBody? {
        guard let object = json?.objectValue, let modeName = object["mode"]?.stringValue else { return nil }
        var body = RequestBody(mode: RequestBody.Mode(rawValue: modeName))
        body.disabled = object["disabled"]?.boolValue ?? false
        body.rawLanguage = object["options"]?["raw"]?["language"]?.stringValue
        switch body.mode {
        case .raw?:
            body.raw = object["raw"].map { $0.stringValue ?? $0.serialized() }
        case .urlencoded?:
            switch object["urlencoded"] {
            case .array(let items)?: body.urlencoded = items.compactMap(keyValue)
            case .string(let text)?: body.urlencoded = text.components(separatedBy: "&").map { RequestURL.parseQueryParameter($0, isLast: true) }
            default: break
            }
        case .formdata?:
            var droppedFile = false
            for item in object["formdata"]?.arrayValue ?? [] {
                guard let entry = item.objectValue else { continue }
                if entry["type"]?.stringValue == "file" { droppedFile = true; continue }
                body.formdata.append(FormParameter(key: entry["key"].flatMap(text) ?? "", value: entry["value"].flatMap(text),
                                                   contentType: entry["contentType"]?.stringValue,
                                                   disabled: entry["disabled"]?.boolValue ?? false))
            }
            if droppedFile { warnings.append("uploading files from scripts is not allowed") }
        case .file?:
            warnings.append("uploading files from scripts is not allowed")
            return nil
        case .graphql?:
            let graphql = object["graphql"]
            body.graphqlQuery = graphql?["query"]?.stringValue
            body.graphqlVariables = graphql?["variables"].map { $0.stringValue ?? $0.serialized() }
        case nil:
            return nil
        }
        return body
    }

    static func auth(_ json: JSONValue?) -> Auth? {
        guard let object = json?.objectValue, let type = object["type"]?.stringValue else { return nil }
        var parameters = JSONObject()
        switch object[type] {
        case .array(let items)?:
            for item in items {
                if let key = item["key"]?.stringValue { parameters[key] = item["value"] ?? .null }
            }
        case .object(let given)?: parameters = given
        default: break
        }
        return Auth(type: type, parameters: parameters)
    }

    private static func keyValue(_ json: JSONValue) -> KeyValue? {
        guard let object = json.objectValue else { return nil }
        return KeyValue(key: object["key"].flatMap(text), value: object["value"].flatMap(text),
                        disabled: object["disabled"]?.boolValue ?? false)
    }

    /// Primitives as text (`null` is no value).
    private static func text(_ json: JSONValue) -> String? {
        json.isNull ? nil : json.javaScriptString
    }

    /// A host string split at dots that are not inside a `{{variable}}` (postman-collection's `splitDomain`).
    static func splitHost(_ host: String) -> [String] {
        var labels: [String] = []
        var current = ""
        var index = host.startIndex
        while index < host.endIndex {
            let character = host[index]
            let rest = host[host.index(after: index)...]
            if character == ".", !(rest.prefix(while: { $0 != "{" }).contains("}}")) {
                labels.append(current)
                current = ""
            } else {
                current.append(character)
            }
            index = host.index(after: index)
        }
        labels.append(current)
        return labels
    }
}
