"""Table and graph-tool exports: GraphML, GEXF (Gephi), CSV node and edge tables.

These formats take only scalar attributes, so `flat_graph` first makes a copy where lists
become JSON strings, None values are dropped, an attribute that mixes ints and floats is all
floats, and nodes and edges are in sorted order: the same graph always gives the same bytes.

In the CSV files a text cell that a spreadsheet would run as a formula (it starts with =, +,
-, @, a tab or a carriage return, and is not a plain number) gets a leading single quote
(OWASP's advice against CSV injection): names and evidence come from article text. Only the
written files change; the graph and its DataFrames keep the text as it is.
"""
from __future__ import annotations

import csv
import json
import re
from pathlib import Path

import networkx as nx

from ..io.atomic import atomic_open, atomic_write_text

NODE_COLUMNS = ("id", "label", "type", "aliases", "mentions", "docs", "geonames")
EDGE_COLUMNS = ("id", "source", "target", "relation", "negated", "confidence", "doc", "start",
                "end", "evidence", "reported_by", "reported_by_id", "trigger")

# Characters XML 1.0 cannot carry (GraphML and GEXF are XML): replaced by U+FFFD.
_NOT_XML = re.compile("[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
# CSV cells starting with one of these are formulas to Excel, LibreOffice and Sheets.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_PLAIN_NUMBER = re.compile(r"[+-]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][+-]?[0-9]+)?")
# GEXF reads these edge attributes as its own (time spans, display): renamed on the way out.
_GEXF_RESERVED = {"start": "evidence_start", "end": "evidence_end", "label": "edge_label",
                  "weight": "edge_weight", "type": "edge_type"}


def _scalar(value, xml: bool):
    if isinstance(value, (list, tuple, set, frozenset, dict)):
        if isinstance(value, (set, frozenset)):
            value = sorted(value, key=str)
        value = json.dumps(value, ensure_ascii=False, sort_keys=True)
    elif not isinstance(value, (str, bool, int, float)):
        value = str(value)
    if xml and isinstance(value, str):
        value = _NOT_XML.sub("\ufffd", value)
    return value


def _flat_attrs(items, xml: bool) -> list[dict]:
    """Scalar copies of attribute dicts; an attribute mixing int and float becomes float."""
    rows = [{k: _scalar(v, xml) for k, v in data.items() if v is not None} for data in items]
    kinds: dict[str, set] = {}
    for row in rows:
        for k, v in row.items():
            kinds.setdefault(k, set()).add(type(v))
    for k, types in kinds.items():
        if types == {int, float}:
            for row in rows:
                if k in row:
                    row[k] = float(row[k])
        elif len(types) > 1:
            for row in rows:
                if k in row:
                    row[k] = _text(row[k])
    return rows


def flat_graph(g: nx.MultiDiGraph, xml: bool = False) -> nx.MultiDiGraph:
    """A sorted copy of g with scalar attributes only (see the module docstring)."""
    out = nx.MultiDiGraph()
    out.graph.update(_flat_attrs([g.graph], xml)[0])
    nodes = sorted(g.nodes(data=True), key=lambda nd: str(nd[0]))
    for (node, _), data in zip(nodes, _flat_attrs([d for _, d in nodes], xml)):
        out.add_node(_scalar(node, xml), **data)
    edges = sorted(g.edges(keys=True, data=True), key=lambda e: (str(e[0]), str(e[1]), str(e[2])))
    for (u, v, key, _), data in zip(edges, _flat_attrs([e[3] for e in edges], xml)):
        out.add_edge(_scalar(u, xml), _scalar(v, xml), key=_scalar(key, xml), **data)
    return out


def _text(value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return ""
    return str(value)


def csv_cell(value) -> str:
    """value as CSV text, with a leading ' when a spreadsheet would read it as a formula."""
    text = _text(value)
    if text.startswith(_FORMULA_START) and not _PLAIN_NUMBER.fullmatch(text):
        return "'" + text
    return text


# ---------------------------------------------------------------- writers

def _folder(out_dir) -> Path:
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    return out


def write_graphml(g: nx.MultiDiGraph, out_dir) -> list[Path]:
    """graph.graphml (edge ids are the statement ids)."""
    flat = flat_graph(g, xml=True)
    path = _folder(out_dir) / "graph.graphml"
    edge_id = "id" if all("id" in d for *_, d in flat.edges(keys=True, data=True)) else None
    text = "\n".join(nx.generate_graphml(flat, edge_id_from_attribute=edge_id)) + "\n"
    atomic_write_text(path, text)
    return [path]


def write_gexf(g: nx.MultiDiGraph, out_dir) -> list[Path]:
    """graph.gexf for Gephi: edges labelled with their relation, offsets as evidence_start/end."""
    flat = flat_graph(g, xml=True)
    for *_, data in flat.edges(keys=True, data=True):
        for name, renamed in _GEXF_RESERVED.items():
            if name in data:
                data[renamed] = data.pop(name)
        if "relation" in data:
            data["label"] = data["relation"]
    flat.graph.clear()  # GEXF reads graph attributes as its own settings (mode, defaults)
    writer = nx.readwrite.gexf.GEXFWriter(encoding="utf-8", prettyprint=True)
    writer.add_graph(flat)
    meta = writer.xml.find("meta")
    if meta is not None:
        meta.attrib.pop("lastmodifieddate", None)  # today's date would make every run differ
    path = _folder(out_dir) / "graph.gexf"
    atomic_write_text(path, str(writer))
    return [path]


def write_csv(g: nx.MultiDiGraph, out_dir) -> list[Path]:
    """graph.nodes.csv and graph.edges.csv (lists as JSON, booleans as true/false)."""
    flat = flat_graph(g)
    nodes = [{**d, "id": n} for n, d in flat.nodes(data=True)]
    edges = [{**d, "id": d.get("id", k), "source": u, "target": v}
             for u, v, k, d in flat.edges(keys=True, data=True)]
    out = _folder(out_dir)
    paths = [out / "graph.nodes.csv", out / "graph.edges.csv"]
    for path, rows, leading in ((paths[0], nodes, NODE_COLUMNS), (paths[1], edges, EDGE_COLUMNS)):
        extra = sorted({k for row in rows for k in row} - set(leading))
        columns = [*leading, *extra]
        with atomic_open(path, "w", newline="") as handle:
            plain = csv.writer(handle, lineterminator="\n")
            # csv quotes a cell for the line terminator's characters only: a bare \r would
            # split the row for readers, so a row holding one has every cell quoted.
            quoted = csv.writer(handle, lineterminator="\n", quoting=csv.QUOTE_ALL)
            for cells in ([csv_cell(c) for c in columns],
                          *([csv_cell(row.get(c)) for c in columns] for row in rows)):
                (quoted if any("\r" in cell for cell in cells) else plain).writerow(cells)
    return paths


TABLE_WRITERS = {"graphml": write_graphml, "gexf": write_gexf, "csv": write_csv}
