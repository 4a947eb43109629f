// Private to the shim: libcurl's variadic calls, reached through the lazily loaded library (curl_loader.c).
#ifndef CCURL_LAZY_H
#define CCURL_LAZY_H
#include <curl/curl.h>
typedef CURLcode (*ccurl_setopt_function)(CURL *curl, CURLoption option, ...);
typedef CURLcode (*ccurl_getinfo_function)(CURL *curl, CURLINFO info, ...);
__attribute__((visibility("hidden"))) ccurl_setopt_function ccurl_lazy_setopt(void);
__attribute__((visibility("hidden"))) ccurl_getinfo_function ccurl_lazy_getinfo(void);
#endif
