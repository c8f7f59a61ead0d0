"""build_graph: inputs -> KnowledgeGraph, reporting unreadable inputs and keeping the rest."""
from __future__ import annotations

import sys
from collections.abc import Iterable

from .graph import KnowledgeGraph
from .io import ReadProblem, describe_problem, iter_articles
from .io.limits import Limits
from .pipeline import analyse_articles
from .types import Article


def _articles(inputs, limits, problems: list, report) -> Iterable[Article]:
    for item in iter_articles(inputs, limits=limits):
        if isinstance(item, ReadProblem):
            problems.append(item)
            report(item)
        else:
            yield item


def build_graph(inputs: list[str], *, model: str | None = None, limits: Limits = Limits(),
                processes: int = 1, batch_size: int = 32, min_confidence: float = 0.0,
                progress: bool = False, report=None, graph: KnowledgeGraph | None = None):
    """Build (or extend `graph`) from input paths; returns (KnowledgeGraph, [ReadProblem])."""
    report = report or (lambda p: print(describe_problem(p), file=sys.stderr))
    kg = graph if graph is not None else KnowledgeGraph()
    problems: list[ReadProblem] = []
    articles = _articles(inputs, limits, problems, report)
    for result in analyse_articles(articles, model=model, limits=limits, batch_size=batch_size):
        kg.add_result(result)
    if min_confidence > 0:
        kg = kg.filtered(min_confidence)
    return kg, problems
