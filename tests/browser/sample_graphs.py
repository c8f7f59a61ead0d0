"""Hand-written graphs in the shape of docs/graph-model.md, for the explorer tests."""
from __future__ import annotations

import networkx as nx

HOSTILE_LABEL = '<img src=x onerror="window.__pwned=1">'
HOSTILE_EVIDENCE = "<script>window.__pwned=2</script> & \"quoted\" \u2028 line"


def news_graph() -> nx.MultiDiGraph:
    """A small hand-written graph in the shape of docs/graph-model.md (own sentences)."""
    G = nx.MultiDiGraph()
    G.graph["generator"] = "graphkit test"
    G.graph["documents"] = {
        "d1": {"title": "Talks stall as shelling continues", "date": "2024-02-11",
               "url": "https://example.org/news/talks-stall", "source": "d1.txt"},
        "d2": {"title": "Aid package approved", "date": "2024-02-12",
               "url": "http://example.org/aid", "source": "d2.txt"},
        "d3": {"title": "Ministers meet in Brussels", "date": "2024-02-14",
               "url": None, "source": "d3.txt"},
    }
    nodes = [
        ("gpe:ukraine", "Ukraine", "GPE", ["Kyiv government"], 14, ["d1", "d2", "d3"], "690791"),
        ("gpe:russia", "Russia", "GPE", ["Moscow"], 12, ["d1", "d3"], "2017370"),
        ("gpe:kyiv", "Kyiv", "GPE", ["Kiev"], 4, ["d1"], "703448"),
        ("gpe:united-states", "United States", "GPE", ["U.S.", "Washington"], 7, ["d2"], "6252001"),
        ("person:john-kirby", "John Kirby", "PERSON", ["Kirby"], 3, ["d2"], None),
        ("org:white-house", "White House", "ORG", [], 3, ["d2"], None),
        ("org:russian-military", "Russian military", "ORG", ["Russian forces"], 5, ["d1"], None),
        ("org:nato", "NATO", "ORG", ["the alliance"], 4, ["d3"], None),
        ("norp:europeans", "Europeans", "NORP", [], 2, ["d3"], None),
        ("person:anna-berg", "Anna Berg", "PERSON", ["Berg"], 2, ["d3"], None),
        ("loc:black-sea", "Black Sea", "LOC", [], 1, ["d1"], None),
        ("event:spring-summit", "Spring Summit", "EVENT", [], 1, ["d3"], None),
    ]
    for node_id, label, typ, aliases, mentions, docs, geonames in nodes:
        G.add_node(node_id, label=label, type=typ, aliases=aliases, mentions=mentions,
                   docs=docs, geonames=geonames)
    edges = [
        ("s01", "gpe:ukraine", "gpe:russia", "accuses", "d1",
         "Ukraine accused Russia of shelling the port overnight.", False, None, None, 0.92, "accused"),
        ("s02", "org:russian-military", "gpe:kyiv", "attacks", "d1",
         "The Russian military struck Kyiv with drones before dawn.", False, None, None, 0.88, "struck"),
        ("s03", "gpe:russia", "gpe:ukraine", "rejects", "d1",
         "Moscow rejected the proposal from Ukraine.", False, None, None, 0.7, "rejected"),
        ("s04", "gpe:russia", "gpe:ukraine", "threatens", "d1",
         "Russia threatened Ukraine with further strikes, officials said.", False,
         "officials", None, 0.35, "threatened"),
        ("s05", "gpe:united-states", "gpe:ukraine", "aids", "d2",
         "The United States will send air defence systems to Ukraine, Kirby said.", False,
         "John Kirby", "person:john-kirby", 0.9, "send"),
        ("s06", "person:john-kirby", "org:white-house", "spokesperson_of", "d2",
         "John Kirby, a White House spokesman, spoke on Monday.", False, None, None, 0.95, "spokesman"),
        ("s07", "org:nato", "gpe:russia", "condemns", "d3",
         "NATO condemned Russia for the strikes.", False, None, None, 0.8, "condemned"),
        ("s08", "gpe:russia", "org:nato", "meets", "d3",
         "Russia did not meet NATO envoys in Brussels.", True, None, None, 0.6, "meet"),
        ("s09", "person:anna-berg", "org:nato", "member_of", "d3",
         "Anna Berg, of the alliance's staff, opened the session.", False, None, None, 0.5, None),
        ("s10", "norp:europeans", "gpe:ukraine", "supports", "d3",
         "Europeans backed Ukraine at the Spring Summit.", False, None, None, 0.75, "backed"),
        ("s11", "gpe:kyiv", "gpe:ukraine", "located_in", "d1",
         "Kyiv, the capital of Ukraine, was hit again.", False, None, None, 0.99, None),
        ("s12", "gpe:ukraine", "gpe:russia", "accuses", "d3",
         "Ukraine again accused Russia of targeting grain depots.", False, None, None, 0.85, "accused"),
    ]
    for key, u, v, rel, doc, evidence, negated, rep, rep_id, conf, trigger in edges:
        G.add_edge(u, v, key=key, id=key, relation=rel, doc=doc, evidence=evidence,
                   start=0, end=len(evidence), negated=negated, reported_by=rep,
                   reported_by_id=rep_id, confidence=conf, trigger=trigger)
    return G


def hostile_graph() -> nx.MultiDiGraph:
    """Markup, quotes, ampersands, script-closing tags and bad URLs in every text field."""
    G = nx.MultiDiGraph()
    G.graph["documents"] = {
        "doc<1>": {"title": '<img src=x onerror="window.__pwned=3">Title & "more"',
                   "date": "<b>2024</b>", "url": "javascript:window.__pwned=4",
                   "source": "</script><script>window.__pwned=5</script>"},
    }
    G.add_node("person:evil</script>", label=HOSTILE_LABEL, type="PERSON",
               aliases=["</script><script>window.__pwned=6</script>", "Tom & \"Jerry\""],
               mentions=3, docs=["doc<1>"], geonames='1"><img src=x onerror=window.__pwned=7>')
    G.add_node("org:plain", label="Plain Org", type="ORG", aliases=[], mentions=1,
               docs=["doc<1>"], geonames=None)
    G.add_edge("person:evil</script>", "org:plain", key="e1", id="e1", relation="accuses",
               evidence=HOSTILE_EVIDENCE, doc="doc<1>", start=0, end=10, negated=False,
               reported_by='<svg onload="window.__pwned=8">', reported_by_id=None,
               confidence=0.9, trigger="<script>")
    G.add_edge("org:plain", "person:evil</script>", key="e2", id="e2",
               relation="</script><img src=x onerror=window.__pwned=9>",
               evidence="Plain text & nothing else", doc="doc<1>", start=0, end=5,
               negated=True, reported_by=None, reported_by_id=None, confidence=0.4, trigger=None)
    return G
