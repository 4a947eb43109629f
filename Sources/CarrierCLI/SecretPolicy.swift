import CollectionModel

/// Which variables hold secrets: typed `secret`, named like one (password, passwd, secret, token, apikey/api_key,
/// credential, private, key), or read from the process environment with `--env-var NAME`.
struct SecretPolicy {
    var processEnvironmentNames: [String]

    static let secretNameFragments = ["password", "passwd", "secret", "token", "apikey", "api_key", "api-key",
                                      "credential", "private", "key"]

    func isSecret(_ variable: Variable) -> Bool {
        if variable.isSecretTyped || processEnvironmentNames.contains(variable.key) { return true }
        return SecretPolicy.nameLooksSecret(variable.key)
    }

    static func nameLooksSecret(_ name: String) -> Bool {
        let lower = name.lowercased()
        return secretNameFragments.contains { lower.contains($0) }
    }
}
