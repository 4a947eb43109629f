// Typed doorways into libcurl for Swift. Swift cannot call C variadic functions, and a few curl macros do not
// import; everything here exists for one of those two reasons and does nothing else.
#ifndef CCURLSHIM_H
#define CCURLSHIM_H

#include <curl/curl.h>
#include <stddef.h>

/// Body/header sink: same shape as CURLOPT_WRITEFUNCTION and CURLOPT_HEADERFUNCTION.
typedef size_t (*ccurl_data_callback)(char *data, size_t size, size_t nmemb, void *userdata);
/// Same shape as CURLOPT_DEBUGFUNCTION (used to see the request headers exactly as curl wrote them).
typedef int (*ccurl_debug_callback)(CURL *handle, curl_infotype type, char *data, size_t size, void *userdata);

/// curl_global_init(CURL_GLOBAL_ALL): the flag is a macro expression Swift does not import.
CURLcode ccurl_global_init(void);

/// curl_easy_setopt for options taking a long (variadic in C).
CURLcode ccurl_setopt_long(CURL *handle, CURLoption option, long value);
/// curl_easy_setopt for options taking a curl_off_t (variadic in C).
CURLcode ccurl_setopt_off_t(CURL *handle, CURLoption option, curl_off_t value);
/// curl_easy_setopt for options taking a C string, which curl copies (variadic in C).
CURLcode ccurl_setopt_string(CURL *handle, CURLoption option, const char *value);
/// curl_easy_setopt for options taking an opaque pointer: userdata, slists, error buffer (variadic in C).
CURLcode ccurl_setopt_pointer(CURL *handle, CURLoption option, void *value);
/// curl_easy_setopt for WRITEFUNCTION/HEADERFUNCTION (variadic in C; a function pointer is not a void *).
CURLcode ccurl_setopt_data_callback(CURL *handle, CURLoption option, ccurl_data_callback callback);
/// curl_easy_setopt for DEBUGFUNCTION (variadic in C).
CURLcode ccurl_setopt_debug_callback(CURL *handle, ccurl_debug_callback callback);
/// curl_easy_setopt for blob options (CAINFO_BLOB): builds the struct curl_blob, asks curl to copy it.
CURLcode ccurl_setopt_blob(CURL *handle, CURLoption option, const void *data, size_t length);
/// Sets the request body: POSTFIELDSIZE_LARGE then COPYPOSTFIELDS, in the order curl requires, so binary
/// bodies with NUL bytes keep their length and curl owns a copy for the whole transfer.
CURLcode ccurl_set_body(CURL *handle, const void *data, size_t length);

/// curl_easy_getinfo for long results (variadic in C).
CURLcode ccurl_getinfo_long(CURL *handle, CURLINFO info, long *value);
/// curl_easy_getinfo for curl_off_t results, e.g. the *_TIME_T timings in microseconds (variadic in C).
CURLcode ccurl_getinfo_off_t(CURL *handle, CURLINFO info, curl_off_t *value);
/// curl_easy_getinfo for string results; the string belongs to the handle (variadic in C).
CURLcode ccurl_getinfo_string(CURL *handle, CURLINFO info, const char **value);

/// Resolves `reference` (absolute or relative, e.g. a Location header) against `base` with curl's own
/// RFC 3986 resolver, the one its follow-location uses. Returns NULL on failure; free with curl_free.
/// Exists because the CURLU_* flags are macros Swift does not import.
char *ccurl_resolve_url(const char *base, const char *reference);

#endif
