"""graphkit push without a server: units, entity diffs, SPARQL text safety, endpoint URLs."""
from __future__ import annotations

import networkx as nx
import pyoxigraph as ox
import pytest

from graphkit.export.rdf import to_oxigraph
from graphkit.push import sparql
from graphkit.push.client import Endpoints, PushError, public_url, split_userinfo
from graphkit.push.delta import (ENTITY_PREDICATES, Unit, article_units, entity_changes,
                                 entity_units, statement_units, term_key)
from test_rdf_sample import sample_graph

XSD = "http://www.w3.org/2001/XMLSchema#"
HOSTILE = [
    'plain',
    'a "quoted" word and a \\ backslash',
    'ends with a backslash \\',
    '"} ; DROP ALL ; INSERT DATA { <urn:x> <urn:y> "z" } #',
    'new\nline and \r carriage and \t tab',
    'written escape \\u0022 and \\" stays text',
    'bell \x07 and nul-free control \x1f',
    'unicode: Kyiv \u041a\u0438\u0457\u0432, \u2028 separator, emoji \U0001F600',
    "'single' > <angle> & {braces}",
]


def _extra_graph() -> nx.MultiDiGraph:
    """Corners of the contract: a doc cited only by a node, an unknown reporter, odd ids."""
    g = nx.MultiDiGraph()
    g.graph["documents"] = {"d 1": {"title": 'say "hi"', "date": "2024-03-01T10:00:00", "url": None}}
    g.add_node("person:x/y z", label="X \"Y\"", type="PERSON", aliases=["Y"], mentions=3,
               docs=["d 1", "only-in-node"], geonames=None)
    g.add_node("org:odd", label="Odd", type="WEIRD", aliases=[], mentions=1, docs=["d 1"], geonames="9")
    g.add_edge("person:x/y z", "org:odd", key="k1", id="k1", relation="member_of", evidence="X is in Odd.",
               start=0, end=12, doc="d 1", negated=False, reported_by="Nobody", reported_by_id="person:gone",
               confidence=0.5, trigger=None)
    g.add_edge("org:odd", "person:x/y z", key="k2", id="k2", relation="not_in_ontology", evidence="?",
               start=1, end=2, doc="d 2", negated=True, reported_by=None, reported_by_id=None,
               confidence=float("nan"), trigger="t")
    return g


@pytest.mark.parametrize("make", [sample_graph, _extra_graph, nx.MultiDiGraph], ids=["sample", "corners", "empty"])
def test_units_together_are_exactly_the_export(make):
    g = make()
    units = [*entity_units(g), *statement_units(g), *article_units(g)]
    pushed = {t for u in units for t in u.triples}
    assert pushed == set(to_oxigraph(g))
    assert len({u.iri for u in units}) == len(units)  # one unit per IRI


def test_units_are_keyed_by_their_own_iri():
    g = sample_graph()
    for unit in [*entity_units(g), *statement_units(g), *article_units(g)]:
        assert any(t.subject == unit.iri for t in unit.triples)
    statements = list(statement_units(g))
    assert [u.iri.value.rsplit("/", 1)[1] for u in statements] == sorted(k for _, _, k in g.edges(keys=True))


def test_entity_triples_use_only_the_entity_predicates():
    for make in (sample_graph, _extra_graph):
        for unit in entity_units(make()):
            assert {t.subject for t in unit.triples} == {unit.iri}
            assert {t.predicate for t in unit.triples} <= set(ENTITY_PREDICATES)


def _lit(value, datatype=None, language=None):
    if language:
        return ox.Literal(value, language=language)
    return ox.Literal(value, datatype=ox.NamedNode(XSD + datatype) if datatype else None)


@pytest.mark.parametrize("a, b, same", [
    (_lit("3", "nonNegativeInteger"), _lit("3", "integer"), True),     # Oxigraph's normal form
    (_lit("03", "int"), _lit("3", "integer"), True),
    (_lit("0.90", "decimal"), _lit("0.9", "decimal"), True),
    (_lit("1", "boolean"), _lit("true", "boolean"), True),
    (_lit("x"), _lit("x", "string"), True),
    (_lit("x", language="EN"), _lit("x", language="en"), True),
    (_lit("3", "integer"), _lit("4", "integer"), False),
    (_lit("3"), _lit("3", "integer"), False),
    (_lit("x", language="en"), _lit("x"), False),
    (_lit("2024-01-01", "date"), _lit("2024-01-01"), False),
    (ox.NamedNode("urn:a"), _lit("urn:a"), False),
    (_lit("abc", "integer"), _lit("abc", "integer"), True),            # not a number: lexical
])
def test_term_key_compares_values_stores_normalise(a, b, same):
    assert (term_key(a) == term_key(b)) is same


E = "https://graphkit.dev/id/entity/"
LABEL = ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label")
ALT = ox.NamedNode("http://www.w3.org/2004/02/skos/core#altLabel")
COUNT = ox.NamedNode("https://graphkit.dev/ontology#mentionCount")


def _t(entity, predicate, obj):
    return ox.Triple(ox.NamedNode(E + entity), predicate, obj)


@pytest.mark.parametrize("local, stored, delete, insert, changed", [
    # the store has nothing: everything is inserted
    ([_t("a", LABEL, _lit("A"))], [], [], [_t("a", LABEL, _lit("A"))], 1),
    # same values in the store's normal form: nothing to do
    ([_t("a", COUNT, _lit("2", "nonNegativeInteger"))], [_t("a", COUNT, _lit("2", "integer"))], [], [], 0),
    # a new count replaces the old one; the store's own term is deleted
    ([_t("a", COUNT, _lit("3", "nonNegativeInteger"))], [_t("a", COUNT, _lit("2", "integer"))],
     [_t("a", COUNT, _lit("2", "integer"))], [_t("a", COUNT, _lit("3", "nonNegativeInteger"))], 1),
    # an alias arrives, another stays
    ([_t("a", ALT, _lit("x")), _t("a", ALT, _lit("y"))], [_t("a", ALT, _lit("x"))],
     [], [_t("a", ALT, _lit("y"))], 1),
    # an alias that became the label leaves the aliases
    ([_t("a", LABEL, _lit("B"))], [_t("a", LABEL, _lit("A")), _t("a", ALT, _lit("B"))],
     [_t("a", LABEL, _lit("A")), _t("a", ALT, _lit("B"))], [_t("a", LABEL, _lit("B"))], 1),
    # triples about entities outside the batch are never touched
    ([_t("a", LABEL, _lit("A"))], [_t("a", LABEL, _lit("A")), _t("other", LABEL, _lit("O"))], [], [], 0),
])
def test_entity_changes(local, stored, delete, insert, changed):
    subjects = dict.fromkeys(t.subject for t in local)
    units = [Unit(s, tuple(t for t in local if t.subject == s)) for s in subjects]
    result = entity_changes(units, stored)
    assert (set(result.delete), set(result.insert), result.changed) == (set(delete), set(insert), changed)


# ---------------------------------------------------------------- SPARQL text

GRAPH = ox.NamedNode("urn:test:graph")


@pytest.mark.parametrize("text", HOSTILE)
def test_update_bodies_carry_any_text_as_one_literal(text):
    store = ox.Store()
    subject, predicate = ox.NamedNode("urn:s"), ox.NamedNode("urn:p")
    triple = ox.Triple(subject, predicate, ox.Literal(text))
    store.update(sparql.insert_data([triple], GRAPH))
    assert [q.object.value for q in store] == [text]
    replaced = ox.Triple(subject, predicate, ox.Literal(text + "!", language="en"))
    store.update(sparql.delete_insert_data([triple], [replaced], GRAPH))
    assert [(q.object.value, q.object.language, q.graph_name) for q in store] == [(text + "!", "en", GRAPH)]
    store.update(sparql.insert_data([triple], None))
    assert len(store) == 2


def test_queries_run_and_name_only_serialised_terms():
    store = ox.Store()
    g = sample_graph()
    for unit in [*entity_units(g), *statement_units(g)]:
        store.extend([ox.Quad(*t, GRAPH) for t in unit.triples])
    entities = [u.iri for u in entity_units(g)]
    statements = [u.iri for u in statement_units(g)] + [ox.NamedNode("urn:absent")]
    from graphkit.push.delta import STATEMENT_CLASS
    found = {s["s"] for s in store.query(sparql.select_present(statements, STATEMENT_CLASS, GRAPH))}
    assert found == set(statements[:-1])
    assert not list(store.query(sparql.select_present(statements, STATEMENT_CLASS, None)))
    rows = list(store.query(sparql.select_entity_triples(entities, GRAPH)))
    assert len(rows) == sum(len(u.triples) for u in entity_units(g))


@pytest.mark.parametrize("iri, ok", [
    ("https://example.org/news", True),
    ("urn:graphkit:test", True),
    ("https://example.org/a b", False),
    ("urn:x> } ; DROP ALL ; INSERT DATA { <urn:y", False),
    ("relative/path", False),
    ("", False),
    ('https://example.org/"q"', False),
])
def test_graph_iris_are_checked(iri, ok):
    if ok:
        assert sparql.check_iri(iri).value == iri
    else:
        with pytest.raises(ValueError, match="not a valid absolute IRI"):
            sparql.check_iri(iri)


# ---------------------------------------------------------------- URLs and credentials

@pytest.mark.parametrize("url, shown", [
    ("http://alice:s3cret@127.0.0.1:7878/query?token=abc#x", "http://127.0.0.1:7878/query"),
    ("https://user@store.example/sparql", "https://store.example/sparql"),
    ("http://[::1]:7878", "http://[::1]:7878"),
    ("http://127.0.0.1:99999", "<invalid URL>"),
])
def test_public_url_strips_userinfo_query_and_fragment(url, shown):
    assert public_url(url) == shown


def test_split_userinfo_decodes_the_credentials():
    assert split_userinfo("http://al%40ice:p%3Aw@127.0.0.1:1/x") == ("http://127.0.0.1:1/x", ("al@ice", "p:w"))
    assert split_userinfo("http://127.0.0.1:1/x") == ("http://127.0.0.1:1/x", None)


@pytest.mark.parametrize("url, query, update, gsp", [
    ("http://127.0.0.1:7878", "/query", "/update", "/store"),
    ("http://127.0.0.1:7878/", "/query", "/update", "/store"),
    ("http://127.0.0.1:7878/query", "/query", "/update", "/store"),
    ("http://127.0.0.1:3030/ds/sparql", "/ds/sparql", "/ds/update", "/ds/store"),
    ("http://127.0.0.1:3030/ds", "/ds/query", "/ds/update", "/ds/store"),
    ("http://127.0.0.1:3030/ds/update", "/ds/query", "/ds/update", "/ds/store"),
])
def test_endpoints_from_one_url(url, query, update, gsp):
    endpoints, auth = Endpoints.from_url(url)
    host = url.split("/")[2]
    assert endpoints == Endpoints(f"http://{host}{query}", f"http://{host}{update}", f"http://{host}{gsp}")
    assert auth is None


def test_endpoint_overrides_userinfo_and_updates_only():
    endpoints, auth = Endpoints.from_url(
        "http://bob:pw@127.0.0.1:7200/repositories/r", query_url="http://127.0.0.1:7200/repositories/r",
        update_url="http://127.0.0.1:7200/repositories/r/statements", use_gsp=False)
    assert endpoints == Endpoints("http://127.0.0.1:7200/repositories/r",
                                  "http://127.0.0.1:7200/repositories/r/statements", None)
    assert auth == ("bob", "pw")


@pytest.mark.parametrize("url", ["ftp://127.0.0.1/x", "127.0.0.1:7878", "", "http://", "http://h:notaport"])
def test_endpoint_must_be_http(url):
    with pytest.raises(PushError, match="--endpoint"):
        Endpoints.from_url(url)


def test_mentions_travel_with_their_article():
    g = sample_graph()
    mentioned_in = ox.NamedNode("https://graphkit.dev/ontology#mentionedIn")
    for unit in entity_units(g):
        assert all(t.predicate != mentioned_in for t in unit.triples)
    by_article = {u.iri: u.triples for u in article_units(g)}
    expected = {t for t in to_oxigraph(g) if t.predicate == mentioned_in}
    assert expected and all(t in by_article[t.object] for t in expected)
    assert sum(1 for ts in by_article.values() for t in ts if t.predicate == mentioned_in) == len(expected)
