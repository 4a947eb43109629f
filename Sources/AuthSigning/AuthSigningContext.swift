import RunContracts
import CarrierCrypto
import Foundation

/// What signers take from outside the request: the time, randomness, and a way to reach a token endpoint.
/// Injectable so unit tests can freeze the clock and the nonces and check fixed vectors.
package struct AuthSigningContext: Sendable {
    /// Milliseconds since 1970.
    package var now: @Sendable () -> Double = { Date().timeIntervalSince1970 * 1000 }
    /// `count` characters from `[A-Za-z0-9]` (Digest's cnonce, Hawk's and OAuth 1.0a's nonces).
    package var randomAlphanumeric: @Sendable (Int) -> String = { count in
        let alphabet = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
        return String((0..<count).map { _ in alphabet.randomElement() ?? "a" })
    }
    /// A lower-case UUID v4 (EdgeGrid's nonce).
    package var uuid: @Sendable () -> String = { UUID().uuidString.lowercased() }
    /// Sends a token request (OAuth 2.0 client credentials / password grants); `nil`: tokens cannot be fetched.
    package var tokenFetcher: (@Sendable (PreparedRequest) -> Result<HTTPResponse, TransportError>)?
    /// Tokens fetched during this run, shared by every copy of the settings.
    package var tokenCache = OAuth2TokenCache()

    package init() {}

    /// Seconds since 1970, whole.
    var unixSeconds: Int { Int((now() / 1000).rounded(.down)) }
}
