#include "CCryptoShim.h"

#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/ec.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/pem.h>
#include <openssl/rsa.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>

static long fail(char *error, size_t capacity, const char *what) {
    unsigned long code = ERR_get_error();
    char reason[200] = "";
    if (code != 0) ERR_error_string_n(code, reason, sizeof reason);
    snprintf(error, capacity, "%s%s%s", what, reason[0] ? ": " : "", reason);
    ERR_clear_error();
    return -1;
}

// JOSE wants r and s as big-endian integers of the curve's byte size, concatenated (RFC 7518 §3.4).
static long der_to_raw(const unsigned char *der, size_t der_length, int bits, unsigned char *out, size_t capacity,
                       char *error, size_t error_capacity) {
    const unsigned char *cursor = der;
    ECDSA_SIG *sig = d2i_ECDSA_SIG(NULL, &cursor, (long)der_length);
    if (sig == NULL) return fail(error, error_capacity, "could not decode the ECDSA signature");
    int width = (bits + 7) / 8;
    if ((size_t)(2 * width) > capacity) {
        ECDSA_SIG_free(sig);
        return fail(error, error_capacity, "signature buffer too small");
    }
    const BIGNUM *r = NULL, *s = NULL;
    ECDSA_SIG_get0(sig, &r, &s);
    int ok = BN_bn2binpad(r, out, width) == width && BN_bn2binpad(s, out + width, width) == width;
    ECDSA_SIG_free(sig);
    if (!ok) return fail(error, error_capacity, "could not encode the ECDSA signature");
    return 2 * width;
}

long ccrypto_sign_pem(const char *pem, size_t pem_length, const char *passphrase, const char *digest_name,
                      int pss, int ecdsa_raw, const unsigned char *data, size_t data_length,
                      unsigned char *out, size_t out_capacity, char *error, size_t error_capacity) {
    long result = -1;
    BIO *bio = BIO_new_mem_buf(pem, (int)pem_length);
    if (bio == NULL) return fail(error, error_capacity, "out of memory");
    EVP_PKEY *key = PEM_read_bio_PrivateKey(bio, NULL, NULL, (void *)(passphrase ? passphrase : ""));
    BIO_free(bio);
    if (key == NULL) return fail(error, error_capacity, "could not read the PEM private key");

    const EVP_MD *md = EVP_get_digestbyname(digest_name);
    EVP_MD_CTX *ctx = EVP_MD_CTX_new();
    EVP_PKEY_CTX *pctx = NULL;
    unsigned char der[1024];
    size_t length = sizeof der;
    if (md == NULL || ctx == NULL) {
        result = fail(error, error_capacity, "unknown digest");
    } else if (EVP_DigestSignInit(ctx, &pctx, md, NULL, key) != 1) {
        result = fail(error, error_capacity, "the key cannot sign with this algorithm");
    } else if (pss && (EVP_PKEY_CTX_set_rsa_padding(pctx, RSA_PKCS1_PSS_PADDING) != 1
                       || EVP_PKEY_CTX_set_rsa_pss_saltlen(pctx, RSA_PSS_SALTLEN_DIGEST) != 1)) {
        result = fail(error, error_capacity, "the key cannot sign with RSA-PSS");
    } else if (EVP_DigestSign(ctx, der, &length, data, data_length) != 1) {
        result = fail(error, error_capacity, "signing failed");
    } else if (ecdsa_raw && EVP_PKEY_base_id(key) == EVP_PKEY_EC) {
        result = der_to_raw(der, length, EVP_PKEY_get_bits(key), out, out_capacity, error, error_capacity);
    } else if (length > out_capacity) {
        result = fail(error, error_capacity, "signature buffer too small");
    } else {
        memcpy(out, der, length);
        result = (long)length;
    }
    EVP_MD_CTX_free(ctx);
    EVP_PKEY_free(key);
    return result;
}

// The digests CarrierCrypto offers, in the order of `ccrypto_algorithm`.
static const EVP_MD *digest_for(int algorithm) {
    switch (algorithm) {
    case CCRYPTO_MD5: return EVP_md5();
    case CCRYPTO_SHA1: return EVP_sha1();
    case CCRYPTO_SHA256: return EVP_sha256();
    case CCRYPTO_SHA384: return EVP_sha384();
    case CCRYPTO_SHA512: return EVP_sha512();
    default: return NULL;
    }
}

// An empty Swift array may hand over a NULL base address; libcrypto wants a pointer even for zero bytes.
static const unsigned char nothing[1] = {0};

long ccrypto_digest(int algorithm, const unsigned char *data, size_t data_length, unsigned char *out, size_t capacity) {
    const EVP_MD *md = digest_for(algorithm);
    unsigned int written = 0;
    if (md == NULL || capacity < EVP_MAX_MD_SIZE) return -1;
    int ok = EVP_Digest(data ? data : nothing, data_length, out, &written, md, NULL);
    ERR_clear_error();
    return ok == 1 ? (long)written : -1;
}

long ccrypto_hmac(int algorithm, const unsigned char *key, size_t key_length, const unsigned char *data,
                  size_t data_length, unsigned char *out, size_t capacity) {
    const EVP_MD *md = digest_for(algorithm);
    unsigned int written = 0;
    if (md == NULL || capacity < EVP_MAX_MD_SIZE || key_length > INT_MAX) return -1;
    unsigned char *result = HMAC(md, key ? key : nothing, (int)key_length, data ? data : nothing, data_length,
                                 out, &written);
    ERR_clear_error();
    return result != NULL ? (long)written : -1;
}
