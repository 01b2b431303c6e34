"""An OpenID provider for the browser tests: oidc-provider-mock (PyPI), served over https with a
certificate the test made, so Foothold talks to it exactly as it would to Entra ID or Okta.

    python3 Tests/oidc/provider.py --port PORT --certificate cert.pem --key key.pem

Prints "ready" once it answers. Any client id and secret are accepted; the person types who they
are (their e-mail address) on the provider's own page."""
import argparse
import socket
import sys
import threading
import time

import oidc_provider_mock
import uvicorn


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--certificate", required=True)
    parser.add_argument("--key", required=True)
    arguments = parser.parse_args()

    def announce():
        for _ in range(200):
            try:
                socket.create_connection(("127.0.0.1", arguments.port), timeout=0.2).close()
                print("ready", flush=True)
                return
            except OSError:
                time.sleep(0.05)

    threading.Thread(target=announce, daemon=True).start()
    uvicorn.run(oidc_provider_mock.app(require_nonce=True), interface="wsgi", host="127.0.0.1", port=arguments.port,
                ssl_certfile=arguments.certificate, ssl_keyfile=arguments.key, log_level="warning")


if __name__ == "__main__":
    sys.exit(main())
