#ifndef CTLSSHIM_H
#define CTLSSHIM_H

#include <stddef.h>

// Server-side TLS for HTTPServer over the system OpenSSL. A shim rather than direct calls because several
// OpenSSL entry points are macros (SSL_CTX_set_min_proto_version, SSL_CTX_set_mode) that Swift cannot call, and
// because writes must go through send(MSG_NOSIGNAL): OpenSSL's socket BIO uses write(), which raises SIGPIPE
// when the client has gone.

typedef struct ctls_server ctls_server;
typedef struct ctls_session ctls_session;

/// A server context with this certificate chain (PEM, leaf first) and private key; NULL and `error` on failure.
ctls_server *ctls_server_new(const char *chain_path, const char *key_path, char *error, size_t error_capacity);
void ctls_server_free(ctls_server *server);

/// Performs the server handshake on the connected socket `fd` (blocking, at most `timeout_ms`);
/// NULL and `error` on failure. The session does not own `fd`.
ctls_session *ctls_accept(ctls_server *server, int fd, int timeout_ms, char *error, size_t error_capacity);

/// Up to `capacity` decrypted bytes: > 0 bytes read, 0 the peer closed, -1 an error.
long ctls_read(ctls_session *session, void *buffer, size_t capacity);
/// Writes all of `length` bytes; 0 on success, -1 when the peer is gone.
int ctls_write(ctls_session *session, const void *bytes, size_t length);
/// Decrypted bytes already buffered (readable without waiting for the socket).
int ctls_pending(ctls_session *session);
/// Sends close_notify (the clean end of a TLS stream).
void ctls_shutdown(ctls_session *session);
void ctls_session_free(ctls_session *session);

#endif
