"""`graphkit serve` as a user runs it: loopback unless told otherwise, read-only, a time limit
per query, no SERVICE, and stopping it stops every query.

What the Oxigraph server (0.5.13, the newest on PyPI) does with `--timeout-s`: it cancels a
query whose results are streamed (the response is a 200 whose body is cut short and ends in
"The SPARQL operation has been cancelled"), but a query that must finish before its first
row (COUNT, GROUP BY, ORDER BY over a huge join) keeps running past the limit, even after the
client has gone (oxigraph/oxigraph#1871, #1336). A SERVICE clause makes it send HTTP requests
to any address. graphkit's guard (graphkit/query/guard.py) sits on the user's port in front of
Oxigraph (on an internal loopback port) and closes both gaps: it answers 503 at the limit and
restarts Oxigraph to stop the work, and it refuses SERVICE. The tests below pin that.
"""
from __future__ import annotations

import http.client
import json
import signal
import socket
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

from cli_process import start_cli
from graphkit.export.rdf import write_rdf
from test_rdf_sample import sample_graph

COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
STREAMED_JOIN = "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"  # ~1.5M rows here
BLOCKING_JOIN = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?n2 ?o }"
CANCELLED = b"The SPARQL operation has been cancelled"
OVERRAN = b"graphkit serve: the query exceeded the 1 s time limit and was stopped"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("served")
    write_rdf(sample_graph(), out, ["nt"])
    return out


class Served:
    """`graphkit serve DIR ...` in a child process; stopped (SIGTERM) on exit."""

    def __init__(self, folder: Path, *args: str):
        self.port = free_port()
        self.process = start_cli("serve", str(folder), "--port", str(self.port), *args)
        self.banner = []
        for line in self.process.stderr:  # warnings, then the endpoint line
            self.banner.append(line.rstrip("\n"))
            if "SPARQL endpoint:" in line:
                break
        else:
            raise AssertionError(f"serve did not start: {self.banner}")
        self.base = f"http://127.0.0.1:{self.port}"

    def __enter__(self) -> "Served":
        return self

    def __exit__(self, *exc) -> None:
        self.stop()

    def stop(self) -> int:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=20)
            except Exception:
                self.process.kill()
                self.process.wait()
        self.process.stderr.close()
        self.process.stdout.close()
        return self.process.returncode

    def oxigraph_pid(self) -> int:
        """The process id of the Oxigraph server graphkit runs now (its only child)."""
        children = Path(f"/proc/{self.process.pid}/task/{self.process.pid}/children").read_text().split()
        (child,) = children
        return int(child)

    def oxigraph_command(self) -> list[str]:
        """The command line of the Oxigraph server graphkit started."""
        return Path(f"/proc/{self.oxigraph_pid()}/cmdline").read_bytes().decode().split("\0")[:-1]

    def oxigraph_port(self) -> int:
        command = self.oxigraph_command()
        return int(command[command.index("--bind") + 1].rsplit(":", 1)[1])

    def request(self, path: str, *, method: str = "GET", body: str | None = None,
                content_type: str | None = None, timeout: float = 10) -> tuple[int, bytes]:
        headers = {"Accept": "application/sparql-results+json"}
        if content_type:
            headers["Content-Type"] = content_type
        request = urllib.request.Request(self.base + path, method=method, headers=headers,
                                         data=body.encode() if body is not None else None)
        try:
            with urllib.request.urlopen(request, timeout=timeout) as reply:
                try:
                    return reply.status, reply.read()
                except http.client.IncompleteRead as cut:  # an answer cut mid-stream
                    return reply.status, cut.partial
        except urllib.error.HTTPError as exc:
            return exc.code, exc.read()

    def query(self, sparql: str, timeout: float = 10) -> tuple[int, bytes]:
        return self.request("/query?" + urllib.parse.urlencode({"query": sparql}), timeout=timeout)

    def triple_count(self) -> int:
        status, body = self.query(COUNT)
        assert status == 200, body
        return int(json.loads(body)["results"]["bindings"][0]["n"]["value"])


def listening_addresses(port: int) -> set[str]:
    """Local addresses with a listening TCP socket on port (IPv4 and IPv6, from /proc)."""
    found = set()
    for table, width in (("/proc/net/tcp", 8), ("/proc/net/tcp6", 32)):
        try:
            lines = Path(table).read_text().splitlines()[1:]
        except OSError:
            continue
        for line in lines:
            local, state = line.split()[1], line.split()[3]
            address, hex_port = local.split(":")
            if state == "0A" and int(hex_port, 16) == port:  # 0A: LISTEN
                raw = bytes.fromhex(address)
                if width == 8:
                    found.add(socket.inet_ntop(socket.AF_INET, raw[::-1]))
                else:
                    words = b"".join(raw[i:i + 4][::-1] for i in range(0, 16, 4))
                    found.add(socket.inet_ntop(socket.AF_INET6, words))
    return found


def test_serves_on_loopback_only_by_default(built):
    with Served(built) as served:
        assert served.banner[-1].startswith(f"SPARQL endpoint: http://127.0.0.1:{served.port}/query")
        assert "read-only" in served.banner[-1]
        assert listening_addresses(served.port) == {"127.0.0.1"}
        assert served.triple_count() > 0
        assert "--bind" in (command := served.oxigraph_command())  # Oxigraph, behind the guard
        assert command[command.index("--bind") + 1] == f"127.0.0.1:{served.oxigraph_port()}"
        assert served.oxigraph_port() != served.port
        assert listening_addresses(served.oxigraph_port()) == {"127.0.0.1"}


def test_another_host_is_served_only_when_asked_and_with_a_warning(built):
    with Served(built, "--host", "0.0.0.0") as served:
        assert any("warning" in line and "reachable from other machines" in line
                   for line in served.banner)
        assert listening_addresses(served.port) == {"0.0.0.0"}
        assert listening_addresses(served.oxigraph_port()) == {"127.0.0.1"}  # Oxigraph stays inside
        assert served.triple_count() > 0
        code = served.stop()
    assert code == 0


def test_nothing_can_change_the_graph(built):
    insert = 'INSERT DATA { <urn:x> <urn:y> "intruder" }'
    with Served(built) as served:
        before = served.triple_count()
        attempts = {
            "POST /update": served.request("/update", method="POST", body=insert,
                                           content_type="application/sparql-update"),
            "POST /update (form)": served.request("/update", method="POST",
                                                  body=urllib.parse.urlencode({"update": insert}),
                                                  content_type="application/x-www-form-urlencoded"),
            "GET /update": served.request("/update?" + urllib.parse.urlencode({"update": insert})),
            "LOAD": served.request("/update", method="POST", body="LOAD <http://127.0.0.1:9/x.ttl>",
                                   content_type="application/sparql-update"),
            "DROP": served.request("/update", method="POST", body="DROP ALL",
                                   content_type="application/sparql-update"),
            "POST /store": served.request("/store?default", method="POST", body='<urn:a> <urn:b> "c" .',
                                          content_type="application/n-triples"),
            "PUT /store": served.request("/store?default", method="PUT", body="",
                                         content_type="application/n-triples"),
            "DELETE /store": served.request("/store?default", method="DELETE"),
        }
        for name, (status, _) in attempts.items():
            assert status == 403, name
        status, _ = served.request("/query", method="POST", body=insert,
                                   content_type="application/sparql-query")
        assert status == 400  # an update is no query
        assert served.triple_count() == before


def test_each_query_gets_the_time_limit(built):
    with Served(built, "--timeout", "1") as served:
        command = served.oxigraph_command()
        assert command[command.index("--timeout-s") + 1] == "1"
        started = time.monotonic()
        status, body = served.query(STREAMED_JOIN, timeout=60)
        seconds = time.monotonic() - started
        # cut short, though the status says 200: by Oxigraph's own timeout, or at the latest by
        # the guard (an incomplete chunked body that ends in its message)
        assert body.rstrip().endswith(CANCELLED) or body.rstrip().endswith(OVERRAN), body[-200:]
        assert status == 200 and seconds < 15, seconds
        assert served.triple_count() > 0                 # and the server still answers


def test_a_blocking_query_is_cut_off_too(built):
    with Served(built, "--timeout", "1") as served:
        runaway = served.oxigraph_pid()
        started = time.monotonic()
        status, body = served.query(BLOCKING_JOIN, timeout=6)
        assert time.monotonic() - started < 4, "no answer 4 s after a 1 s limit"
        assert (status, body.strip()) == (503, OVERRAN)
        assert not _is_running(runaway)                  # the work is stopped, not just abandoned
        assert served.triple_count() > 0                 # by a restart on the same store
        assert served.oxigraph_pid() != runaway
        command = served.oxigraph_command()
        assert command[command.index("--timeout-s") + 1] == "1"


def test_a_runaway_is_stopped_after_its_client_left(built):
    with Served(built, "--timeout", "1") as served:
        runaway = served.oxigraph_pid()
        with pytest.raises((TimeoutError, urllib.error.URLError)):
            served.query(BLOCKING_JOIN, timeout=0.3)    # the client gives up at once
        deadline = time.monotonic() + 6
        while _is_running(runaway) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not _is_running(runaway)
        assert served.triple_count() > 0


def test_small_queries_meanwhile_are_answered_or_told_why(built):
    """Queries running while a runaway is stopped get their answer (one cut by the restart
    before its first byte is sent again) or a clear error; none hangs."""
    with Served(built, "--timeout", "1") as served:
        expected = served.triple_count()
        runaway = threading.Thread(target=lambda: _ignore_errors(served.query, BLOCKING_JOIN, 10))
        runaway.start()
        outcomes = []
        stop_at = time.monotonic() + 3.5  # spans the limit (1 s + grace) and the restart
        while time.monotonic() < stop_at:
            started = time.monotonic()
            status, body = served.query(COUNT, timeout=8)
            outcomes.append((status, body, time.monotonic() - started))
        runaway.join()
    for status, body, seconds in outcomes:
        assert seconds < 5, seconds
        if status == 200:
            assert int(json.loads(body)["results"]["bindings"][0]["n"]["value"]) == expected
        else:
            assert status in (502, 503) and body.startswith(b"graphkit serve: "), (status, body)
    assert sum(status == 200 for status, _, _ in outcomes) >= len(outcomes) - 1, outcomes
    assert outcomes[-1][0] == 200  # after the restart


def test_stopping_serve_stops_a_runaway_query(built):
    served = Served(built, "--timeout", "30")  # the runaway is still running when serve stops
    oxigraph = served.oxigraph_pid()
    runaway = threading.Thread(target=lambda: _ignore_errors(served.query, BLOCKING_JOIN, 30), daemon=True)
    runaway.start()
    time.sleep(1.5)
    assert served.triple_count() > 0  # other queries are still answered meanwhile
    assert served.oxigraph_pid() == oxigraph
    started = time.monotonic()
    assert served.stop() == 0
    assert time.monotonic() - started < 15
    assert not _is_running(oxigraph)
    with socket.socket() as probe:
        assert probe.connect_ex(("127.0.0.1", served.port)) != 0


class Listener:
    """A TCP port that records whether anything connects to it."""

    def __init__(self):
        self.socket = socket.socket()
        self.socket.bind(("127.0.0.1", 0))
        self.socket.listen()
        self.socket.settimeout(0.2)
        self.url = f"http://127.0.0.1:{self.socket.getsockname()[1]}/sparql"

    def calls(self) -> list[bytes]:
        found = []
        while True:
            try:
                connection, _ = self.socket.accept()
            except (TimeoutError, socket.timeout):
                return found
            with connection:
                connection.settimeout(1)
                found.append(connection.recv(200))

    def close(self) -> None:
        self.socket.close()


def test_a_query_cannot_make_the_server_call_other_addresses(built):
    listener = Listener()
    try:
        with Served(built) as served:
            status, body = served.query(f"SELECT * WHERE {{ SERVICE <{listener.url}> {{ ?s ?p ?o }} }}", 5)
            calls = listener.calls()
    finally:
        listener.close()
    assert calls == [], calls
    assert status == 400 and b"SERVICE clauses are not allowed" in body, body


SERVICE_QUERIES = {  # name: (query with URL for the listener's address, how it is sent)
    "GET": ("SELECT * WHERE { SERVICE <URL> { ?s ?p ?o } }", "get"),
    "lowercase, silent": ("select * where { service silent <URL> { ?s ?p ?o } }", "get"),
    "in OPTIONAL": ("SELECT * WHERE { ?a ?b ?c OPTIONAL { SERVICE <URL> { ?s ?p ?o } } }", "get"),
    "in a subquery": ("SELECT * WHERE { { SELECT ?s WHERE { SERVICE <URL> { ?s ?p ?o } } } }", "get"),
    "in FILTER EXISTS": ("ASK { ?s ?p ?o FILTER EXISTS { SERVICE <URL> { ?s ?p ?o } } }", "get"),
    "as a \\u escape": ("SELECT * WHERE { \\u0053ERVICE <URL> { ?s ?p ?o } }", "get"),
    "after a comment ended by CR": ("SELECT * WHERE { ?s ?p ?o # see\r SERVICE <URL> { ?s ?p ?o } }", "get"),
    "POST sparql-query": ("CONSTRUCT { ?s ?p ?o } WHERE { SERVICE <URL> { ?s ?p ?o } }", "post"),
    "POST form": ("SELECT * WHERE { SERVICE <URL> { ?s ?p ?o } }", "form"),
    "POST form, lowercase": ("select * where { { } union { service <URL> { ?s ?p ?o } } }", "form"),
    "a second query= in the URL": ("SELECT * WHERE { SERVICE <URL> { ?s ?p ?o } }", "twice"),
}


def test_service_is_refused_however_it_is_sent(built):
    listener = Listener()
    answers = {}
    try:
        with Served(built) as served:
            for name, (template, how) in SERVICE_QUERIES.items():
                query = template.replace("URL", listener.url)
                if how == "get":
                    answers[name] = served.query(query)
                elif how == "twice":
                    answers[name] = served.request("/query?" + urllib.parse.urlencode(
                        [("query", "ASK {}"), ("query", query)]))
                elif how == "post":
                    answers[name] = served.request("/query", method="POST", body=query,
                                                   content_type="application/sparql-query")
                else:
                    answers[name] = served.request("/query", method="POST",
                                                   body=urllib.parse.urlencode({"query": query}),
                                                   content_type="application/x-www-form-urlencoded")
            calls = listener.calls()
            assert served.triple_count() > 0
    finally:
        listener.close()
    assert calls == [], calls
    for name, (status, body) in answers.items():
        assert status == 400 and b"SERVICE clauses are not allowed" in body, (name, status, body)


@pytest.mark.parametrize("query, value", [
    ('SELECT ?x WHERE { BIND("call the SERVICE desk <http://127.0.0.1:9/>" AS ?x) }',
     "call the SERVICE desk <http://127.0.0.1:9/>"),
    ("SELECT ?x WHERE { BIND(<http://service.example/SERVICE> AS ?x) }", "http://service.example/SERVICE"),
    ("PREFIX service: <http://service.example/> SELECT ?x WHERE { BIND(service:desk AS ?x) }",
     "http://service.example/desk"),
    ("SELECT ?x WHERE { BIND(1 AS ?x) } # SERVICE <http://127.0.0.1:9/> { }", "1"),
])
def test_the_word_service_elsewhere_is_fine(served_plain, query, value):
    status, body = served_plain.query(query)
    assert status == 200, body
    assert json.loads(body)["results"]["bindings"][0]["x"]["value"] == value


@pytest.fixture(scope="module")
def served_plain(built):
    with Served(built) as served:
        yield served


def test_queries_are_forwarded_as_the_protocol_says(served_plain):
    count = served_plain.triple_count()
    via = {
        "POST sparql-query": served_plain.request("/query", method="POST", body=COUNT,
                                                  content_type="application/sparql-query; charset=utf-8"),
        "POST form": served_plain.request("/query", method="POST", body=urllib.parse.urlencode({"query": COUNT}),
                                          content_type="application/x-www-form-urlencoded"),
    }
    for name, (status, body) in via.items():
        assert status == 200, (name, body)
        assert int(json.loads(body)["results"]["bindings"][0]["n"]["value"]) == count, name
    request = urllib.request.Request(served_plain.base + "/query?" + urllib.parse.urlencode({"query": COUNT}),
                                     headers={"Accept": "text/csv"})
    with urllib.request.urlopen(request, timeout=10) as reply:
        assert reply.headers["Content-Type"].startswith("text/csv")
        assert reply.read().decode().split() == ["n", str(count)]
    status, body = served_plain.query("SELECT * WHERE { ?s ?p }")  # Oxigraph's own syntax error
    assert status == 400 and body and not body.startswith(b"graphkit serve:")
    status, body = served_plain.request("/query", method="POST", body=COUNT, content_type="text/plain")
    assert status == 415 and b"application/sparql-query" in body
    status, body = served_plain.request("/query?query=%FF", method="GET")
    assert status == 400 and b"UTF-8" in body
    status, body = served_plain.request("/")  # the query editor page
    assert status == 200 and body


def _is_running(pid: int) -> bool:
    return Path(f"/proc/{pid}").exists() and not _is_zombie(pid)


def _ignore_errors(function, *args):
    try:
        function(*args)
    except (OSError, urllib.error.URLError):
        pass


def _is_zombie(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().split()[2] == "Z"
    except OSError:
        return True
