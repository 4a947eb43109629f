// Internationalised host names through the system libidn2 (UTS #46 non-transitional processing and punycode),
// for RequestBuilder's host encoding. libidn2 is opened on first use (CLazyLoad): a run whose hosts are all ASCII
// never maps it.
#ifndef CIDN_SHIM_H
#define CIDN_SHIM_H

#include <stddef.h>

/// `idn2_to_ascii_8z(input, IDN2_NONTRANSITIONAL | IDN2_NFC_INPUT)` into `out` (NUL-terminated).
/// Returns 0, or libidn2's (negative) error code; -1000 when `out` is too small.
int cidn_to_ascii(const char *input, char *out, size_t capacity);

/// libidn2's symbolic name of an error code (`IDN2_DISALLOWED`, ...).
const char *cidn_error_name(int code);

/// The error codes the host encoder tells apart (libidn2's values, so Swift needs no libidn2 header).
#define CIDN_DISALLOWED (-304)
#define CIDN_CONTEXTJ (-305)
#define CIDN_BIDI (-310)
#define CIDN_2HYPHEN (-301)
#define CIDN_HYPHEN_STARTEND (-302)
#define CIDN_TOO_BIG_LABEL (-206)
#define CIDN_TOO_BIG_DOMAIN (-205)
#define CIDN_PUNYCODE_BIG_OUTPUT (-203)
#define CIDN_TOO_SMALL_BUFFER (-1000)

#endif
