"""The in-process backend: one streaming nlp.pipe pass (graphkit.pipeline.analyse_articles)."""
from __future__ import annotations

from collections.abc import Iterable, Iterator

from ..extract.document import DocResult
from ..io.limits import Limits
from ..pipeline import analyse_articles
from ..types import Article
from .workers import warm_worker


class LocalAnalyser:
    """Analyse in this process."""

    def __init__(self, *, model: str | None = None, limits: Limits = Limits(), batch_size: int = 32):
        self.model, self.limits, self.batch_size = model, limits, batch_size

    def __enter__(self) -> "LocalAnalyser":
        return self

    def __exit__(self, *exc) -> None:
        return None

    def warm_up(self) -> None:
        warm_worker(self.model, strict=True)

    def analyse(self, articles: Iterable[Article]) -> Iterator[DocResult]:
        return analyse_articles(articles, model=self.model, limits=self.limits, batch_size=self.batch_size)
