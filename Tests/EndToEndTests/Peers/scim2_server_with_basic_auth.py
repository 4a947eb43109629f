#!/usr/bin/env python3
"""An independent SCIM 2.0 peer for Carrier's end-to-end tests.

It serves scim2-server (https://github.com/python-scim/scim2-server, in
memory) behind HTTP Basic authentication, the way SendSafely's SCIM API is
protected, so the SCIM collections in collections/ can be run against a
server that Carrier's authors did not write.

Usage:
    scim2_server_with_basic_auth.py --username U --password P
        [--port 0] [--prefix /scim] [--no-sendsafely-extension]
        [--unauthorized-body scim|empty|html]

It prints one JSON line on stdout once it listens, then serves until killed:
    {"port": N, "base": "http://127.0.0.1:N", "scimBase": "http://127.0.0.1:N/scim/v2"}

`base` is the root of the server; `scimBase` is what the collections call
`baseSCIMUrl`. Needs scim2-server (pip install scim2-server); the Python
standard library does the rest (wsgiref).

The SendSafely extension: SendSafely's optional `isAdmin` attribute lives
in `urn:ietf:scim:schemas:extension:SendSafely:2.0:User`, which SendSafely
enables only for some organisations. By default the peer registers it (and
advertises it in /ResourceTypes/User and /Schemas), like such a portal;
`--no-sendsafely-extension` serves stock scim2-server, which refuses a body
carrying a schema it does not know (400 invalidSyntax), like every other one.

`--unauthorized-body empty|html` puts a gateway in front that answers
requests without the right credentials itself, with a 401 whose body is
empty or an HTML page, as reverse proxies and API gateways do; `scim` (the
default) lets scim2-server answer with a SCIM error.
"""

import argparse
import base64
import binascii
import hmac
import json
import logging
import sys
from socketserver import ThreadingMixIn
from wsgiref.simple_server import WSGIRequestHandler
from wsgiref.simple_server import WSGIServer
from wsgiref.simple_server import make_server

from scim2_models import AuthenticationScheme
from scim2_models import ResourceType
from scim2_models import Schema
from scim2_models import ScimProvider
from scim2_models import UnauthorizedException

from scim2_server.applications.wsgi import WSGIApplication
from scim2_server.memory import InMemoryStorage
from scim2_server.service import ScimService
from scim2_server.utils import load_default_resource_types
from scim2_server.utils import load_default_schemas
from scim2_server.utils import load_default_service_provider_config

SENDSAFELY_EXTENSION = "urn:ietf:scim:schemas:extension:SendSafely:2.0:User"

SENDSAFELY_SCHEMA = {
    "schemas": ["urn:ietf:params:scim:schemas:core:2.0:Schema"],
    "id": SENDSAFELY_EXTENSION,
    "name": "SendSafelyUser",
    "description": "SendSafely user extension",
    "attributes": [
        {
            "name": "isAdmin",
            "type": "boolean",
            "multiValued": False,
            "description": "Whether the user is a portal administrator.",
            "required": False,
            "mutability": "readWrite",
            "returned": "default",
            "uniqueness": "none",
        }
    ],
}

BASIC_SCHEME = AuthenticationScheme(
    type=AuthenticationScheme.Type.httpbasic,
    name="HTTP Basic",
    description="The SCIM API username and password",
)


class ThreadingWSGIServer(ThreadingMixIn, WSGIServer):
    """Serve each connection in its own thread, so one slow client blocks nobody."""

    daemon_threads = True
    allow_reuse_address = True


class QuietHandler(WSGIRequestHandler):
    """Log requests on stderr only, so stdout carries nothing but the ready line."""

    def log_message(self, format: str, *args: object) -> None:
        sys.stderr.write("%s - %s\n" % (self.address_string(), format % args))


class BasicAuthApplication(WSGIApplication):
    """scim2-server's WSGI application, refusing requests without the right Basic credentials."""

    def __init__(self, storage, provider, service, username: str, password: str):
        super().__init__(storage, provider, service)
        self.expected = f"{username}:{password}".encode()

    def check_auth(self, request) -> None:
        scheme, _, token = (request.header("Authorization") or "").partition(" ")
        if scheme.lower() != "basic":
            raise UnauthorizedException(detail="Basic credentials are required")
        try:
            given = base64.b64decode(token.strip(), validate=True)
        except (binascii.Error, ValueError):
            raise UnauthorizedException(detail="Malformed Basic credentials") from None
        # Constant-time comparison: a test peer should not teach timing leaks.
        if not hmac.compare_digest(given, self.expected):
            raise UnauthorizedException(detail="Invalid username or password")


class GatewayAuth:
    """A gateway in front of the SCIM application: it checks Basic credentials itself and answers a 401 that is
    not SCIM (an empty body, or an HTML page), as reverse proxies and API gateways do."""

    PAGE = b"<html><head><title>401 Authorization Required</title></head><body><h1>401 Authorization Required</h1></body></html>\n"

    def __init__(self, application, username: str, password: str, body: str):
        self.application = application
        self.expected = f"{username}:{password}".encode()
        self.body = body

    def __call__(self, environ, start_response):
        scheme, _, token = environ.get("HTTP_AUTHORIZATION", "").partition(" ")
        try:
            given = base64.b64decode(token.strip(), validate=True)
        except (binascii.Error, ValueError):
            given = b""
        if scheme.lower() == "basic" and hmac.compare_digest(given, self.expected):
            return self.application(environ, start_response)
        payload = self.PAGE if self.body == "html" else b""
        headers = [("WWW-Authenticate", 'Basic realm="gateway"'), ("Content-Length", str(len(payload)))]
        if payload:
            headers.append(("Content-Type", "text/html; charset=utf-8"))
        start_response("401 Unauthorized", headers)
        return [payload]


class PrefixMount:
    """Mount the application under a path prefix such as /scim, as SendSafely serves /scim/v2."""

    def __init__(self, application, prefix: str):
        self.application = application
        self.prefix = prefix.rstrip("/")

    def __call__(self, environ, start_response):
        path = environ.get("PATH_INFO", "")
        if self.prefix and (path == self.prefix or path.startswith(self.prefix + "/")):
            environ["SCRIPT_NAME"] = environ.get("SCRIPT_NAME", "") + self.prefix
            environ["PATH_INFO"] = path[len(self.prefix):]
            return self.application(environ, start_response)
        if not self.prefix:
            return self.application(environ, start_response)
        body = json.dumps(
            {
                "schemas": ["urn:ietf:params:scim:api:messages:2.0:Error"],
                "status": "404",
                "detail": f"No SCIM endpoint at {path!r}",
            }
        ).encode()
        start_response(
            "404 Not Found",
            [("Content-Type", "application/scim+json"), ("Content-Length", str(len(body)))],
        )
        return [body]


def build_provider(with_sendsafely_extension: bool) -> ScimProvider:
    schemas = list(load_default_schemas().values())
    resource_types = list(load_default_resource_types().values())
    if with_sendsafely_extension:
        schemas.append(Schema.model_validate(SENDSAFELY_SCHEMA))
        raw_types = [rt.model_dump() for rt in resource_types]
        for raw in raw_types:
            if raw.get("id") == "User":
                raw.setdefault("schemaExtensions", []).append(
                    {"schema": SENDSAFELY_EXTENSION, "required": False}
                )
        resource_types = [ResourceType.model_validate(raw) for raw in raw_types]
    config = load_default_service_provider_config()
    config.authentication_schemes = [BASIC_SCHEME]
    return ScimProvider.from_discovery(schemas, resource_types, config=config)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--username", required=True)
    parser.add_argument("--password", required=True)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=0, help="0 picks a free port")
    parser.add_argument("--prefix", default="/scim", help="path before /v2; '' for none")
    parser.add_argument("--no-sendsafely-extension", action="store_true")
    parser.add_argument("--unauthorized-body", choices=["scim", "empty", "html"], default="scim")
    args = parser.parse_args()

    logging.basicConfig(level=logging.WARNING, stream=sys.stderr)
    provider = build_provider(not args.no_sendsafely_extension)
    service = ScimService(provider, secret="carrier-e2e-cursor-secret")
    app = BasicAuthApplication(
        InMemoryStorage(), provider, service, args.username, args.password
    )
    wsgi = PrefixMount(app, args.prefix)
    if args.unauthorized_body != "scim":
        wsgi = GatewayAuth(wsgi, args.username, args.password, args.unauthorized_body)

    with make_server(
        args.host, args.port, wsgi, server_class=ThreadingWSGIServer, handler_class=QuietHandler
    ) as server:
        port = server.server_address[1]
        base = f"http://{args.host}:{port}"
        print(
            json.dumps({"port": port, "base": base, "scimBase": f"{base}{args.prefix.rstrip('/')}/v2"}),
            flush=True,
        )
        try:
            server.serve_forever()
        except KeyboardInterrupt:
            pass


if __name__ == "__main__":
    main()
