// libidn2, opened by the first host name that is not plain ASCII (CLazyLoad).
// CLazyLoad.h first: its system headers (pthread.h) must keep their default visibility.
#include "CLazyLoad.h"
#pragma GCC visibility push(hidden)
#include <idn2.h>
#pragma GCC visibility pop

#define CIDN_FUNCTIONS(X) \
    X(int, idn2_to_ascii_8z, (const char *input, char **output, int flags), (input, output, flags)) \
    X(void, idn2_free, (void *ptr), (ptr)) \
    X(const char *, idn2_strerror_name, (int rc), (rc))

CARRIER_LAZY_LIBRARY("libidn2.so.0", "international host names need (Debian package libidn2-0)", CIDN_FUNCTIONS, CARRIER_LAZY_NONE)
