import RunContracts
import CollectionModel

/// `apikey`: `key: value` as a header (default) or, with `in: query`, as a query parameter, replacing any of the same
/// name. Header names match as lodash's `lowerCase` compares them (`X-Api-Key` and `x api key` are the same).
package struct APIKeyAuthSigner: AuthSigner {
    package init() {}
    package var type: String { "apikey" }
    package var secretParameters: [String] { ["value"] }

    /// The key's value, and its header name: the header is masked wherever headers are shown.
    package func secrets(of auth: Auth, resolve: (String) -> String) -> [AuthSecret] {
        var secrets: [AuthSecret] = auth.string("value").map { [.value(resolve($0))] } ?? []
        if let header = auth.string("key").map(resolve) { secrets.append(.sensitiveHeader(header)) }
        return secrets
    }

    package func sign(_ request: inout SignableRequest, auth: Auth) -> [String] {
        let key = auth.string("key") ?? ""
        let value = auth.string("value")
        guard !key.isEmpty || !(value ?? "").isEmpty else { return [] }
        if auth.string("in") == "query" {
            request.url.query.removeAll { $0.key == key }
            request.url.query.append(KeyValue(key: key, value: value))
        } else {
            let words = APIKeyAuthSigner.lowerCaseWords(key)
            request.headers.removeAll { APIKeyAuthSigner.lowerCaseWords($0.name) == words }
            if !key.isEmpty { request.headers.append(HTTPHeader(key, value ?? "")) }
        }
        return []
    }

    /// lodash `lowerCase`: words split at separators, lower→upper steps, acronym ends and letter/digit steps.
    static func lowerCaseWords(_ text: String) -> String {
        var words: [String] = []
        var current = ""
        var previous: Character?
        let characters = Array(text)
        for (index, character) in characters.enumerated() {
            guard character.isLetter || character.isNumber else {
                if !current.isEmpty { words.append(current); current = "" }
                previous = nil
                continue
            }
            if let previous, !current.isEmpty {
                let next = index + 1 < characters.count ? characters[index + 1] : nil
                let startsWord = (previous.isLowercase && character.isUppercase)
                    || (previous.isLetter != character.isLetter)
                    || (previous.isUppercase && character.isUppercase && (next?.isLowercase ?? false))
                if startsWord { words.append(current); current = "" }
            }
            current.append(character)
            previous = character
        }
        if !current.isEmpty { words.append(current) }
        return words.map { $0.lowercased() }.joined(separator: " ")
    }
}
