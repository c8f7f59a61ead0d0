"""`graphkit build ... --update`: merge new articles into the graph an earlier build wrote.

- `load_graph(out_dir)` reads DIR/graph.json back into a KnowledgeGraph (and the digest of
  the file, which tells whether DIR/store still matches it).
- `DocumentIndex` decides per article: new, already in the graph (same text, whatever its
  id), or clashing (its id is in the graph with other text). Every document keeps the
  sha1 of its text in G.graph["documents"][id]["sha1"].
- `NodeSnapshot` remembers the nodes before an update, so the RDF store can be updated
  with only what changed (`delta_graphs`).
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

import networkx as nx

from .errors import GraphkitError
from .graph import KnowledgeGraph
from .types import Article

GRAPH_FILE = "graph.json"
NEW, SEEN, CLASH = "new", "seen", "clash"


def text_sha1(text: str) -> str:
    """The hex sha1 of an article's text (UTF-8; lone surrogates escaped, never an error)."""
    return hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()


def file_sha1(path) -> str:
    digest = hashlib.sha1()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


@dataclass
class LoadedGraph:
    graph: KnowledgeGraph
    digest: str          # sha1 of the graph.json bytes it was read from


def load_graph(out_dir) -> LoadedGraph | None:
    """The graph in DIR/graph.json, or None when DIR has none yet."""
    from .export.json import read_json

    path = Path(out_dir) / GRAPH_FILE
    if not path.is_file():
        return None
    try:
        g = read_json(path)
    except (OSError, ValueError, KeyError, TypeError, nx.NetworkXError) as exc:
        raise GraphkitError(f"cannot read {path} to update it ({exc}); rebuild without --update") from exc
    if not isinstance(g.graph.get("documents"), dict):
        raise GraphkitError(f"{path} is not a graphkit graph (no documents); rebuild without --update")
    return LoadedGraph(KnowledgeGraph(g), file_sha1(path))


class DocumentIndex:
    """The documents of a graph by id and by text hash; `claim` admits each article once."""

    def __init__(self, kg: KnowledgeGraph):
        self.ids: set[str] = set(kg.documents)
        self.hashes: dict[str, str] = {}
        self.unhashed: set[str] = set()   # documents of older graphs, stored without a sha1
        for doc_id, meta in kg.documents.items():
            digest = (meta or {}).get("sha1")
            if digest:
                self.hashes.setdefault(digest, doc_id)
            else:
                self.unhashed.add(doc_id)

    def claim(self, article: Article) -> tuple[str, str | None]:
        """(NEW, None), (SEEN, id of the same text) or (CLASH, id); NEW articles are recorded.

        An id whose document has no recorded sha1 (a graph from before it) counts as SEEN:
        its text cannot be compared, and re-adding it would count its mentions twice.
        """
        digest = text_sha1(article.text)
        same_text = self.hashes.get(digest)
        if same_text is not None:
            return SEEN, same_text
        if article.id in self.unhashed:
            return SEEN, article.id
        if article.id in self.ids:
            return CLASH, article.id
        self.ids.add(article.id)
        self.hashes[digest] = article.id
        return NEW, None


def clash_reason(doc_id: str) -> str:
    return (f"an article with id {doc_id!r} is already in the graph with different text "
            "(build without --update to replace it)")


class NodeSnapshot:
    """Copies of every node's attributes (values are replaced, not mutated, by add_result)."""

    def __init__(self, g: nx.MultiDiGraph):
        self.nodes = {node: dict(data) for node, data in g.nodes(data=True)}
        self.documents = {doc: dict(meta or {}) for doc, meta in g.graph.get("documents", {}).items()}

    def changed(self, g: nx.MultiDiGraph) -> tuple[list, list]:
        """(nodes whose attributes changed, nodes that are new)."""
        old = self.nodes
        changed = [n for n, d in g.nodes(data=True) if n in old and d != old[n]]
        new = [n for n in g if n not in old]
        return changed, new


def delta_graphs(snapshot: NodeSnapshot, g: nx.MultiDiGraph, added_docs) -> tuple[nx.MultiDiGraph, nx.MultiDiGraph]:
    """Two small graphs whose RDF differ exactly as the old and the new graph's RDF do.

    before: the changed nodes as they were; after: the same nodes as they are, the new
    nodes, the edges of the added documents (with their end and reporter nodes). Both cite
    the documents their nodes and edges name, with the same metadata, so
    RDF(before) - RDF(after) are the triples to delete and RDF(after) - RDF(before) the
    triples to insert.
    """
    added = set(added_docs)
    changed, new = snapshot.changed(g)
    edges = [(u, v, k, d) for u, v, k, d in g.edges(keys=True, data=True) if d.get("doc") in added]
    after_nodes = set(changed) | set(new)
    for u, v, _, d in edges:
        after_nodes.update([u, v])
        if d.get("reported_by_id") in g:
            after_nodes.add(d["reported_by_id"])
    documents = g.graph.get("documents", {})

    before = nx.MultiDiGraph()
    for node in sorted(changed):
        before.add_node(node, **snapshot.nodes[node])
    after = nx.MultiDiGraph()
    for node in sorted(after_nodes):
        after.add_node(node, **g.nodes[node])
    for u, v, k, d in edges:
        after.add_edge(u, v, key=k, **d)
    for sub in (before, after):
        cited = {doc for _, d in sub.nodes(data=True) for doc in d.get("docs") or ()}
        cited |= {d["doc"] for _, _, d in sub.edges(data=True) if d.get("doc") is not None}
        sub.graph["documents"] = {doc: documents[doc] for doc in sorted(cited) if doc in documents}
    return before, after
