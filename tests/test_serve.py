"""`graphkit serve`: the Oxigraph server answers queries, refuses updates, and is cleaned up."""
from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

from graphkit.errors import ServeError
from graphkit.export.json import write_json
from graphkit.export.rdf import write_rdf
from graphkit.query.server import SparqlServer, oxigraph_binary
from test_rdf_sample import sample_graph

ROOT = Path(__file__).resolve().parent.parent
LABELS = ("PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> "
          "SELECT ?l WHERE { ?e rdfs:label ?l } ORDER BY ?l")
N_LABELS = len(sample_graph())


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def select(url: str, query: str) -> list[str]:
    request = urllib.request.Request(url + "?" + urllib.parse.urlencode({"query": query}),
                                     headers={"Accept": "application/sparql-results+json"})
    with urllib.request.urlopen(request, timeout=10) as reply:
        bindings = json.load(reply)["results"]["bindings"]
    return [b["l"]["value"] for b in bindings]


def post(url: str, body: str, content_type: str) -> int:
    request = urllib.request.Request(url, data=body.encode(), method="POST",
                                     headers={"Content-Type": content_type})
    try:
        with urllib.request.urlopen(request, timeout=10) as reply:
            return reply.status
    except urllib.error.HTTPError as exc:
        return exc.code


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    out = tmp_path_factory.mktemp("build")
    write_rdf(sample_graph(), out, ["nt"])
    return out


def test_the_binary_comes_from_the_oxigraph_package():
    path = Path(oxigraph_binary())
    assert path.name.startswith("oxigraph") and os.access(path, os.X_OK)
    version = subprocess.run([str(path), "--version"], capture_output=True, text=True, check=True)
    assert "oxigraph" in version.stdout.lower()


def test_serves_queries_and_refuses_updates(built):
    server = SparqlServer(built, port=free_port(), timeout_s=5)
    with server:
        assert server.url.startswith("http://127.0.0.1:")
        before = select(server.url, LABELS)
        assert len(before) == N_LABELS and "Ruritania" in before
        base = server.url.rsplit("/", 1)[0]
        insert = "INSERT DATA { <urn:a> <http://www.w3.org/2000/01/rdf-schema#label> \"intruder\" }"
        assert post(base + "/update", insert, "application/sparql-update") == 403
        assert post(base + "/query", insert, "application/sparql-query") == 400
        assert post(base + "/store?default", '<urn:a> <urn:b> "c" .', "application/n-triples") == 403
        assert select(server.url, LABELS) == before
        process, workdir = server.process, server.workdir
    assert process.poll() is not None
    assert not workdir.exists()


def test_serves_a_build_folder_with_only_graph_json(tmp_path):
    write_json(sample_graph(), tmp_path / "graph.json")
    with SparqlServer(tmp_path, port=free_port()) as server:
        assert len(select(server.url, LABELS)) == N_LABELS


def test_a_busy_port_is_a_clear_error(built):
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        server = SparqlServer(built, port=busy.getsockname()[1])
        with pytest.raises(ServeError, match=r"cannot listen on 127\.0\.0\.1:\d+: .*in use"):
            server.start()
    assert server.process is None and server.workdir is None  # failed before loading anything


def test_nothing_to_serve(tmp_path):
    server = SparqlServer(tmp_path / "missing", port=free_port())
    with pytest.raises(ServeError, match="no such file or folder"):
        server.start()
    assert server.process is None


def test_serve_command_runs_until_sigterm(built):
    port = free_port()
    code = ("import argparse, sys; sys.path.insert(0, sys.argv[1]);"
            "from graphkit.query.commands import register;"
            "p = argparse.ArgumentParser(); register(p.add_subparsers());"
            "a = p.parse_args(sys.argv[2:]); sys.exit(a.func(a))")
    proc = subprocess.Popen([sys.executable, "-c", code, str(ROOT), "serve", str(built), "--port", str(port)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        banner = proc.stderr.readline()
        assert f"http://127.0.0.1:{port}/query" in banner and "read-only" in banner
        assert len(select(f"http://127.0.0.1:{port}/query", LABELS)) == N_LABELS
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(timeout=15) == 0
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline:  # the oxigraph child is gone: the port no longer answers
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) != 0:
                break
        time.sleep(0.1)
    else:
        pytest.fail("the oxigraph server outlived `graphkit serve`")


def test_wait_returns_when_oxigraph_dies_but_not_at_a_restart(built):
    with SparqlServer(built, port=free_port(), timeout_s=1) as server:
        returned = []
        waiter = threading.Thread(target=lambda: returned.append(server.wait()), daemon=True)
        waiter.start()
        first = server.process
        assert server.restart(server.generation) and not server.restart(server.generation - 1)
        assert first.poll() is not None and server.process.poll() is None
        assert len(select(server.url, LABELS)) == N_LABELS  # the new one answers
        waiter.join(0.5)
        assert returned == []
        server.process.kill()
        waiter.join(5)
        assert returned == [-signal.SIGKILL]


@pytest.mark.parametrize("args, message", [
    (["--port", "70000"], "cannot listen on 127.0.0.1:70000: "),
    (["--timeout", "0"], "argument --timeout: must be at least 1, got 0"),
])
def test_serve_refuses_what_it_cannot_do_in_one_line(built, args, message):
    from cli_process import run_cli

    done = run_cli("serve", str(built), *args, timeout=60)
    assert done.returncode != 0 and message in done.stderr and "Traceback" not in done.stderr
