import Foundation

/// A throw-away HTTP/1.1 server on 127.0.0.1 (Python's http.server, Nagle off, responses written whole),
/// started per test until the project's own HTTPServer module is available. Routes are in `script`.
final class LocalPythonServer {
    let port: Int
    let scheme: String
    private let process: Process
    /// The server exits when its stdin closes: SIGTERM alone does not reach it when the test runner's
    /// threads block that signal, and an orphaned server would outlive the tests.
    private let lifeline = Pipe()

    /// - Parameter tls: certificate and key files (PEM) to serve HTTPS instead of HTTP.
    init(tls: (certificate: String, key: String)? = nil) throws {
        scheme = tls == nil ? "http" : "https"
        process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        process.arguments = ["-c", Self.script] + (tls.map { [$0.certificate, $0.key] } ?? [])
        let output = Pipe()
        process.standardOutput = output
        process.standardInput = lifeline
        process.standardError = FileHandle.nullDevice
        try process.run()
        var line = Data()
        while !line.contains(10) {
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            line.append(chunk)
        }
        let text = String(decoding: line, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard text.hasPrefix("READY "), let port = Int(text.dropFirst(6)) else {
            try? lifeline.fileHandleForWriting.close()
            throw ServerStartError(output: text)
        }
        self.port = port
    }

    deinit {
        try? lifeline.fileHandleForWriting.close()
        process.waitUntilExit()
    }

    /// `http://127.0.0.1:PORT` + path.
    func url(_ path: String) -> String { "\(scheme)://127.0.0.1:\(port)\(path)" }

    struct ServerStartError: Error { let output: String }

    private static let script = #"""
import gzip, json, os, socket, sys, threading, time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit, parse_qsl

counter = [0]
lock = threading.Lock()

class H(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True
    def log_message(self, *a): pass
    def setup(self):
        super().setup()
        with lock:
            counter[0] += 1
            self.conn_id = counter[0]
    def reply(self, code, body=b"", headers=(), reason=None):
        self.send_response(code, reason)
        for k, v in headers: self.send_header(k, v)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD": self.wfile.write(body)
        self.wfile.flush()
    def handle_one_request(self):
        self.raw_requestline = self.rfile.readline(65537)
        if not self.raw_requestline:
            self.close_connection = True; return
        if not self.parse_request(): return
        self.dispatch()
        self.wfile.flush()
    def dispatch(self):
        u = urlsplit(self.path)
        q = dict(parse_qsl(u.query))
        n = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(n) if n else b""
        p = u.path
        if p == "/echo" or p.startswith("/echo/"):
            out = {"method": self.command, "target": self.path, "headers": [[k, v] for k, v in self.headers.items()],
                   "body": body.decode("latin-1"), "connection": self.conn_id}
            self.reply(200, json.dumps(out).encode(), [("Content-Type", "application/json")])
        elif p == "/redirect":
            hs = [("Location", q.get("to", "/echo"))]
            if "cookie" in q: hs.append(("Set-Cookie", q["cookie"] + "; Path=/"))
            self.reply(int(q.get("status", "302")), b"moved", hs)
        elif p == "/loop":
            self.reply(302, b"", [("Location", "/loop")])
        elif p == "/chain":
            left = int(q.get("n", "1"))
            self.reply(302, b"", [("Location", "/chain?n=%d" % (left - 1) if left > 1 else "/echo")])
        elif p == "/setcookie":
            hs = [("Set-Cookie", "%s=%s; Path=/" % (k, v)) for k, v in q.items()]
            self.reply(200, b"set", hs)
        elif p == "/gzip":
            self.reply(200, gzip.compress(b"hello gzip " * 20), [("Content-Encoding", "gzip")])
        elif p == "/badgzip":
            self.reply(200, b"this is not gzip at all", [("Content-Encoding", "gzip")])
        elif p == "/slow":
            time.sleep(float(q.get("s", "3")))
            self.reply(200, b"late")
        elif p == "/big":
            self.reply(200, b"x" * int(q.get("n", "100000")))
        elif p == "/noreason":
            self.reply(201, b"", reason="")
        elif p == "/reason":
            self.reply(299, b"", reason="Quite Fine")
        elif p == "/repeat":
            self.reply(200, b"", [("X-Multi", "a"), ("X-Multi", "b")])
        elif p == "/hangup":
            self.close_connection = True
            self.connection.shutdown(socket.SHUT_RDWR)
        elif p == "/partial":
            self.wfile.write(b"HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nonly ten b")
            self.wfile.flush()
            self.close_connection = True
            self.connection.shutdown(socket.SHUT_RDWR)
        else:
            self.reply(404, b"nope")

class S(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True

def exit_when_stdin_closes():
    sys.stdin.buffer.read()
    os._exit(0)

threading.Thread(target=exit_when_stdin_closes, daemon=True).start()
srv = S(("127.0.0.1", 0), H)
if len(sys.argv) > 2:
    import ssl
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(sys.argv[1], sys.argv[2])
    srv.socket = context.wrap_socket(srv.socket, server_side=True)
print("READY %d" % srv.server_address[1], flush=True)
srv.serve_forever()
"""#
}
