// Digests, HMAC and private-key signatures (RSA PKCS#1 v1.5, RSA-PSS, ECDSA) through the system libcrypto, for the
// auth signers (Digest, OAuth 1.0a, Hawk, AWS v4, EdgeGrid, JWT), input hashing and the SCIM server's HMAC check.
// It exists because Swift has no hashes, RSA or ECDSA on Linux without a package, and OpenSSL's EVP API is macro-
// and pointer-heavy; this keeps the surface to three plain functions.
#ifndef CCRYPTO_SHIM_H
#define CCRYPTO_SHIM_H

#include <stddef.h>

/// Signs `data` with the PEM private key `pem` (PKCS#1, PKCS#8 or SEC1; `passphrase` may be NULL).
/// `digest_name` is "SHA1", "SHA256", "SHA384" or "SHA512". `pss` selects RSA-PSS (salt = digest length);
/// `ecdsa_raw` turns an ECDSA DER signature into JOSE's fixed-width r||s.
/// Returns the signature length written to `out`, or -1 with a message in `error`.
long ccrypto_sign_pem(const char *pem, size_t pem_length, const char *passphrase, const char *digest_name,
                      int pss, int ecdsa_raw, const unsigned char *data, size_t data_length,
                      unsigned char *out, size_t out_capacity, char *error, size_t error_capacity);

/// The digests of `ccrypto_digest` and `ccrypto_hmac`.
enum ccrypto_algorithm { CCRYPTO_MD5 = 0, CCRYPTO_SHA1 = 1, CCRYPTO_SHA256 = 2, CCRYPTO_SHA384 = 3, CCRYPTO_SHA512 = 4 };

/// One-shot digest of `data` (libcrypto's `EVP_Digest`) into `out`, which holds at least 64 bytes
/// (`EVP_MAX_MD_SIZE`). Returns the digest length, or -1 when libcrypto failed.
long ccrypto_digest(int algorithm, const unsigned char *data, size_t data_length, unsigned char *out, size_t capacity);

/// One-shot HMAC (RFC 2104, libcrypto's `HMAC`) of `data` under `key` into `out` (at least 64 bytes).
/// Returns the MAC length, or -1 when libcrypto failed.
long ccrypto_hmac(int algorithm, const unsigned char *key, size_t key_length, const unsigned char *data,
                  size_t data_length, unsigned char *out, size_t capacity);

#endif
