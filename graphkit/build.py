"""build_graph: inputs -> KnowledgeGraph, reporting unreadable inputs and keeping the rest.

One streaming pass: articles are read lazily, analysed in nlp.pipe batches (in this
process, a process pool or on Dask: graphkit.scale) and merged into the graph in input
order as results arrive. Nothing holds the corpus or its spaCy Docs; only the graph grows.

An article whose text is already in the graph (same sha1, in an earlier build or earlier
in this run) is not added again; one whose id is taken by other text is skipped and
reported (`--update` relies on both).
"""
from __future__ import annotations

import contextlib
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from . import interrupts
from .graph import KnowledgeGraph
from .incremental import CLASH, SEEN, DocumentIndex, clash_reason, text_sha1
from .io import ReadProblem, describe_problem, iter_articles
from .io.limits import Limits
from .progress import BuildProgress, count_articles, count_words, is_terminal
from .scale import make_analyser
from .types import Article


@dataclass
class BuildReport:
    """What a build did. `problems` are the inputs skipped (exit code 1 in the CLI)."""
    graph: KnowledgeGraph
    problems: list[ReadProblem] = field(default_factory=list)
    added: list[str] = field(default_factory=list)                    # doc ids, input order
    already_present: list[tuple[str, str]] = field(default_factory=list)  # (id given, id in graph)
    words: int = 0
    seconds: float = 0.0


def run_build(inputs: list[str], *, model: str | None = None, limits: Limits = Limits(),
              processes: int = 1, dask: str | None = None, batch_size: int = 32,
              chunk_size: int | None = None, min_confidence: float = 0.0, progress: bool = False,
              report: Callable[[ReadProblem], None] | None = None,
              graph: KnowledgeGraph | None = None, stdin=None, analyser=None) -> BuildReport:
    """Build (or extend `graph`) from input paths; see BuildReport.

    processes > 1 analyses in a process pool; dask ("local" or a scheduler address) on a
    Dask cluster. progress=True shows a progress bar when standard error is a terminal.
    analyser: an open backend from graphkit.scale.make_analyser to use instead (kept open,
    e.g. to reuse a warmed-up cluster for several builds).
    """
    report = report or (lambda p: print(describe_problem(p), file=sys.stderr))
    kg = graph if graph is not None else KnowledgeGraph()
    outcome = BuildReport(kg)
    started = time.perf_counter()
    total = count_articles(list(inputs)) if progress and is_terminal(sys.stderr) else None
    if analyser is None:
        backend = analyser = make_analyser(processes=processes, dask=dask, model=model, limits=limits,
                                           batch_size=batch_size, chunk_size=chunk_size)
    else:
        backend = contextlib.nullcontext()
    with backend, BuildProgress(total, enabled=progress) as bar:
        articles = _new_articles(inputs, limits, DocumentIndex(kg), outcome, report, bar, stdin)
        interrupts.check()
        for result in analyser.analyse(articles):
            interrupts.check()
            kg.add_result(result)
            article = result.article
            kg.documents[article.id]["sha1"] = text_sha1(article.text)
            outcome.added.append(article.id)
            words = count_words(article.text)
            outcome.words += words
            bar.advance(1, words)
    if min_confidence > 0:
        outcome.graph = kg.filtered(min_confidence)
    outcome.seconds = time.perf_counter() - started
    return outcome


def _new_articles(inputs, limits: Limits, known: DocumentIndex, outcome: BuildReport,
                  report, bar: BuildProgress, stdin) -> Iterator[Article]:
    """The articles to analyse; problems, repeats and clashes are recorded on the way."""
    for item in iter_articles(inputs, limits=limits, stdin=stdin):
        if isinstance(item, ReadProblem):
            outcome.problems.append(item)
            report(item)
            bar.advance(1)
            continue
        verdict, other = known.claim(item)
        if verdict == SEEN:
            outcome.already_present.append((item.id, other))
            bar.advance(1)
        elif verdict == CLASH:
            problem = ReadProblem(item.source or item.id, clash_reason(item.id))
            outcome.problems.append(problem)
            report(problem)
            bar.advance(1)
        else:
            yield item


def build_graph(inputs: list[str], *, model: str | None = None, limits: Limits = Limits(),
                processes: int = 1, batch_size: int = 32, min_confidence: float = 0.0,
                progress: bool = False, report=None, graph: KnowledgeGraph | None = None,
                dask: str | None = None, chunk_size: int | None = None):
    """Build (or extend `graph`) from input paths; returns (KnowledgeGraph, [ReadProblem])."""
    outcome = run_build(inputs, model=model, limits=limits, processes=processes, dask=dask,
                        batch_size=batch_size, chunk_size=chunk_size, min_confidence=min_confidence,
                        progress=progress, report=report, graph=graph)
    return outcome.graph, outcome.problems
