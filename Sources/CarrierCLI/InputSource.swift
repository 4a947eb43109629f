import Foundation

/// Which input of a run a source is for: decides the flag named in messages and which Postman resources fit.
enum InputRole: String, Sendable, CaseIterable {
    case collection, environment, globals, iterationData, cookieJar

    /// How the user passed it: `the collection`, `-e`, `-g`, `-d`, `--cookie-jar`.
    var flag: String {
        switch self {
        case .collection: "the collection"
        case .environment: "-e"
        case .globals: "-g"
        case .iterationData: "-d"
        case .cookieJar: "--cookie-jar"
        }
    }
}

/// A Postman API resource: `postman:collection/<uid>`, `postman:environment/<uid>`, `postman:globals/<workspace-id>`.
struct PostmanResource: Sendable, Equatable {
    enum Kind: String, Sendable, CaseIterable { case collection, environment, globals }
    var kind: Kind
    /// The collection's or environment's uid (`<owner>-<uuid>`), or the workspace id for globals.
    var uid: String

    /// `postman:collection/<uid>`, as the user writes it and the report records it.
    var spelled: String { "postman:\(kind.rawValue)/\(uid)" }

    /// The API path: `GET /collections/{uid}`, `/environments/{uid}`, `/workspaces/{id}/global-variables`.
    var path: String {
        let id = uid.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? uid
        return switch kind {
        case .collection: "/collections/\(id)"
        case .environment: "/environments/\(id)"
        case .globals: "/workspaces/\(id)/global-variables"
        }
    }

    /// The member the API wraps the document in (`{"collection": …}`), none for globals.
    var envelope: String? { kind == .globals ? nil : kind.rawValue }

    /// The resource kind each role takes.
    static func kind(for role: InputRole) -> Kind? {
        switch role {
        case .collection: .collection
        case .environment: .environment
        case .globals: .globals
        case .iterationData, .cookieJar: nil
        }
    }
}

/// Where one input comes from, as the user named it: a local file, an `http(s)://` URL, or the Postman API.
enum InputSource: Sendable, Equatable {
    case file(String)
    case url(String)
    case postman(PostmanResource)

    /// Reads an argument. `postman:<kind>/<uid>` must fit the role; `http://` and `https://` are URLs; another
    /// `scheme://` is refused (Newman would look for a file of that name); Newman's bare uid
    /// (`12345-0a1b…`) means the Postman API when no such file exists and `apiKeyAvailable`.
    static func parse(_ text: String, role: InputRole, apiKeyAvailable: Bool,
                      fileExists: (String) -> Bool = { FileManager.default.fileExists(atPath: $0) }) throws(CLIError) -> InputSource {
        let lower = text.lowercased()
        if lower.hasPrefix("postman:") {
            return .postman(try resource(text, role: role))
        }
        if lower.hasPrefix("http://") || lower.hasPrefix("https://") {
            guard URLComponents(string: text)?.host?.isEmpty == false else {
                throw CLIError("\(URLDisplay.safe(text)): not a valid URL; check \(role.flag)")
            }
            return .url(text)
        }
        if let scheme = schemePrefix(lower) {
            throw CLIError("\(URLDisplay.safe(text)): \(scheme):// is not fetched; Carrier reads local files, http:// and https:// URLs and postman:<kind>/<uid>")
        }
        if apiKeyAvailable, let kind = PostmanResource.kind(for: role), kind != .globals, isPostmanUID(text), !fileExists(text) {
            return .postman(PostmanResource(kind: kind, uid: text))
        }
        return .file(text)
    }

    private static func resource(_ text: String, role: InputRole) throws(CLIError) -> PostmanResource {
        let rest = text.dropFirst("postman:".count)
        let parts = rest.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false)
        let usage = "use postman:collection/<uid>, -e postman:environment/<uid> or -g postman:globals/<workspace-id>"
        guard parts.count == 2, let kind = PostmanResource.Kind(rawValue: parts[0].lowercased()) else {
            throw CLIError("\(text): not a Postman API resource; \(usage)")
        }
        let uid = String(parts[1])
        guard !uid.isEmpty, uid.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }) else {
            throw CLIError("\(text): the uid after \(kind.rawValue)/ is missing or has characters a Postman uid cannot have; copy it from Postman (the resource's Info tab)")
        }
        guard let wanted = PostmanResource.kind(for: role) else {
            throw CLIError("\(role.flag) \(text): the Postman API serves collections, environments and globals only; pass a file or an http(s) URL")
        }
        guard wanted == kind else {
            let hint = switch wanted {
            case .collection: "the collection comes first: carrier run postman:collection/<uid>"
            case .environment: "-e takes postman:environment/<uid>"
            case .globals: "-g takes postman:globals/<workspace-id>"
            }
            throw CLIError("\(role.flag) \(text): \(article(kind.rawValue)) where \(article(wanted.rawValue)) is expected; \(hint)")
        }
        return PostmanResource(kind: kind, uid: uid)
    }

    /// `a collection`, `an environment`, `globals`.
    private static func article(_ noun: String) -> String {
        noun == "globals" ? noun : (noun.first.map { "aeiou".contains($0) } == true ? "an " : "a ") + noun
    }

    /// `ftp` in `ftp://…` (letters, digits, `+ . -` after a letter), else nil.
    private static func schemePrefix(_ text: String) -> String? {
        guard let range = text.range(of: "://") else { return nil }
        let scheme = text[..<range.lowerBound]
        guard let first = scheme.first, first.isLetter,
              scheme.allSatisfy({ $0.isLetter || $0.isNumber || "+.-".contains($0) }) else { return nil }
        return String(scheme)
    }

    /// The Postman API's uid pattern (also Newman's): owner digits or letters, a dash, a UUID.
    static func isPostmanUID(_ text: String) -> Bool {
        let parts = text.split(separator: "-", maxSplits: 1)
        guard parts.count == 2, !parts[0].isEmpty, parts[0].allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) else {
            return false
        }
        let uuid = parts[1].split(separator: "-", omittingEmptySubsequences: false)
        return uuid.map(\.count) == [8, 4, 4, 4, 12] && uuid.allSatisfy { $0.allSatisfy(\.isHexDigit) }
    }

    /// How messages and reports name the source: the path, the URL without query, fragment or user info, or
    /// `postman:collection/<uid>`. Never holds a secret.
    var display: String {
        switch self {
        case .file(let path): path
        case .url(let url): URLDisplay.safe(url)
        case .postman(let resource): resource.spelled
        }
    }

    /// `file`, `url` or `postman`, as `run.sources[].kind` says.
    var kindName: String {
        switch self {
        case .file: "file"
        case .url: "url"
        case .postman: "postman"
        }
    }
}

/// URLs as they may be shown: without the query string (Newman's `?apikey=`, a documentation link's
/// `access_key`), the fragment and user info, which is where URLs carry secrets.
enum URLDisplay {
    static func safe(_ url: String) -> String {
        var text = url
        if let cut = text.firstIndex(where: { $0 == "?" || $0 == "#" }) { text = String(text[..<cut]) }
        if let schemeEnd = text.range(of: "://") {
            let authorityStart = schemeEnd.upperBound
            let authorityEnd = text[authorityStart...].firstIndex(of: "/") ?? text.endIndex
            if let at = text[authorityStart..<authorityEnd].lastIndex(of: "@") {
                text.removeSubrange(authorityStart...at)
            }
        }
        return text
    }
}
