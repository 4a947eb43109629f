import CollectionModel
import Foundation
import JSONValue

/// Knows the run's secret values and blanks them out of any text before it reaches a report, a log or the
/// console. Secrets are: auth credentials, variables typed `secret`, variables whose names say password, passwd,
/// secret, token, apikey/api_key, credential or private, and values read from the process environment.
/// Each value is also matched in the forms it travels in: percent-encoded, JSON-escaped, and inside the base64
/// of `user:password` for Basic auth.
///
/// Shared by the runner (which learns secrets as scripts set them) and the reporters (which render on the
/// runner's thread or at the end), hence a locked class.
package final class SecretRedactor: @unchecked Sendable {
    // Unchecked: `forms` is read and written only under `lock`.
    /// What a secret is replaced with.
    package static let mask = "[secret]"
    /// Shorter values are not redacted: masking every "1" or "ab" would destroy reports and hide nothing.
    package static let minimumLength = 3
    /// Variable-name fragments that mark a variable as secret.
    package static let secretNameFragments = ["password", "passwd", "secret", "token", "apikey", "api_key", "api-key",
                                              "credential", "private"]
    /// Header names whose values are always masked.
    package static let sensitiveHeaders: Set<String> = ["authorization", "proxy-authorization", "cookie", "set-cookie"]

    private let lock = NSLock()
    private var forms: [String] = []
    private var known: Set<String> = []
    private var extraSensitiveHeaders: Set<String> = []

    package init(values: [String] = []) {
        for value in values { add(value) }
    }

    /// Whether a variable's name or type marks it secret.
    package static func isSecret(_ variable: Variable, processEnvironmentNames: [String] = []) -> Bool {
        if variable.isSecretTyped || processEnvironmentNames.contains(variable.key) { return true }
        let lower = variable.key.lowercased()
        return secretNameFragments.contains { lower.contains($0) }
    }

    /// Words a secret-named variable holds when it holds nothing secret (a script stored `null`, `true` or
    /// `undefined`, or their text): masking them would blank the word everywhere (`Email is [secret]`).
    package static let placeholderWords: Set<String> = ["null", "undefined", "true", "false", "nan"]

    /// The text of a secret variable's value worth masking: a string that is not one of the `placeholderWords`, or
    /// a number long enough to be a numeric token or PIN (`tokenTTL: 3600` must not blank every "3600"). Null,
    /// booleans, objects and `undefined` a script stored are values, not credentials.
    package static func secretText(of variable: Variable) -> String? {
        guard !variable.isUndefined else { return nil }
        switch variable.value {
        case .string(let text): return placeholderWords.contains(text.lowercased()) ? nil : text
        case .number:
            let text = variable.value.javaScriptString
            return text.count >= minimumNumericLength ? text : nil
        default: return nil
        }
    }
    /// Numbers shorter than this are not masked even in secret-named variables.
    package static let minimumNumericLength = 6

    /// Learns a secret value (and the forms it travels in).
    package func add(_ value: String) {
        guard value.count >= SecretRedactor.minimumLength, !SecretRedactor.placeholderWords.contains(value.lowercased()) else { return }
        lock.lock()
        defer { lock.unlock() }
        guard known.insert(value).inserted else { return }
        var candidates = [value]
        if let encoded = value.addingPercentEncoding(withAllowedCharacters: .alphanumerics), encoded != value { candidates.append(encoded) }
        // As the URL builder and the urlencoded body encoder put it on the wire, which reports echo back.
        for set in [URLEncoding.queryValue, URLEncoding.path, URLEncoding.userInfo] {
            let encoded = URLEncoding.percentEncode(value, set)
            if encoded != value { candidates.append(encoded) }
        }
        let formEncoded = FormURLEncoding.escape(value)
        if formEncoded != value { candidates.append(formEncoded) }
        // As chai's and Node's inspect quote it in assertion messages and console lines: 'it\'s'.
        let singleQuoted = value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "'", with: "\\'")
        if singleQuoted != value { candidates.append(singleQuoted) }
        var escaped = ""
        JSONValue.writeQuoted(value, into: &escaped)
        escaped = String(escaped.dropFirst().dropLast())
        if escaped != value { candidates.append(escaped) }
        for candidate in Set(candidates) where !forms.contains(candidate) { forms.append(candidate) }
        // Longest first, so a secret that contains another is masked whole.
        forms.sort { $0.count > $1.count }
    }

    /// Learns Basic-auth credentials: the password, and the base64 of `user:password` that goes on the wire.
    package func addBasicCredentials(username: String, password: String) {
        add(password)
        add(Data("\(username):\(password)".utf8).base64EncodedString())
    }

    /// Learns the secret variables of every scope and the credentials of an auth block.
    package func learn(from scopes: VariableScopes, processEnvironmentNames: [String] = []) {
        for scope in [scopes.globals, scopes.collection, scopes.environment, scopes.data, scopes.local] {
            for variable in scope.variables where SecretRedactor.isSecret(variable, processEnvironmentNames: processEnvironmentNames) {
                if let text = SecretRedactor.secretText(of: variable) { add(text) }
            }
        }
    }

    /// Learns what an auth block carries, as its signer declares it (`AuthSigner.secrets(of:resolve:)`).
    package func learn(_ secrets: [AuthSecret]) {
        for secret in secrets {
            switch secret {
            case .value(let value): add(value)
            case .basicCredentials(let username, let password): addBasicCredentials(username: username, password: password)
            case .sensitiveHeader(let name):
                lock.lock()
                extraSensitiveHeaders.insert(name.lowercased())
                lock.unlock()
            }
        }
    }

    /// The text with every known secret masked.
    package func redact(_ text: String) -> String {
        lock.lock()
        let current = forms
        lock.unlock()
        guard !current.isEmpty, !text.isEmpty else { return text }
        var result = text
        for form in current where result.contains(form) {
            result = result.replacingOccurrences(of: form, with: SecretRedactor.mask)
        }
        return result
    }

    /// Whether no secret is known yet, so `redact` would give back any text unchanged.
    package var isEmpty: Bool {
        lock.lock()
        defer { lock.unlock() }
        return forms.isEmpty
    }

    /// Whether a header's value is masked whatever it holds.
    package func isSensitiveHeader(_ name: String) -> Bool { sensitiveHeaderNames().contains(name) }

    /// The names whose header values are masked, as they stand now: for checking many headers under one lock.
    package func sensitiveHeaderNames() -> SensitiveHeaderNames {
        lock.lock()
        defer { lock.unlock() }
        return SensitiveHeaderNames(extra: extraSensitiveHeaders)
    }

    /// Whether an ASCII name is one of `sensitiveHeaders`, compared ignoring ASCII case; `nil` for a name with
    /// other characters, whose lower-cased form may still be ASCII (the Kelvin sign lower-cases to `k`).
    static func isStandardSensitiveHeader(_ name: String) -> Bool? {
        if let answer = name.utf8.withContiguousStorageIfAvailable(isStandardSensitiveHeader) { return answer }
        var contiguous = name
        contiguous.makeContiguousUTF8()
        return contiguous.utf8.withContiguousStorageIfAvailable(isStandardSensitiveHeader) ?? nil
    }

    private static func isStandardSensitiveHeader(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool? {
        var all: UInt8 = 0
        for byte in bytes { all |= byte }
        guard all < 0x80 else { return nil }
        for candidate in sensitiveHeaderBytes where candidate.count == bytes.count {
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                let lower = byte &- UInt8(ascii: "A") < 26 ? byte | 0x20 : byte
                guard lower == candidate[index] else { break }
                index += 1
            }
            if index == bytes.count { return true }
        }
        return false
    }

    private static let sensitiveHeaderBytes: [[UInt8]] = sensitiveHeaders.map { Array($0.utf8) }

    /// A header's value as reports may show it.
    package func redactHeader(name: String, value: String) -> String {
        isSensitiveHeader(name) ? SecretRedactor.mask : redact(value)
    }
}

/// `SecretRedactor.sensitiveHeaders` and the names auth blocks added, at one moment of the run.
package struct SensitiveHeaderNames: Sendable {
    /// Lower-cased.
    let extra: Set<String>

    package func contains(_ name: String) -> Bool {
        // Every header of every request and response is asked about several times per report; lower-casing each
        // name and hashing it was a seventh of a plain run's instructions.
        if let standard = SecretRedactor.isStandardSensitiveHeader(name) {
            return standard || (!extra.isEmpty && extra.contains(name.lowercased()))
        }
        let lower = name.lowercased()
        return SecretRedactor.sensitiveHeaders.contains(lower) || extra.contains(lower)
    }
}
