"""`graphkit serve DIR`: a read-only SPARQL endpoint with the Oxigraph server binary.

The `oxigraph` package on PyPI ships the binary. The graph is loaded into a fresh store in a
temporary folder (`oxigraph load`), then served with `oxigraph serve-read-only` on an internal
loopback port, behind the guard of graphkit.query.guard on the user's host and port (loopback
unless asked otherwise): updates and SERVICE clauses refused, each query stopped at a time
limit, by restarting Oxigraph on the same store when it does not stop by itself. The store is
deleted when the server stops.
"""
from __future__ import annotations

import importlib.metadata
import os
import shutil
import signal
import socket
import subprocess
import sys
import sysconfig
import tempfile
import threading
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
INTERNAL_HOST = "127.0.0.1"  # where Oxigraph listens, behind the guard
READY_WITHIN_S = 20.0
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


def _free_loopback_port() -> int:
    with socket.socket() as probe:
        probe.bind((INTERNAL_HOST, 0))
        return probe.getsockname()[1]


class SparqlServer:
    """A read-only SPARQL endpoint over one graph; use as a context manager.

    The user's host and port are served by the guard (graphkit.query.guard: no SERVICE, a hard
    time limit); the Oxigraph server behind it listens on a free loopback port and is restarted
    on the same store when a query overruns (`restart`)."""

    def __init__(self, source, host: str = DEFAULT_HOST, port: int = DEFAULT_PORT,
                 timeout_s: int = DEFAULT_TIMEOUT_S, on_restart=None):
        self.source, self.host, self.port, self.timeout_s = source, host, int(port), int(timeout_s)
        self.on_restart = on_restart
        self.process: subprocess.Popen | None = None  # the Oxigraph server now running
        self.internal_port: int | None = None
        self.generation = 0  # restarts so far
        self.workdir: Path | None = None
        self.guard = None
        self.stopping = False
        self._binary = self._store = None
        self._lock = threading.Lock()

    @property
    def url(self) -> str:
        return f"http://{_bind(self.host, self.port)}/query"

    def start(self, ready_within_s: float = READY_WITHIN_S) -> "SparqlServer":
        from .guard import QueryGuard

        self._binary = oxigraph_binary()
        try:
            graph = find_graph_file(self.source)
        except QueryError as exc:
            raise ServeError(str(exc)) from None
        try:  # bind first: a busy port fails before the graph is loaded
            self.guard = QueryGuard(self.host, self.port, self, self.timeout_s, self.on_restart)
        except (OSError, OverflowError) as exc:  # OverflowError: a port over 65535
            raise ServeError(f"cannot listen on {_bind(self.host, self.port)}: "
                             f"{getattr(exc, 'strerror', None) or exc}") from None
        self.workdir = Path(tempfile.mkdtemp(prefix="graphkit-serve-"))
        try:
            self._store = self.workdir / "store"
            self._load(self._binary, self._store, self._as_rdf(graph))
            self._launch(ready_within_s)
            self.guard.start()
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

    def _launch(self, within_s: float, attempts: int = 3) -> None:
        """Start Oxigraph on a free loopback port (another if that one was taken meanwhile)."""
        for attempt in range(1, attempts + 1):
            self.internal_port = _free_loopback_port()
            with open(self.workdir / "server.log", "ab") as log:
                self.process = subprocess.Popen(
                    [self._binary, "serve-read-only", "--location", str(self._store),
                     "--bind", _bind(INTERNAL_HOST, self.internal_port),
                     "--timeout-s", str(self.timeout_s)],
                    stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT,
                    start_new_session=True)  # Ctrl-C reaches graphkit, which stops the server
            try:
                return self._wait_ready(within_s)
            except ServeError:
                if attempt == attempts or self.process.poll() is None or self.stopping:
                    raise

    def _wait_ready(self, within_s: float) -> None:
        url = f"http://{_bind(INTERNAL_HOST, self.internal_port)}/query"
        probe = url + "?" + urllib.parse.urlencode({"query": "ASK {}"})
        deadline = time.monotonic() + within_s
        while time.monotonic() < deadline and not self.stopping:
            if self.process.poll() is not None:
                log = (self.workdir / "server.log").read_text(errors="replace")
                raise ServeError(f"the SPARQL server stopped at start: {_last_line(log)}")
            try:
                with urllib.request.urlopen(probe, timeout=1) as reply:
                    if reply.status == 200:
                        return
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                time.sleep(0.05)
        raise ServeError(f"the SPARQL server did not answer on {url} within {within_s:.0f} s")

    # -------------------------------------------------------- what the guard needs (Upstream)

    def address(self) -> tuple[str, int, int]:
        """Host, port and generation of the running Oxigraph server; waits while it restarts."""
        with self._lock:
            return INTERNAL_HOST, self.internal_port, self.generation

    def restart(self, generation: int) -> bool:
        """Kill the Oxigraph server of that generation (a query overran) and start another on
        the same store; False when it was already replaced or serving is stopping."""
        with self._lock:
            if generation != self.generation or self.stopping:
                return False
            self.generation += 1  # first, so queries cut by the kill know it was a restart
            _end(self.process, kill=True)
            try:
                self._launch(READY_WITHIN_S)
            except ServeError:
                pass  # self.process has exited: wait() returns and serve() reports it
            return True

    def wait(self) -> int:
        """Block until the Oxigraph server exits other than by a restart; its exit status."""
        while True:
            process = self.process
            code = process.wait()
            with self._lock:
                if process is self.process:
                    return code

    def stop(self) -> None:
        """Stop the guard and the Oxigraph server (if running) and delete the store."""
        self.stopping = True
        if self.guard is not None:
            self.guard.close()
            self.guard = None
        with self._lock:
            if self.process is not None:
                _end(self.process, kill=False)
        if self.workdir is not None:
            shutil.rmtree(self.workdir, ignore_errors=True)
            self.workdir = None

    def __enter__(self) -> "SparqlServer":
        return self.start() if self.process is None else self

    def __exit__(self, *exc) -> None:
        self.stop()


def _end(process: subprocess.Popen, kill: bool) -> None:
    """Stop a process: SIGKILL at once, or SIGTERM and SIGKILL after 5 s."""
    if process.poll() is not None:
        return
    if kill:
        process.kill()
    else:
        process.terminate()
        try:
            process.wait(timeout=5)
            return
        except subprocess.TimeoutExpired:
            process.kill()
    process.wait()


def serve(source, host: str = DEFAULT_HOST, port: int = DEFAULT_PORT,
          timeout_s: int = DEFAULT_TIMEOUT_S, out=sys.stderr) -> int:
    """Serve until Ctrl-C or SIGTERM; returns the exit code."""
    if host not in LOOPBACK:
        print(f"graphkit: warning: serving on {host}, reachable from other machines "
              "(read-only, but anyone who can connect can query it)", file=out)

    def restarted():
        print(f"graphkit: a query ran past the {timeout_s} s limit: it was stopped "
              "(the SPARQL server restarted)", file=out, flush=True)

    previous = signal.signal(signal.SIGTERM, _raise_interrupt)
    try:
        with SparqlServer(source, host, port, timeout_s, on_restart=restarted) as server:
            print(f"SPARQL endpoint: {server.url} (read-only, no SERVICE, {timeout_s} s per "
                  "query; Ctrl-C stops)", file=out, flush=True)
            code = server.wait()
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
