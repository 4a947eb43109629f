#include "CPSLShim.h"

#include <libpsl.h>
#include <pthread.h>

static const psl_ctx_t *context;
static const char *source = "none";
static pthread_once_t once = PTHREAD_ONCE_INIT;

// Read once per process and kept: the list is immutable and libpsl's lookups are thread-safe on a shared context.
static void load(void) {
    context = psl_latest(NULL);
    source = "latest";
    if (context == NULL) {
        context = psl_builtin();
        source = "builtin";
    }
}

int cpsl_is_public_suffix(const char *domain) {
    pthread_once(&once, load);
    if (context == NULL) return 0;
    return psl_is_public_suffix2(context, domain, PSL_TYPE_ANY) ? 1 : 0;
}

const char *cpsl_source(void) {
    pthread_once(&once, load);
    return source;
}
