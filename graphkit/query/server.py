"""`graphkit serve DIR`: a read-only SPARQL endpoint with the Oxigraph server binary.

The `oxigraph` package on PyPI ships the binary. The graph is loaded into a fresh store in a
temporary folder (`oxigraph load`), then served with `oxigraph serve-read-only`: loopback
only unless asked otherwise, updates refused, each query cut off after a time limit. The
store is deleted when the server stops.
"""
from __future__ import annotations

import importlib.metadata
import os
import shutil
import signal
import subprocess
import sys
import sysconfig
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

from ..errors import QueryError, ServeError
from .sparql import find_graph_file, graph_json_as_ntriples

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 7878
DEFAULT_TIMEOUT_S = 30
LOOPBACK = {"127.0.0.1", "localhost", "::1"}
_EXE = "oxigraph.exe" if os.name == "nt" else "oxigraph"


def oxigraph_binary() -> str:
    """The path of the `oxigraph` server binary the `oxigraph` package installed."""
    candidates = []
    if os.environ.get("GRAPHKIT_OXIGRAPH"):
        candidates.append(Path(os.environ["GRAPHKIT_OXIGRAPH"]))
    try:
        dist = importlib.metadata.distribution("oxigraph")
        candidates += [Path(dist.locate_file(f)) for f in dist.files or () if Path(f).name == _EXE]
    except importlib.metadata.PackageNotFoundError:
        pass
    candidates.append(Path(sysconfig.get_path("scripts")) / _EXE)
    found = shutil.which(_EXE)
    if found:
        candidates.append(Path(found))
    for path in candidates:
        if path.is_file() and os.access(path, os.X_OK):
            return str(path.resolve())
    raise ServeError("the Oxigraph server binary was not found: install it with `pip install oxigraph`")


def _bind(host: str, port: int) -> str:
    return f"[{host}]:{port}" if ":" in host else f"{host}:{port}"


class SparqlServer:
    """A running read-only Oxigraph server over one graph; use as a context manager."""

    def __init__(self, source, host: str = DEFAULT_HOST, port: int = DEFAULT_PORT,
                 timeout_s: int = DEFAULT_TIMEOUT_S):
        self.source, self.host, self.port, self.timeout_s = source, host, int(port), int(timeout_s)
        self.process: subprocess.Popen | None = None
        self.workdir: Path | None = None

    @property
    def url(self) -> str:
        return f"http://{_bind(self.host, self.port)}/query"

    def start(self, ready_within_s: float = 20.0) -> "SparqlServer":
        binary = oxigraph_binary()
        try:
            graph = find_graph_file(self.source)
        except QueryError as exc:
            raise ServeError(str(exc)) from None
        self.workdir = Path(tempfile.mkdtemp(prefix="graphkit-serve-"))
        try:
            store = self.workdir / "store"
            self._load(binary, store, self._as_rdf(graph))
            log = open(self.workdir / "server.log", "wb")
            with log:
                self.process = subprocess.Popen(
                    [binary, "serve-read-only", "--location", str(store),
                     "--bind", _bind(self.host, self.port), "--timeout-s", str(self.timeout_s)],
                    stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT,
                    start_new_session=True)  # Ctrl-C reaches graphkit, which stops the server
            self._wait_ready(ready_within_s)
        except BaseException:
            self.stop()
            raise
        return self

    def _as_rdf(self, graph: Path) -> Path:
        if graph.suffix.lower() != ".json":
            return graph
        converted = self.workdir / "graph.nt"
        try:
            converted.write_bytes(graph_json_as_ntriples(graph))
        except QueryError as exc:
            raise ServeError(str(exc)) from None
        return converted

    def _load(self, binary: str, store: Path, graph: Path) -> None:
        done = subprocess.run([binary, "load", "--location", str(store), "--file", str(graph)],
                              stdin=subprocess.DEVNULL, capture_output=True, text=True)
        if done.returncode != 0:
            raise ServeError(f"oxigraph could not load {graph}: {_last_line(done.stderr)}")

    def _wait_ready(self, within_s: float) -> None:
        probe = self.url + "?" + urllib.parse.urlencode({"query": "ASK {}"})
        deadline = time.monotonic() + within_s
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                log = (self.workdir / "server.log").read_text(errors="replace")
                raise ServeError(f"the SPARQL server stopped at start: {_last_line(log)}")
            try:
                with urllib.request.urlopen(probe, timeout=1) as reply:
                    if reply.status == 200:
                        return
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                time.sleep(0.1)
        raise ServeError(f"the SPARQL server did not answer on {self.url} within {within_s:.0f} s")

    def stop(self) -> None:
        """Stop the server (if running) and delete its store."""
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        if self.workdir is not None:
            shutil.rmtree(self.workdir, ignore_errors=True)
            self.workdir = None

    def __enter__(self) -> "SparqlServer":
        return self.start() if self.process is None else self

    def __exit__(self, *exc) -> None:
        self.stop()


def serve(source, host: str = DEFAULT_HOST, port: int = DEFAULT_PORT,
          timeout_s: int = DEFAULT_TIMEOUT_S, out=sys.stderr) -> int:
    """Serve until Ctrl-C or SIGTERM; returns the exit code."""
    if host not in LOOPBACK:
        print(f"graphkit: warning: serving on {host}, reachable from other machines "
              "(read-only, but anyone who can connect can query it)", file=out)
    previous = signal.signal(signal.SIGTERM, _raise_interrupt)
    try:
        with SparqlServer(source, host, port, timeout_s) as server:
            print(f"SPARQL endpoint: {server.url} (read-only, Oxigraph timeout {timeout_s} s; "
                  "Ctrl-C stops)", file=out, flush=True)
            code = server.process.wait()
            if code != 0:
                raise ServeError(f"the SPARQL server exited with status {code}")
    except KeyboardInterrupt:
        pass
    finally:
        signal.signal(signal.SIGTERM, previous)
    return 0


def _raise_interrupt(signum, frame):
    raise KeyboardInterrupt


def _last_line(text: str) -> str:
    lines = [line.strip() for line in (text or "").splitlines() if line.strip()]
    return lines[-1] if lines else "no message"
