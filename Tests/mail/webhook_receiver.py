"""A local HTTP receiver standing in for a Slack incoming webhook, for RemindersTests.

Listens on 127.0.0.1 (port 0 picks a free one), prints "ready PORT", and writes each request body
it accepts to FOLDER/NNN.json. With --refuse N it answers the first N requests 503.
"""
import argparse
import os
import signal
import sys
from http.server import BaseHTTPRequestHandler, HTTPServer

parser = argparse.ArgumentParser()
parser.add_argument("--port", type=int, default=0)
parser.add_argument("--folder", required=True)
parser.add_argument("--refuse", type=int, default=0)
options = parser.parse_args()
os.makedirs(options.folder, exist_ok=True)
state = {"seen": 0, "kept": 0}


class Receiver(BaseHTTPRequestHandler):
    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
        state["seen"] += 1
        if state["seen"] <= options.refuse:
            self.send_response(503)
            self.end_headers()
            return
        state["kept"] += 1
        with open(os.path.join(options.folder, f"{state['kept']:03}.json"), "wb") as file:
            file.write(body)
        self.send_response(200)
        self.send_header("Content-Type", "text/plain")
        self.end_headers()
        self.wfile.write(b"ok")

    def log_message(self, *arguments):
        pass


# Foundation's Process starts children with signals blocked: unblock them so SIGTERM stops us.
signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGTERM, signal.SIGINT})
server = HTTPServer(("127.0.0.1", options.port), Receiver)
print(f"ready {server.server_address[1]}", flush=True)
sys.stdout.close()
server.serve_forever()
