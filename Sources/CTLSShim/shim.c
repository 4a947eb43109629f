#include "CTLSShim.h"

#include <errno.h>
#include <openssl/bio.h>
#include <openssl/err.h>
#include <openssl/ssl.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <sys/time.h>

struct ctls_server { SSL_CTX *context; };
struct ctls_session { SSL *ssl; };

static void describe(char *error, size_t capacity, const char *what) {
    unsigned long code = ERR_get_error();
    char reason[200] = "";
    if (code != 0) ERR_error_string_n(code, reason, sizeof reason);
    snprintf(error, capacity, "%s%s%s", what, reason[0] ? ": " : "", reason);
    ERR_clear_error();
}

// A socket BIO whose writes use send(MSG_NOSIGNAL) (see the header).
static int bio_write(BIO *bio, const char *data, int length) {
    int fd = (int)(intptr_t)BIO_get_data(bio);
    BIO_clear_retry_flags(bio);
    for (;;) {
        ssize_t sent = send(fd, data, (size_t)length, MSG_NOSIGNAL);
        if (sent >= 0) return (int)sent;
        if (errno == EINTR) continue;
        if (errno == EAGAIN) BIO_set_retry_write(bio);
        return -1;
    }
}

static int bio_read(BIO *bio, char *data, int length) {
    int fd = (int)(intptr_t)BIO_get_data(bio);
    BIO_clear_retry_flags(bio);
    for (;;) {
        ssize_t got = recv(fd, data, (size_t)length, 0);
        if (got >= 0) return (int)got;
        if (errno == EINTR) continue;
        if (errno == EAGAIN) BIO_set_retry_read(bio);
        return -1;
    }
}

static long bio_ctrl(BIO *bio, int command, long number, void *pointer) {
    (void)bio; (void)number; (void)pointer;
    return command == BIO_CTRL_FLUSH ? 1 : 0;
}

static int bio_create(BIO *bio) { BIO_set_init(bio, 1); return 1; }

static BIO_METHOD *shared_method = NULL;
static pthread_once_t shared_method_once = PTHREAD_ONCE_INIT;

static void make_socket_method(void) {
    BIO_METHOD *made = BIO_meth_new(BIO_get_new_index() | BIO_TYPE_SOURCE_SINK, "carrier-nosigpipe-socket");
    BIO_meth_set_write(made, bio_write);
    BIO_meth_set_read(made, bio_read);
    BIO_meth_set_ctrl(made, bio_ctrl);
    BIO_meth_set_create(made, bio_create);
    shared_method = made;
}

static BIO_METHOD *socket_method(void) {
    pthread_once(&shared_method_once, make_socket_method);
    return shared_method;
}

ctls_server *ctls_server_new(const char *chain_path, const char *key_path, char *error, size_t error_capacity) {
    SSL_CTX *context = SSL_CTX_new(TLS_server_method());
    if (context == NULL) { describe(error, error_capacity, "SSL_CTX_new"); return NULL; }
    SSL_CTX_set_min_proto_version(context, TLS1_2_VERSION);
    if (SSL_CTX_use_certificate_chain_file(context, chain_path) != 1) {
        describe(error, error_capacity, "cannot load the certificate chain");
        SSL_CTX_free(context);
        return NULL;
    }
    if (SSL_CTX_use_PrivateKey_file(context, key_path, SSL_FILETYPE_PEM) != 1 || SSL_CTX_check_private_key(context) != 1) {
        describe(error, error_capacity, "cannot load the private key");
        SSL_CTX_free(context);
        return NULL;
    }
    socket_method();
    ctls_server *server = malloc(sizeof *server);
    if (server == NULL) { SSL_CTX_free(context); snprintf(error, error_capacity, "out of memory"); return NULL; }
    server->context = context;
    return server;
}

void ctls_server_free(ctls_server *server) {
    if (server == NULL) return;
    SSL_CTX_free(server->context);
    free(server);
}

static void set_receive_timeout(int fd, int milliseconds) {
    struct timeval value = { milliseconds / 1000, (milliseconds % 1000) * 1000 };
    setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &value, sizeof value);
}

ctls_session *ctls_accept(ctls_server *server, int fd, int timeout_ms, char *error, size_t error_capacity) {
    SSL *ssl = SSL_new(server->context);
    BIO *bio = BIO_new(socket_method());
    if (ssl == NULL || bio == NULL) {
        describe(error, error_capacity, "SSL_new");
        SSL_free(ssl);
        BIO_free(bio);
        return NULL;
    }
    BIO_set_data(bio, (void *)(intptr_t)fd);
    SSL_set_bio(ssl, bio, bio);
    // A client that connects and never says hello must not hold the thread: bound the handshake only.
    set_receive_timeout(fd, timeout_ms);
    int accepted = SSL_accept(ssl);
    set_receive_timeout(fd, 0);
    if (accepted != 1) {
        describe(error, error_capacity, "TLS handshake failed");
        SSL_free(ssl);
        return NULL;
    }
    ctls_session *session = malloc(sizeof *session);
    if (session == NULL) { SSL_free(ssl); snprintf(error, error_capacity, "out of memory"); return NULL; }
    session->ssl = ssl;
    return session;
}

long ctls_read(ctls_session *session, void *buffer, size_t capacity) {
    int chunk = capacity > 1 << 30 ? 1 << 30 : (int)capacity;
    int got = SSL_read(session->ssl, buffer, chunk);
    if (got > 0) return got;
    int reason = SSL_get_error(session->ssl, got);
    ERR_clear_error();
    return reason == SSL_ERROR_ZERO_RETURN ? 0 : -1;
}

int ctls_write(ctls_session *session, const void *bytes, size_t length) {
    const char *cursor = bytes;
    while (length > 0) {
        int chunk = length > 1 << 30 ? 1 << 30 : (int)length;
        int sent = SSL_write(session->ssl, cursor, chunk);
        if (sent <= 0) { ERR_clear_error(); return -1; }
        cursor += sent;
        length -= (size_t)sent;
    }
    return 0;
}

int ctls_pending(ctls_session *session) { return SSL_pending(session->ssl); }

void ctls_shutdown(ctls_session *session) {
    SSL_shutdown(session->ssl);
    ERR_clear_error();
}

void ctls_session_free(ctls_session *session) {
    if (session == NULL) return;
    SSL_free(session->ssl);
    free(session);
}
