"""The process-pool backend (`--processes N`): chunks of articles in, plain records out.

Each worker loads the model once (the pool initializer). On Linux the workers are forked,
so a model the parent already loaded is shared for free; they are forked when the pool
opens, before any progress-bar thread exists. Results are merged in input order, so the
graph equals the single-process one.
"""
from __future__ import annotations

import multiprocessing
import os
import signal
import sys
import time
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor

from ..extract.document import DocResult
from ..io.limits import Limits
from ..types import Article
from .workers import DEFAULT_CHUNK_SIZE, analyse_chunk, ordered_results, warm_worker


def _start_method() -> str:
    return "fork" if sys.platform == "linux" and "fork" in multiprocessing.get_all_start_methods() else "spawn"


def _init_worker(model: str | None) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    warm_worker(model)


def _ready(pause: float) -> int:
    time.sleep(pause)
    return os.getpid()


class ProcessAnalyser:
    """Analyse in `processes` worker processes."""

    def __init__(self, processes: int, *, model: str | None = None, limits: Limits = Limits(),
                 batch_size: int = 32, chunk_size: int | None = None):
        self.processes = processes
        self.model, self.limits, self.batch_size = model, limits, batch_size
        self.chunk_size = chunk_size or DEFAULT_CHUNK_SIZE
        self._pool: ProcessPoolExecutor | None = None

    def __enter__(self) -> "ProcessAnalyser":
        context = multiprocessing.get_context(_start_method())
        self._pool = ProcessPoolExecutor(self.processes, mp_context=context,
                                         initializer=_init_worker, initargs=(self.model,))
        self._pool.submit(int)  # starts (forks) every worker now
        return self

    def __exit__(self, exc_type, exc, tb) -> None:
        if self._pool is None:
            return
        if exc_type is not None:  # Ctrl-C or an error: do not wait for the chunks being parsed
            self._terminate_workers()
        self._pool.shutdown(wait=True, cancel_futures=True)
        self._pool = None

    def _terminate_workers(self) -> None:
        # ProcessPoolExecutor.terminate_workers() arrives in Python 3.14; until then its
        # process table (stable since 3.2) is the only handle on the workers.
        for process in list((getattr(self._pool, "_processes", None) or {}).values()):
            if process.is_alive():
                process.terminate()

    def warm_up(self, timeout: float = 600.0) -> None:
        """Return once every worker has loaded the model (a task runs after its initializer)."""
        seen: set[int] = set()
        deadline = time.monotonic() + timeout
        while len(seen) < self.processes and time.monotonic() < deadline:
            futures = [self._pool.submit(_ready, 0.2) for _ in range(self.processes)]
            seen.update(f.result() for f in futures)

    def analyse(self, articles: Iterable[Article]) -> Iterator[DocResult]:
        if self._pool is None:
            raise RuntimeError("use ProcessAnalyser as a context manager (with ... as analyser)")
        pool = self._pool
        return ordered_results(
            articles,
            submit=lambda chunk: pool.submit(analyse_chunk, chunk, self.model, self.limits, self.batch_size),
            in_flight=2 * self.processes + 1, largest=self.chunk_size,
            cancel=lambda future: future.cancel())
