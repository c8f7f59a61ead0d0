"""node-link JSON (networkx.node_link_data), the format graph.json uses."""
from __future__ import annotations

import json

import networkx as nx

from ..io.atomic import atomic_write_text


def to_node_link(g: nx.MultiDiGraph) -> dict:
    """node-link data with nodes and edges sorted, so the same graph gives the same file."""
    data = nx.node_link_data(g, edges="links")
    data["nodes"] = sorted(data["nodes"], key=lambda n: n["id"])
    data["links"] = sorted(data["links"], key=lambda e: (e["source"], e["target"], e["key"]))
    return data


def write_json(g: nx.MultiDiGraph, path) -> None:
    atomic_write_text(path, json.dumps(to_node_link(g), ensure_ascii=False, indent=1, sort_keys=True) + "\n")


def read_json(path) -> nx.MultiDiGraph:
    with open(path, encoding="utf-8") as fh:
        data = json.load(fh)
    return nx.node_link_graph(data, directed=True, multigraph=True, edges="links")
