// The public suffix list through the system libpsl, for the cookie jar (RFC 6265 §5.3 step 5). libpsl is opened
// on the first cookie with a Domain attribute (CLazyLoad).
#ifndef CPSL_SHIM_H
#define CPSL_SHIM_H

/// 1 when `domain` (lower-case, ASCII or punycode) is a public suffix, ICANN or private section, wildcard and
/// exception rules applied, else 0. The list is `psl_latest(NULL)`: the newer of the system's
/// /usr/share/publicsuffix and the copy built into libpsl; `psl_builtin()` when that cannot be read.
int cpsl_is_public_suffix(const char *domain);

/// Where the list came from: "latest" or "builtin" (for tests and --verbose output).
const char *cpsl_source(void);

#endif
