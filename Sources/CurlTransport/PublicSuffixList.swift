import CPSLShim

/// The public suffix list, from the system's libpsl: `psl_latest(NULL)` (the newer of Debian's
/// /usr/share/publicsuffix and libpsl's built-in copy), ICANN and private sections, wildcard (`*.ck`) and exception
/// (`!www.ck`) rules, and the implicit `*` rule (an unlisted top-level label such as `localhost` is a suffix).
enum PublicSuffixList {
    /// Whether `domain` (lower-case ASCII, as cookie domains are kept) is a public suffix.
    static func isPublicSuffix(_ domain: String) -> Bool {
        cpsl_is_public_suffix(domain) == 1
    }

    /// `latest` or `builtin`: which list libpsl gave.
    static var source: String { String(cString: cpsl_source()) }
}
