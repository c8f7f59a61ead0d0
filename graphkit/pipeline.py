"""The build pipeline: articles -> parsed docs (nlp.pipe, batched) -> records -> KnowledgeGraph.

`analyse_articles` is the streaming core shared by the single-process build, the
process pool and the Dask workers: it yields one plain `DocResult` per article
and never keeps spaCy Docs around.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator

from .extract.document import DocResult, analyse, mask_dateline
from .io.chunking import chunk_text_for_nlp
from .io.limits import Limits
from .lexicon import load_lexicon
from .nlp import make_nlp
from .nlp.gazetteer import load_gazetteer
from .types import Article

DEFAULT_BATCH_SIZE = 32


def prepare_text(text: str, limits: Limits) -> str:
    """What the parser sees: dateline blanked, over-long sentences broken; same length as `text`."""
    return chunk_text_for_nlp(mask_dateline(text), limits.max_sentence_chars)


def analyse_articles(articles: Iterable[Article], *, model: str | None = None,
                     limits: Limits = Limits(), batch_size: int = DEFAULT_BATCH_SIZE) -> Iterator[DocResult]:
    """Parse and analyse articles in batches; yields one DocResult per article, in order."""
    nlp = make_nlp(model)
    lexicon = load_lexicon()
    gazetteer = load_gazetteer()
    pairs = ((prepare_text(a.text, limits), a) for a in articles)
    for doc, article in nlp.pipe(pairs, as_tuples=True, batch_size=batch_size):
        yield analyse(doc, article, lexicon, gazetteer)
