"""A real SMTP server for Foothold's tests (aiosmtpd), started by the tests themselves.

    python3 Tests/mail/smtp_server.py --port P --folder DIR [--starttls CERT KEY] [--require-starttls]
        [--tls CERT KEY] [--auth USER PASSWORD] [--refuse N]

Each message it accepts is written to DIR as NNN.eml (the bytes as received) and NNN.json (what
Python's own e-mail parser reads from them: the decoded subject, addresses, text and HTML parts,
and the envelope). --refuse N answers the first N messages with 451, as a busy server does.
Prints "ready PORT" when it listens (--port 0 chooses a free one), and runs until killed.
"""
import argparse, json, os, signal, ssl, sys, time
from email import message_from_bytes, policy

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword


def main():
    # A parent may start us with signals blocked (Foundation's Process does): let SIGTERM end us.
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGTERM, signal.SIGINT})
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--folder", required=True)
    parser.add_argument("--starttls", nargs=2)
    parser.add_argument("--require-starttls", action="store_true")
    parser.add_argument("--tls", nargs=2)
    parser.add_argument("--auth", nargs=2)
    parser.add_argument("--refuse", type=int, default=0)
    args = parser.parse_args()
    os.makedirs(args.folder, exist_ok=True)
    state = {"refused": 0, "count": 0}

    class Handler:
        async def handle_DATA(self, server, session, envelope):
            if state["refused"] < args.refuse:
                state["refused"] += 1
                return "451 4.3.0 Busy: try again later"
            state["count"] += 1
            name = os.path.join(args.folder, "%03d" % state["count"])
            with open(name + ".eml", "wb") as f:
                f.write(envelope.original_content)
            message = message_from_bytes(envelope.original_content, policy=policy.default)
            text = message.get_body(preferencelist=("plain",))
            html = message.get_body(preferencelist=("html",))
            summary = {
                "mail_from": envelope.mail_from, "rcpt_tos": envelope.rcpt_tos,
                "subject": str(message["subject"]), "from": str(message["from"]), "to": str(message["to"]),
                "headers": {k: str(v) for k, v in message.items()},
                "text": text.get_content() if text else None, "html": html.get_content() if html else None,
                "defects": [str(d) for d in message.defects] + [str(d) for part in message.walk() for d in part.defects],
                "tls": session.ssl is not None or server.transport.get_extra_info("ssl_object") is not None,
                "authenticated": bool(session.authenticated),
            }
            with open(name + ".json.part", "w") as f:
                json.dump(summary, f)
            os.rename(name + ".json.part", name + ".json")
            return "250 2.0.0 Accepted as %03d" % state["count"]

    def context(pair):
        ctx = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        ctx.load_cert_chain(pair[0], pair[1])
        return ctx

    def authenticator(server, session, envelope, mechanism, auth_data):
        ok = isinstance(auth_data, LoginPassword) and args.auth and \
            auth_data.login.decode() == args.auth[0] and auth_data.password.decode() == args.auth[1]
        return AuthResult(success=bool(ok), handled=False)

    options = dict(hostname="127.0.0.1", port=args.port, server_hostname="localhost")
    if args.tls:
        options["ssl_context"] = context(args.tls)
    if args.starttls:
        options["tls_context"] = context(args.starttls)
        options["require_starttls"] = args.require_starttls
    if args.auth:
        options["authenticator"] = authenticator
        options["auth_required"] = True
        options["auth_require_tls"] = bool(args.starttls or args.tls)
    if args.port == 0:
        import socket
        probe = socket.socket()
        probe.bind(("127.0.0.1", 0))
        options["port"] = probe.getsockname()[1]
        probe.close()
    controller = Controller(Handler(), **options)
    controller.start()
    print("ready %d" % options["port"], flush=True)
    try:
        while True:
            time.sleep(3600)
    finally:
        controller.stop()


if __name__ == "__main__":
    main()
