"""The Dask backend (`--dask ADDRESS` or `--dask local`).

Extraction runs on the workers of an existing dask.distributed cluster, or of a
LocalCluster (2 worker processes, 1 thread each) started for the build. Each worker loads
the model once: `graphkit.nlp.make_nlp` and the lexicon/gazetteer loaders are cached at
module level in graphkit, which every worker imports (graphkit must be installed there).
Chunks are merged in input order, so the graph equals the single-process one.
"""
from __future__ import annotations

import logging
import uuid
from collections.abc import Iterable, Iterator

from ..errors import GraphkitError, UsageError
from ..extract.document import DocResult
from ..io.limits import Limits
from ..types import Article
from .workers import DEFAULT_CHUNK_SIZE, analyse_chunk, ordered_results, warm_worker

LOCAL = "local"
LOCAL_WORKERS = 2
CONNECT_TIMEOUT = "20s"


def check_address(address: str) -> str:
    """"local", or a scheduler address such as tcp://10.0.0.5:8786 or 10.0.0.5:8786."""
    address = (address or "").strip()
    if not address:
        raise UsageError("--dask needs a scheduler address (tcp://HOST:PORT) or 'local'")
    if address != LOCAL and ":" not in address:
        raise UsageError(f"--dask {address!r}: give a scheduler address like tcp://HOST:8786, or 'local'")
    return address


class DaskAnalyser:
    """Analyse on a Dask cluster."""

    def __init__(self, address: str, *, model: str | None = None, limits: Limits = Limits(),
                 batch_size: int = 32, chunk_size: int | None = None, local_workers: int = LOCAL_WORKERS):
        self.address = check_address(address)
        self.model, self.limits, self.batch_size = model, limits, batch_size
        self.chunk_size = chunk_size or DEFAULT_CHUNK_SIZE
        self.local_workers = local_workers
        self._cluster = None
        self.client = None

    def __enter__(self) -> "DaskAnalyser":
        from distributed import Client, LocalCluster

        if self.address == LOCAL:
            self._cluster = LocalCluster(n_workers=self.local_workers, threads_per_worker=1,
                                         processes=True, dashboard_address=None,
                                         silence_logs=logging.CRITICAL)  # errors reach the client
            self.client = Client(self._cluster)
        else:
            try:
                self.client = Client(self.address, timeout=CONNECT_TIMEOUT)
            except (OSError, TimeoutError) as exc:
                raise GraphkitError(f"cannot reach the Dask scheduler at {self.address}: {exc}") from exc
        return self

    def __exit__(self, *exc) -> None:
        if self.client is not None:
            self.client.close()
            self.client = None
        if self._cluster is not None:
            self._cluster.close()
            self._cluster = None

    def threads(self) -> int:
        return max(1, sum(self.client.nthreads().values()))

    def warm_up(self) -> None:
        """Load the model on every worker now."""
        self.client.run(warm_worker, self.model)

    def analyse(self, articles: Iterable[Article]) -> Iterator[DocResult]:
        if self.client is None:
            raise RuntimeError("use DaskAnalyser as a context manager (with ... as analyser)")
        client, run = self.client, uuid.uuid4().hex[:12]
        counter = iter(range(1 << 62))

        def submit(chunk):
            return client.submit(analyse_chunk, chunk, self.model, self.limits, self.batch_size,
                                 key=f"graphkit-chunk-{run}-{next(counter)}", pure=False)

        return ordered_results(articles, submit=submit, in_flight=2 * self.threads() + 1,
                               largest=self.chunk_size, release=lambda f: f.release(),
                               cancel=lambda f: f.cancel())
