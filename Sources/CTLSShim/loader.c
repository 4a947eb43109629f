// libssl, opened by the first TLS server context (CLazyLoad); its libcrypto calls (BIO, ERR) go through CCryptoShim's
// loader. Linked, libssl and libcrypto were mapped and relocated by every carrier process, `carrier --version`
// included (1.4 MB of its 12 MB peak RSS), for the embedded servers' HTTPS that few runs use.
// CLazyLoad.h first: its system headers (pthread.h) must keep their default visibility.
#include "CLazyLoad.h"
#pragma GCC visibility push(hidden)
#include <openssl/ssl.h>
#pragma GCC visibility pop

#define CTLS_FUNCTIONS(X) \
    X(const SSL_METHOD *, TLS_server_method, (void), ()) \
    X(SSL_CTX *, SSL_CTX_new, (const SSL_METHOD *method), (method)) \
    X(long, SSL_CTX_ctrl, (SSL_CTX *ctx, int cmd, long larg, void *parg), (ctx, cmd, larg, parg)) \
    X(int, SSL_CTX_use_certificate_chain_file, (SSL_CTX *ctx, const char *file), (ctx, file)) \
    X(int, SSL_CTX_use_PrivateKey_file, (SSL_CTX *ctx, const char *file, int type), (ctx, file, type)) \
    X(int, SSL_CTX_check_private_key, (const SSL_CTX *ctx), (ctx)) \
    X(void, SSL_CTX_free, (SSL_CTX *ctx), (ctx)) \
    X(SSL *, SSL_new, (SSL_CTX *ctx), (ctx)) \
    X(void, SSL_free, (SSL *ssl), (ssl)) \
    X(void, SSL_set_bio, (SSL *s, BIO *rbio, BIO *wbio), (s, rbio, wbio)) \
    X(int, SSL_accept, (SSL *ssl), (ssl)) \
    X(int, SSL_read, (SSL *ssl, void *buf, int num), (ssl, buf, num)) \
    X(int, SSL_write, (SSL *ssl, const void *buf, int num), (ssl, buf, num)) \
    X(int, SSL_get_error, (const SSL *s, int ret_code), (s, ret_code)) \
    X(int, SSL_pending, (const SSL *s), (s)) \
    X(int, SSL_shutdown, (SSL *s), (s))

CARRIER_LAZY_LIBRARY("libssl.so.3", "the embedded servers' HTTPS needs (Debian package libssl3)", CTLS_FUNCTIONS, CARRIER_LAZY_NONE)
