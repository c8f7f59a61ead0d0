"""The Python API: build a graph from texts, files or folders, reopen a saved one, and the
glue behind KnowledgeGraph.query / to_rdf / show.

    >>> import graphkit as gk
    >>> kg = gk.build(["examples/", "Germany condemned Russia."])    # doctest: +SKIP
    >>> kg.relations()[["source", "relation", "target"]]              # doctest: +SKIP
    >>> kg.write("out"); gk.load("out")                               # doctest: +SKIP
"""
from __future__ import annotations

import html
import os
import warnings
from collections.abc import Iterable, Iterator
from dataclasses import replace

from .errors import UsageError
from .graph import KnowledgeGraph
from .io import Limits, ReadProblem, describe_problem
from .io.reader import EMPTY
from .io.sources import FOLDER_SUFFIXES
from .types import Article

__all__ = ["build", "load", "SkippedInputWarning"]

TEXT_ID = "text-{}"
RDF_FORMAT_NAMES = {"turtle": "ttl", "ttl": "ttl", "json-ld": "jsonld", "jsonld": "jsonld",
                    "nt": "nt", "ntriples": "nt", "n-triples": "nt"}


class SkippedInputWarning(UserWarning):
    """An input gave no article (the same message the CLI prints on stderr)."""


# ---------------------------------------------------------------- build

def build(sources, *, model: str | None = None, min_confidence: float = 0.0, processes: int = 1,
          dask: str | None = None, batch_size: int = 32, chunk_size: int | None = None,
          max_doc_chars: int = Limits.max_document_chars,
          max_sentence_chars: int = Limits.max_sentence_chars, limits: Limits | None = None,
          progress: bool = False, warn: bool = True) -> KnowledgeGraph:
    """Build a KnowledgeGraph from `sources` with the same readers and options as `graphkit build`.

    sources: one item or a list of them. A str naming an existing file or folder (or a
    pathlib.Path) is read like a CLI input (.txt, .html, .jsonl, folders recursively); any
    other str is the text of an article (id "text-1", "text-2", ...); a graphkit.types.Article
    is used as it is. Files and folders are read first, then texts and Articles, each in
    the order given. As in the CLI, a repeated id gets "#2", "#3", and a text given twice is
    analysed once.

    Options mirror the CLI flags: model, min_confidence, processes, dask, batch_size,
    chunk_size, max_doc_chars, max_sentence_chars (or a ready `limits`). Inputs that give no
    article (missing, empty, too long...) are skipped: each raises a SkippedInputWarning
    (unless warn=False) and is listed in `kg.problems`; the rest are built.

    >>> kg = build(["Germany condemned Russia.", "  "], warn=False)
    >>> kg.relations()[["source", "relation", "target", "doc"]].values.tolist()
    [['Germany', 'condemns', 'Russia', 'text-1']]
    >>> kg.problems
    [ReadProblem(source='text-2', reason='empty document')]
    """
    from .scale import make_analyser

    if isinstance(min_confidence, bool) or not isinstance(min_confidence, (int, float)) \
            or not 0.0 <= min_confidence <= 1.0:
        raise UsageError(f"min_confidence must be a number from 0 to 1, got {min_confidence!r}")
    limits = limits or Limits(max_document_chars=max_doc_chars, max_sentence_chars=max_sentence_chars)
    backend = dict(processes=processes, dask=dask, model=model, limits=limits, batch_size=batch_size,
                   chunk_size=chunk_size)
    analyser = make_analyser(**backend)  # checks the options before anything is read
    paths, articles, early_problems = _split_sources(sources, limits)
    problems: list[ReadProblem] = []

    def report(problem: ReadProblem) -> None:
        problems.append(problem)
        if warn:
            warnings.warn(describe_problem(problem), SkippedInputWarning, stacklevel=3)

    for problem in early_problems:
        report(problem)
    kg = KnowledgeGraph()
    if paths:
        from .build import build_graph
        kg, _ = build_graph(paths, **backend, progress=progress, report=report, graph=kg)
    if articles:
        from .incremental import text_sha1
        with analyser:
            for result in analyser.analyse(_new_articles(articles, kg)):
                kg.add_result(result)
                kg.documents[result.article.id]["sha1"] = text_sha1(result.article.text)
    if min_confidence > 0:
        kg = kg.filtered(min_confidence)
    kg.problems[:] = problems
    return kg


def _split_sources(sources, limits: Limits) -> tuple[list[str], list[Article], list[ReadProblem]]:
    """(paths for the CLI readers, in-memory Articles, problems found without reading)."""
    if isinstance(sources, (str, os.PathLike, Article)):
        sources = [sources]
    elif not isinstance(sources, Iterable):
        raise UsageError(f"sources must be texts, paths, Articles or a list of them, "
                         f"not {type(sources).__name__}")
    paths: list[str] = []
    articles: list[Article] = []
    problems: list[ReadProblem] = []
    n_texts = 0
    for item in sources:
        if isinstance(item, os.PathLike):
            paths.append(os.fspath(item))
            continue
        if isinstance(item, str):
            if _is_path(item):
                paths.append(item)
                continue
            if _looks_like_path(item):
                problems.append(ReadProblem(item, "no such file or directory"))
                continue
            n_texts += 1
            item = Article(id=TEXT_ID.format(n_texts), text=item)
        if not isinstance(item, Article) or not isinstance(item.text, str):
            raise UsageError(f"cannot build from {type(item).__name__} {item!r:.60}: give a text, "
                             "a path or a graphkit.types.Article")
        if not item.text.strip():  # what the readers refuse, refused here too
            problems.append(ReadProblem(item.source or item.id, EMPTY))
        elif len(item.text) > limits.max_document_chars:
            problems.append(ReadProblem(item.source or item.id, limits.too_long(len(item.text))))
        else:
            articles.append(item)
    return paths, articles, problems


def _is_path(text: str) -> bool:
    try:
        return "\n" not in text and "\x00" not in text and os.path.exists(text)
    except (OSError, ValueError):
        return False


def _looks_like_path(text: str) -> bool:
    """A one-word str ending like a file the CLI reads ("news.txt", "corpus/"): a missing path,
    most likely a typo, not an article text."""
    if not text or any(c.isspace() for c in text):
        return False
    return text.endswith(("/", os.sep)) or os.path.splitext(text)[1].lower() in FOLDER_SUFFIXES


def _new_articles(articles: list[Article], kg: KnowledgeGraph) -> Iterator[Article]:
    """The articles to analyse, as the CLI admits them: a text already in `kg` (or earlier in
    the list) is skipped; a taken id gets "#2", "#3"..."""
    from .incremental import NEW, DocumentIndex

    known = DocumentIndex(kg)
    for article in articles:
        unique, n = article.id, 1
        while unique in known.ids:
            n += 1
            unique = f"{article.id}#{n}"
        if unique != article.id:
            article = replace(article, id=unique)
        if known.claim(article)[0] == NEW:
            yield article


# ---------------------------------------------------------------- load

def load(path) -> KnowledgeGraph:
    """Reopen a graph written by `kg.write(DIR)` or `graphkit build --out DIR`.

    path: the folder (its graph.json is read) or a node-link JSON file.

    >>> import tempfile
    >>> kg = KnowledgeGraph()
    >>> kg.graph.add_node("gpe:chile", label="Chile", type="GPE", aliases=[], mentions=1, docs=["a"])
    >>> with tempfile.TemporaryDirectory() as out:
    ...     _ = kg.write(out, formats=["csv"])
    ...     load(out).entities()["label"].tolist()
    ['Chile']
    """
    from .export.json import read_graph_file

    return KnowledgeGraph(read_graph_file(path))


# ---------------------------------------------------------------- RDF and SPARQL

def rdf_text(graph, format: str = "turtle") -> str:
    """`graph` (a MultiDiGraph) serialised as turtle, json-ld or nt."""
    from .export.rdf import serialize, to_rdflib

    fmt = RDF_FORMAT_NAMES.get(str(format).lower())
    if fmt is None:
        raise UsageError(f"unknown RDF format {format!r}; choose from turtle, json-ld, nt")
    return serialize(to_rdflib(graph), fmt).decode("utf-8")


def query_frame(kg: KnowledgeGraph, sparql: str):
    """Run `sparql` (read-only) on the graph's RDF with pyoxigraph; a pandas DataFrame."""
    import pandas as pd

    from .query.sparql import query_store

    result = query_store(_store(kg), sparql)
    rows = [[python_value(term) for term in row] for row in result.rows]
    frame = pd.DataFrame(rows, columns=list(result.variables), dtype=object)
    for column in frame.columns:  # numbers and booleans get their dtype; text keeps None
        values = frame[column].tolist()
        if values and all(type(v) is bool for v in values):
            frame[column] = frame[column].astype(bool)
        elif values and all(type(v) is int for v in values):
            frame[column] = frame[column].astype("int64")
        elif values and all(type(v) in (int, float) for v in values):
            frame[column] = frame[column].astype("float64")
    return frame


def _store(kg: KnowledgeGraph):
    """An in-memory pyoxigraph store of the graph, reused until the graph changes size."""
    import pyoxigraph as ox

    from .export.rdf import to_rdflib

    g = kg.graph
    fingerprint = (g.number_of_nodes(), g.number_of_edges(), len(kg.documents))
    cached = kg.__dict__.get("_sparql_store")
    if cached is not None and cached[0] == fingerprint:
        return cached[1]
    store = ox.Store()
    data = to_rdflib(g).serialize(format="nt", encoding="utf-8")
    store.load(data, format=ox.RdfFormat.N_TRIPLES)
    kg.__dict__["_sparql_store"] = (fingerprint, store)
    return store


_XSD = "http://www.w3.org/2001/XMLSchema#"
_INTEGERS = {_XSD + t for t in ("integer", "int", "long", "short", "byte", "nonNegativeInteger",
                                "positiveInteger", "nonPositiveInteger", "negativeInteger",
                                "unsignedInt", "unsignedLong", "unsignedShort", "unsignedByte")}
_FLOATS = {_XSD + t for t in ("decimal", "double", "float")}


def python_value(term):
    """A SPARQL result term as a plain Python value: IRI -> str, blank node -> "_:id",
    xsd integers -> int, decimals and doubles -> float, booleans -> bool, other literals -> str.

    >>> import pyoxigraph as ox
    >>> xsd = "http://www.w3.org/2001/XMLSchema#"
    >>> python_value(ox.Literal("0.75", datatype=ox.NamedNode(xsd + "decimal")))
    0.75
    >>> python_value(ox.NamedNode("https://graphkit.dev/id/entity/gpe%3Achile"))
    'https://graphkit.dev/id/entity/gpe%3Achile'
    """
    import pyoxigraph as ox

    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return term.value
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    if isinstance(term, ox.Literal):
        datatype = term.datatype.value
        try:
            if datatype in _INTEGERS:
                return int(term.value)
            if datatype in _FLOATS:
                return float(term.value)
        except ValueError:
            return term.value
        if datatype == _XSD + "boolean":
            return term.value in ("true", "1")
        return term.value
    return str(term)


# ---------------------------------------------------------------- the inline explorer

def explorer_iframe(page: str, height: int = 600) -> str:
    """An <iframe> showing `page` from srcdoc, sandboxed: its scripts run, isolated from the
    notebook (no same-origin access).

    >>> explorer_iframe('<p title="x">Hi & bye</p>', height=200)[:88]
    '<div class="graphkit-explorer"><iframe srcdoc="&lt;p title=&quot;x&quot;&gt;Hi &amp; bye'
    """
    if isinstance(height, bool) or not isinstance(height, int) or height < 100:
        raise UsageError(f"height must be a whole number of pixels >= 100, got {height!r}")
    return (f'<div class="graphkit-explorer"><iframe srcdoc="{html.escape(page, quote=True)}" '
            f'sandbox="allow-scripts" title="graphkit explorer" '
            f'style="width:100%;height:{height}px;border:1px solid #ccc"></iframe></div>')


def inline_explorer(graph, *, height: int = 600, title: str = "graphkit"):
    """IPython.display.HTML of the explorer for `graph` (a MultiDiGraph)."""
    from IPython.display import HTML

    from .export.html import render_html

    return HTML(explorer_iframe(render_html(graph, title=title), height=height))
