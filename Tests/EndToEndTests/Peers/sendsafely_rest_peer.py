#!/usr/bin/env python3
"""A stand-in for SendSafely's signed REST API, for Carrier's end-to-end tests.

It checks the three headers SendSafely requires on its REST endpoints,
independently of Carrier's JavaScript: `ss-api-key`, `ss-request-timestamp`
(UTC, `2019-01-14T22:24:00+0000`) and `ss-request-signature`, the lowercase
hex HMAC-SHA256, keyed with the API secret, of
API key + URL path + timestamp + request body.

Usage:
    sendsafely_rest_peer.py --api-key K --api-secret S [--email E] [--port 0]
        [--max-skew-seconds 900]

It prints one JSON line on stdout once it listens, then serves until killed:
    {"port": N, "base": "http://127.0.0.1:N"}

`GET /api/v2.0/user/` answers 200 {"response": "SUCCESS", "email": ..., ...}
when the signature verifies, else 401 {"response": "AUTHENTICATION_FAILED",
"message": <why>}. Each verification is logged on stderr as one JSON line
(never the secret). Python standard library only.
"""

import argparse
import hashlib
import hmac
import json
import sys
from datetime import datetime
from datetime import timezone
from http.server import BaseHTTPRequestHandler
from http.server import ThreadingHTTPServer
from urllib.parse import urlsplit

TIMESTAMP_FORMAT = "%Y-%m-%dT%H:%M:%S%z"


def expected_signature(api_secret: str, api_key: str, path: str, timestamp: str, body: str) -> str:
    message = (api_key + path + timestamp + body).encode("utf-8")
    return hmac.new(api_secret.encode("utf-8"), message, hashlib.sha256).hexdigest()


def make_handler(api_key: str, api_secret: str, email: str, max_skew: float):
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        # One small response per request: do not let Nagle delay it behind a delayed ACK.
        disable_nagle_algorithm = True
        server_version = "SendSafelyRestPeer/1"

        def log_message(self, format, *args):
            sys.stderr.write("%s - %s\n" % (self.address_string(), format % args))

        def reply(self, status: int, payload: dict) -> None:
            data = json.dumps(payload).encode("utf-8")
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(data)

        def read_body(self) -> bytes:
            length = self.headers.get("Content-Length")
            if length is not None:
                return self.rfile.read(int(length))
            if self.headers.get("Transfer-Encoding", "").lower() == "chunked":
                chunks = []
                while True:
                    size = int(self.rfile.readline().split(b";")[0].strip(), 16)
                    if size == 0:
                        while self.rfile.readline() not in (b"\r\n", b"\n", b""):
                            pass
                        return b"".join(chunks)
                    chunks.append(self.rfile.read(size))
                    self.rfile.readline()
            return b""

        def verify(self, path: str, body: str) -> str | None:
            """Return why the request is refused, or None when it is authentic."""
            given_key = self.headers.get("ss-api-key")
            timestamp = self.headers.get("ss-request-timestamp")
            signature = self.headers.get("ss-request-signature")
            if not given_key or not timestamp or not signature:
                return "missing ss-api-key, ss-request-timestamp or ss-request-signature"
            if not hmac.compare_digest(given_key, api_key):
                return "unknown API key"
            try:
                when = datetime.strptime(timestamp, TIMESTAMP_FORMAT)
            except ValueError:
                return f"timestamp {timestamp!r} is not like 2019-01-14T22:24:00+0000"
            if not timestamp.endswith("+0000"):
                return "timestamp must be in UTC (+0000)"
            skew = abs((datetime.now(timezone.utc) - when).total_seconds())
            if max_skew > 0 and skew > max_skew:
                return f"timestamp is {int(skew)} s away from the server clock"
            if signature != signature.lower():
                return "signature must be lowercase hex"
            want = expected_signature(api_secret, api_key, path, timestamp, body)
            if not hmac.compare_digest(signature, want):
                return "signature does not match"
            return None

        def handle_any(self) -> None:
            body_bytes = self.read_body()
            path = urlsplit(self.path).path
            try:
                body = body_bytes.decode("utf-8")
            except UnicodeDecodeError:
                self.reply(400, {"response": "FAIL", "message": "body is not UTF-8"})
                return
            refusal = self.verify(path, body)
            sys.stderr.write(json.dumps({
                "method": self.command, "path": path, "bodyLength": len(body_bytes),
                "timestamp": self.headers.get("ss-request-timestamp"),
                "verified": refusal is None, "reason": refusal,
            }) + "\n")
            sys.stderr.flush()
            if refusal is not None:
                self.reply(401, {"response": "AUTHENTICATION_FAILED", "message": refusal})
                return
            if self.command == "GET" and path in ("/api/v2.0/user", "/api/v2.0/user/"):
                self.reply(200, {
                    "response": "SUCCESS",
                    "id": "carrier-e2e-user",
                    "email": email,
                    "firstName": "Carrier",
                    "lastName": "Peer",
                    "adminUser": False,
                })
                return
            self.reply(404, {"response": "UNKNOWN_ENDPOINT", "message": f"{self.command} {path} is not served by this peer"})

        do_GET = handle_any
        do_POST = handle_any
        do_PUT = handle_any
        do_PATCH = handle_any
        do_DELETE = handle_any
        do_HEAD = handle_any

    return Handler


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--api-key", required=True)
    parser.add_argument("--api-secret", required=True)
    parser.add_argument("--email", default="carrier-peer@example.com")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=0, help="0 picks a free port")
    parser.add_argument("--max-skew-seconds", type=float, default=900.0, help="0 disables the clock check")
    args = parser.parse_args()

    handler = make_handler(args.api_key, args.api_secret, args.email, args.max_skew_seconds)
    server = ThreadingHTTPServer((args.host, args.port), handler)
    server.daemon_threads = True
    port = server.server_address[1]
    print(json.dumps({"port": port, "base": f"http://{args.host}:{port}"}), flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()


if __name__ == "__main__":
    main()
