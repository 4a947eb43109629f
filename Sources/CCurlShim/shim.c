#include "CCurlShim.h"
#include "curl_lazy.h"

// The variadic calls go through the lazily loaded library's pointers (loader.c).
#undef curl_easy_setopt
#undef curl_easy_getinfo
#define curl_easy_setopt(...) ccurl_lazy_setopt()(__VA_ARGS__)
#define curl_easy_getinfo(...) ccurl_lazy_getinfo()(__VA_ARGS__)

CURLcode ccurl_global_init(void) { return curl_global_init(CURL_GLOBAL_ALL); }

CURLcode ccurl_setopt_long(CURL *handle, CURLoption option, long value) {
    return curl_easy_setopt(handle, option, value);
}

CURLcode ccurl_setopt_off_t(CURL *handle, CURLoption option, curl_off_t value) {
    return curl_easy_setopt(handle, option, value);
}

CURLcode ccurl_setopt_string(CURL *handle, CURLoption option, const char *value) {
    return curl_easy_setopt(handle, option, value);
}

CURLcode ccurl_setopt_pointer(CURL *handle, CURLoption option, void *value) {
    return curl_easy_setopt(handle, option, value);
}

CURLcode ccurl_setopt_data_callback(CURL *handle, CURLoption option, ccurl_data_callback callback) {
    return curl_easy_setopt(handle, option, callback);
}

CURLcode ccurl_setopt_debug_callback(CURL *handle, ccurl_debug_callback callback) {
    return curl_easy_setopt(handle, CURLOPT_DEBUGFUNCTION, callback);
}

CURLcode ccurl_setopt_blob(CURL *handle, CURLoption option, const void *data, size_t length) {
    struct curl_blob blob;
    blob.data = (void *)data;
    blob.len = length;
    blob.flags = CURL_BLOB_COPY;
    return curl_easy_setopt(handle, option, &blob);
}

CURLcode ccurl_set_body(CURL *handle, const void *data, size_t length) {
    CURLcode code = curl_easy_setopt(handle, CURLOPT_POSTFIELDSIZE_LARGE, (curl_off_t)length);
    if (code != CURLE_OK) return code;
    // COPYPOSTFIELDS with a NULL pointer would mean "read the body from the read callback"; an empty body
    // must still be an empty body (Content-Length: 0).
    return curl_easy_setopt(handle, CURLOPT_COPYPOSTFIELDS, length == 0 ? "" : (const char *)data);
}

CURLcode ccurl_getinfo_long(CURL *handle, CURLINFO info, long *value) {
    return curl_easy_getinfo(handle, info, value);
}

CURLcode ccurl_getinfo_off_t(CURL *handle, CURLINFO info, curl_off_t *value) {
    return curl_easy_getinfo(handle, info, value);
}

CURLcode ccurl_getinfo_string(CURL *handle, CURLINFO info, const char **value) {
    return curl_easy_getinfo(handle, info, value);
}

char *ccurl_resolve_url(const char *base, const char *reference) {
    CURLU *url = curl_url();
    if (!url) return NULL;
    char *result = NULL;
    unsigned int flags = CURLU_NON_SUPPORT_SCHEME | CURLU_URLENCODE | CURLU_ALLOW_SPACE;
    if (curl_url_set(url, CURLUPART_URL, base, CURLU_NON_SUPPORT_SCHEME | CURLU_PATH_AS_IS) == CURLUE_OK &&
        curl_url_set(url, CURLUPART_URL, reference, flags) == CURLUE_OK) {
        if (curl_url_get(url, CURLUPART_URL, &result, 0) != CURLUE_OK) result = NULL;
    }
    curl_url_cleanup(url);
    return result;
}
