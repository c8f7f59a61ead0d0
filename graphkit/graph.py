"""KnowledgeGraph: the one model every exporter and query reads (see docs/graph-model.md)."""
from __future__ import annotations

import networkx as nx

from . import __version__
from .extract.document import DocResult, statement_id
from .resolve.names import name_key


def _family(entity_type: str) -> str:
    """Types that may name the same thing across articles (NER is not consistent about them)."""
    return "PERSON" if entity_type == "PERSON" else "OTHER"


class KnowledgeGraph:
    """A typed, evidence-carrying graph over a networkx MultiDiGraph."""

    def __init__(self, graph: nx.MultiDiGraph | None = None):
        self.graph = graph if graph is not None else nx.MultiDiGraph()
        self.graph.graph.setdefault("documents", {})
        self.graph.graph.setdefault("generator", f"graphkit {__version__}")
        self._names: dict[tuple[str, str], str] | None = None

    # ---- building --------------------------------------------------------
    def has_document(self, doc_id: str) -> bool:
        return doc_id in self.graph.graph["documents"]

    def _name_index(self) -> dict[tuple[str, str], str]:
        """(type family, name key) -> node id, over every node's label and aliases (built lazily)."""
        index = self._names
        if index is None:
            index = {}
            for node, data in self.graph.nodes(data=True):
                for name in [data["label"], *data.get("aliases", ())]:
                    index.setdefault((_family(data["type"]), name_key(name)), node)
            self._names = index
        return index

    def _existing_node(self, key: str, ent) -> str:
        """The node an article's entity merges into: same id, a shared name, or a surname."""
        if key in self.graph:
            return key
        index = self._name_index()
        for name in [ent.label, *sorted(ent.aliases)]:
            node = index.get((_family(ent.type), name_key(name)))
            if node is not None:
                return node
        if ent.type == "PERSON" and len(ent.label.split()) == 1:
            people = [n for (fam, nk), n in index.items() if fam == "PERSON" and nk.split()[-1] == name_key(ent.label)]
            if len(set(people)) == 1:
                return people[0]
        return key

    def add_result(self, result: DocResult) -> None:
        """Merge one article's entities and relations; an entity known under any name is one node."""
        art = result.article
        self.graph.graph["documents"][art.id] = {"title": art.title, "date": art.date, "url": art.url, "source": art.source}
        g = self.graph
        index = self._name_index()
        node_of: dict[str, str] = {}
        for key, ent in result.entities.items():
            node_id = node_of[key] = self._existing_node(key, ent)
            if node_id in g:
                node = g.nodes[node_id]
                names = set(node["aliases"]) | set(ent.aliases) | ({ent.label} if name_key(ent.label) != name_key(node["label"]) else set())
                node["aliases"] = sorted(names)
                node["mentions"] += ent.mentions
                node["docs"] = sorted(set(node["docs"]) | {art.id})
                node["geonames"] = node.get("geonames") or ent.geonames
            else:
                g.add_node(node_id, label=ent.label, type=ent.type, aliases=sorted(ent.aliases),
                           mentions=ent.mentions, docs=[art.id], geonames=ent.geonames)
            data = g.nodes[node_id]
            for name in [data["label"], *data["aliases"]]:
                index.setdefault((_family(data["type"]), name_key(name)), node_id)
        for r in result.relations:
            source, target = node_of.get(r.source, r.source), node_of.get(r.target, r.target)
            reporter_id = node_of.get(r.reported_by, r.reported_by) if r.reported_by else None
            sid = statement_id(r.doc, source, r.relation, target, r.start, r.end, r.negated, reporter_id)
            reporter = g.nodes[reporter_id]["label"] if reporter_id in g else None
            g.add_edge(source, target, key=sid, id=sid, relation=r.relation, evidence=r.evidence,
                       start=r.start, end=r.end, doc=r.doc, negated=r.negated, reported_by=reporter,
                       reported_by_id=reporter_id if reporter else None, confidence=r.confidence,
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
