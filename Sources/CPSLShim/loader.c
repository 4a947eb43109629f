// libpsl, opened by the first cookie that names a Domain (CLazyLoad).
// CLazyLoad.h first: its system headers (pthread.h) must keep their default visibility.
#include "CLazyLoad.h"
#pragma GCC visibility push(hidden)
#include <libpsl.h>
#pragma GCC visibility pop

#define CPSL_FUNCTIONS(X) \
    X(psl_ctx_t *, psl_latest, (const char *fname), (fname)) \
    X(const psl_ctx_t *, psl_builtin, (void), ()) \
    X(int, psl_is_public_suffix2, (const psl_ctx_t *psl, const char *domain, int type), (psl, domain, type))

CARRIER_LAZY_LIBRARY("libpsl.so.5", "cookie domains need (Debian package libpsl5)", CPSL_FUNCTIONS, CARRIER_LAZY_NONE)
