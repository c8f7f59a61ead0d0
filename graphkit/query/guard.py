"""The guard in front of `graphkit serve`'s Oxigraph server: no SERVICE, a hard time limit.

Oxigraph 0.5.13 has two gaps for a public read-only endpoint: `--timeout-s` does not stop a
query that must finish before its first row (COUNT, GROUP BY, ORDER BY over a huge join), and
a `SERVICE <url>` clause makes it send HTTP requests to any address. The guard is a small HTTP
server (`http.server.ThreadingHTTPServer`, one thread per connection) on the user's host and
port; Oxigraph listens on an internal loopback port and the guard forwards to it
(`http.client`), streaming each answer back.

- A query with a SERVICE clause is refused (400) before Oxigraph sees it. A query text that
  does not contain the word "service" in any case (after SPARQL's \\u escapes) cannot hold the
  keyword and goes through unparsed. Otherwise rdflib's SPARQL parser decides: a
  ServiceGraphPattern anywhere in the tree is refused, while a literal, an IRI or a prefix that
  spells "service" is fine. A query that mentions "service" but that rdflib cannot parse is
  refused with the parse error: forwarding it would trust that both parsers read it alike, and
  they do not (Oxigraph ends a `#` comment at a lone CR, rdflib does not). So is one over
  `MAX_CHECKED_CHARS` (the parser is slow on long queries). A query without the word goes to
  Oxigraph even when it is malformed, so syntax errors are Oxigraph's own.
- Each request gets `timeout_s` of wall-clock time (plus `GRACE_S`, so Oxigraph's own timeout,
  which ends a streamed answer cleanly, wins where it works). If Oxigraph has not answered in
  time, the client gets a 503 ("the query exceeded the N s time limit") and the guard asks its
  upstream to restart: the Oxigraph process is killed and started again on the same read-only
  store (well under a second), which is the only way to stop a query Oxigraph does not cancel.
  An answer still streaming at the limit is cut: its last chunk is that message and the chunked
  body is left unterminated, so clients see an incomplete transfer, not a short "complete" one.
  A client that leaves does not end the clock: the guard still waits out the limit and kills.
- A restart also ends the other queries Oxigraph was running. One that had not sent anything
  back yet is sent once more to the new process (queries are read-only, so this is safe),
  within its own time limit; one whose answer was already streaming is cut like above, with a
  message saying the server was restarted. Nobody hangs.
- Writes are refused here too (403), before Oxigraph's own read-only refusal: /update, and any
  method but GET, HEAD and POST /query. POST bodies must be application/sparql-query or
  application/x-www-form-urlencoded, valid UTF-8, with a Content-Length (at most 8 MiB).

Why not a worker process per query (pyoxigraph `Store.read_only`, killed at the limit)? It
would isolate queries from each other's restarts, but graphkit would then re-implement the
SPARQL protocol Oxigraph already serves (content negotiation, every result format, error
statuses, the service description and query UI) and pay a process start per query. A restart
only happens when a query overruns, so the proxy keeps Oxigraph's behaviour for everything else.
"""
from __future__ import annotations

import http.client
import socket
import socketserver
import sys
import threading
import time
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Protocol

GRACE_S = 1.0
MAX_BODY_BYTES = 8 * 1024 * 1024
MAX_CHECKED_CHARS = 10_000  # rdflib's parser takes ~1 s on 10,000 characters of a long IN list
CHUNK_BYTES = 64 * 1024
MIN_IDLE_S = 10.0
QUERY_TYPES = ("application/sparql-query", "application/x-www-form-urlencoded")
NOT_RELAYED = {"connection", "keep-alive", "transfer-encoding", "te", "trailer", "upgrade",
               "proxy-authenticate", "proxy-authorization", "server", "date"}
SERVICE_REFUSED = "SERVICE clauses are not allowed: this endpoint does not call other servers"


class Upstream(Protocol):
    """The Oxigraph server the guard forwards to (graphkit.query.server.SparqlServer)."""

    generation: int  # goes up by one at each restart
    stopping: bool  # serve is shutting down

    def address(self) -> tuple[str, int, int]:
        """Host, port and generation of the running server (waits while it restarts)."""

    def restart(self, generation: int) -> bool:
        """Kill that generation's server and start a fresh one; False if already replaced."""


# ---------------------------------------------------------------- SERVICE check

def service_refusal(query: str) -> str | None:
    """Why a query must not reach Oxigraph (it has, or may have, a SERVICE clause), or None."""
    from rdflib.plugins.sparql.parser import expandUnicodeEscapes, parseQuery

    try:
        expanded = expandUnicodeEscapes(query)
    except ValueError:
        expanded = query
    if "service" not in query.lower() and "service" not in expanded.lower():
        return None
    if len(query) > MAX_CHECKED_CHARS:
        return (f"the query mentions SERVICE and is too long to check (over {MAX_CHECKED_CHARS} "
                f"characters); {SERVICE_REFUSED}")
    try:
        tree = parseQuery(query)
        found = _has_service_pattern(tree)
    except Exception as exc:  # pyparsing's ParseException, RecursionError on deep nesting, ...
        reason = (str(exc).splitlines() or [type(exc).__name__])[0]
        return f"the query mentions SERVICE and could not be checked ({reason}); {SERVICE_REFUSED}"
    return SERVICE_REFUSED if found else None


def _has_service_pattern(tree) -> bool:
    from pyparsing import ParseResults
    from rdflib.plugins.sparql.parserutils import CompValue

    pending = [tree]
    while pending:
        node = pending.pop()
        if isinstance(node, CompValue):
            if node.name == "ServiceGraphPattern":
                return True
            pending.extend(node.values())
        elif isinstance(node, (ParseResults, list, tuple)):
            pending.extend(node)
    return False


def queries_in(url_query: str, body: bytes, content_type: str | None) -> list[str]:
    """Every query text a request carries: `query` parameters of the URL and form body, or the
    body itself for application/sparql-query. Raises UnicodeDecodeError on invalid UTF-8."""
    found = _query_params(url_query)
    if content_type == "application/sparql-query":
        found.append(body.decode("utf-8"))
    elif content_type == "application/x-www-form-urlencoded":
        found += _query_params(body.decode("utf-8"))
    return found


def _query_params(encoded: str) -> list[str]:
    pairs = urllib.parse.parse_qsl(encoded, keep_blank_values=True, errors="strict")
    return [value for name, value in pairs if name == "query"]


# ---------------------------------------------------------------- the HTTP guard

class QueryGuard:
    """The user-facing HTTP server; binds on creation (a busy port fails here)."""

    def __init__(self, host: str, port: int, upstream: Upstream, timeout_s: int,
                 on_restart=None):
        self.upstream, self.timeout_s = upstream, timeout_s
        self.limit_s = timeout_s + GRACE_S
        self.on_restart = on_restart
        self.httpd = _GuardHTTPServer((host, port), self)
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        self._thread = threading.Thread(target=self.httpd.serve_forever, kwargs={"poll_interval": 0.2},
                                        name="graphkit-serve-guard", daemon=True)
        self._thread.start()

    def close(self) -> None:
        if self._thread is not None:
            self.httpd.shutdown()
            self._thread = None
        self.httpd.server_close()

    def stop_runaway(self, generation: int) -> None:
        """A query of that generation overran: restart Oxigraph (once per generation)."""
        if self.upstream.restart(generation) and self.on_restart is not None:
            self.on_restart()


class _GuardHTTPServer(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True
    allow_reuse_port = False

    def __init__(self, address: tuple[str, int], guard: QueryGuard):
        self.address_family = socket.AF_INET6 if ":" in address[0] else socket.AF_INET
        self.guard = guard
        super().__init__(address, _GuardHandler)

    def server_bind(self) -> None:
        socketserver.TCPServer.server_bind(self)  # HTTPServer's would look the host up in DNS
        self.server_name, self.server_port = self.server_address[:2]

    def handle_error(self, request, client_address) -> None:
        error = sys.exc_info()[1]
        if not isinstance(error, OSError):  # a client that hung up is no error worth a word
            print(f"graphkit serve: a request failed: {error!r}", file=sys.stderr, flush=True)


class _Cut(Exception):
    """The answer being streamed must end here (time limit, or Oxigraph restarted)."""


class _GuardHandler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version, sys_version = "graphkit-serve", ""
    server: _GuardHTTPServer

    def setup(self) -> None:
        self.timeout = max(self.server.guard.limit_s, MIN_IDLE_S)  # idle and slow clients
        super().setup()

    def log_message(self, format, *args) -> None:
        pass

    def do_GET(self) -> None:
        self._handle(body=b"", content_type=None)

    do_HEAD = do_GET

    def do_POST(self) -> None:
        if self._path() != "/query":
            return self._refuse(403, "graphkit serve is read-only")
        content_type = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        if content_type not in QUERY_TYPES:
            return self._refuse(415, "POST /query takes " + " or ".join(QUERY_TYPES))
        try:
            length = int(self.headers.get("Content-Length", ""))
        except ValueError:
            return self._refuse(411, "POST /query needs a Content-Length")
        if not 0 <= length <= MAX_BODY_BYTES:
            return self._refuse(413, f"a query body may hold at most {MAX_BODY_BYTES} bytes")
        self._handle(body=self.rfile.read(length), content_type=content_type)

    def _read_only(self) -> None:
        self._refuse(403, "graphkit serve is read-only")

    do_PUT = do_DELETE = do_PATCH = _read_only

    def _path(self) -> str:
        return self.path.split("?", 1)[0]

    def _handle(self, body: bytes, content_type: str | None) -> None:
        if not (self.path.startswith("/") and self.path.isascii()):
            return self._refuse(400, "the request target must be a path in ASCII (percent-encoded)")
        if self._path() == "/update":
            return self._read_only()
        try:
            queries = queries_in(self.path.partition("?")[2], body, content_type)
        except UnicodeError:
            return self._refuse(400, "the query is not valid UTF-8")
        for query in queries:
            refusal = service_refusal(query)
            if refusal:
                return self._refuse(400, refusal)
        self._forward(body if self.command == "POST" else None, content_type)

    def _forward(self, body: bytes | None, content_type: str | None) -> None:
        guard = self.server.guard
        deadline = time.monotonic() + guard.limit_s
        headers = {"Accept": self.headers["Accept"]} if self.headers.get("Accept") else {}
        if content_type:
            headers["Content-Type"] = content_type
        for attempt in (1, 2):
            host, port, generation = guard.upstream.address()
            if deadline - time.monotonic() <= 0:  # waited out a restart: never reached this one
                return self._refuse(503, self._overran())
            upstream = http.client.HTTPConnection(host, port, timeout=deadline - time.monotonic())
            try:
                try:
                    upstream.request(self.command, self.path, body=body, headers=headers)
                    upstream.sock.settimeout(max(deadline - time.monotonic(), 0.001))
                    reply = upstream.getresponse()
                except TimeoutError:
                    guard.stop_runaway(generation)
                    return self._refuse(503, self._overran())
                except (OSError, http.client.HTTPException) as exc:
                    if guard.upstream.stopping:
                        return self._refuse(503, "the server is stopping")
                    if attempt == 1 and guard.upstream.generation != generation:
                        continue  # Oxigraph was restarted under this query: ask the new one
                    return self._refuse(502, f"the SPARQL server did not answer ({exc!r})")
                return self._relay(reply, upstream, deadline, generation)
            finally:
                upstream.close()

    def _overran(self) -> str:
        return f"the query exceeded the {self.server.guard.timeout_s} s time limit and was stopped"

    def _relay(self, reply: http.client.HTTPResponse, upstream: http.client.HTTPConnection,
               deadline: float, generation: int) -> None:
        chunked = (reply.getheader("Content-Length") is None and self.command != "HEAD"
                   and reply.status not in (204, 304))
        self.send_response(reply.status, reply.reason)
        for name, value in reply.getheaders():
            if name.lower() not in NOT_RELAYED:
                self.send_header(name, value)
        if chunked:
            self.send_header("Transfer-Encoding", "chunked")
        self.end_headers()
        if self.command == "HEAD":
            return
        client_gone = False
        try:
            while data := self._read_upstream(reply, upstream, deadline, generation):
                if not client_gone:
                    try:
                        self._send_chunk(data, chunked)
                    except OSError:  # the client left: drain, so an overrun is still caught
                        client_gone = self.close_connection = True
        except _Cut as cut:
            self.close_connection = True
            if chunked and not client_gone:
                try:  # the message, then no terminating chunk: an incomplete transfer
                    self._send_chunk(f"\ngraphkit serve: {cut}\n".encode(), chunked)
                except OSError:
                    pass
            return
        if chunked and not client_gone:
            try:
                self.wfile.write(b"0\r\n\r\n")
            except OSError:
                self.close_connection = True

    def _read_upstream(self, reply, upstream, deadline: float, generation: int) -> bytes:
        guard = self.server.guard
        left = deadline - time.monotonic()
        try:
            if left <= 0:
                raise TimeoutError
            upstream.sock.settimeout(left)
            return reply.read1(CHUNK_BYTES)
        except TimeoutError:
            guard.stop_runaway(generation)
            raise _Cut(self._overran()) from None
        except (OSError, http.client.HTTPException) as exc:
            if guard.upstream.stopping:
                raise _Cut("the answer was interrupted: the server is stopping") from None
            if guard.upstream.generation != generation:
                raise _Cut("the answer was interrupted: the SPARQL server was restarted "
                           "(another query exceeded the time limit); try again") from None
            raise _Cut(f"the SPARQL server stopped mid-answer ({exc!r})") from None

    def _send_chunk(self, data: bytes, chunked: bool) -> None:
        self.wfile.write(b"%x\r\n%s\r\n" % (len(data), data) if chunked else data)

    def _refuse(self, status: int, message: str) -> None:
        body = f"graphkit serve: {message}\n".encode()
        self.close_connection = True  # a refused request's body may be unread
        try:
            self.send_response(status)
            self.send_header("Content-Type", "text/plain; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Connection", "close")
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(body)
        except OSError:
            pass
