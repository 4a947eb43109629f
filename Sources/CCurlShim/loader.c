// libcurl, opened by the first transfer (CLazyLoad): commands that send nothing (--version, --help, check,
// scim-server) never map it and the libraries it brings (GnuTLS, OpenSSL, Kerberos, LDAP, SSH, RTMP, ...).
#define CURL_DISABLE_TYPECHECK 1
// CLazyLoad.h first: its system headers (pthread.h) must keep their default visibility.
#include "CLazyLoad.h"
#pragma GCC visibility push(hidden)
#include <curl/curl.h>
#pragma GCC visibility pop

#include "curl_lazy.h"

#define CCURL_FUNCTIONS(X) \
    X(CURLcode, curl_global_init, (long flags), (flags)) \
    X(CURL *, curl_easy_init, (void), ()) \
    X(void, curl_easy_reset, (CURL *curl), (curl)) \
    X(void, curl_easy_cleanup, (CURL *curl), (curl)) \
    X(CURLcode, curl_easy_perform, (CURL *curl), (curl)) \
    X(const char *, curl_easy_strerror, (CURLcode code), (code)) \
    X(struct curl_slist *, curl_slist_append, (struct curl_slist *list, const char *string), (list, string)) \
    X(void, curl_slist_free_all, (struct curl_slist *list), (list)) \
    X(void, curl_free, (void *p), (p)) \
    X(CURLU *, curl_url, (void), ()) \
    X(void, curl_url_cleanup, (CURLU *handle), (handle)) \
    X(CURLUcode, curl_url_set, (CURLU *handle, CURLUPart what, const char *part, unsigned int flags), (handle, what, part, flags)) \
    X(CURLUcode, curl_url_get, (CURLU *handle, CURLUPart what, char **part, unsigned int flags), (handle, what, part, flags))
// Variadic: the shim calls them through their pointers (ccurl_lazy_setopt, ccurl_lazy_getinfo).
#define CCURL_POINTERS(X) \
    X(CURLcode, curl_easy_setopt, (CURL *curl, CURLoption option, ...), ()) \
    X(CURLcode, curl_easy_getinfo, (CURL *curl, CURLINFO info, ...), ())

CARRIER_LAZY_LIBRARY("libcurl.so.4", "sending requests needs (Debian package libcurl4)", CCURL_FUNCTIONS, CCURL_POINTERS)

ccurl_setopt_function ccurl_lazy_setopt(void) { carrier_lazy_load(); return carrier_lazy_functions.curl_easy_setopt; }
ccurl_getinfo_function ccurl_lazy_getinfo(void) { carrier_lazy_load(); return carrier_lazy_functions.curl_easy_getinfo; }
