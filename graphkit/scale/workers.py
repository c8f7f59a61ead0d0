"""What runs on a worker (a pool process or a Dask worker), and the ordered merge back.

Workers receive chunks of Articles and return, per article, only (entities, relations):
the article text is not sent back, the parent re-attaches its own Article. The model
is loaded once per worker process (make_nlp, load_lexicon and load_gazetteer are cached
at module level), never per chunk.
"""
from __future__ import annotations

import itertools
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator

from ..errors import GraphkitError
from ..extract.document import DocResult
from ..io.limits import Limits
from ..types import Article

DEFAULT_CHUNK_SIZE = 64
_FIRST_CHUNK = 2

# spaCy pipelines are not documented as thread-safe: one analysis at a time per process
# (a Dask worker started with several threads then still gives correct results).
_ANALYSIS_LOCK = threading.Lock()


def warm_worker(model: str | None = None, strict: bool = False) -> None:
    """Load the model, lexicon and gazetteer into this process's caches.

    As a pool initializer (strict=False) a missing model is not raised here, where it
    would break the pool without a message: the first chunk raises it properly.
    """
    from ..lexicon import load_lexicon
    from ..nlp import make_nlp
    from ..nlp.gazetteer import load_gazetteer

    try:
        make_nlp(model)
        load_lexicon()
        load_gazetteer()
    except GraphkitError:
        if strict:
            raise


def analyse_chunk(articles: list[Article], model: str | None, limits: Limits,
                  batch_size: int) -> list[tuple[dict, list]]:
    """(entities, relations) for each article of the chunk, in order."""
    from ..pipeline import analyse_articles

    with _ANALYSIS_LOCK:
        return [(r.entities, r.relations)
                for r in analyse_articles(articles, model=model, limits=limits,
                                          batch_size=min(batch_size, max(1, len(articles))))]


def chunked(articles: Iterable[Article], largest: int) -> Iterator[list[Article]]:
    """Lists of articles: small ones first (every worker starts early), then `largest`."""
    it = iter(articles)
    size = min(_FIRST_CHUNK, largest)
    while True:
        chunk = list(itertools.islice(it, size))
        if not chunk:
            return
        yield chunk
        size = min(size * 2, largest)


def ordered_results(articles: Iterable[Article], submit: Callable, in_flight: int,
                    largest: int, release: Callable = lambda future: None,
                    cancel: Callable = lambda future: future.cancel()) -> Iterator[DocResult]:
    """Submit chunks with `submit(chunk) -> future`, yield DocResults in input order.

    At most `in_flight` chunks are submitted and not yet yielded, so memory does not
    grow with the corpus. On an early stop the chunks still pending are cancelled.
    """
    pending: deque = deque()

    def drain_one() -> Iterator[DocResult]:
        chunk, future = pending.popleft()
        outputs = future.result()
        release(future)
        for article, (entities, relations) in zip(chunk, outputs, strict=True):
            yield DocResult(article=article, entities=entities, relations=relations)

    try:
        for chunk in chunked(articles, largest):
            pending.append((chunk, submit(chunk)))
            while len(pending) >= in_flight:
                yield from drain_one()
        while pending:
            yield from drain_one()
    finally:
        for _, future in pending:
            cancel(future)
