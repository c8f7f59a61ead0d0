"""A small graph in the shape docs/graph-model.md describes, shared by the RDF and query tests.

The sentences are invented for the tests.
"""
from __future__ import annotations

import networkx as nx

EVIDENCE = {
    "s-acc": 'The ministry said "enough" and accused Ruritania of shelling \\ the border.',
    "s-neg": "Ruritania did not attack the port of Zenda.",
    "s-spk": "Anna Kovacs, the ministry's spokeswoman, spoke on Tuesday.",
    "s-meet": "Ruritanian and Borduvian envoys met in Strelsau.",
    "s-loc": "Zenda lies in the south of Ruritania.",
}


def sample_graph() -> nx.MultiDiGraph:
    g = nx.MultiDiGraph()
    g.graph["generator"] = "graphkit 0.1.0"
    g.graph["documents"] = {
        "doc-1": {"title": "Border talks stall", "date": "2024-02-17",
                  "url": "https://news.example/a?x=1&y=<2>", "source": "a.txt"},
        "doc-2": {"title": None, "date": "last Tuesday", "url": None, "source": None},
    }
    nodes = [
        ("gpe:borduvia", "Borduvia", "GPE", ["Borduvian", "the Republic"], 4, ["doc-1", "doc-2"], "123"),
        ("gpe:ruritania", "Ruritania", "GPE", ["Ruritanian"], 5, ["doc-1", "doc-2"], "456"),
        ("gpe:zenda", "Zenda", "GPE", [], 2, ["doc-2"], None),
        ("org:ministry", "Borduvian Ministry of Defence", "ORG", ["the ministry"], 2, ["doc-1"], None),
        ("person:anna-kovacs", "Anna Kovacs", "PERSON", ["Kovacs"], 1, ["doc-1"], None),
        ("loc:south", "the South", "LOC", [], 1, ["doc-2"], None),
    ]
    for node, label, kind, aliases, mentions, docs, geonames in nodes:
        g.add_node(node, label=label, type=kind, aliases=aliases, mentions=mentions, docs=docs,
                   geonames=geonames)
    edges = [
        ("org:ministry", "gpe:ruritania", "s-acc", "accuses", "doc-1", 0, False, "person:anna-kovacs", 0.9, "accused"),
        ("gpe:ruritania", "gpe:zenda", "s-neg", "attacks", "doc-2", 10, True, None, 0.6, "attack"),
        ("person:anna-kovacs", "org:ministry", "s-spk", "spokesperson_of", "doc-1", 80, False, None, 1, None),
        ("gpe:ruritania", "gpe:borduvia", "s-meet", "meets", "doc-2", 60, False, None, 0.75, "met"),
        ("gpe:zenda", "gpe:ruritania", "s-loc", "located_in", "doc-2", 120, False, None, 0.5, None),
    ]
    for source, target, sid, relation, doc, start, negated, reporter, confidence, trigger in edges:
        evidence = EVIDENCE[sid]
        g.add_edge(source, target, key=sid, id=sid, relation=relation, evidence=evidence,
                   start=start, end=start + len(evidence), doc=doc, negated=negated,
                   reported_by=g.nodes[reporter]["label"] if reporter else None,
                   reported_by_id=reporter, confidence=confidence, trigger=trigger)
    return g


def test_sample_follows_the_contract():
    g = sample_graph()
    for _, data in g.nodes(data=True):
        assert {"label", "type", "aliases", "mentions", "docs", "geonames"} <= set(data)
    for _, _, key, data in g.edges(keys=True, data=True):
        assert data["id"] == key
        assert data["end"] - data["start"] == len(data["evidence"])
