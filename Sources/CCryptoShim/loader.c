// libcrypto, opened by the first digest, HMAC or RSA/ECDSA signature, or by CTLSShim's socket BIO (CLazyLoad): a process
// that signs nothing never maps it (a run that sends requests maps it anyway: libcurl needs it, and both get the same
// loaded copy).
// CLazyLoad.h first: its system headers (pthread.h) must keep their default visibility.
#include "CLazyLoad.h"
#pragma GCC visibility push(hidden)
#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/ec.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/pem.h>
#include <openssl/rsa.h>
#pragma GCC visibility pop


#define CCRYPTO_FUNCTIONS(X) \
    X(BIO *, BIO_new_mem_buf, (const void *buf, int len), (buf, len)) \
    X(int, BIO_free, (BIO *a), (a)) \
    X(BIO *, BIO_new, (const BIO_METHOD *type), (type)) \
    X(void *, BIO_get_data, (BIO *a), (a)) \
    X(void, BIO_set_data, (BIO *a, void *ptr), (a, ptr)) \
    X(void, BIO_set_init, (BIO *a, int init), (a, init)) \
    X(void, BIO_set_flags, (BIO *b, int flags), (b, flags)) \
    X(void, BIO_clear_flags, (BIO *b, int flags), (b, flags)) \
    X(int, BIO_get_new_index, (void), ()) \
    X(BIO_METHOD *, BIO_meth_new, (int type, const char *name), (type, name)) \
    X(int, BIO_meth_set_write, (BIO_METHOD *biom, int (*write)(BIO *, const char *, int)), (biom, write)) \
    X(int, BIO_meth_set_read, (BIO_METHOD *biom, int (*read)(BIO *, char *, int)), (biom, read)) \
    X(int, BIO_meth_set_ctrl, (BIO_METHOD *biom, long (*ctrl)(BIO *, int, long, void *)), (biom, ctrl)) \
    X(int, BIO_meth_set_create, (BIO_METHOD *biom, int (*create)(BIO *)), (biom, create)) \
    X(EVP_PKEY *, PEM_read_bio_PrivateKey, (BIO *bp, EVP_PKEY **x, pem_password_cb *cb, void *u), (bp, x, cb, u)) \
    X(const EVP_MD *, EVP_get_digestbyname, (const char *name), (name)) \
    X(const EVP_MD *, EVP_md5, (void), ()) \
    X(const EVP_MD *, EVP_sha1, (void), ()) \
    X(const EVP_MD *, EVP_sha256, (void), ()) \
    X(const EVP_MD *, EVP_sha384, (void), ()) \
    X(const EVP_MD *, EVP_sha512, (void), ()) \
    X(int, EVP_Digest, (const void *data, size_t count, unsigned char *md, unsigned int *size, const EVP_MD *type, ENGINE *impl), (data, count, md, size, type, impl)) \
    X(unsigned char *, HMAC, (const EVP_MD *evp_md, const void *key, int key_len, const unsigned char *data, size_t data_len, unsigned char *md, unsigned int *md_len), (evp_md, key, key_len, data, data_len, md, md_len)) \
    X(EVP_MD_CTX *, EVP_MD_CTX_new, (void), ()) \
    X(void, EVP_MD_CTX_free, (EVP_MD_CTX *ctx), (ctx)) \
    X(int, EVP_DigestSignInit, (EVP_MD_CTX *ctx, EVP_PKEY_CTX **pctx, const EVP_MD *type, ENGINE *e, EVP_PKEY *pkey), (ctx, pctx, type, e, pkey)) \
    X(int, EVP_DigestSign, (EVP_MD_CTX *ctx, unsigned char *sigret, size_t *siglen, const unsigned char *tbs, size_t tbslen), (ctx, sigret, siglen, tbs, tbslen)) \
    X(int, EVP_PKEY_CTX_set_rsa_padding, (EVP_PKEY_CTX *ctx, int pad_mode), (ctx, pad_mode)) \
    X(int, EVP_PKEY_CTX_set_rsa_pss_saltlen, (EVP_PKEY_CTX *ctx, int saltlen), (ctx, saltlen)) \
    X(int, EVP_PKEY_get_base_id, (const EVP_PKEY *pkey), (pkey)) \
    X(int, EVP_PKEY_get_bits, (const EVP_PKEY *pkey), (pkey)) \
    X(void, EVP_PKEY_free, (EVP_PKEY *pkey), (pkey)) \
    X(ECDSA_SIG *, d2i_ECDSA_SIG, (ECDSA_SIG **a, const unsigned char **in, long len), (a, in, len)) \
    X(void, ECDSA_SIG_get0, (const ECDSA_SIG *sig, const BIGNUM **pr, const BIGNUM **ps), (sig, pr, ps)) \
    X(void, ECDSA_SIG_free, (ECDSA_SIG *sig), (sig)) \
    X(int, BN_bn2binpad, (const BIGNUM *a, unsigned char *to, int tolen), (a, to, tolen)) \
    X(unsigned long, ERR_get_error, (void), ()) \
    X(void, ERR_error_string_n, (unsigned long e, char *buf, size_t len), (e, buf, len)) \
    X(void, ERR_clear_error, (void), ())

CARRIER_LAZY_LIBRARY("libcrypto.so.3", "hashing, HMAC and RSA/ECDSA signing need (Debian package libssl3)", CCRYPTO_FUNCTIONS, CARRIER_LAZY_NONE)
