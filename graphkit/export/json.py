"""node-link JSON (networkx.node_link_data), the format graph.json uses."""
from __future__ import annotations

import json
from pathlib import Path

import networkx as nx

from ..errors import GraphkitError
from ..io.atomic import atomic_write_text

GRAPH_FILE = "graph.json"


def to_node_link(g: nx.MultiDiGraph) -> dict:
    """node-link data with nodes and edges sorted, so the same graph gives the same file."""
    data = nx.node_link_data(g, edges="links")
    data["nodes"] = sorted(data["nodes"], key=lambda n: n["id"])
    data["links"] = sorted(data["links"], key=lambda e: (e["source"], e["target"], e["key"]))
    return data


def write_json(g: nx.MultiDiGraph, path) -> None:
    atomic_write_text(path, json.dumps(to_node_link(g), ensure_ascii=False, indent=1, sort_keys=True) + "\n")


def read_json(path) -> nx.MultiDiGraph:
    """The graph in a node-link JSON file; ValueError when the JSON is not node-link data."""
    with open(path, encoding="utf-8") as fh:
        data = json.load(fh)
    if not _is_node_link(data):
        raise ValueError("not networkx node-link data: expected an object whose 'nodes' and "
                         "'links' are lists of objects")
    return nx.node_link_graph(data, directed=True, multigraph=True, edges="links")


def _is_node_link(data) -> bool:
    return isinstance(data, dict) and all(
        isinstance(data.get(part), list) and all(isinstance(item, dict) for item in data[part])
        for part in ("nodes", "links"))


def read_graph_file(source, error: type[GraphkitError] = GraphkitError) -> nx.MultiDiGraph:
    """The graph of a build folder (its graph.json) or of a node-link JSON file.

    Raises `error` with a one-line message when there is no such file or it is no graph.
    """
    path = Path(source)
    if path.is_dir():
        path = path / GRAPH_FILE
        if not path.is_file():
            raise error(f"{source} holds no {GRAPH_FILE}: build one with `graphkit build ... "
                        "--out DIR` or kg.write(DIR)")
    elif not path.is_file():
        raise error(f"no such file or folder: {source}")
    try:
        return read_json(path)
    except (OSError, ValueError, KeyError, TypeError, AttributeError, nx.NetworkXError) as exc:
        detail = " ".join(str(exc).split())[:200]
        reason = f"{type(exc).__name__}: {detail}" if detail else type(exc).__name__
        raise error(f"cannot read {path} as a graphkit graph ({reason})") from None
