/*
 * The libcurl floor: what sending N requests costs with nothing but libcurl, so Carrier's runner overhead can be
 * stated as a ratio measured in the same run. One easy handle, reused, so every request after the first travels
 * over the same kept-alive connection, as Carrier's transport does. The body is read and thrown away.
 *
 *   curl-floor URL COUNT [--data=BODY] [HEADER...]     exit 0 when every response was a 2xx
 *
 * With --data the requests are POSTs carrying BODY (the signing benchmark's counterpart).
 */
#include <curl/curl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Counting the bytes keeps the compiler from treating the read as dead work. */
static size_t discard(char *data, size_t size, size_t count, void *user) {
    (void)data;
    *(size_t *)user += size * count;
    return size * count;
}

int main(int argc, char **argv) {
    if (argc < 3) {
        fprintf(stderr, "usage: curl-floor URL COUNT [--data=BODY] [HEADER...]\n");
        return 2;
    }
    long count = strtol(argv[2], NULL, 10);
    if (curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK) return 2;
    CURL *curl = curl_easy_init();
    if (!curl) return 2;
    struct curl_slist *headers = NULL;
    const char *body = NULL;
    int first_header = 3;
    if (argc > 3 && strncmp(argv[3], "--data=", 7) == 0) {
        body = argv[3] + 7;
        first_header = 4;
    }
    for (int i = first_header; i < argc; i++) headers = curl_slist_append(headers, argv[i]);
    size_t received = 0;
    curl_easy_setopt(curl, CURLOPT_URL, argv[1]);
    curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers);
    curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, discard);
    curl_easy_setopt(curl, CURLOPT_WRITEDATA, &received);
    if (body) curl_easy_setopt(curl, CURLOPT_POSTFIELDS, body);
    int failures = 0;
    for (long i = 0; i < count; i++) {
        long code = 0;
        if (curl_easy_perform(curl) != CURLE_OK) { failures++; continue; }
        curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &code);
        if (code < 200 || code > 299) failures++;
    }
    curl_slist_free_all(headers);
    curl_easy_cleanup(curl);
    curl_global_cleanup();
    if (failures) fprintf(stderr, "curl-floor: %d of %ld requests failed (%zu bytes read)\n", failures, count, received);
    return failures ? 1 : 0;
}
