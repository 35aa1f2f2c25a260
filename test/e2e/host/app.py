"""A host application that is not JavaScript, with Python's standard library only.

It signs its user in with an HS256 JWT of its own (hmac, hashlib, base64, json) in the app_session cookie,
serves the settings page with the widget and the bundle, and routes /api/credit-balance/* to the standalone
credit-balance-server, as its reverse proxy would.

Usage: app.py PORT COMPANION_ORIGIN DIST_DIR CUSTOMER_ID JWT_SECRET
"""
import base64
import hashlib
import hmac
import json
import os
import sys
import time
import urllib.error
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

PORT, COMPANION, DIST, CUSTOMER, SECRET = sys.argv[1:6]
# The suite's clock (test/clock.ts): the test run's offset from the real time, so that this host's JWTs are
# issued at the instant the companion and the page read.
CLOCK_OFFSET = float(os.environ.get("CREDIT_BALANCE_TEST_CLOCK_OFFSET_MS", "0")) / 1000


def b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def jwt_for(customer_id: str) -> str:
    header = b64(json.dumps({"alg": "HS256", "typ": "JWT"}).encode())
    now = int(time.time() + CLOCK_OFFSET)
    claims = {"iss": "https://app.example", "aud": "credit-balance", "sub": "user-42",
              "metronome_customer_id": customer_id, "iat": now, "exp": now + 600}
    payload = b64(json.dumps(claims).encode())
    signature = hmac.new(SECRET.encode(), f"{header}.{payload}".encode(), hashlib.sha256).digest()
    return f"{header}.{payload}.{b64(signature)}"


PAGE = b"""<!doctype html><html lang="en"><title>Settings</title>
<script type="module" src="/dist/credit-balance.bundle.js"></script>
<h1>Billing</h1>
<credit-balance token-url="/api/credit-balance/token"></credit-balance>"""


class App(BaseHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def do_GET(self):
        if self.path == "/":
            self.send_response(200)
            self.send_header("content-type", "text/html")
            self.send_header("set-cookie", f"app_session={jwt_for(CUSTOMER)}; Path=/; HttpOnly; SameSite=Lax")
            self.end_headers()
            self.wfile.write(PAGE)
            return
        if self.path.startswith("/dist/"):
            path = os.path.normpath(os.path.join(DIST, self.path[len("/dist/"):]))
            if path.startswith(os.path.normpath(DIST)) and os.path.isfile(path):
                with open(path, "rb") as f:
                    body = f.read()
                self.send_response(200)
                self.send_header("content-type", "text/javascript")
                self.end_headers()
                self.wfile.write(body)
                return
        self.send_error(404)

    def do_POST(self):
        if not self.path.startswith("/api/credit-balance/"):
            self.send_error(404)
            return
        body = self.rfile.read(int(self.headers.get("content-length") or 0))
        headers = {name: self.headers[name] for name in ("cookie", "authorization", "content-type") if self.headers[name]}
        request = urllib.request.Request(COMPANION + self.path, data=body, headers=headers, method="POST")
        try:
            with urllib.request.urlopen(request, timeout=30) as answer:
                status, answer_headers, data = answer.status, answer.headers, answer.read()
        except urllib.error.HTTPError as error:
            status, answer_headers, data = error.code, error.headers, error.read()
        self.send_response(status)
        for name in ("content-type", "retry-after", "cache-control"):
            if answer_headers.get(name):
                self.send_header(name, answer_headers[name])
        self.send_header("content-length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)


ThreadingHTTPServer(("127.0.0.1", int(PORT)), App).serve_forever()
