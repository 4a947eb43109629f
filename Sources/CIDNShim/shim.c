#include "CIDNShim.h"

#include <idn2.h>
#include <string.h>

_Static_assert(CIDN_DISALLOWED == (int)IDN2_DISALLOWED && CIDN_CONTEXTJ == (int)IDN2_CONTEXTJ
               && CIDN_BIDI == (int)IDN2_BIDI && CIDN_2HYPHEN == (int)IDN2_2HYPHEN
               && CIDN_HYPHEN_STARTEND == (int)IDN2_HYPHEN_STARTEND && CIDN_TOO_BIG_LABEL == (int)IDN2_TOO_BIG_LABEL
               && CIDN_TOO_BIG_DOMAIN == (int)IDN2_TOO_BIG_DOMAIN
               && CIDN_PUNYCODE_BIG_OUTPUT == (int)IDN2_PUNYCODE_BIG_OUTPUT, "the CIDN_ codes mirror libidn2's");

int cidn_to_ascii(const char *input, char *out, size_t capacity) {
    char *result = NULL;
    int rc = idn2_to_ascii_8z(input, &result, IDN2_NONTRANSITIONAL | IDN2_NFC_INPUT);
    if (rc != IDN2_OK) return rc;
    size_t length = strlen(result);
    if (length + 1 > capacity) {
        idn2_free(result);
        return CIDN_TOO_SMALL_BUFFER;
    }
    memcpy(out, result, length + 1);
    idn2_free(result);
    return 0;
}

const char *cidn_error_name(int code) {
    if (code == CIDN_TOO_SMALL_BUFFER) return "output buffer too small";
    return idn2_strerror_name(code);
}
