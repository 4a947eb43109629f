// Private-key signatures (RSA PKCS#1 v1.5, RSA-PSS, ECDSA) through the system libcrypto, for OAuth 1.0a RSA-SHA*
// and JWT RS/PS/ES. It exists because Swift has no RSA or ECDSA on Linux without a package, and OpenSSL's
// EVP API is macro- and pointer-heavy; this keeps the surface to one plain function.
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

/// SHA-256 of `data` into `out` (32 bytes) with libcrypto's optimised code, for hashing whole input files (the
/// Swift implementation in CarrierCrypto is fine for signatures but slow on tens of megabytes).
/// Returns 0, or -1 when libcrypto failed.
int ccrypto_sha256(const unsigned char *data, size_t data_length, unsigned char out[32]);

#endif
