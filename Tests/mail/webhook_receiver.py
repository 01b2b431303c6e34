"""A local HTTPS receiver standing in for a Slack incoming webhook, for RemindersTests.

Listens on 127.0.0.1 (port 0 picks a free one), prints "ready PORT", and writes each request body
it accepts to FOLDER/NNN.json. With --refuse N it answers the first N requests 503; with
--redirect URL it answers every request 307 to that address; with --tls CERT KEY it speaks TLS.
"""
import argparse
import os
import signal
import ssl
import sys
from http.server import BaseHTTPRequestHandler, HTTPServer

parser = argparse.ArgumentParser()
parser.add_argument("--port", type=int, default=0)
parser.add_argument("--folder", required=True)
parser.add_argument("--refuse", type=int, default=0)
parser.add_argument("--redirect")
parser.add_argument("--tls", nargs=2, metavar=("CERT", "KEY"))
options = parser.parse_args()
os.makedirs(options.folder, exist_ok=True)
state = {"seen": 0, "kept": 0}


class Receiver(BaseHTTPRequestHandler):
    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
        state["seen"] += 1
        if options.redirect:
            self.send_response(307)
            self.send_header("Location", options.redirect)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        if state["seen"] <= options.refuse:
            self.send_response(503)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        state["kept"] += 1
        with open(os.path.join(options.folder, f"{state['kept']:03}.json"), "wb") as file:
            file.write(body)
        self.send_response(200)
        self.send_header("Content-Type", "text/plain")
        self.send_header("Content-Length", "2")
        self.end_headers()
        self.wfile.write(b"ok")

    def log_message(self, *arguments):
        pass


# Foundation's Process starts children with signals blocked: unblock them so SIGTERM stops us.
signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGTERM, signal.SIGINT})
server = HTTPServer(("127.0.0.1", options.port), Receiver)
if options.tls:
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(options.tls[0], options.tls[1])
    server.socket = context.wrap_socket(server.socket, server_side=True)
print(f"ready {server.server_address[1]}", flush=True)
sys.stdout.close()
server.serve_forever()
