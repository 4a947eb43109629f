import Foundation
import JSONValue

/// The Postman API as Carrier uses it: `GET {base}/collections/{uid}` and `/environments/{uid}` (and
/// `/workspaces/{id}/global-variables`), with the key in the `X-Api-Key` header only.
struct PostmanAPI: Sendable {
    static let defaultBase = "https://api.getpostman.com"
    /// The hosts that are the Postman API whatever `--postman-api-url` says (Newman's URLs name the first).
    static let knownHosts: Set<String> = ["api.getpostman.com", "api.postman.com"]
    /// Where the key is read from.
    static let keyVariable = "POSTMAN_API_KEY"

    /// `--postman-api-url`, without a trailing slash.
    let base: String
    /// `$POSTMAN_API_KEY`, when set and not empty.
    let key: String?

    init(base: String = PostmanAPI.defaultBase, key: String?) {
        var trimmed = base
        while trimmed.hasSuffix("/") { trimmed.removeLast() }
        self.base = trimmed
        self.key = key?.isEmpty == false ? key : nil
    }

    /// Checks `--postman-api-url`: an http(s) URL with a host and no query.
    static func validateBase(_ text: String) throws(CLIError) -> String {
        let lower = text.lowercased()
        guard lower.hasPrefix("http://") || lower.hasPrefix("https://"),
              let parts = URLComponents(string: text), parts.host?.isEmpty == false, parts.query == nil else {
            throw CLIError("--postman-api-url \(URLDisplay.safe(text)): expected an http(s) URL such as \(defaultBase)")
        }
        return text
    }

    /// The request URL for a resource.
    func url(for resource: PostmanResource) -> String { base + resource.path }

    /// What an http(s) URL means when it points at this API (Newman's
    /// `https://api.getpostman.com/collections/<uid>?apikey=…`): the resource, the URL to send (the `apikey`
    /// parameter taken out, other parameters kept) and the key the URL carried. Nil for any other URL.
    func recognise(_ url: String) -> (resource: PostmanResource, requestURL: String, queryKey: String?)? {
        guard var parts = URLComponents(string: url), let host = parts.host?.lowercased() else { return nil }
        let baseParts = URLComponents(string: base)
        var prefix = ""
        if Self.knownHosts.contains(host) {
            prefix = ""
        } else if let baseParts, baseParts.host?.lowercased() == host, baseParts.port == parts.port,
                  baseParts.scheme?.lowercased() == parts.scheme?.lowercased() {
            prefix = baseParts.path
            while prefix.hasSuffix("/") { prefix.removeLast() }
        } else {
            return nil
        }
        var path = parts.path
        guard path.hasPrefix(prefix) else { return nil }
        path.removeFirst(prefix.count)
        while path.hasSuffix("/") { path.removeLast() }
        let segments = path.split(separator: "/", omittingEmptySubsequences: false)
        guard segments.count == 3, segments[0].isEmpty, !segments[2].isEmpty else { return nil }
        let kind: PostmanResource.Kind
        switch segments[1] {
        case "collections": kind = .collection
        case "environments": kind = .environment
        default: return nil
        }
        let uid = segments[2].removingPercentEncoding ?? String(segments[2])
        var queryKey: String?
        if let items = parts.percentEncodedQueryItems {
            let kept = items.filter { item in
                guard item.name.lowercased() == "apikey" else { return true }
                queryKey = item.value?.removingPercentEncoding ?? item.value
                return false
            }
            parts.percentEncodedQueryItems = kept.isEmpty ? nil : kept
        }
        guard let requestURL = parts.string else { return nil }
        return (PostmanResource(kind: kind, uid: uid), requestURL, queryKey)
    }

    /// The message in a Postman API error body (`{"error": {"name", "message"}}`, or `{"error": "rateLimited",
    /// "message": …}` for 429), first line only, at most 200 characters.
    static func errorMessage(in body: [UInt8]) -> String? {
        guard body.first == UInt8(ascii: "{"), let document = try? JSONParser.parse(bytes: body),
              let text = document["error"]?["message"]?.stringValue ?? document["message"]?.stringValue else { return nil }
        let line = text.split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { return nil }
        return trimmed.count > 200 ? String(trimmed.prefix(200)) + "…" : trimmed
    }
}
