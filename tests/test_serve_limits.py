"""`graphkit serve` as a user runs it: loopback unless told otherwise, read-only, a time limit
per query, and stopping it stops every query.

What the Oxigraph server (0.5.13, the newest on PyPI) does with `--timeout-s`: it cancels a
query whose results are streamed (the response is a 200 whose body is cut short and ends in
"The SPARQL operation has been cancelled"), but a query that must finish before its first
row (COUNT, GROUP BY, ORDER BY over a huge join) keeps running past the limit, even after the
client has gone (oxigraph/oxigraph#1871, #1336). A SERVICE clause makes the server send
HTTP requests to any address. Both are pinned below as strict xfails, so a fix shows up.
"""
from __future__ import annotations

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

    def oxigraph_command(self) -> list[str]:
        """The command line of the Oxigraph server graphkit started."""
        children = Path(f"/proc/{self.process.pid}/task/{self.process.pid}/children").read_text().split()
        (child,) = children
        return Path(f"/proc/{child}/cmdline").read_bytes().decode().split("\0")[:-1]

    def request(self, path: str, *, method: str = "GET", body: str | None = None,
                content_type: str | None = None, timeout: float = 10) -> tuple[int, bytes]:
        headers = {"Accept": "application/sparql-results+json"}
        if content_type:
            headers["Content-Type"] = content_type
        request = urllib.request.Request(self.base + path, method=method, headers=headers,
                                         data=body.encode() if body is not None else None)
        try:
            with urllib.request.urlopen(request, timeout=timeout) as reply:
                return reply.status, reply.read()
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
        assert "--bind" in (command := served.oxigraph_command())
        assert command[command.index("--bind") + 1] == f"127.0.0.1:{served.port}"


def test_another_host_is_served_only_when_asked_and_with_a_warning(built):
    with Served(built, "--host", "0.0.0.0") as served:
        assert any("warning" in line and "reachable from other machines" in line
                   for line in served.banner)
        assert listening_addresses(served.port) == {"0.0.0.0"}
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
        assert body.rstrip().endswith(CANCELLED), body[-200:]
        assert status == 200 and seconds < 15, seconds  # cut short, though the status says 200
        assert served.triple_count() > 0                 # and the server still answers


@pytest.mark.xfail(strict=True, reason="Oxigraph 0.5.13 does not cancel a query that must finish "
                                       "before its first row (oxigraph/oxigraph#1871, #1336)")
def test_a_blocking_query_is_cut_off_too(built):
    with Served(built, "--timeout", "1") as served:
        try:
            status, body = served.query(BLOCKING_JOIN, timeout=4)
        except (TimeoutError, urllib.error.URLError):
            status, body = None, b""
        assert status is not None, "no answer 4 s after a 1 s limit"


def test_stopping_serve_stops_a_runaway_query(built):
    served = Served(built, "--timeout", "1")
    oxigraph = int(Path(f"/proc/{served.process.pid}/task/{served.process.pid}/children").read_text().split()[0])
    runaway = threading.Thread(target=lambda: _ignore_errors(served.query, BLOCKING_JOIN, 30), daemon=True)
    runaway.start()
    time.sleep(1.5)
    assert served.triple_count() > 0  # other queries are still answered meanwhile
    started = time.monotonic()
    assert served.stop() == 0
    assert time.monotonic() - started < 15
    assert not Path(f"/proc/{oxigraph}").exists() or _is_zombie(oxigraph)
    with socket.socket() as probe:
        assert probe.connect_ex(("127.0.0.1", served.port)) != 0


@pytest.mark.xfail(strict=True, reason="the Oxigraph server follows SERVICE <url> clauses: a query "
                                       "can make it send HTTP requests to any address")
def test_a_query_cannot_make_the_server_call_other_addresses(built):
    calls = []
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen()
        listener.settimeout(3)
        port = listener.getsockname()[1]
        with Served(built) as served:
            asker = threading.Thread(target=lambda: _ignore_errors(
                served.query, f"SELECT * WHERE {{ SERVICE <http://127.0.0.1:{port}/sparql> {{ ?s ?p ?o }} }}", 5))
            asker.start()
            try:
                connection, _ = listener.accept()
                calls.append(connection.recv(200))
                connection.close()
            except (TimeoutError, socket.timeout):
                pass
            asker.join()
    assert calls == [], calls


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
