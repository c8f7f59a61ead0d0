"""KnowledgeGraph: the one model every exporter and query reads (see docs/graph-model.md)."""
from __future__ import annotations

import networkx as nx

from . import __version__
from .extract.document import DocResult, statement_id


class KnowledgeGraph:
    """A typed, evidence-carrying graph over a networkx MultiDiGraph."""

    def __init__(self, graph: nx.MultiDiGraph | None = None):
        self.graph = graph if graph is not None else nx.MultiDiGraph()
        self.graph.graph.setdefault("documents", {})
        self.graph.graph.setdefault("generator", f"graphkit {__version__}")

    # ---- building --------------------------------------------------------
    def has_document(self, doc_id: str) -> bool:
        return doc_id in self.graph.graph["documents"]

    def add_result(self, result: DocResult) -> None:
        """Merge one article's entities and relations (same entity id -> same node)."""
        art = result.article
        self.graph.graph["documents"][art.id] = {"title": art.title, "date": art.date, "url": art.url, "source": art.source}
        g = self.graph
        for key, ent in result.entities.items():
            if key in g:
                node = g.nodes[key]
                node["aliases"] = sorted(set(node["aliases"]) | ent.aliases)
                node["mentions"] += ent.mentions
                node["docs"] = sorted(set(node["docs"]) | {art.id})
                node["geonames"] = node.get("geonames") or ent.geonames
            else:
                g.add_node(key, label=ent.label, type=ent.type, aliases=sorted(ent.aliases),
                           mentions=ent.mentions, docs=[art.id], geonames=ent.geonames)
        for r in result.relations:
            sid = statement_id(r.doc, r.source, r.relation, r.target, r.start, r.end, r.negated, r.reported_by)
            reporter = g.nodes[r.reported_by]["label"] if r.reported_by in g else None
            g.add_edge(r.source, r.target, key=sid, id=sid, relation=r.relation, evidence=r.evidence,
                       start=r.start, end=r.end, doc=r.doc, negated=r.negated, reported_by=reporter,
                       reported_by_id=r.reported_by if reporter else None, confidence=r.confidence,
                       trigger=r.trigger)

    # ---- reading ---------------------------------------------------------
    @property
    def documents(self) -> dict:
        return self.graph.graph["documents"]

    def relation_counts(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        for _, _, data in self.graph.edges(data=True):
            counts[data["relation"]] = counts.get(data["relation"], 0) + 1
        return dict(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))

    def filtered(self, min_confidence: float) -> "KnowledgeGraph":
        """A copy without edges below `min_confidence`."""
        g = self.graph.copy()
        g.remove_edges_from([(u, v, k) for u, v, k, d in g.edges(keys=True, data=True) if d["confidence"] < min_confidence])
        return KnowledgeGraph(g)
