#!/usr/bin/env python3
"""Independent verifiers for Carrier's auth signers (end-to-end tests).

Each route checks one auth type with a library Carrier's authors did not write, and answers 200 {"ok": true}
when the request is correctly signed, 401 {"ok": false, "error": ...} otherwise:

    /digest?alg=MD5|MD5-sess|SHA-256|SHA-256-sess&qop=auth|auth-int|none   hashlib (RFC 7616 by hand)
    /oauth1                                                             oauthlib SignatureOnlyEndpoint
    /hawk                                                               mohawk Receiver
    /aws                                                                botocore SigV4Auth (re-signed, compared)
    /aws-presigned                                                      botocore S3SigV4QueryAuth (S3 presigned query)
    /edgegrid                                                           edgegrid-python (re-signed, compared)
    /jwt/<ALG>                                                          PyJWT decode (Bearer header or ?token=)
    /asap                                                               PyJWT decode with audience and issuer
    /oauth2/token, /oauth2/resource                                     client credentials grant, bearer check
    /ntlm                                                               pyspnego NTLM acceptor (keep-alive handshake)

Keys are made at start; the first stdout line is JSON: {"port", "rsaPrivateKey", "ecPrivateKey"}.
Credentials (fixed, for tests only): digest ann/digest-pw realm "carrier"; oauth1 consumer ck/cs, token tk/ts;
hawk id hid key hawk-key sha256 (hid1: sha1); aws AKIDCARRIER/aws-secret; edgegrid akab-ct/akab-at/eg-secret;
jwt HS* secret jwt-secret; oauth2 client cid/csecret; ntlm CORP\\ann / ntlm-pw.
"""

import argparse
import base64
import datetime
import hashlib
import hmac
import json
import os
import secrets
import sys
import tempfile
import threading
import traceback
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from unittest import mock
from urllib.parse import parse_qs, unquote, urlsplit

import jwt
from akamai.edgegrid.edgegrid import EdgeGridAuthHeaders
from botocore.auth import S3SigV4QueryAuth, SigV4Auth
from botocore.awsrequest import AWSRequest
from botocore.credentials import Credentials
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from mohawk import Receiver
from oauthlib.oauth1 import RequestValidator, SignatureOnlyEndpoint

DIGEST = ('ann', 'digest-pw', 'carrier')
HAWK = {'hid': {'id': 'hid', 'key': 'hawk-key', 'algorithm': 'sha256'},
        'hid1': {'id': 'hid1', 'key': 'hawk-key', 'algorithm': 'sha1'}}
AWS = {'AKIDCARRIER': 'aws-secret'}
EDGEGRID = ('akab-ct', 'eg-secret', 'akab-at')
JWT_SECRET = 'jwt-secret'
OAUTH2_CLIENT = ('cid', 'csecret')
OAUTH2_TOKENS = set()

RSA_KEY = rsa.generate_private_key(public_exponent=65537, key_size=2048)
EC_KEY = ec.generate_private_key(ec.SECP256R1())


def pem(key):
    return key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                             serialization.NoEncryption()).decode()


def public_pem(key):
    return key.public_key().public_bytes(serialization.Encoding.PEM,
                                         serialization.PublicFormat.SubjectPublicKeyInfo).decode()


class Validator(RequestValidator):
    """Accepts consumer ck (secret cs) with token tk (secret ts); the nonce and key format checks are relaxed
    because Postman's nonces are 11 characters and oauthlib's defaults want 20 to 30."""
    enforce_ssl = False
    dummy_client = 'dummy'
    dummy_access_token = 'dummy'

    def check_client_key(self, client_key): return True
    def check_nonce(self, nonce): return True
    def check_access_token(self, token): return True
    def validate_timestamp_and_nonce(self, *args, **kwargs): return True
    def validate_client_key(self, client_key, request): return client_key == 'ck'
    def get_client_secret(self, client_key, request): return 'cs'
    def get_access_token_secret(self, client_key, token, request): return 'ts' if token == 'tk' else 'dummy'
    def get_rsa_key(self, client_key, request): return public_pem(RSA_KEY)


OAUTH1 = SignatureOnlyEndpoint(Validator())


class Rejected(Exception):
    pass


class Challenge(Exception):
    """A 401 that asks the client to authenticate (Digest's first round)."""
    def __init__(self, header):
        super().__init__('challenge')
        self.header = header


class Handler(BaseHTTPRequestHandler):
    protocol_version = 'HTTP/1.1'
    ntlm_context = None

    def log_message(self, fmt, *args):
        sys.stderr.write('peer: ' + (fmt % args) + '\n')

    def do_GET(self): self.dispatch()
    def do_POST(self): self.dispatch()
    def do_PUT(self): self.dispatch()
    def do_DELETE(self): self.dispatch()

    def dispatch(self):
        length = int(self.headers.get('Content-Length') or 0)
        self.body = self.rfile.read(length) if length else b''
        self.split = urlsplit(self.path)
        self.url = 'http://%s%s' % (self.headers.get('Host'), self.path)
        route = self.split.path
        try:
            if route == '/digest':
                self.digest()
            elif route == '/oauth1':
                valid, request = OAUTH1.validate_request(self.url, self.command, self.body or None, dict(self.headers))
                if not valid:
                    raise Rejected('oauthlib rejected the signature (%s)' % getattr(request, 'signature', ''))
            elif route == '/hawk':
                Receiver(lambda key: HAWK[key], self.headers.get('Authorization', ''), self.url, self.command,
                         content=self.body, content_type=self.headers.get('Content-Type', ''),
                         accept_untrusted_content='hash="' not in self.headers.get('Authorization', ''))
            elif route == '/aws':
                self.aws()
            elif route == '/aws-presigned':
                self.aws_presigned()
            elif route == '/edgegrid':
                self.edgegrid()
            elif route.startswith('/jwt/'):
                self.jwt(route[len('/jwt/'):])
            elif route == '/asap':
                self.asap()
            elif route == '/oauth2/token':
                return self.oauth2_token()
            elif route == '/oauth2/resource':
                if self.headers.get('Authorization', '')[len('Bearer '):] not in OAUTH2_TOKENS:
                    raise Rejected('unknown bearer token')
            elif route == '/ntlm':
                return self.ntlm()
            else:
                return self.reply(404, {'ok': False, 'error': 'no route ' + route})
        except Challenge as challenge:
            return self.reply(401, {'ok': False, 'error': 'challenge'}, [('WWW-Authenticate', challenge.header)])
        except Rejected as error:
            return self.reply(401, {'ok': False, 'error': str(error)})
        except Exception as error:  # a library's own rejection (mohawk, PyJWT raise their errors)
            traceback.print_exc()
            return self.reply(401, {'ok': False, 'error': '%s: %s' % (type(error).__name__, error)})
        self.reply(200, {'ok': True})

    def reply(self, code, payload, headers=()):
        data = json.dumps(payload).encode()
        self.send_response(code)
        for name, value in headers:
            self.send_header(name, value)
        self.send_header('Content-Type', 'application/json')
        self.send_header('Content-Length', str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def digest(self):
        query = parse_qs(self.split.query)
        alg = query.get('alg', ['MD5'])[0]
        qop = query.get('qop', ['auth'])[0]
        auth = self.headers.get('Authorization', '')
        if not auth.startswith('Digest '):
            challenge = 'Digest realm="%s", nonce="%s", opaque="op4que", algorithm=%s' % (
                DIGEST[2], secrets.token_hex(16), alg)
            if qop != 'none':
                challenge += ', qop="%s"' % qop
            raise Challenge(challenge)
        fields = {}
        for part in auth[len('Digest '):].split(', '):
            key, _, value = part.partition('=')
            fields[key] = value.strip('"')
        base = hashlib.sha256 if alg.startswith('SHA-256') else hashlib.md5
        h = lambda text: base(text.encode() if isinstance(text, str) else text).hexdigest()
        ha1 = h('%s:%s:%s' % (DIGEST[0], DIGEST[2], DIGEST[1]))
        if alg.endswith('-sess'):
            ha1 = h('%s:%s:%s' % (ha1, fields['nonce'], fields['cnonce']))
        if fields.get('uri') != self.path:
            raise Rejected('uri %r is not the request target %r' % (fields.get('uri'), self.path))
        ha2 = h('%s:%s' % (self.command, self.path)) if fields.get('qop') != 'auth-int' else \
            h('%s:%s:%s' % (self.command, self.path, h(self.body)))
        if fields.get('qop') in ('auth', 'auth-int'):
            expected = h(':'.join([ha1, fields['nonce'], fields['nc'], fields['cnonce'], fields['qop'], ha2]))
        else:
            expected = h(':'.join([ha1, fields['nonce'], ha2]))
        if fields.get('username') != DIGEST[0] or fields.get('response') != expected:
            raise Rejected('digest response mismatch')
        if qop != 'none' and fields.get('qop') != qop:
            raise Rejected('qop %r was not the offered %r' % (fields.get('qop'), qop))
        if fields.get('algorithm') != alg or fields.get('opaque') != 'op4que':
            raise Rejected('algorithm or opaque not echoed')

    def aws(self):
        auth = self.headers.get('Authorization', '')
        parts = dict(p.split('=', 1) for p in auth[len('AWS4-HMAC-SHA256 '):].split(', '))
        access_key, date, region, service, _ = parts['Credential'].split('/')
        signed = parts['SignedHeaders'].split(';')
        headers = {name: value for name, value in self.headers.items()
                   if name.lower() in signed and name.lower() not in ('x-amz-date', 'x-amz-security-token')}
        stamp = datetime.datetime.strptime(self.headers['X-Amz-Date'], '%Y%m%dT%H%M%SZ')

        class Frozen(datetime.datetime):
            @classmethod
            def utcnow(cls): return stamp

            @classmethod
            def now(cls, tz=None): return stamp.replace(tzinfo=tz) if tz else stamp

        request = AWSRequest(method=self.command, url=self.url, data=self.body, headers=headers)
        with mock.patch('botocore.auth.datetime.datetime', Frozen):
            SigV4Auth(Credentials(access_key, AWS[access_key], self.headers.get('X-Amz-Security-Token')),
                      service, region).add_auth(request)
        expected = request.headers['Authorization']
        if expected != auth:
            raise Rejected('botocore signs %s' % expected)

    def aws_presigned(self):
        """An S3 presigned URL (aws4 adds X-Amz-Expires only for S3), re-signed by botocore's S3SigV4QueryAuth."""
        pairs = [p.split('=', 1) for p in self.split.query.split('&') if p]
        params = {k: unquote(v) for k, v in pairs}
        access_key, date, region, service, _ = params['X-Amz-Credential'].split('/')
        kept = '&'.join('%s=%s' % (k, v) for k, v in pairs if not k.startswith('X-Amz-'))
        url = 'http://%s%s%s' % (self.headers.get('Host'), self.split.path, '?' + kept if kept else '')
        stamp = datetime.datetime.strptime(params['X-Amz-Date'], '%Y%m%dT%H%M%SZ')

        class Frozen(datetime.datetime):
            @classmethod
            def utcnow(cls): return stamp

            @classmethod
            def now(cls, tz=None): return stamp.replace(tzinfo=tz) if tz else stamp

        request = AWSRequest(method=self.command, url=url, headers={})
        with mock.patch('botocore.auth.datetime.datetime', Frozen):
            S3SigV4QueryAuth(Credentials(access_key, AWS[access_key]), service, region,
                             expires=int(params['X-Amz-Expires'])).add_auth(request)
        expected = parse_qs(urlsplit(request.url).query)['X-Amz-Signature'][0]
        if expected != params['X-Amz-Signature']:
            raise Rejected('botocore presigns %s' % request.url)

    def edgegrid(self):
        auth = self.headers.get('Authorization', '')
        fields = dict(p.split('=', 1) for p in auth[len('EG1-HMAC-SHA256 '):].split(';') if p)
        names = parse_qs(self.split.query).get('sign', [''])[0]
        signer = EdgeGridAuthHeaders(EDGEGRID[0], EDGEGRID[1], EDGEGRID[2],
                                     headers_to_sign=[n for n in names.split(',') if n])

        class Prepared:
            method = self.command
            url = self.url
            headers = {k.lower(): v for k, v in self.headers.items()}
            body = self.body
        Prepared.headers = CaseInsensitive(Prepared.headers)
        expected = signer.make_auth_header(Prepared, fields['timestamp'], fields['nonce'])
        if expected != auth:
            raise Rejected('edgegrid-python signs %s' % expected)

    def jwt(self, alg):
        auth = self.headers.get('Authorization', '')
        token = auth[len('Bearer '):] if auth.startswith('Bearer ') else parse_qs(self.split.query).get('token', [''])[0]
        key = JWT_SECRET if alg.startswith('HS') else public_pem(RSA_KEY if alg[:2] in ('RS', 'PS') else EC_KEY)
        claims = jwt.decode(token, key, algorithms=[alg], options={'verify_aud': False})
        if claims.get('sub') != 'carrier':
            raise Rejected('unexpected claims %r' % claims)

    def asap(self):
        token = self.headers.get('Authorization', '')[len('Bearer '):]
        header = jwt.get_unverified_header(token)
        key = public_pem(RSA_KEY if header.get('alg', '')[:2] in ('RS', 'PS') else EC_KEY)
        claims = jwt.decode(token, key, algorithms=[header.get('alg')], audience='carrier-peer', issuer='carrier',
                            options={'require': ['iat', 'exp', 'jti', 'sub']})
        if header.get('kid') != 'carrier/key1' or claims.get('sub') != 'carrier':
            raise Rejected('unexpected asap token %r %r' % (header, claims))

    def oauth2_token(self):
        auth = self.headers.get('Authorization', '')
        form = parse_qs(self.body.decode())
        expected = 'Basic ' + base64.b64encode(('%s:%s' % OAUTH2_CLIENT).encode()).decode()
        if auth != expected or form.get('grant_type') != ['client_credentials']:
            return self.reply(401, {'error': 'invalid_client'})
        token = secrets.token_urlsafe(16)
        OAUTH2_TOKENS.add(token)
        self.reply(200, {'access_token': token, 'token_type': 'Bearer', 'expires_in': 3600})

    def ntlm(self):
        import spnego
        auth = self.headers.get('Authorization', '')
        if not auth.startswith('NTLM '):
            return self.reply(401, {'ok': False, 'error': 'ntlm required'}, [('WWW-Authenticate', 'NTLM')])
        message = base64.b64decode(auth[len('NTLM '):])
        if self.ntlm_context is None or message[8:9] == b'\x01':
            # A negotiate message starts a handshake; the rest of it happens on this same connection.
            self.ntlm_context = spnego.server(protocol='ntlm')
        answer = self.ntlm_context.step(message)
        if not self.ntlm_context.complete:
            return self.reply(401, {'ok': False, 'error': 'challenge'},
                              [('WWW-Authenticate', 'NTLM ' + base64.b64encode(answer).decode())])
        user = self.ntlm_context.client_principal
        self.ntlm_context = None
        if user.lower() != 'corp\\ann':
            return self.reply(401, {'ok': False, 'error': 'user ' + user})
        self.reply(200, {'ok': True, 'user': user})


class CaseInsensitive(dict):
    def get(self, key, default=None): return dict.get(self, key.lower(), default)
    def __getitem__(self, key): return dict.__getitem__(self, key.lower())
    def __contains__(self, key): return dict.__contains__(self, key.lower())


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('--port', type=int, default=0)
    arguments = parser.parse_args()
    users = tempfile.NamedTemporaryFile('w', suffix='.ntlm', delete=False)
    users.write('CORP:ann:ntlm-pw\n')
    users.close()
    os.environ['NTLM_USER_FILE'] = users.name
    server = ThreadingHTTPServer(('127.0.0.1', arguments.port), Handler)
    server.daemon_threads = True
    # The test process holds our stdin: when it ends, so do we (no stray servers after a crashed test run).
    threading.Thread(target=lambda: (sys.stdin.read(), os._exit(0)), daemon=True).start()
    print(json.dumps({'port': server.server_address[1], 'rsaPrivateKey': pem(RSA_KEY), 'ecPrivateKey': pem(EC_KEY)}),
          flush=True)
    server.serve_forever()


if __name__ == '__main__':
    main()
