// Shared libraries opened on first use instead of at start-up. `carrier --version` with every library linked
// mapped 69 of them (JavaScriptCore with ICU and GLib, libcurl with GnuTLS, Kerberos, LDAP, libcrypto) before
// main; a library opened on first use is not mapped by a process that never calls it (docs/performance.md).
//
// A shim lists the functions it calls as X(return type, name, parameters, arguments) and invokes
// CARRIER_LAZY_LIBRARY: each function is then defined under the library's own name, hidden (so the library,
// once loaded, still binds to its own definitions), and its first call opens the library and resolves every listed
// function at once, under pthread_once (the engines of a --parallel run start on several threads). Declarations
// must be hidden too: include the library's headers between `#pragma GCC visibility push(hidden)` and `pop`.
#ifndef CLAZYLOAD_H
#define CLAZYLOAD_H

#include <pthread.h>

/// dlopen(soname) for a lazily loaded library; on failure, says what needs it (`purpose`) and exits with 70, as a
/// missing start-up library stopped the process before.
void *carrier_lazy_open(const char *soname, const char *purpose);
/// dlsym in a lazily opened library; a missing symbol is reported like a missing library.
void *carrier_lazy_symbol(void *handle, const char *soname, const char *name);

#define CARRIER_LAZY_POINTER(type, name, parameters, arguments) type (*name) parameters;
#define CARRIER_LAZY_RESOLVE(type, name, parameters, arguments) \
    carrier_lazy_functions.name = (type (*) parameters)carrier_lazy_symbol(carrier_lazy_handle, carrier_lazy_soname, #name);
#define CARRIER_LAZY_DEFINE(type, name, parameters, arguments) \
    __attribute__((visibility("hidden"))) type name parameters { carrier_lazy_load(); return carrier_lazy_functions.name arguments; }

/// One lazily loaded library per C file: `carrier_lazy_load()` opens it, `carrier_lazy_functions.NAME` holds each
/// resolved function, `carrier_lazy_handle` the handle (for optional symbols). POINTERS lists functions that get a
/// pointer but no definition (variadic ones, which cannot be forwarded); the shim calls them through the pointer.
#define CARRIER_LAZY_LIBRARY(soname, purpose, FUNCTIONS, POINTERS) \
    static const char *const carrier_lazy_soname = soname; \
    static struct { FUNCTIONS(CARRIER_LAZY_POINTER) POINTERS(CARRIER_LAZY_POINTER) } carrier_lazy_functions; \
    static void *carrier_lazy_handle; \
    static pthread_once_t carrier_lazy_once = PTHREAD_ONCE_INIT; \
    static void carrier_lazy_open_once(void) { \
        carrier_lazy_handle = carrier_lazy_open(carrier_lazy_soname, purpose); \
        FUNCTIONS(CARRIER_LAZY_RESOLVE) POINTERS(CARRIER_LAZY_RESOLVE) \
    } \
    static inline void carrier_lazy_load(void) { pthread_once(&carrier_lazy_once, carrier_lazy_open_once); } \
    FUNCTIONS(CARRIER_LAZY_DEFINE)

/// For lists without entries.
#define CARRIER_LAZY_NONE(X)

#endif
