"""A concurrent, hostile load against a running Foothold demo (issue "Confidentiality over time…",
item 8): CLIENTS connections for SECONDS, each mixing sign-ins with right and wrong passwords, page
views as every role, journal entries with a valid form token (each acknowledged one remembered),
form posts with a stale or missing token, and bodies far over the limit.

It fails on any answer of 500 or above, on any connection dropped before a whole answer came back,
and if the server no longer answers afterwards. It prints the acknowledged entries' markers to the
file MARKERS, one a line, for the caller to look for in the database, and one closing line
"hostile load: N passed, M failed".

    python3 hostile_load.py URL ACCOUNTS_FILE MARKERS [--clients 200] [--seconds 60]
ACCOUNTS_FILE is the demo's output: "  Employee  someone@example  (Name)" lines.
"""
import argparse
import asyncio
import random
import re
import sys
import time
import urllib.parse
import uuid

parser = argparse.ArgumentParser()
parser.add_argument("url")
parser.add_argument("accounts")
parser.add_argument("markers")
parser.add_argument("--clients", type=int, default=200)
parser.add_argument("--seconds", type=float, default=60)
options = parser.parse_args()
base = urllib.parse.urlparse(options.url)
HOST, PORT = base.hostname, base.port
PASSWORD = "foothold-demo"

accounts = {}
for line in open(options.accounts, encoding="utf-8"):
    found = re.match(r"^\s+(Employee|Line manager|Director|Leadership Team member|HR administrator)\s+(\S+@\S+)", line)
    if found:
        accounts[found.group(1)] = found.group(2)
if len(accounts) != 5:
    print(f"hostile load: 0 passed, 1 failed (the demo's accounts were not found: {accounts})")
    sys.exit(1)

PAGES = {
    "Employee": ["/", "/conversations", "/actions", "/plan", "/journal", "/opportunities", "/notifications", "/settings/reminders"],
    "Line manager": ["/", "/team", "/conversations", "/people?q=a", "/notifications", "/team/themes"],
    "Director": ["/", "/monitoring", "/monitoring/themes", "/monitoring/notices", "/monitoring/foothold-coverage.csv?table=units"],
    "Leadership Team member": ["/", "/monitoring", "/monitoring/themes", "/slots", "/stories"],
    "HR administrator": ["/", "/admin/audit", "/admin/people", "/admin/anonymity", "/monitoring", "/admin/reminders"],
}


class Dropped(Exception):
    pass


class Connection:
    """One keep-alive HTTP/1.1 connection; opened again after the server closes it."""

    def __init__(self):
        self.reader = self.writer = None

    async def request(self, method, path, cookies=None, body=None, content_type="application/x-www-form-urlencoded"):
        if self.writer is None:
            self.reader, self.writer = await asyncio.wait_for(asyncio.open_connection(HOST, PORT), 20)
        head = [f"{method} {path} HTTP/1.1", f"Host: {HOST}:{PORT}", "User-Agent: foothold-hostile-load"]
        if cookies:
            head.append("Cookie: " + "; ".join(f"{k}={v}" for k, v in cookies.items()))
        data = b""
        if body is not None:
            data = body if isinstance(body, bytes) else urllib.parse.urlencode(body).encode()
            head += [f"Content-Type: {content_type}", f"Content-Length: {len(data)}"]
        try:
            self.writer.write(("\r\n".join(head) + "\r\n\r\n").encode() + data)
            await self.writer.drain()
            return await asyncio.wait_for(self.read(), 30)
        except (ConnectionError, asyncio.IncompleteReadError, asyncio.TimeoutError, OSError) as error:
            self.close()
            raise Dropped(f"{method} {path.split('?')[0]}: {type(error).__name__} {error}")

    async def read(self):
        status_line = await self.reader.readline()
        if not status_line:
            raise asyncio.IncompleteReadError(b"", None)
        status = int(status_line.split()[1])
        headers = {}
        cookies = {}
        while True:
            line = (await self.reader.readline()).decode("latin-1").rstrip("\r\n")
            if not line:
                break
            name, _, value = line.partition(":")
            name, value = name.strip().lower(), value.strip()
            if name == "set-cookie":
                cookie = value.split(";")[0]
                key, _, val = cookie.partition("=")
                cookies[key] = val
            headers[name] = value
        if headers.get("transfer-encoding", "").lower() == "chunked":
            body = b""
            while True:
                size = int((await self.reader.readline()).strip(), 16)
                if size == 0:
                    await self.reader.readline()
                    break
                body += await self.reader.readexactly(size)
                await self.reader.readline()
        else:
            body = await self.reader.readexactly(int(headers.get("content-length", "0")))
        if headers.get("connection", "").lower() == "close":
            self.close()
        return status, headers, cookies, body.decode("utf-8", "replace")

    def close(self):
        if self.writer is not None:
            self.writer.close()
        self.reader = self.writer = None


TOKEN = re.compile(r'name="csrf_token" value="([^"]+)"')


class Session:
    def __init__(self, role):
        self.role = role
        self.cookies = {}

    async def sign_in(self, connection, password):
        status, _, cookies, body = await connection.request("GET", "/sign-in", self.cookies)
        self.cookies.update(cookies)
        token = TOKEN.search(body)
        if not token:
            return status
        status, _, cookies, _ = await connection.request(
            "POST", "/sign-in", self.cookies, {"csrf_token": token.group(1), "email": accounts[self.role], "password": password})
        self.cookies.update(cookies)
        return status


statuses = {}
problems = []
markers = []


def note(status, what):
    statuses[status] = statuses.get(status, 0) + 1
    if status >= 500:
        problems.append(f"{status} for {what}")


async def client(number, signed_in, deadline):
    connection = Connection()
    rng = random.Random(number)
    while time.monotonic() < deadline:
        roll = rng.random()
        try:
            if roll < 0.12:
                role = rng.choice(list(accounts))
                note(await Session(role).sign_in(connection, PASSWORD if rng.random() < 0.5 else "a wrong guess"), "sign-in")
            elif roll < 0.60:
                session = rng.choice(signed_in)
                path = rng.choice(PAGES[session.role])
                status, _, _, _ = await connection.request("GET", path, session.cookies)
                note(status, path)
            elif roll < 0.75:
                # An entry written and acknowledged must be there afterwards.
                session = rng.choice([s for s in signed_in if s.role == "Employee"])
                status, _, cookies, body = await connection.request("GET", "/journal", session.cookies)
                note(status, "/journal")
                token = TOKEN.search(body)
                if status == 200 and token:
                    marker = f"LOAD-{uuid.uuid4()}"
                    status, _, _, _ = await connection.request(
                        "POST", "/journal", session.cookies,
                        {"csrf_token": token.group(1), "kind": "accomplishment", "written_on": "", "body": marker})
                    note(status, "POST /journal")
                    if status == 303:
                        markers.append(marker)
            elif roll < 0.90:
                session = rng.choice(signed_in)
                token = {} if rng.random() < 0.5 else {"csrf_token": "stale-" + uuid.uuid4().hex}
                status, _, _, _ = await connection.request(
                    "POST", "/journal", session.cookies, {**token, "kind": "challenge", "body": "NEVER-KEPT"})
                note(status, "POST /journal with a stale or missing token")
            else:
                session = rng.choice(signed_in)
                huge = b"body=" + b"x" * (512 * 1024)
                status, _, _, _ = await connection.request("POST", "/journal", session.cookies, huge)
                note(status, "an oversized body")
        except Dropped as dropped:
            problems.append(f"dropped: {dropped}")


async def main():
    setup = Connection()
    signed_in = []
    for role in accounts:
        for _ in range(2):
            session = Session(role)
            status = await session.sign_in(setup, PASSWORD)
            if status != 303:
                print(f"hostile load: 0 passed, 1 failed (could not sign in as {role}: {status})")
                sys.exit(1)
            signed_in.append(session)
    setup.close()
    started = time.monotonic()
    deadline = started + options.seconds
    await asyncio.gather(*(client(n, signed_in, deadline) for n in range(options.clients)))
    took = time.monotonic() - started
    # Still answering, to someone signed in and to anyone.
    after = Connection()
    health, _, _, _ = await after.request("GET", "/healthz")
    home, _, _, _ = await after.request("GET", "/", signed_in[0].cookies)
    after.close()
    if health != 200 or home != 200:
        problems.append(f"afterwards /healthz answered {health} and the home page {home}")
    with open(options.markers, "w") as file:
        file.write("\n".join(markers) + ("\n" if markers else ""))
    total = sum(statuses.values())
    print(f"{total} requests from {options.clients} clients in {took:.0f} s; answers: "
          + ", ".join(f"{k}: {v}" for k, v in sorted(statuses.items())) + f"; {len(markers)} entries acknowledged")
    for problem in problems[:20]:
        print("  " + problem)
    if not problems and markers and 303 in statuses and total > options.clients:
        print("hostile load: 1 passed, 0 failed")
    else:
        if not markers:
            print("  no entry was acknowledged, so nothing was checked")
        print(f"hostile load: 0 passed, 1 failed ({len(problems)} problems)")
        sys.exit(1)


asyncio.run(main())
