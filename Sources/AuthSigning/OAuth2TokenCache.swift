import RunContracts
import CarrierCrypto
import Foundation

/// OAuth 2.0 tokens fetched during one run, by the request that fetched them, with their expiry. A class so every
/// copy of the build settings shares it; locked because `pm.sendRequest` and the runner share the settings.
package final class OAuth2TokenCache: @unchecked Sendable {
    // Unchecked: `tokens` is read and written only under `lock`.
    private let lock = NSLock()
    private var tokens: [String: (token: String, expiresAt: Double?)] = [:]

    package init() {}

    /// The cached token for `key`, unless it has expired at `now` (ms since 1970).
    func token(for key: String, now: Double) -> String? {
        lock.lock()
        defer { lock.unlock() }
        guard let entry = tokens[key] else { return nil }
        if let expiresAt = entry.expiresAt, now >= expiresAt { return nil }
        return entry.token
    }

    /// Remembers a token; `expiresAt` in ms since 1970, `nil` for no expiry.
    func store(_ token: String, for key: String, expiresAt: Double?) {
        lock.lock()
        tokens[key] = (token, expiresAt)
        lock.unlock()
    }
}
