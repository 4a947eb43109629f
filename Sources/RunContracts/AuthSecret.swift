/// One thing an auth block carries that reports must never show, as the block's signer declares it.
package enum AuthSecret: Sendable, Equatable {
    /// A credential's (resolved) value.
    case value(String)
    /// Basic-style credentials: the password, and the base64 of `user:password` that goes on the wire.
    case basicCredentials(username: String, password: String)
    /// A header whose value is a credential (an API key's header), masked wherever headers are shown.
    case sensitiveHeader(String)
}
