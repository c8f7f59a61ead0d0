"""The HTML export without a browser: page structure, safe JSON, payload, layout, atomic write."""
from __future__ import annotations

import base64
import hashlib
import json
import math
import os
import re
import stat

import networkx as nx
import numpy as np
import pytest

from graphkit.export import html as html_export
from graphkit.export.html import build_payload, render_html, script_json, write_html
from graphkit.export.html_layout import layout

DATA_BLOCK = re.compile(r'<script type="application/json" id="graphkit-data">(.*?)</script>', re.S)
SCRIPT_BLOCK = re.compile(r"<script>(.*?)</script>", re.S)


def small_graph(**edge_overrides) -> nx.MultiDiGraph:
    G = nx.MultiDiGraph()
    G.graph["documents"] = {"a1": {"title": "First", "date": "2024-03-01",
                                   "url": "https://example.org/1", "source": "a1.txt"}}
    G.graph["generator"] = "graphkit 0.1.0"
    G.add_node("gpe:ukraine", label="Ukraine", type="GPE", aliases=["Kyiv government"],
               mentions=9, docs=["a1"], geonames="690791")
    G.add_node("gpe:russia", label="Russia", type="GPE", aliases=[], mentions=3,
               docs=["a1"], geonames=None)
    G.add_node("person:ann-lee", label="Ann Lee", type="PERSON", aliases=["Lee"], mentions=1,
               docs=["a1"], geonames=None)
    attrs = dict(relation="accuses", evidence="Ukraine accused Russia of the strike.", doc="a1",
                 start=0, end=37, negated=False, reported_by=None, reported_by_id=None,
                 confidence=0.9, trigger="accused")
    attrs.update(edge_overrides)
    G.add_edge("gpe:ukraine", "gpe:russia", key="k1", id="k1", **attrs)
    return G


def data_of(page: str) -> dict:
    (block,) = DATA_BLOCK.findall(page)
    return json.loads(block)


# ---------- the page ----------

def test_page_is_one_self_contained_file():
    page = render_html(small_graph(), title="My graph")
    assert page.startswith("<!DOCTYPE html>")
    assert "<title>My graph</title>" in page
    assert not re.search(r"<(link|script|img|iframe)[^>]+(href|src)=[\"']?(https?:)?//", page, re.I)
    assert "<link rel=\"stylesheet\"" not in page
    assert len(SCRIPT_BLOCK.findall(page)) == 2          # vis-network and the explorer
    assert "vis-network" in page and "window.network = network" in page
    assert "__GRAPHKIT_" not in page.replace("__GRAPHKIT_", "", 0).split("<script>")[0]


def test_csp_allows_exactly_the_inline_scripts():
    page = render_html(small_graph())
    (csp,) = re.findall(r'http-equiv="Content-Security-Policy" content="([^"]+)"', page)
    assert "default-src 'none'" in csp and "'unsafe-inline'" not in csp.split("style-src")[0]
    allowed = set(re.findall(r"'sha256-([^']+)'", csp))
    actual = {base64.b64encode(hashlib.sha256(s.encode()).digest()).decode()
              for s in SCRIPT_BLOCK.findall(page)}
    assert allowed == actual


@pytest.mark.parametrize("text", [
    "</script><script>alert(1)</script>",
    "<!-- <script>",
    "Tom & Jerry &amp; co",
    "line\u2028separator\u2029paragraph",
    "quotes \" and ' and `backticks`",
    "lone surrogate \ud800 here",
    "emoji \U0001F600 and accents \u00e9",
])
def test_script_json_is_inert_inside_a_script_element(text):
    encoded = script_json({"value": text})
    for raw in "<>&\u2028\u2029":
        assert raw not in encoded
    assert json.loads(encoded) == {"value": text}


def test_script_json_rejects_nan():
    with pytest.raises(ValueError):
        script_json({"x": float("nan")})


def test_hostile_text_never_leaves_the_json_block():
    evil = '</script><img src=x onerror="alert(1)">'
    G = small_graph(evidence=evil, relation=evil)
    G.nodes["gpe:ukraine"]["label"] = evil
    page = render_html(G, title=evil)
    assert page.count("</script>") == 3                    # the page's own three scripts
    assert "<img" not in page.replace("\\u003cimg", "")
    assert "<title>&lt;/script&gt;&lt;img src=x onerror=&quot;alert(1)&quot;&gt;</title>" in page
    data = data_of(page)
    assert data["title"] == evil
    assert data["edges"][0]["evidence"] == evil
    assert data["nodes"][0]["label"] == evil


def test_marker_text_in_data_is_not_substituted():
    G = small_graph(evidence="__GRAPHKIT_VIS_JS__ and __GRAPHKIT_DATA__")
    page = render_html(G)
    assert data_of(page)["edges"][0]["evidence"] == "__GRAPHKIT_VIS_JS__ and __GRAPHKIT_DATA__"


def test_accepts_a_knowledge_graph_wrapper():
    class Wrapper:
        graph = small_graph()

    assert len(data_of(render_html(Wrapper()))["edges"]) == 1
    with pytest.raises(TypeError):
        render_html({"nodes": []})


def test_empty_graph_renders():
    data = data_of(render_html(nx.MultiDiGraph()))
    assert data["nodes"] == [] and data["edges"] == [] and data["documents"] == {}


# ---------- the payload ----------

def test_payload_carries_the_contract_fields():
    data = build_payload(small_graph(), title="t")
    ukraine = next(n for n in data["nodes"] if n["id"] == "gpe:ukraine")
    assert ukraine["label"] == "Ukraine" and ukraine["type"] == "GPE"
    assert ukraine["aliases"] == ["Kyiv government"] and ukraine["geonames"] == "690791"
    assert ukraine["mentions"] == 9 and ukraine["docs"] == ["a1"]
    (edge,) = data["edges"]
    assert edge == {
        "id": "k1", "from": "gpe:ukraine", "to": "gpe:russia", "relation": "accuses",
        "evidence": "Ukraine accused Russia of the strike.", "doc": "a1", "negated": False,
        "confidence": 0.9, "trigger": "accused", "start": 0, "end": 37,
    }
    assert data["documents"]["a1"]["url"] == "https://example.org/1"
    assert data["generator"] == "graphkit 0.1.0"
    assert data["entityStyles"]["GPE"] == html_export.ENTITY_STYLES["GPE"]
    assert data["relationColors"] == {"accuses": html_export.RELATION_COLORS["accuses"]}


def test_styles_differ_by_type_and_relation():
    colors = [s["color"] for s in html_export.ENTITY_STYLES.values()]
    shapes = [s["shape"] for s in html_export.ENTITY_STYLES.values()]
    assert len(set(colors)) == len(colors) and len(set(shapes)) == len(shapes)
    assert len(set(html_export.RELATION_COLORS.values())) == len(html_export.RELATION_COLORS)


def test_unknown_types_and_relations_get_fallback_styles():
    G = small_graph(relation="bribes")
    G.nodes["person:ann-lee"]["type"] = "WORK_OF_ART"
    data = build_payload(G)
    assert data["entityStyles"]["WORK_OF_ART"] == html_export.OTHER_ENTITY
    assert data["relationColors"]["bribes"] == build_payload(G)["relationColors"]["bribes"]
    assert data["relationColors"]["bribes"].startswith("hsl(")


def test_node_size_grows_with_mentions():
    sizes = {n["id"]: n["size"] for n in build_payload(small_graph())["nodes"]}
    assert sizes["gpe:ukraine"] > sizes["gpe:russia"] > sizes["person:ann-lee"]
    low, high = html_export.NODE_SIZE
    assert all(low <= s <= high for s in sizes.values())


def test_node_size_falls_back_to_degree_without_mentions():
    G = nx.MultiDiGraph()
    G.add_edges_from([("hub", "a"), ("hub", "b"), ("hub", "c")])
    sizes = {n["id"]: n["size"] for n in build_payload(G)["nodes"]}
    assert sizes["hub"] > sizes["a"] == sizes["b"]


def test_missing_attributes_and_odd_values_are_tolerated():
    G = nx.MultiDiGraph()
    G.add_edge(1, 2)                                   # no attributes at all, int node ids
    G.add_edge(1, 2)                                   # a parallel edge with key 1
    G.add_edge("x", "y", confidence=float("nan"), start="?", negated=1)
    G.graph["documents"] = {"d": None}
    data = build_payload(G)
    ids = [e["id"] for e in data["edges"]]
    assert len(ids) == len(set(ids)) == 3
    assert {n["id"] for n in data["nodes"]} == {"1", "2", "x", "y"}
    odd = next(e for e in data["edges"] if e["from"] == "x")
    assert "confidence" not in odd and "start" not in odd and odd["negated"] is True
    assert data["documents"] == {"d": {"title": None, "date": None, "url": None, "source": None}}
    script_json(data)                                  # still valid JSON


def test_statement_ids_that_collide_get_unique_edge_ids():
    G = small_graph()
    G.add_edge("gpe:russia", "gpe:ukraine", key="k1", id="k1", relation="rejects")
    data = build_payload(G)
    assert sorted(e["id"] for e in data["edges"]) == ["k1", "k1#2"]
    assert next(e for e in data["edges"] if e["id"] == "k1#2")["statement"] == "k1"


@pytest.mark.parametrize("count", [2, 3, 4, 5, 7])
def test_parallel_edges_get_distinct_curves(count):
    G = small_graph()
    for i in range(1, count):
        u, v = ("gpe:russia", "gpe:ukraine") if i % 2 else ("gpe:ukraine", "gpe:russia")
        G.add_edge(u, v, key=f"p{i}", id=f"p{i}", relation="meets", doc="a1")
    edges = build_payload(G)["edges"]
    # the side each curve bulges to, seen from one fixed orientation of the pair
    sides = [e.get("curve", 0.0) * (1 if e["from"] == "gpe:russia" else -1) for e in edges]
    assert len(set(sides)) == count
    assert all(abs(s) <= 1 for s in sides)


def test_self_loops_get_growing_loop_sizes():
    G = small_graph()
    G.add_edge("gpe:russia", "gpe:russia", key="l1", relation="rejects")
    G.add_edge("gpe:russia", "gpe:russia", key="l2", relation="supports")
    loops = sorted(e["loop"] for e in build_payload(G)["edges"] if e["from"] == e["to"])
    assert loops == [0, 1]


def test_single_edges_stay_straight():
    (edge,) = build_payload(small_graph())["edges"]
    assert "curve" not in edge


# ---------- the layout ----------

def test_layout_is_deterministic_finite_and_spread():
    G = nx.barabasi_albert_graph(300, 2, seed=5)
    first = layout(list(G.nodes), G.edges)
    assert first == layout(list(G.nodes), G.edges)
    points = np.array(list(first.values()))
    assert np.isfinite(points).all()
    closest = min(math.dist(p, q) for i, p in enumerate(points) for q in points[i + 1:])
    assert closest > 0.05                  # structurally equal nodes are pushed apart too


@pytest.mark.parametrize("graph, ratio", [
    (nx.path_graph(60), 5.0),
    (nx.barabasi_albert_graph(400, 1, seed=2), 5.0),       # a tree with hubs
    (nx.gnm_random_graph(600, 1800, seed=3), 1.6),         # an expander: little to show
], ids=["path", "tree", "random"])
def test_layout_keeps_neighbours_closer_than_strangers(graph, ratio):
    """networkx's spring_layout reaches about the same ratios (8.5 tree, 1.9 random)."""
    pos = layout(list(graph.nodes), graph.edges)
    edge = np.median([math.dist(pos[u], pos[v]) for u, v in graph.edges])
    rng = np.random.default_rng(0)
    nodes = list(graph.nodes)
    pairs = rng.integers(0, len(nodes), size=(2000, 2))
    stranger = np.median([math.dist(pos[nodes[a]], pos[nodes[b]]) for a, b in pairs if a != b])
    assert stranger / edge > ratio


def test_layout_keeps_components_apart():
    G = nx.disjoint_union_all([nx.cycle_graph(12), nx.star_graph(20), nx.path_graph(3),
                               nx.empty_graph(5)])
    pos = layout(list(G.nodes), G.edges)
    boxes = []
    for component in nx.connected_components(G):
        pts = np.array([pos[n] for n in component])
        boxes.append((pts.min(axis=0), pts.max(axis=0)))
    for i, (lo1, hi1) in enumerate(boxes):
        for lo2, hi2 in boxes[i + 1:]:
            overlap = (lo1 <= hi2).all() and (lo2 <= hi1).all()
            assert not overlap


@pytest.mark.parametrize("nodes, pairs, expected", [
    ([], [], {}),
    (["a"], [], {"a": (0.0, 0.0)}),
    (["a"], [("a", "a")], {"a": (0.0, 0.0)}),
])
def test_layout_trivial_cases(nodes, pairs, expected):
    assert layout(nodes, pairs) == expected


# ---------- writing ----------

def test_write_html_writes_a_new_file_with_usual_permissions(tmp_path):
    target = tmp_path / "graph.html"
    write_html(small_graph(), target, title="Fresh")
    assert "<title>Fresh</title>" in target.read_text(encoding="utf-8")
    assert [p.name for p in tmp_path.iterdir()] == ["graph.html"]
    umask = os.umask(0)
    os.umask(umask)
    assert stat.S_IMODE(target.stat().st_mode) == 0o666 & ~umask


def test_write_html_replaces_an_existing_file(tmp_path):
    target = tmp_path / "graph.html"
    target.write_text("old")
    target.chmod(0o640)
    write_html(small_graph(), target, title="Fresh")
    assert "<title>Fresh</title>" in target.read_text(encoding="utf-8")
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    assert [p.name for p in tmp_path.iterdir()] == ["graph.html"]


def test_write_html_keeps_the_old_file_when_rendering_fails(tmp_path, monkeypatch):
    target = tmp_path / "graph.html"
    target.write_text("old")

    def boom(*args, **kwargs):
        raise RuntimeError("render failed")

    monkeypatch.setattr(html_export, "render_html", boom)
    with pytest.raises(RuntimeError):
        write_html(small_graph(), target)
    assert target.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["graph.html"]


def test_write_html_keeps_the_old_file_when_writing_fails(tmp_path, monkeypatch):
    target = tmp_path / "graph.html"
    target.write_text("old")

    def broken_replace(src, dst):
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(OSError):
        write_html(small_graph(), target)
    assert target.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["graph.html"]
