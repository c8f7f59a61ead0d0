"""Running the analysis at corpus scale: in this process, in a process pool, or on Dask.

Every backend is a context manager with `analyse(articles) -> Iterator[DocResult]` that
yields results in input order (so the graph is the same whichever runs it) while keeping
only a few chunks of articles in flight (so memory stays flat in corpus size), and
`warm_up()`, which loads the model everywhere (benchmarks use it to time steady state).

    with make_analyser(processes=2) as analyser:
        for result in analyser.analyse(articles):
            kg.add_result(result)
"""
from __future__ import annotations

from ..errors import UsageError
from ..io.limits import Limits
from .local import LocalAnalyser


def make_analyser(*, processes: int = 1, dask: str | None = None, model: str | None = None,
                  limits: Limits = Limits(), batch_size: int = 32, chunk_size: int | None = None):
    """The backend for the options: `dask` (an address or "local") wins, then processes > 1."""
    if isinstance(processes, bool) or not isinstance(processes, int) or processes < 1:
        raise UsageError(f"processes must be a whole number >= 1, got {processes!r}")
    if isinstance(batch_size, bool) or not isinstance(batch_size, int) or batch_size < 1:
        raise UsageError(f"batch size must be a whole number >= 1, got {batch_size!r}")
    if chunk_size is not None and (isinstance(chunk_size, bool) or not isinstance(chunk_size, int)
                                   or chunk_size < 1):
        raise UsageError(f"chunk size must be a whole number >= 1, got {chunk_size!r}")
    settings = dict(model=model, limits=limits, batch_size=batch_size)
    if dask:
        from .cluster import DaskAnalyser
        return DaskAnalyser(dask, chunk_size=chunk_size, **settings)
    if processes > 1:
        from .processes import ProcessAnalyser
        return ProcessAnalyser(processes, chunk_size=chunk_size, **settings)
    return LocalAnalyser(**settings)


__all__ = ["make_analyser", "LocalAnalyser"]
