"""A hostile SMTP server for SMTPClientTests: after its 220 to STARTTLS it sends, still in plain
text, replies of its own ("250 INJECTED ..."), as someone on the way could, then speaks TLS and
answers every command properly. A client that read the injected replies after the handshake would
take them as the secure server's, and every reply after would be one behind.

Prints "ready PORT", serves one connection, and writes the commands it read, one a line, to LOG.
"""
import argparse
import signal
import socket
import ssl
import sys

parser = argparse.ArgumentParser()
parser.add_argument("--cert", required=True)
parser.add_argument("--key", required=True)
parser.add_argument("--log", required=True)
options = parser.parse_args()
signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGTERM, signal.SIGINT})

listener = socket.socket()
listener.bind(("127.0.0.1", 0))
listener.listen(1)
print(f"ready {listener.getsockname()[1]}", flush=True)
sys.stdout.close()
connection, _ = listener.accept()
connection.settimeout(20)
stream = connection.makefile("rb")
log = open(options.log, "w")


def send(text):
    connection.sendall(text.encode())


def read_line():
    line = stream.readline().decode(errors="replace").rstrip("\r\n")
    log.write(line + "\n")
    log.flush()
    return line


send("220 mail.example ESMTP\r\n")
secure = False
while True:
    line = read_line()
    verb = line.split(" ")[0].upper()
    if verb == "EHLO":
        send("250-mail.example\r\n250 STARTTLS\r\n" if not secure else "250-mail.example\r\n250 SIZE 1000000\r\n")
    elif verb == "STARTTLS":
        # The 220, then what an attacker would slip in before the handshake.
        send("220 Go ahead\r\n250-INJECTED mail.example\r\n250 AUTH PLAIN\r\n250 INJECTED ok\r\n")
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(options.cert, options.key)
        connection = context.wrap_socket(connection, server_side=True)
        stream = connection.makefile("rb")
        secure = True
    elif verb == "MAIL":
        send("250 sender ok\r\n")
    elif verb == "RCPT":
        send("250 recipient ok\r\n")
    elif verb == "DATA":
        send("354 go on\r\n")
        while read_line() != ".":
            pass
        send("250 queued as SECURE-1\r\n")
    elif verb == "QUIT":
        send("221 bye\r\n")
        break
    else:
        send("500 what\r\n")
connection.close()
