"""run_query: sources, caching, result kinds, one-line errors."""
from __future__ import annotations

import os
import shutil

import pyoxigraph as ox
import pytest

from graphkit.errors import GraphkitError, QueryError
from graphkit.export.json import write_json
from graphkit.export.rdf import write_rdf
from graphkit.query import sparql
from graphkit.query.sparql import QueryResult, find_graph_file, load_store, run_query
from test_rdf_sample import sample_graph

LABELS = "SELECT ?label WHERE { ?e a gk:GeopoliticalEntity ; rdfs:label ?label } ORDER BY ?label"
GPES = ["Borduvia", "Ruritania", "Zenda"]


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    out = tmp_path_factory.mktemp("build")
    write_rdf(sample_graph(), out)
    return out


def labels(result: QueryResult) -> list[str]:
    return [row[0].value for row in result.rows]


@pytest.mark.parametrize("keep", ["graph.nt", "graph.ttl", "graph.jsonld", "graph.json"])
def test_a_folder_with_any_one_graph_file(keep, built, tmp_path):
    if keep == "graph.json":
        write_json(sample_graph(), tmp_path / keep)
    else:
        shutil.copy(built / keep, tmp_path / keep)
    assert find_graph_file(tmp_path) == tmp_path / keep
    assert labels(run_query(tmp_path, LABELS)) == GPES
    assert labels(run_query(tmp_path / keep, LABELS)) == GPES


def test_the_folder_prefers_ntriples(built):
    assert find_graph_file(built).name == "graph.nt"


def test_unpacks_as_variables_and_rows(built):
    variables, rows = run_query(built, LABELS)
    assert variables == ("label",)
    assert rows[0] == (ox.Literal("Borduvia"),)


def test_unbound_variables_are_none(built):
    result = run_query(built, "SELECT ?e ?same WHERE { ?e a gk:GeopoliticalEntity "
                              "OPTIONAL { ?e owl:sameAs ?same } } ORDER BY ?e")
    assert [row[1] is None for row in result.rows] == [False, False, True]


def test_ask_and_construct(built):
    assert run_query(built, "ASK { ?a gk:accuses ?b }").boolean is True
    assert run_query(built, "ASK { ?a gk:attacks ?b }").boolean is False  # only a negated attack
    result = run_query(built, "CONSTRUCT { ?a gk:meets ?b } WHERE { ?a gk:meets ?b }")
    assert result.triples and result.variables == ("subject", "predicate", "object")
    assert len(result.rows) == 1


def test_own_prefixes_override_the_predeclared_ones(built):
    query = 'PREFIX gk: <http://example.org/> ASK { ?a gk:accuses ?b }'
    assert run_query(built, query).boolean is False


def test_the_store_is_cached_until_the_file_changes(built, tmp_path):
    shutil.copy(built / "graph.nt", tmp_path / "graph.nt")
    first = load_store(tmp_path)
    assert load_store(tmp_path) is first
    path = tmp_path / "graph.nt"
    path.write_text(path.read_text() + '<urn:x> <urn:y> "z" .\n')
    os.utime(path, ns=(1, 1))  # a different mtime whatever the clock's resolution
    second = load_store(tmp_path)
    assert second is not first and len(second) == len(first) + 1


@pytest.mark.parametrize("query, message", [
    ("SELECT ?x WHERE { ?x", "invalid SPARQL: error at 1:"),
    ("SELEKT * {}", "invalid SPARQL"),
    ("INSERT DATA { <urn:a> <urn:b> <urn:c> }", "updates are not allowed"),
    ("PREFIX x: <urn:x#>\n# a comment\nDELETE WHERE { ?s ?p ?o }", "updates are not allowed"),
    ("SELECT ?x WHERE { ?x undeclared:p ?y }", "invalid SPARQL"),
])
def test_bad_queries_are_one_line_query_errors(query, message, built):
    with pytest.raises(QueryError) as caught:
        run_query(built, query)
    text = str(caught.value)
    assert message in text and "\n" not in text and len(text) <= 220
    assert isinstance(caught.value, GraphkitError)


def test_a_variable_named_like_an_update_keyword_is_fine(built):
    assert run_query(built, "SELECT ?copy ?insert WHERE { BIND(1 AS ?copy) }").variables == ("copy", "insert")


@pytest.mark.parametrize("make, message", [
    (lambda p: p / "missing", "no such file or folder"),
    (lambda p: p, "holds no graph"),
    (lambda p: (p / "notes.txt").write_text("x") and p / "notes.txt", "cannot tell the RDF format"),
    (lambda p: (p / "graph.nt").write_text("this is not rdf\n") and p, "cannot read"),
    (lambda p: (p / "graph.json").write_text("nope") and p, "is not a graph"),
    (lambda p: (p / "graph.json").write_text('{"nodes": 5}') and p, "is not a graph"),
    (lambda p: (p / "graph.json").write_text("[1, 2]") and p, "is not a graph"),
    (lambda p: (p / "graph.json").write_text('{"nodes": [], "links": [{"source": "a"}]}') and p,
     "is not a graph"),
])
def test_bad_sources(make, message, tmp_path):
    with pytest.raises(QueryError, match=message):
        run_query(make(tmp_path), "ASK {}")


def test_cache_key_is_the_resolved_path(built, monkeypatch):
    calls = []
    real = sparql._load.__wrapped__
    sparql._load.cache_clear()
    monkeypatch.setattr(sparql, "_load", sparql.lru_cache(maxsize=4)(lambda *a: calls.append(a) or real(*a)))
    run_query(built, "ASK {}")
    run_query(built / "graph.nt", "ASK {}")
    run_query(str(built) + "/./", "ASK {}")
    assert len(calls) == 1
