import AuthSigning
import RunContracts
import Foundation
import CollectionModel
import JSONValue

/// A body ready for the wire and how it asks for a `Content-Type`.
struct EncodedBody {
    /// How the body's `Content-Type` reaches the headers, mirroring where postman-runtime and postman-request add it.
    enum ContentType {
        /// raw and graphql: the runtime appends it before the system headers when no enabled one exists.
        case systemDefault(String)
        /// urlencoded and formdata: the HTTP client sets it last, overwriting a user header of another type.
        case clientForced(String, keepIfPrefixed: String)
    }

    var bytes: [UInt8]
    var contentType: ContentType?
    /// Dropped for the method (GET and friends): nothing goes on the wire, but a raw or graphql body's
    /// `Content-Type`, which postman-runtime adds before the body is pruned, still does.
    var isPruned = false
}

/// Encodes a resolved body by mode, as postman-runtime's body builder and postman-request do.
struct BodyEncoder {
    var files: UploadFiles
    var makeBoundary: @Sendable () -> String
    var warnings: [String] = []

    /// `nil` when nothing is sent: no body, disabled, empty for its mode, or pruned for the method.
    mutating func encode(_ body: RequestBody?, method: String, pruneBody: Bool) -> EncodedBody? {
        guard let body, !body.disabled, let mode = body.mode, !BodyEncoder.isEmpty(body, mode: mode) else { return nil }
        if pruneBody && BodyEncoder.methodsWithoutBody.contains(method.lowercased()) {
            switch mode {
            case .raw:
                // Only a declared language's type survives (Newman's request-body-with-get fixture: none without).
                guard let language = body.rawLanguage else { return nil }
                let type = BodyEncoder.rawContentTypes[language] ?? "text/plain"
                return EncodedBody(bytes: [], contentType: .systemDefault(type), isPruned: true)
            case .graphql: return EncodedBody(bytes: [], contentType: .systemDefault("application/json"), isPruned: true)
            default: return nil
            }
        }
        switch mode {
        case .raw:
            let language = body.rawLanguage ?? "text"
            let type = BodyEncoder.rawContentTypes[language] ?? "text/plain"
            return EncodedBody(bytes: Array((body.raw ?? "").utf8), contentType: .systemDefault(type))
        case .urlencoded:
            return EncodedBody(bytes: Array(FormURLEncoding.encode(body.urlencoded).utf8),
                               contentType: .clientForced("application/x-www-form-urlencoded",
                                                          keepIfPrefixed: "application/x-www-form-urlencoded"))
        case .formdata:
            var multipart = MultipartEncoder(boundary: makeBoundary())
            for parameter in body.formdata where !parameter.disabled { appendPart(parameter, to: &multipart) }
            return EncodedBody(bytes: multipart.finish(),
                               contentType: .clientForced(multipart.contentType, keepIfPrefixed: ""))
        case .file:
            switch files.read(body.fileSource ?? "") {
            case .success(let bytes):
                // postman-request names a piped file's type after its extension when no Content-Type is set.
                return EncodedBody(bytes: bytes, contentType: .systemDefault(MimeTypes.type(forFileName: body.fileSource ?? "")))
            case .failure(let error):
                warnings.append("Binary file load error: " + error.message)
                return nil
            }
        case .graphql:
            return EncodedBody(bytes: Array(BodyEncoder.graphQLBody(body).utf8), contentType: .systemDefault("application/json"))
        }
    }

    private mutating func appendPart(_ parameter: FormParameter, to multipart: inout MultipartEncoder) {
        let contentType = parameter.contentType.flatMap { $0.isEmpty ? nil : $0 }
        guard parameter.kind == .file else {
            multipart.append(name: parameter.key, value: Array((parameter.value ?? "").utf8), contentType: contentType)
            return
        }
        guard !parameter.sources.isEmpty else {
            // The runtime warns and still sends the part, empty and without a filename.
            warnings.append("Form param `\(parameter.key)`, file load error: missing file source")
            multipart.append(name: parameter.key, value: [], contentType: contentType)
            return
        }
        for source in parameter.sources {
            switch files.read(source) {
            case .success(let bytes):
                let fileName = String(source.split(separator: "/", omittingEmptySubsequences: true).last ?? "")
                multipart.append(name: parameter.key, value: bytes,
                                 contentType: contentType ?? MimeTypes.type(forFileName: fileName), fileName: fileName)
            case .failure(let error):
                warnings.append("Form param `\(parameter.key)`, file load error: \(error.message)")
            }
        }
    }

    /// GET, COPY, HEAD, PURGE and UNLOCK drop their body unless `disableBodyPruning` is set.
    static let methodsWithoutBody: Set<String> = ["get", "copy", "head", "purge", "unlock"]

    /// `options.raw.language` to Content-Type; anything else is `text/plain`.
    static let rawContentTypes = [
        "html": "text/html", "text": "text/plain", "json": "application/json",
        "javascript": "application/javascript", "xml": "application/xml",
    ]

    /// postman-collection's `RequestBody#isEmpty`, plus the runtime's "every parameter disabled" rule.
    static func isEmpty(_ body: RequestBody, mode: RequestBody.Mode) -> Bool {
        switch mode {
        case .raw: (body.raw ?? "").isEmpty
        case .urlencoded: !body.urlencoded.contains { !$0.disabled }
        case .formdata: !body.formdata.contains { !$0.disabled }
        case .file: (body.fileSource ?? "").isEmpty && (body.fileContent ?? "").isEmpty
        case .graphql: body.graphqlQuery == nil && body.graphqlVariables == nil
        }
    }

    /// The runtime writes `{"query":…,"variables":…}` itself: the query as a JSON string, the variables text as
    /// written (not re-serialised), left out when empty.
    static func graphQLBody(_ body: RequestBody) -> String {
        var members: [String] = []
        if let query = body.graphqlQuery {
            var quoted = ""
            JSONValue.writeQuoted(query, into: &quoted)
            members.append("\"query\":" + quoted)
        }
        if let variables = body.graphqlVariables, !variables.isEmpty {
            members.append("\"variables\":" + variables)
        }
        return "{" + members.joined(separator: ",") + "}"
    }
}

/// Removes `//` and `/* */` comments outside JSON strings, as postman-runtime does for JSON raw bodies before
/// sending (the newline ending a line comment stays; a `\r` before it goes with the comment).
enum JSONComments {
    static func strip(_ text: String) -> String {
        let bytes = Array(text.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = 0
        var inString = false
        let quote = UInt8(ascii: "\""), backslash = UInt8(ascii: "\\"), slash = UInt8(ascii: "/")
        let star = UInt8(ascii: "*"), newline = UInt8(ascii: "\n")
        while i < bytes.count {
            let byte = bytes[i]
            if inString {
                out.append(byte)
                if byte == backslash, i + 1 < bytes.count {
                    out.append(bytes[i + 1])
                    i += 2
                    continue
                }
                if byte == quote { inString = false }
                i += 1
                continue
            }
            if byte == quote {
                inString = true
                out.append(byte)
                i += 1
            } else if byte == slash, i + 1 < bytes.count, bytes[i + 1] == slash {
                i += 2
                while i < bytes.count, bytes[i] != newline { i += 1 }
            } else if byte == slash, i + 1 < bytes.count, bytes[i + 1] == star {
                i += 2
                while i < bytes.count, !(bytes[i] == star && i + 1 < bytes.count && bytes[i + 1] == slash) { i += 1 }
                i = min(i + 2, bytes.count)
            } else {
                out.append(byte)
                i += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Whether a raw body is JSON for comment stripping: language `json`, or no language and a JSON Content-Type.
    static func applies(language: String?, contentType: String?) -> Bool {
        if let language { return language == "json" }
        guard let contentType else { return false }
        let media = contentType.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() } ?? ""
        return media == "application/json" || (media.hasPrefix("application/") && media.hasSuffix("+json"))
    }
}
