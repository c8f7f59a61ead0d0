"""Interactive HTML explorer: one self-contained file (vis-network inlined, no network).

`render_html(G)` returns the page; `write_html(G, path)` writes it atomically.
The graph data travels as JSON in a `<script type="application/json">` block with
`<`, `>`, `&` and U+2028/9 escaped; the page builds its DOM with textContent only, and a
Content-Security-Policy allows just the page's own two scripts (by hash), no requests.
"""
from __future__ import annotations

import base64
import functools
import hashlib
import html
import json
import math
import os
import re
import statistics
from collections import defaultdict
from pathlib import Path
from typing import Any

import networkx as nx

from ..errors import GraphkitError
from ..io.atomic import atomic_write_text
from .html_layout import layout

__all__ = ["render_html", "write_html", "build_payload", "ENTITY_STYLES", "RELATION_COLORS"]

TEMPLATES = Path(__file__).with_name("templates")
EDGE_PIXELS = 170          # the median edge is drawn this long (vis-network pixels)
UNIT_PIXELS = (40.0, 200.0)  # bounds for one layout unit in pixels
NODE_SIZE = (10.0, 30.0)   # smallest and largest node radius

ENTITY_STYLES: dict[str, dict[str, str]] = {
    "PERSON": {"color": "#E69F00", "shape": "dot"},
    "ORG": {"color": "#0072B2", "shape": "square"},
    "GPE": {"color": "#009E73", "shape": "triangle"},
    "LOC": {"color": "#56B4E9", "shape": "triangleDown"},
    "NORP": {"color": "#CC79A7", "shape": "diamond"},
    "EVENT": {"color": "#D55E00", "shape": "star"},
}
OTHER_ENTITY = {"color": "#8C8C8C", "shape": "hexagon"}

RELATION_COLORS: dict[str, str] = {
    # hostile: reds and oranges
    "accuses": "#D62728", "condemns": "#E3559A", "attacks": "#8B0000",
    "threatens": "#FF7F0E", "sanctions": "#B8860B", "rejects": "#C44E52",
    "protests_against": "#E6550D",
    # cooperative: greens, blues, violets
    "aids": "#2CA02C", "supports": "#17BECF", "cooperates_with": "#1F77B4",
    "agrees_with": "#9467BD", "meets": "#6A5ACD", "requests": "#8C9A1B",
    "retreats_from": "#8C564B",
    # structural: slate and greys
    "spokesperson_of": "#6B7B8C", "member_of": "#4A5A6A", "leader_of": "#393B79",
    "ambassador_of": "#637939", "located_in": "#9A9A9A",
}

_MARKER = re.compile(r"__GRAPHKIT_([A-Z_]+)__")
_JSON_ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026"}


def render_html(G: nx.MultiDiGraph, title: str = "graphkit") -> str:
    """The explorer page for `G` (a MultiDiGraph, or a KnowledgeGraph wrapping one) as one
    HTML string that needs no external resources."""
    G = _networkx_graph(G)
    title = _clean_text(title) or "graphkit"
    vis_js, vis_css = _vis_assets()
    app_js = _read_template("explorer.js")
    for name, script in (("vis-network", vis_js), ("explorer.js", app_js)):
        if "</script" in script.lower():
            raise GraphkitError(f"{name} contains '</script' and cannot be inlined")
    values = {
        "TITLE": html.escape(title),
        "CSP": _content_security_policy(vis_js, app_js),
        "VIS_CSS": vis_css,
        "APP_CSS": _read_template("explorer.css"),
        "DATA": script_json(build_payload(G, title)),
        "VIS_JS": vis_js,
        "APP_JS": app_js,
    }
    return _MARKER.sub(lambda m: values[m.group(1)], _read_template("explorer.html"))


def write_html(G: nx.MultiDiGraph, path: str | os.PathLike, title: str = "graphkit") -> None:
    """Write the explorer page to `path` atomically (temp file in the same folder, then
    os.replace; an existing file keeps its permissions)."""
    atomic_write_text(path, render_html(G, title=title))


def script_json(value: Any) -> str:
    """JSON that is safe inside a <script> element (no `</script`, `<!--`, `&`, U+2028/9)."""
    text = json.dumps(value, ensure_ascii=True, allow_nan=False, separators=(",", ":"))
    return re.sub(r"[<>&]", lambda m: _JSON_ESCAPES[m.group(0)], text)


def build_payload(G: nx.MultiDiGraph, title: str = "graphkit") -> dict[str, Any]:
    """The data the page reads: nodes with positions and styles, edges, documents, legend."""
    G = _networkx_graph(G)
    node_ids = _unique_ids(G.nodes)
    positions = layout(list(G.nodes), ((u, v) for u, v in G.edges()))
    unit = _unit_pixels(positions, G.edges())
    degree = dict(G.degree())
    weights = {n: _count(a.get("mentions")) or degree[n] for n, a in G.nodes(data=True)}
    top = max(weights.values(), default=1) or 1
    nodes = []
    for node, attrs in G.nodes(data=True):
        x, y = positions[node]
        nodes.append(_compact({
            "id": node_ids[node],
            "label": _clean_text(attrs.get("label")) or node_ids[node],
            "type": (_clean_text(attrs.get("type")) or "OTHER").upper(),
            "aliases": _text_list(attrs.get("aliases")),
            "mentions": _count(attrs.get("mentions")),
            "docs": _text_list(attrs.get("docs")),
            "geonames": _clean_text(attrs.get("geonames")),
            "degree": degree[node],
            "size": round(_node_size(weights[node], top), 1),
            "x": round(x * unit, 1),
            "y": round(y * unit, 1),
        }))
    edges = _edges(G, node_ids)
    types = _ordered({n["type"] for n in nodes}, ENTITY_STYLES)
    relations = _ordered({e["relation"] for e in edges}, RELATION_COLORS)
    return {
        "title": title,
        "generator": _clean_text(G.graph.get("generator")),
        "nodes": nodes,
        "edges": edges,
        "documents": _documents(G.graph.get("documents")),
        "entityStyles": {t: ENTITY_STYLES.get(t, OTHER_ENTITY) for t in types},
        "relationColors": {r: RELATION_COLORS.get(r) or _hashed_color(r) for r in relations},
    }


def _networkx_graph(G):
    if isinstance(G, nx.Graph):
        return G
    inner = getattr(G, "graph", None)
    if isinstance(inner, nx.Graph):
        return inner
    raise TypeError(f"expected a networkx MultiDiGraph or a KnowledgeGraph, got {type(G).__name__}")


def _edges(G, node_ids):
    edges = []
    used: set[str] = set()
    for u, v, key, attrs in G.edges(keys=True, data=True):
        statement = _clean_text(attrs.get("id")) or _clean_text(key) or ""
        edge_id = _fresh(statement or "edge", used)
        reporter = _clean_text(attrs.get("reported_by_id"))
        edges.append({
            "id": edge_id,
            "statement": statement if statement != edge_id else None,
            "from": node_ids[u],
            "to": node_ids[v],
            "relation": _clean_text(attrs.get("relation")) or "related_to",
            "evidence": _clean_text(attrs.get("evidence")) or "",
            "doc": _clean_text(attrs.get("doc")),
            "negated": bool(attrs.get("negated", False)),
            "reported_by": _clean_text(attrs.get("reported_by")),
            "reported_by_id": node_ids.get(reporter, reporter) if reporter else None,
            "confidence": _probability(attrs.get("confidence")),
            "trigger": _clean_text(attrs.get("trigger")),
            "start": _maybe_int(attrs.get("start")),
            "end": _maybe_int(attrs.get("end")),
        })
    _assign_curves(edges)
    return [_compact(e) for e in edges]


def _compact(item):
    """Drop empty fields (None, straight curve): 20k edges make a large page otherwise."""
    return {k: v for k, v in item.items() if v is not None and not (k == "curve" and v == 0)}


def _unit_pixels(positions, pairs):
    """Pixels per layout unit so that the median edge is EDGE_PIXELS long."""
    lengths = [math.dist(positions[u], positions[v]) for u, v in pairs if u != v]
    median = statistics.median(lengths) if lengths else 1.0
    low, high = UNIT_PIXELS
    return min(max(EDGE_PIXELS / median, low), high) if median > 0 else high


def _assign_curves(edges):
    """Give parallel edges distinct curves: `curve` is a signed roundness (+ clockwise
    relative to the edge's own direction, 0 straight); self-loops get growing `loop` sizes."""
    groups: dict[tuple[str, str], list[dict]] = defaultdict(list)
    for edge in edges:
        pair = tuple(sorted((edge["from"], edge["to"])))
        groups[pair].append(edge)
    for (a, b), group in groups.items():
        group.sort(key=lambda e: (e["relation"], e["from"] != a, e["doc"] or "", e["id"]))
        if a == b:
            for i, edge in enumerate(group):
                edge["curve"], edge["loop"] = 0.0, i
            continue
        for edge, offset in zip(group, _offsets(len(group))):
            edge["curve"] = round(offset if edge["from"] == a else -offset, 3) + 0.0


def _offsets(count):
    """Symmetric roundness offsets for `count` parallel edges (0 stays straight)."""
    half = (count + 1) // 2
    step = min(0.25, 0.9 / half)
    if count % 2:
        out = [0.0]
        for i in range(1, half):
            out += [i * step, -i * step]
    else:
        out = []
        for i in range(half):
            out += [(i + 0.5) * step, -(i + 0.5) * step]
    return out


def _documents(docs):
    out = {}
    for doc_id, meta in (docs or {}).items():
        meta = meta if isinstance(meta, dict) else {}
        out[_clean_text(doc_id) or ""] = {
            field: _clean_text(meta.get(field)) for field in ("title", "date", "url", "source")
        }
    return out


def _unique_ids(nodes):
    used: set[str] = set()
    return {node: _fresh(_clean_text(node) or "node", used) for node in nodes}


def _fresh(name, used):
    candidate, n = name, 1
    while candidate in used:
        n += 1
        candidate = f"{name}#{n}"
    used.add(candidate)
    return candidate


def _node_size(weight, top):
    low, high = NODE_SIZE
    if top <= 1:
        return low
    return low + (high - low) * math.log1p(max(weight, 0)) / math.log1p(top)


def _ordered(found, known):
    return [k for k in known if k in found] + sorted(found - set(known))


def _hashed_color(name):
    hue = int(hashlib.sha1(name.encode("utf-8")).hexdigest()[:6], 16) % 360
    return f"hsl({hue}, 55%, 45%)"


def _clean_text(value):
    """str or None; lone surrogates replaced so the page is valid UTF-8."""
    if value is None:
        return None
    text = value if isinstance(value, str) else str(value)
    return text.encode("utf-8", "replace").decode("utf-8")


def _text_list(value):
    if value is None:
        return []
    if isinstance(value, str):
        return [_clean_text(value)]
    return [_clean_text(v) for v in value if v is not None]


def _count(value):
    try:
        number = int(value)
    except (TypeError, ValueError):
        return 0
    return max(number, 0)


def _maybe_int(value):
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def _probability(value):
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return round(min(max(number, 0.0), 1.0), 4) if math.isfinite(number) else None


def _content_security_policy(*scripts):
    hashes = " ".join(
        "'sha256-" + base64.b64encode(hashlib.sha256(s.encode("utf-8")).digest()).decode() + "'"
        for s in scripts
    )
    return (f"default-src 'none'; script-src {hashes}; style-src 'unsafe-inline'; "
            "img-src data:; base-uri 'none'; form-action 'none'")


@functools.lru_cache(maxsize=None)
def _read_template(name):
    return (TEMPLATES / name).read_text(encoding="utf-8")


@functools.lru_cache(maxsize=1)
def _vis_assets():
    """vis-network's JS and CSS as shipped inside the pyvis package."""
    try:
        import pyvis
    except ImportError as exc:  # pragma: no cover - pyvis is a dependency
        raise GraphkitError("the HTML export needs pyvis: pip install 'pyvis>=0.3.2,<0.4'") from exc
    lib = Path(pyvis.__file__).parent / "templates" / "lib"
    found = sorted(
        (d for d in lib.glob("vis-*") if (d / "vis-network.min.js").is_file()),
        key=lambda d: tuple(int(p) for p in re.findall(r"\d+", d.name)),
    )
    if not found:
        raise GraphkitError(f"vis-network not found in the pyvis package ({lib}); reinstall pyvis")
    folder = found[-1]
    return ((folder / "vis-network.min.js").read_text(encoding="utf-8"),
            (folder / "vis-network.css").read_text(encoding="utf-8"))

