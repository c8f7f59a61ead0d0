"""The analysis API on small hand-built graphs: tables, look-ups, neighbourhoods, merging,
RDF, SPARQL, writing and reloading, the inline explorer. No NLP here (see test_api_build.py)."""
from __future__ import annotations

import html
import json
import re

import networkx as nx
import pandas as pd
import pytest

import graphkit as gk
from graphkit.errors import GraphkitError, QueryError, UsageError
from graphkit.graph import ENTITY_COLUMNS, RELATION_COLUMNS, EntityNotFoundError, KnowledgeGraph


def add_entity(kg, node, label, type_, aliases=(), mentions=1, docs=("a",), geonames=None):
    kg.graph.add_node(node, label=label, type=type_, aliases=sorted(aliases), mentions=mentions,
                      docs=sorted(docs), geonames=geonames)


def add_relation(kg, source, relation, target, key, doc="a", start=0, end=10, negated=False,
                 reported_by_id=None, confidence=0.8, evidence=None):
    reporter = kg.graph.nodes[reported_by_id]["label"] if reported_by_id else None
    kg.graph.add_edge(source, target, key=key, id=key, relation=relation,
                      evidence=evidence or f"{source} {relation} {target}.", start=start, end=end,
                      doc=doc, negated=negated, reported_by=reporter, reported_by_id=reported_by_id,
                      confidence=confidence, trigger=relation)


def sample_graph() -> KnowledgeGraph:
    """Germany -condemns-> Russia -attacks-> Ukraine <-aids- Poland; Kirby speaks for the US."""
    kg = KnowledgeGraph()
    kg.documents.update({
        "a": {"title": "Strikes", "date": "2025-03-01", "url": None, "source": "a.txt"},
        "b": {"title": "Aid", "date": None, "url": "https://news.example.org/b", "source": "b.txt"},
    })
    add_entity(kg, "gpe:germany", "Germany", "GPE", mentions=2, geonames="2921044")
    add_entity(kg, "gpe:russia", "Russia", "GPE", aliases=["Moscow", "Kremlin"], mentions=5, docs=("a", "b"))
    add_entity(kg, "gpe:ukraine", "Ukraine", "GPE", aliases=["Kyiv"], mentions=4, docs=("a", "b"))
    add_entity(kg, "gpe:poland", "Poland", "GPE", docs=("b",))
    add_entity(kg, "gpe:united-states", "United States", "GPE", aliases=["Washington"], docs=("b",))
    add_entity(kg, "person:john-kirby", "John Kirby", "PERSON", aliases=["Kirby"], docs=("b",))
    add_relation(kg, "gpe:germany", "condemns", "gpe:russia", "s1", start=0, end=25,
                 evidence="Germany condemned Russia.", confidence=0.9)
    add_relation(kg, "gpe:russia", "attacks", "gpe:ukraine", "s2", start=26, end=60,
                 reported_by_id="gpe:germany")
    add_relation(kg, "gpe:poland", "aids", "gpe:ukraine", "s3", doc="b", start=5, end=30, confidence=0.6)
    add_relation(kg, "gpe:russia", "accuses", "gpe:ukraine", "s4", doc="b", start=31, end=70, negated=True)
    add_relation(kg, "person:john-kirby", "spokesperson_of", "gpe:united-states", "s5", doc="b",
                 start=71, end=90, confidence=0.95)
    return kg


# ---------------------------------------------------------------- tables

def test_entities_table_has_one_row_per_node_most_mentioned_first():
    frame = sample_graph().entities()
    assert list(frame.columns) == ENTITY_COLUMNS
    assert len(frame) == 6
    assert frame["id"].tolist()[:2] == ["gpe:russia", "gpe:ukraine"]
    russia = frame.set_index("id").loc["gpe:russia"]
    assert (russia["label"], russia["type"], russia["mentions"], russia["relations"]) == ("Russia", "GPE", 5, 3)
    assert russia["aliases"] == ["Kremlin", "Moscow"] and russia["docs"] == ["a", "b"]
    assert frame.set_index("id").loc["gpe:germany", "geonames"] == "2921044"
    assert frame.set_index("id").loc["gpe:poland", "geonames"] is None


def test_relations_table_has_every_edge_attribute_in_text_order():
    frame = sample_graph().relations()
    assert list(frame.columns) == RELATION_COLUMNS
    assert frame["id"].tolist() == ["s1", "s2", "s3", "s4", "s5"]
    first = frame.iloc[0]
    assert (first["source"], first["relation"], first["target"]) == ("Germany", "condemns", "Russia")
    assert (first["source_id"], first["target_id"], first["doc"]) == ("gpe:germany", "gpe:russia", "a")
    assert (first["evidence"], first["start"], first["end"]) == ("Germany condemned Russia.", 0, 25)
    assert first["confidence"] == pytest.approx(0.9)
    assert frame.set_index("id").loc["s2", "reported_by"] == "Germany"
    assert frame.set_index("id").loc["s1", "reported_by"] is None  # None stays None, not NaN
    assert frame.set_index("id").loc["s2", "reported_by_id"] == "gpe:germany"
    assert frame["negated"].dtype == bool and frame["negated"].tolist() == [False, False, False, True, False]


@pytest.mark.parametrize("table, columns", [("entities", ENTITY_COLUMNS), ("relations", RELATION_COLUMNS)])
def test_empty_graph_gives_empty_tables_with_the_columns(table, columns):
    frame = getattr(KnowledgeGraph(), table)()
    assert isinstance(frame, pd.DataFrame)
    assert frame.empty and list(frame.columns) == columns


def test_relations_table_works_with_pandas_crosstab():
    frame = sample_graph().relations()
    hostile = frame[frame["relation"].isin(["accuses", "attacks", "condemns"]) & ~frame["negated"]]
    matrix = pd.crosstab(hostile["source"], hostile["target"])
    assert matrix.loc["Germany", "Russia"] == 1 and matrix.loc["Russia", "Ukraine"] == 1
    assert matrix.to_numpy().sum() == 2


def test_repr_counts_documents_entities_relations():
    assert repr(sample_graph()) == "<KnowledgeGraph: 2 documents, 6 entities, 5 relations>"


# ---------------------------------------------------------------- finding entities

@pytest.mark.parametrize("name, node", [
    ("gpe:russia", "gpe:russia"),          # id
    ("GPE:RUSSIA", "gpe:russia"),          # id, any case
    ("Russia", "gpe:russia"),              # label
    ("russia", "gpe:russia"),
    ("moscow", "gpe:russia"),              # alias, any case
    ("KIRBY", "person:john-kirby"),
    ("the United States", "gpe:united-states"),  # a leading "the" is ignored
    ("john kirby", "person:john-kirby"),
])
def test_find_entity_by_id_label_or_alias(name, node):
    assert sample_graph().find_entity(name) == node


def test_unknown_entity_error_names_close_matches():
    with pytest.raises(EntityNotFoundError, match=r"no entity is called 'Rusia'.*did you mean 'Russia'"):
        sample_graph().find_entity("Rusia")
    with pytest.raises(LookupError):  # also a LookupError and a GraphkitError
        sample_graph().neighborhood("Atlantis")
    assert issubclass(EntityNotFoundError, GraphkitError)


def test_a_name_shared_by_two_entities_is_an_error_listing_both():
    kg = sample_graph()
    add_entity(kg, "org:kremlin-press", "Kremlin Press", "ORG", aliases=["Kremlin"])
    with pytest.raises(EntityNotFoundError, match=r"'kremlin' names 2 entities: gpe:russia \(Russia\), org:kremlin-press"):
        kg.find_entity("kremlin")


# ---------------------------------------------------------------- neighbourhood

@pytest.mark.parametrize("entity, hops, nodes", [
    ("Poland", 0, {"gpe:poland"}),
    ("Poland", 1, {"gpe:poland", "gpe:ukraine"}),
    ("Poland", 2, {"gpe:poland", "gpe:ukraine", "gpe:russia"}),
    ("Poland", 3, {"gpe:poland", "gpe:ukraine", "gpe:russia", "gpe:germany"}),
    ("Ukraine", 1, {"gpe:poland", "gpe:ukraine", "gpe:russia"}),   # edges in either direction
    ("kirby", 5, {"person:john-kirby", "gpe:united-states"}),
])
def test_neighborhood_keeps_nodes_within_hops(entity, hops, nodes):
    sub = sample_graph().neighborhood(entity, hops=hops)
    assert isinstance(sub, KnowledgeGraph)
    assert set(sub.graph.nodes) == nodes


def test_neighborhood_matches_networkx_ego_graph_on_a_random_multigraph():
    kg = KnowledgeGraph(nx.MultiDiGraph(nx.gnm_random_graph(40, 60, seed=7, directed=True)))
    for n, data in kg.graph.nodes(data=True):
        data.update(label=f"Actor {n}", type="ORG", aliases=[], mentions=1, docs=[])
    for hops in (0, 1, 2, 3):
        for node in (0, 5, 17):
            expected = nx.ego_graph(kg.graph, node, radius=hops, undirected=True)
            sub = kg.neighborhood(f"actor {node}", hops=hops).graph
            assert set(sub.nodes) == set(expected.nodes)
            assert set(sub.edges(keys=True)) == set(expected.edges(keys=True))


def test_neighborhood_keeps_edges_between_its_nodes_and_only_cited_documents():
    kg = sample_graph()
    sub = kg.neighborhood("Kyiv")
    assert sorted(k for _, _, k in sub.graph.edges(keys=True)) == ["s2", "s3", "s4"]
    assert set(sub.documents) == {"a", "b"}
    kirby = kg.neighborhood("Kirby")
    assert set(kirby.documents) == {"b"}
    assert kirby.relations()["relation"].tolist() == ["spokesperson_of"]


def test_neighborhood_is_a_copy():
    kg = sample_graph()
    sub = kg.neighborhood("Poland")
    sub.graph.nodes["gpe:poland"]["aliases"].append("Warsaw")
    sub.documents["b"]["title"] = "changed"
    assert kg.graph.nodes["gpe:poland"]["aliases"] == []
    assert kg.documents["b"]["title"] == "Aid"


@pytest.mark.parametrize("hops", [-1, 1.5, "2", True])
def test_neighborhood_rejects_bad_hops(hops):
    with pytest.raises(UsageError, match="hops"):
        sample_graph().neighborhood("Poland", hops=hops)


# ---------------------------------------------------------------- merge

def other_graph() -> KnowledgeGraph:
    """Another article's graph: Russia again (new alias, new doc), a new actor, one shared edge."""
    kg = KnowledgeGraph()
    kg.documents.update({"b": {"title": None, "date": "2025-03-02", "url": None, "source": "b.txt"},
                         "c": {"title": "Talks", "date": None, "url": None, "source": "c.txt"}})
    add_entity(kg, "gpe:russia", "Russian Federation", "GPE", aliases=["Moscow"], mentions=2, docs=("c",),
               geonames="2017370")
    add_entity(kg, "gpe:poland", "Poland", "GPE", docs=("b",))
    add_entity(kg, "gpe:ukraine", "Ukraine", "GPE", docs=("b",))
    add_entity(kg, "gpe:france", "France", "GPE", docs=("c",))
    add_relation(kg, "gpe:france", "meets", "gpe:russia", "s9", doc="c")
    add_relation(kg, "gpe:poland", "aids", "gpe:ukraine", "s3", doc="b", start=5, end=30, confidence=0.6)
    return kg


def test_merge_unites_nodes_with_the_same_id():
    kg, other = sample_graph(), other_graph()
    merged = kg.merge(other)
    russia = merged.graph.nodes["gpe:russia"]
    assert russia["label"] == "Russia"  # the first graph's label stays
    assert russia["aliases"] == ["Kremlin", "Moscow", "Russian Federation"]
    assert russia["docs"] == ["a", "b", "c"]
    assert russia["mentions"] == 7  # different documents: counts add up
    assert russia["geonames"] == "2017370"  # filled in from the other graph
    assert set(merged.graph.nodes) == set(kg.graph.nodes) | {"gpe:france"}


def test_merge_counts_a_shared_document_once():
    merged = sample_graph().merge(other_graph())
    assert merged.graph.nodes["gpe:poland"]["mentions"] == 1  # docs ["b"] on both sides
    assert merged.graph.nodes["gpe:ukraine"]["mentions"] == 4  # ["b"] is inside ["a", "b"]


def test_merge_keys_edges_by_statement_id():
    merged = sample_graph().merge(other_graph())
    keys = sorted(k for _, _, k in merged.graph.edges(keys=True))
    assert keys == ["s1", "s2", "s3", "s4", "s5", "s9"]  # s3 is in both, once here
    assert merged.graph.number_of_edges("gpe:poland", "gpe:ukraine") == 1


def test_merge_unites_documents_filling_missing_metadata():
    merged = sample_graph().merge(other_graph())
    assert set(merged.documents) == {"a", "b", "c"}
    assert merged.documents["b"] == {"title": "Aid", "date": "2025-03-02",
                                     "url": "https://news.example.org/b", "source": "b.txt"}


def test_merge_with_itself_changes_nothing_and_copies():
    kg = sample_graph()
    before = json.dumps(nx.node_link_data(kg.graph, edges="links"), sort_keys=True)
    merged = kg.merge(kg)
    assert json.dumps(nx.node_link_data(merged.graph, edges="links"), sort_keys=True) == before
    merged.graph.nodes["gpe:russia"]["aliases"].append("X")
    merged.documents["a"]["title"] = "changed"
    assert json.dumps(nx.node_link_data(kg.graph, edges="links"), sort_keys=True) == before


def test_merge_leaves_both_inputs_unchanged_and_is_symmetric_in_content():
    kg, other = sample_graph(), other_graph()
    a, b = kg.merge(other), other.merge(kg)
    assert kg.graph.number_of_nodes() == 6 and other.graph.number_of_nodes() == 4
    assert set(a.graph.nodes) == set(b.graph.nodes)
    assert set(a.graph.edges(keys=True)) == set(b.graph.edges(keys=True))
    assert b.graph.nodes["gpe:russia"]["label"] == "Russian Federation"
    assert "Russia" in b.graph.nodes["gpe:russia"]["aliases"]


def test_merge_rejects_other_types():
    with pytest.raises(TypeError, match="KnowledgeGraph"):
        sample_graph().merge(nx.MultiDiGraph())


# ---------------------------------------------------------------- RDF and SPARQL

def test_to_rdf_turtle_names_entities_and_relations():
    text = sample_graph().to_rdf()
    assert "@prefix gk:" in text
    assert re.search(r'rdfs:label "Germany"', text)
    assert "gk:condemns" in text


@pytest.mark.parametrize("fmt, check", [
    ("ttl", lambda t: "@prefix" in t),
    ("json-ld", lambda t: isinstance(json.loads(t), (dict, list))),
    ("jsonld", lambda t: isinstance(json.loads(t), (dict, list))),
    ("nt", lambda t: all(line.endswith(" .") for line in t.splitlines())),
])
def test_to_rdf_formats(fmt, check):
    assert check(sample_graph().to_rdf(fmt))


def test_to_rdf_unknown_format():
    with pytest.raises(UsageError, match="unknown RDF format 'xml'"):
        sample_graph().to_rdf("xml")


def test_query_returns_a_dataframe_of_python_values():
    frame = sample_graph().query("""
        SELECT ?who ?whom ?confidence ?negated WHERE {
          ?s gk:relation gk:condemns ; gk:source/rdfs:label ?who ; gk:target/rdfs:label ?whom ;
             gk:confidence ?confidence ; gk:negated ?negated .
        }""")
    assert list(frame.columns) == ["who", "whom", "confidence", "negated"]
    assert frame.to_dict("records") == [{"who": "Germany", "whom": "Russia", "confidence": 0.9, "negated": False}]


def test_query_unbound_variables_are_none():
    frame = sample_graph().query("""
        SELECT ?label ?geonames WHERE {
          ?e rdfs:label ?label . OPTIONAL { ?e owl:sameAs ?geonames }
          FILTER(?label IN ("Germany", "Poland"))
        } ORDER BY ?label""")
    assert frame.to_dict("records") == [
        {"label": "Germany", "geonames": "https://sws.geonames.org/2921044/"},
        {"label": "Poland", "geonames": None}]


def test_query_plain_triples_skip_negated_statements():
    frame = sample_graph().query("SELECT ?a ?b WHERE { ?a gk:accuses ?b }")
    assert frame.empty and list(frame.columns) == ["a", "b"]
    frame = sample_graph().query("SELECT ?b WHERE { ?a gk:attacks ?b }")
    assert frame["b"].tolist() == ["https://graphkit.dev/id/entity/gpe%3Aukraine"]


def test_query_counts_and_ask():
    kg = sample_graph()
    counts = kg.query("SELECT ?rel (COUNT(*) AS ?n) WHERE { ?s gk:relation ?rel } GROUP BY ?rel ORDER BY ?rel")
    assert dict(zip(counts["rel"].str.rsplit("#").str[-1], counts["n"])) == {
        "accuses": 1, "aids": 1, "attacks": 1, "condemns": 1, "spokesperson_of": 1}
    assert counts["n"].dtype.kind == "i"
    assert kg.query("ASK { ?a gk:aids ?b }").to_dict("records") == [{"ask": True}]


def test_query_sees_changes_to_the_graph():
    kg = sample_graph()
    assert len(kg.query("SELECT ?s WHERE { ?s a gk:Statement }")) == 5
    add_relation(kg, "gpe:poland", "meets", "gpe:germany", "s6", doc="b")
    assert len(kg.query("SELECT ?s WHERE { ?s a gk:Statement }")) == 6


@pytest.mark.parametrize("sparql, message", [
    ("SELECT WHERE", "invalid SPARQL"),
    ("INSERT DATA { <x:a> <x:b> <x:c> }", "read-only"),
])
def test_query_errors_are_query_errors(sparql, message):
    with pytest.raises(QueryError, match=message):
        sample_graph().query(sparql)


# ---------------------------------------------------------------- files

def test_write_then_load_round_trips(tmp_path):
    kg = sample_graph()
    written = kg.write(tmp_path / "out")
    names = {p.name for p in written}
    assert {"graph.json", "graph.ttl", "graph.html"} <= names
    assert all(p.is_file() for p in written)
    again = gk.load(tmp_path / "out")
    assert isinstance(again, KnowledgeGraph)
    assert again.documents == kg.documents
    assert dict(again.graph.nodes(data=True)) == dict(kg.graph.nodes(data=True))
    assert sorted(again.graph.edges(keys=True, data=True)) == sorted(kg.graph.edges(keys=True, data=True))
    pd.testing.assert_frame_equal(again.relations(), kg.relations())
    assert gk.load(tmp_path / "out" / "graph.json").graph.number_of_edges() == 5


def test_write_extra_formats(tmp_path):
    written = sample_graph().write(tmp_path, formats=["nt", "csv"])
    names = {p.name for p in written}
    assert {"graph.json", "graph.ttl", "graph.html", "graph.nt"} <= names
    assert any(name.endswith(".csv") for name in names)


@pytest.mark.parametrize("make", [
    lambda tmp: tmp,                                                    # a folder without graph.json
    lambda tmp: tmp / "missing",
    lambda tmp: (tmp / "bad.json").write_text("{not json") and tmp / "bad.json",
])
def test_load_reports_what_is_wrong(tmp_path, make):
    with pytest.raises(GraphkitError, match=re.escape(str(tmp_path))):
        gk.load(make(tmp_path))


# ---------------------------------------------------------------- the inline explorer

def test_show_returns_an_isolated_iframe_of_the_explorer():
    from IPython.display import HTML

    from graphkit.export.html import render_html

    kg = sample_graph()
    shown = kg.show(height=480)
    assert isinstance(shown, HTML)
    match = re.fullmatch(r'<div class="graphkit-explorer"><iframe srcdoc="([^"]*)" sandbox="allow-scripts" '
                         r'title="graphkit explorer" style="width:100%;height:480px;[^"]*"></iframe></div>',
                         shown.data)
    assert match, shown.data[:300]
    assert html.unescape(match.group(1)) == render_html(kg.graph)
    assert "<script" not in match.group(1)  # the page's markup is all escaped inside the attribute


def test_show_escapes_untrusted_evidence():
    kg = sample_graph()
    add_relation(kg, "gpe:poland", "meets", "gpe:germany", "s7", doc="b",
                 evidence='Poland met Germany. "><script>alert(1)</script>')
    data = kg.show().data
    assert "<script>alert(1)" not in data and '"><script' not in data


def test_show_rejects_bad_height():
    with pytest.raises(UsageError, match="height"):
        sample_graph().show(height="tall")
