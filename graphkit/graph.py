"""KnowledgeGraph: the one model every exporter and query reads (see docs/graph-model.md)."""
from __future__ import annotations

import copy
import difflib

import networkx as nx

from . import __version__
from .errors import GraphkitError, UsageError
from .extract.document import DocResult, statement_id
from .resolve.names import name_key


def _claim_rank(g, node: str, key: str) -> tuple[int, str]:
    return (0 if name_key(g.nodes[node]["label"]) == key else 1, node)


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
            self._names = index
            for node in self.graph.nodes:
                self._index_names(node)
        return index

    def _index_names(self, node: str) -> None:
        """Claim the node's names. Where two nodes share a name, the one whose label it is wins,
        then the smaller id: the index does not depend on the order nodes arrived in."""
        index = self._names
        data = self.graph.nodes[node]
        family = _family(data["type"])
        for name in [data["label"], *data.get("aliases", ())]:
            key = (family, name_key(name))
            holder = index.get(key)
            if holder is None or holder == node or _claim_rank(self.graph, node, key[1]) < _claim_rank(self.graph, holder, key[1]):
                index[key] = node

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
        self._name_index()   # built before the article's nodes arrive
        node_of: dict[str, str] = {}
        claimed: set[str] = set()   # the nodes this article's entities went to so far
        for key, ent in result.entities.items():
            node_id = self._existing_node(key, ent)
            if node_id in claimed and node_id != key:
                # the article told them apart ("Sanaa said" is Yemen, "strikes on Sanaa" the
                # city): a name another of its entities goes by is no reason to merge
                node_id = key
            node_of[key] = node_id
            claimed.add(node_id)
            if node_id in g:
                node = g.nodes[node_id]
                names = set(node["aliases"]) | set(ent.aliases) | ({ent.label} if name_key(ent.label) != name_key(node["label"]) else set())
                node["aliases"] = sorted(names)
                node["mentions"] += ent.mentions
                node["docs"] = sorted(set(node["docs"]) | {art.id})
                if "doc_mentions" in node:  # absent in graphs from before it: left absent, not partial
                    per_doc = dict(node["doc_mentions"])  # a new dict, so snapshots see the change
                    per_doc[art.id] = per_doc.get(art.id, 0) + ent.mentions
                    node["doc_mentions"] = per_doc
                node["geonames"] = node.get("geonames") or ent.geonames
            else:
                g.add_node(node_id, label=ent.label, type=ent.type, aliases=sorted(ent.aliases),
                           mentions=ent.mentions, docs=[art.id], doc_mentions={art.id: ent.mentions},
                           geonames=ent.geonames)
            self._index_names(node_id)
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

    # ---- analysis: tables, look-ups, sub-graphs, merging (the Python / notebook API) ----
    @property
    def problems(self) -> list:
        """Inputs `graphkit.build` could not use (ReadProblem: source, reason); [] otherwise."""
        return self.__dict__.setdefault("_problems", [])

    def __repr__(self) -> str:
        g = self.graph
        return (f"<KnowledgeGraph: {len(self.documents)} documents, {g.number_of_nodes()} entities, "
                f"{g.number_of_edges()} relations>")

    def entities(self):
        """The entities as a pandas DataFrame, one row per node, most mentioned first.

        Columns: id, label, type, mentions, relations (edges in or out), aliases, docs, geonames.

        >>> kg = KnowledgeGraph()
        >>> kg.graph.add_node("gpe:germany", label="Germany", type="GPE", aliases=[], mentions=2,
        ...                   docs=["a"], geonames="2921044")
        >>> kg.entities()[["id", "label", "mentions"]].to_dict("records")
        [{'id': 'gpe:germany', 'label': 'Germany', 'mentions': 2}]
        """
        g = self.graph
        rows = [{"id": n, "label": d.get("label", n), "type": d.get("type"),
                 "mentions": int(d.get("mentions") or 0), "relations": g.degree(n),
                 "aliases": list(d.get("aliases") or ()), "docs": list(d.get("docs") or ()),
                 "geonames": d.get("geonames")}
                for n, d in g.nodes(data=True)]
        rows.sort(key=lambda r: (-r["mentions"], str(r["label"]), str(r["id"])))
        return _frame(rows, ENTITY_COLUMNS, {"mentions": "int64", "relations": "int64"})

    def relations(self):
        """The relations as a pandas DataFrame, one row per edge, in document and text order.

        Columns: relation, source, target (labels), source_id, target_id, evidence, doc, negated,
        reported_by, reported_by_id, confidence, start, end, trigger, id (the statement id).
        `evidence` is the sentence exactly as in the article; start/end are its offsets there.
        """
        g = self.graph
        label = {n: d.get("label", n) for n, d in g.nodes(data=True)}
        rows = [{"relation": d.get("relation"), "source": label[u], "target": label[v],
                 "source_id": u, "target_id": v, "evidence": d.get("evidence"), "doc": d.get("doc"),
                 "negated": bool(d.get("negated", False)), "reported_by": d.get("reported_by"),
                 "reported_by_id": d.get("reported_by_id"),
                 "confidence": float(d.get("confidence", float("nan"))),
                 "start": d.get("start"), "end": d.get("end"), "trigger": d.get("trigger"),
                 "id": d.get("id", k)}
                for u, v, k, d in g.edges(keys=True, data=True)]
        rows.sort(key=lambda r: tuple((r[c] is None, r[c] if r[c] is not None else "")
                                      for c in ("doc", "start", "end", "relation", "source_id", "target_id", "id")))
        return _frame(rows, RELATION_COLUMNS, {"negated": "bool", "confidence": "float64",
                                               "start": "int64", "end": "int64"})

    def find_entity(self, name: str) -> str:
        """The node id for `name`: a node id, a label or an alias, case-insensitive.

        Raises EntityNotFoundError (a LookupError) naming close matches when nothing or more
        than one entity answers to `name`.

        >>> kg = KnowledgeGraph()
        >>> kg.graph.add_node("person:john-kirby", label="John Kirby", type="PERSON", aliases=["Kirby"])
        >>> kg.find_entity("kirby")
        'person:john-kirby'
        """
        if not isinstance(name, str):
            raise TypeError(f"entity must be a node id, label or alias (a str), not {type(name).__name__}")
        g = self.graph
        if name in g:
            return name
        wanted = name_key(name)
        folded = name.casefold()
        by_id = [n for n in g if str(n).casefold() == folded]
        by_label = [n for n, d in g.nodes(data=True) if name_key(str(d.get("label", ""))) == wanted]
        by_alias = [n for n, d in g.nodes(data=True)
                    if any(name_key(str(a)) == wanted for a in d.get("aliases") or ())]
        for found in (by_id, by_label, by_alias):
            if len(found) == 1:
                return found[0]
            if found:
                choices = ", ".join(f"{n} ({g.nodes[n].get('label')})" for n in sorted(found))
                raise EntityNotFoundError(f"{name!r} names {len(found)} entities: {choices}; pass a node id")
        names = {str(d.get("label", n)) for n, d in g.nodes(data=True)}
        close = difflib.get_close_matches(name, sorted(names), n=3, cutoff=0.6)
        hint = f"; did you mean {', '.join(repr(c) for c in close)}?" if close else ""
        raise EntityNotFoundError(f"no entity is called {name!r} (by id, label or alias){hint}")

    def neighborhood(self, entity: str, hops: int = 1) -> "KnowledgeGraph":
        """The sub-graph of everything within `hops` edges of `entity` (either direction).

        `entity` is a node id, label or alias (see find_entity). The sub-graph keeps every edge
        between the nodes it holds, and the documents those nodes and edges cite.
        """
        if isinstance(hops, bool) or not isinstance(hops, int) or hops < 0:
            raise UsageError(f"hops must be a whole number >= 0, got {hops!r}")
        g = self.graph
        kept = {self.find_entity(entity)}
        frontier = list(kept)
        for _ in range(hops):
            frontier = list(dict.fromkeys(m for n in frontier for m in (*g.successors(n), *g.predecessors(n))
                                          if m not in kept))
            kept.update(frontier)
        sub = nx.MultiDiGraph()
        sub.add_nodes_from((n, copy.deepcopy(g.nodes[n])) for n in kept)
        sub.add_edges_from((u, v, k, copy.deepcopy(d))
                           for u, v, k, d in g.subgraph(kept).edges(keys=True, data=True))
        cited = {doc for _, d in sub.nodes(data=True) for doc in d.get("docs") or ()}
        cited |= {d["doc"] for _, _, d in sub.edges(data=True) if d.get("doc") is not None}
        sub.graph.update(copy.deepcopy({k: v for k, v in g.graph.items() if k != "documents"}))
        sub.graph["documents"] = copy.deepcopy({k: v for k, v in self.documents.items() if k in cited})
        return KnowledgeGraph(sub)

    def merge(self, other: "KnowledgeGraph") -> "KnowledgeGraph":
        """A new graph holding both graphs (neither is changed).

        Nodes with the same id become one: aliases and documents are united, mention counts
        add up (when one side's documents include the other's, the larger count is kept, so
        a document is not counted twice). Edges are keyed by statement id, so a statement in
        both graphs appears once. Entities with different ids are not matched by name.

        >>> a, b = KnowledgeGraph(), KnowledgeGraph()
        >>> a.graph.add_node("gpe:iran", label="Iran", type="GPE", aliases=[], mentions=2, docs=["d1"])
        >>> b.graph.add_node("gpe:iran", label="Islamic Republic of Iran", type="GPE", aliases=["Tehran"],
        ...                  mentions=1, docs=["d2"])
        >>> merged = a.merge(b)
        >>> merged.graph.nodes["gpe:iran"]["aliases"], merged.graph.nodes["gpe:iran"]["mentions"]
        (['Islamic Republic of Iran', 'Tehran'], 3)
        """
        if not isinstance(other, KnowledgeGraph):
            raise TypeError(f"can only merge a KnowledgeGraph, not {type(other).__name__}")
        g = copy.deepcopy(self.graph)
        docs = g.graph["documents"]
        for doc, meta in other.documents.items():
            mine = docs.setdefault(doc, dict(meta))
            for field, value in meta.items():
                if mine.get(field) is None:
                    mine[field] = value
        for node, data in other.graph.nodes(data=True):
            if node in g:
                _merge_node(g.nodes[node], data)
            else:
                g.add_node(node, **copy.deepcopy(data))
        for u, v, key, data in other.graph.edges(keys=True, data=True):
            if not g.has_edge(u, v, key):
                g.add_edge(u, v, key=key, **copy.deepcopy(data))
        merged = KnowledgeGraph(g)
        merged.problems.extend([*self.problems, *other.problems])
        return merged

    # ---- outputs: RDF, SPARQL, files, the inline explorer (see graphkit/api.py) ----
    def to_rdf(self, format: str = "turtle") -> str:
        """The graph in RDF (graphkit ontology): format turtle/ttl, json-ld/jsonld or nt."""
        from .api import rdf_text
        return rdf_text(self.graph, format)

    def query(self, sparql: str):
        """Run a SPARQL query on the graph's RDF; returns a pandas DataFrame.

        Prefixes gk:, entity:, rdfs:, skos:, prov:, nif:... are predeclared. Columns are the
        query's variables; IRIs become str, typed literals int/float/bool, unbound None.
        ASK gives one column `ask`; CONSTRUCT/DESCRIBE give subject, predicate, object.
        """
        from .api import query_frame
        return query_frame(self, sparql)

    def write(self, out_dir, formats=(), *, title: str = "graphkit") -> list:
        """Write what `graphkit build --out DIR` writes (graph.json, graph.ttl, graph.html)
        plus any extra `formats` (jsonld, nt, graphml, gexf, csv); returns the paths."""
        from .outputs import DEFAULT_FORMATS, write_outputs
        if isinstance(formats, str):
            formats = [f for f in formats.split(",")]
        extra = [f.strip().lower() for f in formats if f.strip()]
        return write_outputs(self, out_dir, [*DEFAULT_FORMATS, *extra], title=title)

    def show(self, height: int = 600, title: str = "graphkit"):
        """The HTML explorer inline in Jupyter: returns an IPython HTML object (an iframe
        whose scripts run sandboxed). Make it the last expression of a cell, or display() it."""
        from .api import inline_explorer
        return inline_explorer(self.graph, height=height, title=title)


ENTITY_COLUMNS = ["id", "label", "type", "mentions", "relations", "aliases", "docs", "geonames"]
RELATION_COLUMNS = ["relation", "source", "target", "source_id", "target_id", "evidence", "doc",
                    "negated", "reported_by", "reported_by_id", "confidence", "start", "end",
                    "trigger", "id"]


def _frame(rows: list[dict], columns: list[str], dtypes: dict[str, str]):
    """A DataFrame keeping None as None in text columns (pandas would make it NaN), with
    `dtypes` applied to the columns that have no missing value."""
    import pandas as pd

    frame = pd.DataFrame(rows, columns=columns, dtype=object)
    complete = {c: t for c, t in dtypes.items() if not frame[c].isna().any()}
    return frame.astype(complete)


class EntityNotFoundError(GraphkitError, LookupError):
    """No entity (or more than one) answers to a name."""


def _merge_node(mine: dict, theirs: dict) -> None:
    """Fold another graph's attributes of the same node into `mine`."""
    label = mine.get("label")
    names = set(mine.get("aliases") or ()) | set(theirs.get("aliases") or ())
    if theirs.get("label") and label and name_key(theirs["label"]) != name_key(label):
        names.add(theirs["label"])
    names.discard(label)
    mine["aliases"] = sorted(names)
    a, b = set(mine.get("docs") or ()), set(theirs.get("docs") or ())
    counts = int(mine.get("mentions") or 0), int(theirs.get("mentions") or 0)
    mine["mentions"] = max(counts) if a <= b or b <= a else sum(counts)
    mine["docs"] = sorted(a | b)
    mine["geonames"] = mine.get("geonames") or theirs.get("geonames")
    for field, value in theirs.items():
        mine.setdefault(field, copy.deepcopy(value))
