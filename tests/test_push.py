"""graphkit push against a real, writable Oxigraph server on 127.0.0.1.

The store must end up holding exactly the graph's RDF (the union of every push, each triple
once), whatever the batch size, protocol or interruptions, and a second push of the same
graph must send nothing. The sentences are invented for the tests.
"""
from __future__ import annotations

import argparse
import contextlib
import copy
import io
import json
import socket
import subprocess
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import networkx as nx
import pyoxigraph as ox
import pytest

from graphkit.export.json import read_json, write_json
from graphkit.export.rdf import to_oxigraph
from graphkit.ontology import ONTOLOGY_PATH
from graphkit.push import ONTOLOGY_GRAPH, PushError, push_graph
from graphkit.push import commands
from graphkit.push.client import StoreClient
from graphkit.push.delta import article_units, entity_units, statement_units
from graphkit.query.server import oxigraph_binary

NEWS = "urn:graphkit:test:news"
GK = "https://graphkit.dev/ontology#"


# ---------------------------------------------------------------- the server

def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextlib.contextmanager
def oxigraph_server(location: Path):
    """A writable Oxigraph server on a free loopback port; always stopped on exit."""
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    log = open(location.parent / f"oxigraph-{port}.log", "wb")
    process = subprocess.Popen([oxigraph_binary(), "serve", "--location", str(location),
                                "--bind", f"127.0.0.1:{port}"],
                               stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT,
                               start_new_session=True)
    try:
        deadline = time.monotonic() + 20
        while True:
            assert process.poll() is None, "oxigraph serve stopped at start"
            try:
                with urllib.request.urlopen(base + "/query?query=ASK%7B%7D", timeout=1):
                    break
            except (urllib.error.URLError, ConnectionError):
                assert time.monotonic() < deadline, "oxigraph serve did not start"
                time.sleep(0.1)
        yield base
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        log.close()


@pytest.fixture(scope="module")
def oxigraph(tmp_path_factory):
    with oxigraph_server(tmp_path_factory.mktemp("oxigraph") / "store") as base:
        yield base


@pytest.fixture
def store(oxigraph):
    """The server's base URL, emptied before the test."""
    update(oxigraph, "DROP ALL")
    return oxigraph


def update(base: str, text: str) -> None:
    request = urllib.request.Request(base + "/update", data=text.encode(), method="POST",
                                     headers={"Content-Type": "application/sparql-update"})
    with urllib.request.urlopen(request, timeout=10):
        pass


def select(base: str, query: str) -> list[dict]:
    request = urllib.request.Request(base + "/query", data=urllib.parse.urlencode({"query": query}).encode(),
                                     headers={"Accept": "application/sparql-results+json"})
    with urllib.request.urlopen(request, timeout=10) as reply:
        return json.load(reply)["results"]["bindings"]


def graph_in_store(base: str, graph: str | None = NEWS) -> set[ox.Triple]:
    """A graph of the store, read back with the Graph Store Protocol (GET)."""
    param = "default" if graph is None else "graph=" + urllib.parse.quote(graph, safe="")
    request = urllib.request.Request(f"{base}/store?{param}", headers={"Accept": "application/n-triples"})
    try:
        with urllib.request.urlopen(request, timeout=10) as reply:
            return {q.triple for q in ox.parse(reply.read(), format=ox.RdfFormat.N_TRIPLES)}
    except urllib.error.HTTPError as exc:
        if exc.code == 404:
            return set()
        raise


def expected(g: nx.MultiDiGraph) -> set[ox.Triple]:
    """The graph's RDF as Oxigraph keeps it (it stores some literals in a normal form)."""
    memory = ox.Store()
    memory.extend([ox.Quad(*t) for t in to_oxigraph(g)])
    return {q.triple for q in memory}


def count(base: str, query: str) -> int:
    return int(select(base, query)[0]["n"]["value"])


def assert_no_duplicates(base: str, g: nx.MultiDiGraph, graph: str = NEWS) -> None:
    statements = count(base, f"SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE {{ GRAPH <{graph}> "
                             f"{{ ?s a <{GK}Statement> }} }}")
    assert statements == g.number_of_edges()
    for prop in ("mentionCount", "source", "evidence"):
        repeated = select(base, f"SELECT ?s WHERE {{ GRAPH <{graph}> {{ ?s <{GK}{prop}> ?v }} }} "
                                "GROUP BY ?s HAVING (COUNT(?v) > 1)")
        assert repeated == [], prop
    labels = select(base, f"SELECT ?s WHERE {{ GRAPH <{graph}> {{ ?s <http://www.w3.org/2000/01/"
                          "rdf-schema#label> ?v } } GROUP BY ?s HAVING (COUNT(?v) > 1)")
    assert labels == []


# ---------------------------------------------------------------- two versions of a corpus

def _add_edge(g, source, target, sid, relation, doc, evidence, start=0, negated=False, reporter=None):
    g.add_edge(source, target, key=sid, id=sid, relation=relation, evidence=evidence, start=start,
               end=start + len(evidence), doc=doc, negated=negated,
               reported_by=g.nodes[reporter]["label"] if reporter else None, reported_by_id=reporter,
               confidence=0.8, trigger=None)


def corpus_v1() -> nx.MultiDiGraph:
    g = nx.MultiDiGraph()
    g.graph["generator"] = "graphkit test"
    g.graph["documents"] = {
        "a1": {"title": "Harbour talks", "date": "2024-05-02", "url": "https://news.example/a1", "source": "a1.txt", "sha1": "1"},
        "a2": {"title": None, "date": None, "url": None, "source": None, "sha1": "2"},
    }
    for node, label, kind, aliases, mentions, docs in [
        ("gpe:velmora", "Velmora", "GPE", ["Velmoran"], 3, ["a1", "a2"]),
        ("gpe:ostrava-bay", "Ostrava Bay", "GPE", [], 2, ["a1"]),
        ("org:harbour-board", "Harbour Board", "ORG", [], 1, ["a2"]),
        ("person:ida-brenn", "Ida Brenn", "PERSON", [], 1, ["a2"]),
    ]:
        g.add_node(node, label=label, type=kind, aliases=aliases, mentions=mentions, docs=docs, geonames=None)
    _add_edge(g, "gpe:velmora", "gpe:ostrava-bay", "st-1", "accuses", "a1",
              'Velmora accused Ostrava Bay of "closing" the harbour \\ again.')
    _add_edge(g, "gpe:ostrava-bay", "gpe:velmora", "st-2", "meets", "a1", "Envoys of both met.", 40)
    _add_edge(g, "person:ida-brenn", "org:harbour-board", "st-3", "leader_of", "a2",
              "Ida Brenn, who chairs the Harbour Board,\nsaid nothing.", reporter=None)
    _add_edge(g, "gpe:velmora", "org:harbour-board", "st-4", "sanctions", "a2",
              "Velmora did not sanction the board.", 60, negated=True)
    return g


def corpus_v2(v1: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """v1 after `build --update` with one more article: new aliases, counts, an entity, edges."""
    g = copy.deepcopy(v1)
    g.graph["documents"]["a3"] = {"title": "Sanctions", "date": "2024-05-09", "url": None, "source": "a3.txt", "sha1": "3"}
    velmora = g.nodes["gpe:velmora"]
    velmora.update(aliases=["Republic of Velmora", "Velmoran"], mentions=5, docs=["a1", "a2", "a3"])
    g.nodes["person:ida-brenn"].update(aliases=["Brenn"], mentions=2, docs=["a2", "a3"])
    g.add_node("norp:islanders", label="Islanders", type="NORP", aliases=[], mentions=1, docs=["a3"], geonames=None)
    _add_edge(g, "gpe:velmora", "gpe:ostrava-bay", "st-5", "sanctions", "a3",
              "The Republic of Velmora sanctioned Ostrava Bay.", reporter="person:ida-brenn")
    _add_edge(g, "norp:islanders", "gpe:velmora", "st-6", "protests_against", "a3",
              "Islanders protested against Velmora's rule.", 50)
    return g


# ---------------------------------------------------------------- incremental pushes

def test_push_then_update_leaves_exactly_the_union(store):
    v1 = corpus_v1()
    first = push_graph(v1, store, NEWS, batch_size=2)
    assert graph_in_store(store) == expected(v1)
    assert (first.entities_changed, first.statements_sent, first.articles_sent) == (4, 4, 2)

    v2 = corpus_v2(v1)
    second = push_graph(v2, store, NEWS, batch_size=2)
    assert graph_in_store(store) == expected(v2)
    assert_no_duplicates(store, v2)
    # only the new article's statements, the new article, and the entities that changed
    assert (second.statements_sent, second.articles_sent) == (2, 1)
    assert second.entities_changed == 3  # velmora, ida-brenn (aliases, counts), islanders (new)
    new_units = [u for u in [*statement_units(v2), *article_units(v2), *entity_units(v2)]
                 if u.iri.value.endswith(("/st-5", "/st-6", "/a3", "/norp%3Aislanders"))]
    changed_entity_triples = 2 * 2  # velmora and ida-brenn: an alias and a count each (their
    # gk:mentionedIn a3 triples travel with the article a3)
    assert second.triples_inserted == sum(len(u.triples) for u in new_units) + changed_entity_triples
    assert second.triples_deleted == 2  # the two old mention counts
    aliases = select(store, f"SELECT ?a WHERE {{ GRAPH <{NEWS}> {{ <https://graphkit.dev/id/entity/gpe%3Avelmora> "
                            "<http://www.w3.org/2004/02/skos/core#altLabel> ?a } }")
    assert sorted(b["a"]["value"] for b in aliases) == ["Republic of Velmora", "Velmoran"]


def test_pushing_the_same_graph_again_sends_nothing(store):
    v2 = corpus_v2(corpus_v1())
    push_graph(v2, store, NEWS, ontology=False)
    again = push_graph(v2, store, NEWS, ontology=False)
    assert again.up_to_date and again.writes == 0 and again.triples_inserted == 0
    assert graph_in_store(store) == expected(v2)


def test_an_alias_that_goes_away_goes_away_in_the_store(store):
    v1 = corpus_v1()
    push_graph(v1, store, NEWS, ontology=False)
    changed = copy.deepcopy(v1)
    changed.nodes["gpe:velmora"].update(label="Velmoran", aliases=["Velmora"])
    report = push_graph(changed, store, NEWS, ontology=False)
    assert report.entities_changed == 1 and report.statements_sent == 0
    assert graph_in_store(store) == expected(changed)


@pytest.mark.parametrize("batch_size", [1, 3, 1000])
@pytest.mark.parametrize("protocol", ["gsp", "update", "fallback"])
def test_every_batch_size_and_protocol_gives_the_same_store(store, batch_size, protocol):
    options = {"gsp": {}, "update": {"use_gsp": False},
               "fallback": {"gsp_url": store + "/no-graph-store-here"}}[protocol]
    v1 = corpus_v1()
    push_graph(v1, store, NEWS, batch_size=batch_size, **options)
    report = push_graph(corpus_v2(v1), store, NEWS, batch_size=batch_size, **options)
    assert graph_in_store(store) == expected(corpus_v2(v1))
    assert report.protocol == ("Graph Store Protocol" if protocol == "gsp" else "SPARQL Update")


def test_the_default_graph_and_the_ontology_graph(store):
    v1 = corpus_v1()
    report = push_graph(v1, store)  # no --graph: the default graph
    assert graph_in_store(store, None) == expected(v1)
    ontology = {q.triple for q in ox.parse(path=str(ONTOLOGY_PATH), format=ox.RdfFormat.TURTLE)}
    in_store = graph_in_store(store, ONTOLOGY_GRAPH)
    assert len(in_store) == len(ontology) == report.ontology_triples
    assert {t for t in in_store if not _has_blank(t)} == {t for t in ontology if not _has_blank(t)}
    push_graph(v1, store)  # the ontology graph is replaced, never doubled
    assert len(graph_in_store(store, ONTOLOGY_GRAPH)) == len(ontology)


def _has_blank(t) -> bool:
    return isinstance(t.subject, ox.BlankNode) or isinstance(t.object, ox.BlankNode)


def test_named_graph_push_leaves_the_default_graph_alone(store):
    push_graph(corpus_v1(), store, NEWS, ontology=False)
    assert graph_in_store(store, None) == set()
    assert graph_in_store(store, ONTOLOGY_GRAPH) == set()


def test_an_interrupted_push_keeps_its_batches_and_resumes(store, monkeypatch):
    v1 = corpus_v1()
    real = StoreClient.add_triples
    calls = []

    def flaky(self, triples, graph):
        calls.append(len(triples))
        if len(calls) == 4:
            raise PushError("the SPARQL store answered 503 Service Unavailable (simulated)")
        return real(self, triples, graph)

    monkeypatch.setattr(StoreClient, "add_triples", flaky)
    with pytest.raises(PushError, match=r"batch\(es\) sent before this are kept in the store"):
        push_graph(v1, store, NEWS, batch_size=1, ontology=False)
    kept = graph_in_store(store)
    assert kept and kept < expected(v1)
    monkeypatch.setattr(StoreClient, "add_triples", real)
    resumed = push_graph(v1, store, NEWS, batch_size=1, ontology=False)
    assert graph_in_store(store) == expected(v1)
    assert resumed.entities_changed == 1  # the batch that failed; the three before it were kept
    assert resumed.statements_sent == v1.number_of_edges() and resumed.articles_sent == 2


def test_a_build_folder_is_read_from_its_graph_json(store, tmp_path):
    v1 = corpus_v1()
    write_json(v1, tmp_path / "graph.json")
    for source in (tmp_path, tmp_path / "graph.json"):
        push_graph(source, store, NEWS, ontology=False)
    assert graph_in_store(store) == expected(read_json(tmp_path / "graph.json"))


# ---------------------------------------------------------------- the command

def cli(argv: list[str]) -> int:
    """`graphkit push ...` through the subcommand's own parser (cli.py wires the same register)."""
    parser = argparse.ArgumentParser(prog="graphkit")
    commands.register(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(argv)
    return args.func(args)


def test_command_pushes_and_reports(store, tmp_path, capsys):
    write_json(corpus_v1(), tmp_path / "graph.json")
    assert cli(["push", str(tmp_path), "--endpoint", store, "--graph", NEWS]) == 0
    out, err = capsys.readouterr()
    assert err == ""  # not a terminal: no progress bar
    assert f"to {store} (graph <{NEWS}>, Graph Store Protocol)" in out
    assert "statements: 4 (4 new)" in out and f"in <{ONTOLOGY_GRAPH}>" in out
    assert cli(["push", str(tmp_path), "--endpoint", store + "/query", "--graph", NEWS, "--quiet"]) == 0
    assert capsys.readouterr() == ("", "")
    assert graph_in_store(store) == expected(corpus_v1())


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_bar_only_on_a_terminal(store):
    terminal, pipe = _Terminal(), io.StringIO()
    push_graph(corpus_v1(), store, NEWS, progress=True, stream=terminal, ontology=False)
    push_graph(corpus_v1(), store, NEWS, progress=True, stream=pipe, ontology=False)
    assert "pushing" in terminal.getvalue() and "triples sent" in terminal.getvalue()
    assert pipe.getvalue() == ""


# ---------------------------------------------------------------- the real pipeline

FIRST = ("Velmora accused Ostrava of shelling the northern harbour on Monday. "
         "The foreign minister of Velmora met the Ostravan ambassador in Lisbon.")
SECOND = ("Ostrava condemned Velmora after the talks collapsed. "
          "Germany imposed sanctions on Velmora on Friday.")


def test_build_update_and_push_with_the_real_pipeline(store, tmp_path):
    from graphkit.cli import main

    (tmp_path / "one.txt").write_text(FIRST, encoding="utf-8")
    (tmp_path / "two.txt").write_text(SECOND, encoding="utf-8")
    out = tmp_path / "out"
    assert main(["build", str(tmp_path / "one.txt"), "--out", str(out), "--quiet"]) == 0
    first = push_graph(out, store, NEWS)
    v1 = read_json(out / "graph.json")
    assert graph_in_store(store) == expected(v1) and first.statements_sent == v1.number_of_edges() > 0
    assert main(["build", str(tmp_path / "two.txt"), "--out", str(out), "--update", "--quiet"]) == 0
    v2 = read_json(out / "graph.json")
    second = push_graph(out, store, NEWS)
    assert graph_in_store(store) == expected(v2)
    assert_no_duplicates(store, v2)
    assert second.statements_sent == v2.number_of_edges() - v1.number_of_edges() > 0
    assert second.articles_sent == 1


def test_ctrl_c_keeps_what_was_sent(store, tmp_path, monkeypatch, capsys):
    write_json(corpus_v1(), tmp_path / "graph.json")
    real, calls = StoreClient.add_triples, []

    def interrupted(self, triples, graph):
        calls.append(1)
        if len(calls) == 2:
            raise KeyboardInterrupt
        return real(self, triples, graph)

    monkeypatch.setattr(StoreClient, "add_triples", interrupted)
    assert cli(["push", str(tmp_path), "--endpoint", store, "--graph", NEWS, "--batch-size", "2"]) == 130
    assert "run the push again" in capsys.readouterr().err
    kept = graph_in_store(store)
    monkeypatch.setattr(StoreClient, "add_triples", real)
    assert cli(["push", str(tmp_path), "--endpoint", store, "--graph", NEWS, "--quiet"]) == 0
    assert kept and kept < graph_in_store(store) == expected(corpus_v1())
