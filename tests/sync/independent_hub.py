#!/usr/bin/env python3
"""A second, minimal server of the upstream contract (../shared/upstream-api.md) for
tst_sync_independent: not the project's hub, written the way a common web framework reads a
request. Query strings are decoded with urllib.parse.parse_qs, which, like most frameworks, reads
'+' as a space; cursors are opaque strings full of '+', '/', '=', '&', '%', '?', '#', spaces and
non-ASCII characters, and a cursor the server did not hand out is refused with 400.

Standard library only. Serves HTTPS on 127.0.0.1 (port 0: the system picks one), prints
{"listening": PORT} and then one JSON line per request on stdout:
{"method", "target" (as it came on the wire), "path" (decoded), "after" (decoded, or null),
 "status", "sent" (body bytes written)}.

Scenarios (--scenario): feed (the changes of --changes over pages), unknown-entity (a change of
an entity kind the contract does not list at --bad-at), huge-declared / huge-streamed (the page
after the first announces, or streams without a length, --huge-mb MB), stalled (has_more pages
with the cursor asked with), cycle (has_more pages going back and forth between two cursors),
empty-forever (has_more pages without changes, each with a new cursor).
"""

import argparse
import json
import secrets
import ssl
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, unquote, urlsplit

LOCK = threading.Lock()


def emit(record):
    with LOCK:
        sys.stdout.write(json.dumps(record, ensure_ascii=True) + "\n")
        sys.stdout.flush()


class Feed:
    def __init__(self, changes, scenario, bad_at, huge_mb):
        self.changes = changes
        self.scenario = scenario
        self.huge_mb = huge_mb
        if scenario == "unknown-entity":
            self.changes = list(changes)
            self.changes.insert(bad_at, {"entity": "bus_route", "op": "upsert", "id": "BR-1", "version": 1,
                                         "data": {"id": "BR-1", "stops": ["海曲东路"]}})
        for i, c in enumerate(self.changes):
            c["seq"] = i + 1
        self.cursors = {}  # cursor -> offset into changes
        self.issued = 0

    def cursor_for(self, offset):
        # Every reserved character a query can hold, a '%' that looks like an escape, non-ASCII.
        self.issued += 1
        c = "+%d/%d=&%%41%%?#名 ü=+%d" % (offset, self.issued, self.issued)
        self.cursors[c] = offset
        return c


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "independent-hub/1"

    def log_message(self, fmt, *args):  # stdout is the request log; keep stderr quiet
        pass

    def reply(self, status, obj, record):
        body = json.dumps(obj, ensure_ascii=False).encode("utf-8")
        record["status"] = status
        record["sent"] = len(body)
        emit(record)
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def error(self, status, code, message, record):
        self.reply(status, {"error": {"code": code, "message": message}}, record)

    def read_body(self):
        length = int(self.headers.get("Content-Length") or 0)
        return self.rfile.read(length) if length > 0 else b""

    def do_POST(self):
        record = {"method": "POST", "target": self.path, "path": unquote(urlsplit(self.path).path), "after": None}
        body = self.read_body()
        try:
            req = json.loads(body.decode("utf-8"))
        except ValueError:
            return self.error(400, "bad_json", "not JSON", record)
        path = urlsplit(self.path).path
        lists = {"/api/v1/audit": "entries", "/api/v1/decisions": "decisions",
                 "/api/v1/applications": "applications", "/api/v1/batches": "batches"}
        if path in lists:
            # Pushes are not what this server is for: each item is taken as it is.
            items = req.get(lists[path], [])
            return self.reply(200, {"results": [{"idempotency_key": i.get("idempotency_key"), "status": "accepted"}
                                                for i in items]}, record)
        if path != "/api/v1/sessions":
            return self.error(404, "not_found", "no such endpoint", record)
        srv = self.server
        if req.get("account") != srv.account or req.get("password") != srv.password:
            return self.error(401, "bad_credentials", "wrong account or password", record)
        token = secrets.token_urlsafe(24) + "+/="
        srv.tokens.add(token)
        self.reply(200, {"token": token, "expires_at": "2099-01-01T00:00:00Z",
                         "account": {"id": srv.account, "display_name": "独立测试", "roles": ["supervisor"],
                                     "district_code": "371100", "school_ids": []}}, record)

    def do_PUT(self):
        self.read_body()
        self.do_GET()

    def do_GET(self):
        parts = urlsplit(self.path)
        query = parse_qs(parts.query, keep_blank_values=True)  # '+' becomes a space, like most frameworks
        record = {"method": self.command, "target": self.path, "path": unquote(parts.path),
                  "after": query.get("after", [None])[0]}
        if parts.path.startswith("/api/v1/echo"):
            # What this server understood of the request line, for the encoding checks.
            return self.reply(200, {"path": unquote(parts.path), "query": query}, record)
        auth = self.headers.get("Authorization", "")
        if not auth.startswith("Bearer ") or auth[7:] not in self.server.tokens:
            return self.error(401, "unauthorized", "sign in first", record)
        if parts.path != "/api/v1/changes":
            return self.error(404, "not_found", "no such endpoint", record)
        try:
            limit = int(query.get("limit", ["1000"])[0])
        except ValueError:
            limit = 0
        if not 1 <= limit <= 5000:
            return self.error(422, "invalid", "limit: 1 to 5000", record)
        feed = self.server.feed
        after = record["after"]
        with LOCK:
            if after is None:
                offset = 0
            elif after in feed.cursors:
                offset = feed.cursors[after]
            else:
                offset = -1
        if offset < 0:
            return self.error(400, "bad_cursor", "after: not a cursor of this server", record)
        scenario = feed.scenario
        if after is not None and scenario in ("huge-declared", "huge-streamed"):
            return self.huge(record, scenario == "huge-declared")
        if after is not None and scenario == "stalled":
            return self.reply(200, {"changes": [], "cursor": after, "has_more": True,
                                    "server_time": "2026-06-01T08:30:00Z"}, record)
        if after is not None and scenario in ("cycle", "empty-forever"):
            with LOCK:
                if scenario == "cycle":
                    if not hasattr(feed, "pair"):
                        feed.pair = [feed.cursor_for(offset), feed.cursor_for(offset)]
                    nxt = feed.pair[1] if after == feed.pair[0] else feed.pair[0]
                else:
                    nxt = feed.cursor_for(offset)
            return self.reply(200, {"changes": [], "cursor": nxt, "has_more": True,
                                    "server_time": "2026-06-01T08:30:00Z"}, record)
        page = feed.changes[offset:offset + limit]
        end = offset + len(page)
        more = end < len(feed.changes) or (after is None and scenario in
                                             ("huge-declared", "huge-streamed", "stalled", "cycle", "empty-forever"))
        with LOCK:
            cursor = feed.cursor_for(end)
        self.reply(200, {"changes": page, "cursor": cursor, "has_more": more,
                         "server_time": "2026-06-01T08:30:00Z"}, record)

    def huge(self, record, declared):
        """A page of --huge-mb MB: white space inside a valid JSON object, written until the
        client hangs up."""
        total = self.server.feed.huge_mb << 20
        head = b'{"changes":['
        tail = b'],"cursor":"end","has_more":false}'
        chunk = b" " * (1 << 20)
        sent = 0
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        if declared:
            self.send_header("Content-Length", str(total))
        else:
            self.send_header("Connection", "close")  # the body ends when the connection does
            self.close_connection = True
        self.end_headers()
        try:
            self.wfile.write(head)
            sent += len(head)
            while sent + len(chunk) + len(tail) <= total:
                self.wfile.write(chunk)
                sent += len(chunk)
            self.wfile.write(b" " * (total - sent - len(tail)) + tail)
            sent = total
        except OSError:
            self.close_connection = True
        record["status"] = 200
        record["sent"] = sent
        record["huge"] = total
        emit(record)


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--cert", required=True)
    p.add_argument("--key", required=True)
    p.add_argument("--changes", required=True, help="JSON lines of changes (entity, op, id, version, data)")
    p.add_argument("--scenario", default="feed")
    p.add_argument("--bad-at", type=int, default=0)
    p.add_argument("--huge-mb", type=int, default=100)
    p.add_argument("--account", default="independent.reviewer")
    p.add_argument("--password", default="pass+word/=&")
    args = p.parse_args()

    with open(args.changes, encoding="utf-8") as f:
        changes = [json.loads(line) for line in f if line.strip()]
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    ctx.minimum_version = ssl.TLSVersion.TLSv1_2
    ctx.load_cert_chain(args.cert, args.key)
    server.socket = ctx.wrap_socket(server.socket, server_side=True)
    server.feed = Feed(changes, args.scenario, args.bad_at, args.huge_mb)
    server.account = args.account
    server.password = args.password
    server.tokens = set()
    emit({"listening": server.server_address[1]})
    server.serve_forever()


if __name__ == "__main__":
    main()
