"""push_graph: send a graph to a SPARQL 1.1 store, only what the store does not have yet.

The store is the truth; nothing is kept locally between pushes. For each batch of units
(graphkit.push.delta) one SELECT asks the store what it has, then one write request sends
the rest:

- entities: the store's entity triples are compared with the graph's and the difference sent
  (DELETE DATA + INSERT DATA in one update, or a plain insert when nothing is removed), so a
  new alias or mention count arrives and an unchanged entity costs nothing;
- statements and articles: the batch's IRIs the store already types as gk:Statement /
  gk:Article are skipped, the others sent whole.

Each write is one request, so the store commits each batch on its own: an interrupted push
keeps every batch already sent, and running it again sends only the rest. The ontology is
put into its own named graph (replaced each time; it is small).
"""
from __future__ import annotations

import sys
import time
from dataclasses import dataclass
from typing import TextIO

import networkx as nx
import pyoxigraph as ox

from ..ontology import ONTOLOGY_PATH
from . import sparql
from .client import DEFAULT_TIMEOUT_S, Endpoints, PushError, StoreClient, public_url
from .delta import ARTICLE_CLASS, STATEMENT_CLASS, Units, article_ids, batched, entity_changes

DEFAULT_BATCH_SIZE = 1000
ONTOLOGY_GRAPH = "https://graphkit.dev/ontology"


@dataclass
class PushReport:
    """What a push did (counts of units in the graph and of what was sent)."""
    endpoint: str                   # printable: no userinfo
    graph: str | None               # None: the default graph
    ontology_graph: str | None      # None: not pushed
    ontology_triples: int = 0
    entities: int = 0
    entities_changed: int = 0
    statements: int = 0
    statements_sent: int = 0
    articles: int = 0
    articles_sent: int = 0
    triples_inserted: int = 0       # triples in the requests (the store ignores any it has)
    triples_deleted: int = 0
    writes: int = 0                 # write requests the store committed
    protocol: str = "Graph Store Protocol"
    seconds: float = 0.0

    @property
    def up_to_date(self) -> bool:
        return not (self.entities_changed or self.statements_sent or self.articles_sent)


def push_graph(source, endpoint: str, graph_iri: str | None = None, auth=None,
               batch_size: int = DEFAULT_BATCH_SIZE, *, ontology: bool = True,
               ontology_graph: str = ONTOLOGY_GRAPH, timeout_s: float = DEFAULT_TIMEOUT_S,
               query_url: str | None = None, update_url: str | None = None,
               gsp_url: str | None = None, use_gsp: bool = True, progress: bool = False,
               stream: TextIO | None = None) -> PushReport:
    """Push a graph (a build folder, its graph.json, a KnowledgeGraph or a MultiDiGraph) to
    the SPARQL store at `endpoint`, into the named graph `graph_iri` (None: the default graph).

    auth: (user, password) for HTTP Basic authentication (credentials in the URL's userinfo
    are used when auth is None). progress=True shows a bar when `stream` (standard error) is
    a terminal. Raises PushError (one line, no credentials) when the store cannot be reached
    or refuses a request; every batch sent before that stays in the store.
    """
    if isinstance(batch_size, bool) or not isinstance(batch_size, int) or batch_size < 1:
        raise PushError(f"batch size must be a whole number >= 1, got {batch_size!r}")
    g = load_source(source)
    graph = _graph_node(graph_iri, "--graph")
    onto = _graph_node(ontology_graph, "ontology graph") if ontology else None
    if onto is not None and graph is not None and onto == graph:
        raise PushError(f"--graph {graph_iri} is the ontology's graph: give another IRI "
                        "(the ontology graph is replaced on every push)")
    endpoints, url_auth = Endpoints.from_url(endpoint, query_url=query_url, update_url=update_url,
                                             gsp_url=gsp_url, use_gsp=use_gsp)
    report = PushReport(public_url(endpoint), graph_iri, ontology_graph if ontology else None,
                        entities=g.number_of_nodes(), statements=g.number_of_edges(),
                        articles=len(article_ids(g)))
    started = time.perf_counter()
    total = report.entities + report.statements + report.articles
    with StoreClient(endpoints, auth or url_auth, timeout_s) as client, \
            PushProgress(total, enabled=progress, stream=stream) as bar:
        try:
            client.ask("ASK { }")  # reachable, credentials accepted, before anything is sent
            if onto is not None:
                _push_ontology(client, onto, report)
            units = Units(g)
            _push_entities(client, units.entities(), graph, batch_size, report, bar)
            _push_units(client, units.statements(), STATEMENT_CLASS, graph, batch_size, report, bar,
                        "statements_sent")
            _push_units(client, units.articles(), ARTICLE_CLASS, graph, batch_size, report, bar,
                        "articles_sent")
        except PushError as exc:
            if report.writes:
                raise PushError(f"{exc} ({report.writes} batch(es) sent before this are kept in "
                                "the store: run the push again to send the rest)") from None
            raise
        finally:
            report.protocol = "Graph Store Protocol" if client.use_gsp else "SPARQL Update"
    report.seconds = time.perf_counter() - started
    return report


def load_source(source) -> nx.MultiDiGraph:
    """The MultiDiGraph of a KnowledgeGraph, a build folder or a graph.json file."""
    if isinstance(source, nx.MultiDiGraph):
        return source
    if isinstance(getattr(source, "graph", None), nx.MultiDiGraph):
        return source.graph
    from ..export.json import read_graph_file

    return read_graph_file(source, PushError)


def _graph_node(iri: str | None, what: str) -> ox.NamedNode | None:
    if iri is None:
        return None
    try:
        return sparql.check_iri(iri, what)
    except ValueError as exc:
        raise PushError(str(exc)) from None


def _push_ontology(client: StoreClient, graph: ox.NamedNode, report: PushReport) -> None:
    triples = list(ox.parse(path=str(ONTOLOGY_PATH), format=ox.RdfFormat.TURTLE))
    client.replace_graph(triples, graph)
    report.writes += 1
    report.ontology_triples = len(triples)


def _push_entities(client, units, graph, batch_size: int, report: PushReport, bar) -> None:
    for batch in batched(units, batch_size):
        rows = client.select(sparql.select_entity_triples([u.iri for u in batch], graph))
        stored = [ox.Triple(r["s"], r["p"], r["o"]) for r in rows if {"s", "p", "o"} <= r.keys()]
        changes = entity_changes(batch, stored)
        if changes.delete:
            client.update(sparql.delete_insert_data(changes.delete, changes.insert, graph))
        elif changes.insert:
            client.add_triples(changes.insert, graph)
        if changes.delete or changes.insert:
            report.writes += 1
        report.entities_changed += changes.changed
        report.triples_deleted += len(changes.delete)
        report.triples_inserted += len(changes.insert)
        bar.advance(len(batch), len(changes.insert))


def _push_units(client, units, rdf_class, graph, batch_size: int, report: PushReport, bar,
                counter: str) -> None:
    for batch in batched(units, batch_size):
        rows = client.select(sparql.select_present([u.iri for u in batch], rdf_class, graph))
        present = {row["s"] for row in rows if "s" in row}
        missing = [u for u in batch if u.iri not in present]
        triples = list(dict.fromkeys(t for u in missing for t in u.triples))
        if triples:
            client.add_triples(triples, graph)
            report.writes += 1
        setattr(report, counter, getattr(report, counter) + len(missing))
        report.triples_inserted += len(triples)
        bar.advance(len(batch), len(triples))


class PushProgress:
    """A rich progress bar (units checked, triples sent), shown only on a terminal."""

    def __init__(self, total: int, *, enabled: bool = True, stream: TextIO | None = None):
        from ..progress import is_terminal

        self.stream = stream if stream is not None else sys.stderr
        self.enabled = bool(enabled) and is_terminal(self.stream)
        self.total = total
        self.sent = 0
        self._progress = None
        self._task = None

    def __enter__(self) -> "PushProgress":
        if self.enabled:
            from rich.console import Console
            from rich.progress import (BarColumn, MofNCompleteColumn, Progress, SpinnerColumn,
                                       TextColumn, TimeElapsedColumn)

            console = Console(file=self.stream, stderr=self.stream is sys.stderr)
            self._progress = Progress(
                SpinnerColumn(), TextColumn("pushing"), BarColumn(bar_width=20), MofNCompleteColumn(),
                TextColumn("{task.fields[sent]:,} triples sent"), TimeElapsedColumn(),
                console=console, refresh_per_second=4)
            self._progress.start()
            self._task = self._progress.add_task("pushing", total=self.total, sent=0)
        return self

    def advance(self, units: int, triples: int) -> None:
        self.sent += triples
        if self._progress is not None:
            self._progress.update(self._task, advance=units, sent=self.sent)

    def __exit__(self, *exc) -> None:
        if self._progress is not None:
            self._progress.stop()
            self._progress = None
