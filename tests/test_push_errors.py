"""graphkit push when things go wrong: one line on standard error, exit 1, no traceback, and
never a credential (password, Authorization header, URL userinfo) in anything printed.

Every server here listens on 127.0.0.1 and is stopped by its context manager.
"""
from __future__ import annotations

import argparse
import base64
import contextlib
import threading
import urllib.error
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from graphkit.export.json import write_json
from graphkit.push import commands
from test_push import NEWS, cli, corpus_v1, expected, free_port, graph_in_store, oxigraph, store  # noqa: F401

PASSWORD = "pa55-w0rd:with/odd@chars"
VARIABLE = "GRAPHKIT_TEST_PUSH_PASSWORD"
TOKEN = base64.b64encode(f"alice:{PASSWORD}".encode()).decode()


@contextlib.contextmanager
def http_server(handler: type[BaseHTTPRequestHandler]):
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


class _Quiet(BaseHTTPRequestHandler):
    def log_message(self, *args):  # keep the test output clean
        pass

    def _body(self) -> bytes:
        return self.rfile.read(int(self.headers.get("Content-Length") or 0))

    def _answer(self, status: int, body: bytes = b"", content_type: str = "text/plain", headers=()):
        self.send_response(status)
        for name, value in headers:
            self.send_header(name, value)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


class Unauthorized(_Quiet):
    """Answers 401 to everything."""

    def do_GET(self):
        self._body()
        self._answer(401, b"Unauthorized", headers=[("WWW-Authenticate", 'Basic realm="store"')])

    do_POST = do_PUT = do_GET


class EchoesCredentials(_Quiet):
    """A badly behaved store: fails with 500 and echoes the Authorization header it got."""

    def do_POST(self):
        self._body()
        header = self.headers.get("Authorization", "")
        decoded = base64.b64decode(header.split()[-1]).decode() if header else ""
        self._answer(500, f"internal error for {header} ({decoded})".encode())


@pytest.fixture
def graph_dir(tmp_path):
    write_json(corpus_v1(), tmp_path / "graph.json")
    return tmp_path


@pytest.fixture
def password(monkeypatch):
    monkeypatch.setenv(VARIABLE, PASSWORD)
    return PASSWORD


def run_failing(argv, capsys) -> str:
    """Run the command; it must exit 1 with exactly one line on stderr and no secret anywhere."""
    code = cli(argv)
    out, err = capsys.readouterr()
    assert code == 1, (out, err)
    assert err.count("\n") == 1 and err.startswith("graphkit: error: "), err
    assert "Traceback" not in err
    for secret in (PASSWORD, TOKEN, "with/odd@chars", "pa55"):
        assert secret not in out + err
    return err


def with_auth(*argv) -> list[str]:
    return [*argv, "--user", "alice", "--password-env", VARIABLE]


def test_unreachable_endpoint(graph_dir, password, capsys):
    port = free_port()  # nothing listens there
    err = run_failing(with_auth("push", str(graph_dir), "--endpoint", f"http://127.0.0.1:{port}"), capsys)
    assert f"cannot connect to the SPARQL store at http://127.0.0.1:{port}/query (connection refused)" in err
    assert "check --endpoint" in err


def test_401_names_status_endpoint_and_what_to_check(graph_dir, password, capsys):
    with http_server(Unauthorized) as base:
        err = run_failing(with_auth("push", str(graph_dir), "--endpoint", base), capsys)
    assert f"answered 401 Unauthorized to a SPARQL query at {base}/query" in err
    assert "check --user and the password" in err


def test_credentials_in_the_url_are_never_printed(graph_dir, capsys):
    with http_server(Unauthorized) as base:
        host = base.removeprefix("http://")
        quoted = urllib.request.quote(PASSWORD, safe="")
        err = run_failing(["push", str(graph_dir), "--endpoint", f"http://alice:{quoted}@{host}/query?key=k"], capsys)
    assert f"at {base}/query:" in err and "alice" not in err and "key=k" not in err


def test_a_store_that_echoes_the_credentials(graph_dir, password, capsys):
    with http_server(EchoesCredentials) as base:
        err = run_failing(with_auth("push", str(graph_dir), "--endpoint", base), capsys)
    assert "answered 500" in err and "check its log" in err and "***" in err


def auth_proxy(target: str, expected_header: str, seen: list):
    """A store behind HTTP Basic authentication: checks the header, then forwards to `target`."""

    class Proxy(_Quiet):
        def _forward(self):
            body = self._body()
            seen.append(self.headers.get("Authorization"))
            if self.headers.get("Authorization") != expected_header:
                return self._answer(401, b"", headers=[("WWW-Authenticate", 'Basic realm="store"')])
            headers = {k: v for k, v in self.headers.items() if k.lower() in ("content-type", "accept")}
            request = urllib.request.Request(target + self.path, data=body if self.command != "GET" else None,
                                             method=self.command, headers=headers)
            try:
                with urllib.request.urlopen(request, timeout=10) as reply:
                    status, content, kind = reply.status, reply.read(), reply.headers.get("Content-Type", "")
            except urllib.error.HTTPError as exc:
                status, content, kind = exc.code, exc.read(), exc.headers.get("Content-Type", "")
            self._answer(status, content, kind or "text/plain")

        do_GET = do_POST = do_PUT = _forward

    return Proxy


def test_basic_authentication_end_to_end(store, graph_dir, password):
    seen = []
    with http_server(auth_proxy(store, f"Basic {TOKEN}", seen)) as base:
        assert cli(with_auth("push", str(graph_dir), "--endpoint", base, "--graph", NEWS, "--quiet")) == 0
        assert set(seen) == {f"Basic {TOKEN}"}
        assert graph_in_store(store) == expected(corpus_v1())


def test_wrong_password_is_refused_in_one_line(store, graph_dir, monkeypatch, capsys):
    monkeypatch.setenv(VARIABLE, "not-the-right-one")
    seen = []
    with http_server(auth_proxy(store, f"Basic {TOKEN}", seen)) as base:
        code = cli(with_auth("push", str(graph_dir), "--endpoint", base))
    out, err = capsys.readouterr()
    assert code == 1 and err.count("\n") == 1 and "401" in err
    assert "not-the-right-one" not in out + err
    assert len(seen) == 1  # refused at the first request: nothing was sent
    assert graph_in_store(store) == set()


def test_missing_graph(tmp_path, capsys):
    err = run_failing(["push", str(tmp_path), "--endpoint", "http://127.0.0.1:9"], capsys)
    assert "holds no graph.json" in err


@pytest.mark.parametrize("extra, message", [
    (["--user", "alice"], "--user and --password-env go together"),
    (["--password-env", VARIABLE], "--user and --password-env go together"),
    (["--user", "alice", "--password-env", "GRAPHKIT_TEST_UNSET_VARIABLE"],
     "GRAPHKIT_TEST_UNSET_VARIABLE (--password-env) is not set"),
])
def test_credential_options_are_usage_errors(graph_dir, password, capsys, extra, message):
    assert cli(["push", str(graph_dir), "--endpoint", "http://127.0.0.1:9", *extra]) == 2
    out, err = capsys.readouterr()
    assert message in err and PASSWORD not in out + err


@pytest.mark.parametrize("extra", [
    ["--endpoint", "ftp://127.0.0.1/x"],
    ["--endpoint", "http://127.0.0.1:9", "--graph", "not an IRI"],
    ["--endpoint", "http://127.0.0.1:9", "--batch-size", "0"],
    ["--endpoint", "http://127.0.0.1:9", "--timeout", "-1"],
    ["--endpoint", "http://127.0.0.1:9", "--query-url", "file:///etc/passwd"],
])
def test_bad_options_exit_2(graph_dir, capsys, extra):
    with pytest.raises(SystemExit) as exit_:
        cli(["push", str(graph_dir), *extra])
    assert exit_.value.code == 2


# ---------------------------------------------------------------- graphkit build --push

def build_parser() -> argparse.ArgumentParser:
    """The real build parser (commands/build.py adds the push options)."""
    from graphkit.commands import build

    parser = argparse.ArgumentParser(prog="graphkit")
    sub = parser.add_subparsers(dest="command", required=True)
    build.register(sub)
    return parser


def test_build_push_options_resolve_before_the_build(password):
    parser = build_parser()
    args = parser.parse_args(["build", "in.txt", "--out", "d", "--push", "http://127.0.0.1:9",
                              "--push-graph", NEWS, "--push-user", "alice", "--push-password-env", VARIABLE])
    settings = commands.build_push_settings(args)
    assert (settings.endpoint, settings.graph, settings.auth) == ("http://127.0.0.1:9", NEWS, ("alice", PASSWORD))
    assert PASSWORD not in repr(settings)
    assert commands.build_push_settings(parser.parse_args(["build", "in.txt", "--out", "d"])) is None


@pytest.mark.parametrize("argv", [
    ["--push-user", "alice"],                                     # without --push
    ["--push", "http://127.0.0.1:9", "--push-user", "alice"],     # without --push-password-env
])
def test_build_push_usage_errors_exit_2(argv):
    parser = build_parser()
    args = parser.parse_args(["build", "in.txt", "--out", "d", *argv])
    with pytest.raises(SystemExit) as exit_:
        commands.build_push_settings(args, parser)
    assert exit_.value.code == 2


def test_push_built_graph(store, tmp_path, capsys):
    from graphkit.graph import KnowledgeGraph

    kg = KnowledgeGraph(corpus_v1())
    parser = build_parser()
    ok = commands.build_push_settings(parser.parse_args(
        ["build", "x", "--out", "d", "--push", store, "--push-graph", NEWS]))
    assert commands.push_built_graph(kg, ok, out_dir=tmp_path) == 0
    assert graph_in_store(store) == expected(corpus_v1())
    assert f"pushed {tmp_path} to {store}" in capsys.readouterr().out
    closed = commands.build_push_settings(parser.parse_args(
        ["build", "x", "--out", "d", "--push", f"http://127.0.0.1:{free_port()}"]))
    assert commands.push_built_graph(kg, closed, out_dir=tmp_path, quiet=True) == 1
    err = capsys.readouterr().err.splitlines()
    assert err[0].startswith("graphkit: error: cannot connect") and f"graphkit push {tmp_path}" in err[1]
    assert "check --push and" in err[0] and "--endpoint" not in err[0]  # build's own option names


@pytest.mark.parametrize("endpoint, auth, warns", [
    ("http://store.example:7878", ("alice", "pw"), True),
    ("https://store.example:7878", ("alice", "pw"), False),
    ("http://127.0.0.1:7878", ("alice", "pw"), False),
    ("http://store.example:7878", None, False),
    ("http://alice:pw@store.example:7878", None, True),
])
def test_plain_http_with_a_password_warns(endpoint, auth, warns):
    warning = commands.plain_http_warning(commands.PushSettings(endpoint=endpoint, auth=auth))
    assert bool(warning) is warns
    assert warning is None or ("store.example" in warning and "pw" not in warning)


class Hostile(_Quiet):
    """Fails with a body that holds terminal escapes and the (short) password in plain text."""

    def do_POST(self):
        self._body()
        self._answer(500, b"\x1b[2J\x1b]0;owned\x07 boom: password=ab1 rejected")


def test_a_short_password_and_terminal_escapes_never_reach_the_message(graph_dir, monkeypatch, capsys):
    monkeypatch.setenv(VARIABLE, "ab1")
    with http_server(Hostile) as base:
        code = cli(with_auth("push", str(graph_dir), "--endpoint", base))
    out, err = capsys.readouterr()
    assert code == 1 and err.count("\n") == 1 and "answered 500" in err
    assert "ab1" not in out + err and "\x1b" not in err and "\x07" not in err
