"""The RDF of a build folder kept in an embedded on-disk pyoxigraph Store (DIR/store/).

For large graphs: `graphkit build --update` then changes only the triples that differ
instead of rewriting a whole RDF file. The triples come from graphkit.export.rdf
(`to_oxigraph`), so the store holds exactly what graph.ttl would hold.

The store records (in the named graph urn:graphkit:meta, outside the default graph that
queries read) the sha1 of the graph.json it matches. An update applies a delta only when
that digest equals the graph.json it started from; otherwise (first use, a crash between
writing graph.json and the store) the store is rebuilt from the whole graph.
"""
from __future__ import annotations

import gc
import shutil
from pathlib import Path

import networkx as nx

STORE_FOLDER = "store"
_META_GRAPH = "urn:graphkit:meta"
_STORE = "urn:graphkit:store"
_DIGEST = "urn:graphkit:graphDigest"


def store_path(out_dir) -> Path:
    return Path(out_dir) / STORE_FOLDER


def has_store(out_dir) -> bool:
    return store_path(out_dir).is_dir()


def _ox():
    import pyoxigraph
    return pyoxigraph


def _digest_quad(digest: str):
    ox = _ox()
    return ox.Quad(ox.NamedNode(_STORE), ox.NamedNode(_DIGEST), ox.Literal(digest), ox.NamedNode(_META_GRAPH))


def read_digest(store) -> str | None:
    """The graph.json digest the store says it matches (None if it says nothing)."""
    ox = _ox()
    for quad in store.quads_for_pattern(ox.NamedNode(_STORE), ox.NamedNode(_DIGEST), None, ox.NamedNode(_META_GRAPH)):
        return quad.object.value
    return None


def _set_digest(store, digest: str | None) -> None:
    ox = _ox()
    for quad in list(store.quads_for_pattern(ox.NamedNode(_STORE), ox.NamedNode(_DIGEST), None,
                                             ox.NamedNode(_META_GRAPH))):
        store.remove(quad)
    if digest is not None:
        store.add(_digest_quad(digest))


def _graph_triples(g: nx.MultiDiGraph) -> list:
    """The graph's RDF export as pyoxigraph Triples (graphkit.export.rdf)."""
    from ..export import rdf

    if hasattr(rdf, "to_oxigraph"):
        return rdf.to_oxigraph(g)
    ox = _ox()  # older exporters: through rdflib's N-Triples
    nt = rdf.to_rdflib(g).serialize(format="nt", encoding="utf-8")
    return list(ox.parse(nt, format=ox.RdfFormat.N_TRIPLES))


def _quads(triples):
    ox = _ox()
    default = ox.DefaultGraph()
    for triple in triples:
        yield ox.Quad(triple.subject, triple.predicate, triple.object, default)


def rebuild_store(out_dir, g: nx.MultiDiGraph, digest: str) -> Path:
    """Write the whole graph into a fresh DIR/store (built aside, then swapped in)."""
    ox = _ox()
    final = store_path(out_dir)
    temporary = final.with_name(f".{STORE_FOLDER}.tmp")
    shutil.rmtree(temporary, ignore_errors=True)
    store = ox.Store(str(temporary))
    try:
        store.bulk_extend(_quads(_graph_triples(g)))
        _set_digest(store, digest)
        store.flush()
    finally:
        del store
        gc.collect()  # the store's files are released when the object goes
    shutil.rmtree(final, ignore_errors=True)
    temporary.rename(final)
    return final


def update_store(out_dir, before: nx.MultiDiGraph, after: nx.MultiDiGraph,
                 old_digest: str, new_digest: str) -> bool:
    """Apply RDF(after) - RDF(before) and remove RDF(before) - RDF(after).

    Returns False, touching nothing, when the store does not match `old_digest` (the
    caller then rebuilds it). The digest is cleared first and set last, so a crash half
    way leaves a store that the next update knows to rebuild.
    """
    ox = _ox()
    path = store_path(out_dir)
    if not path.is_dir():
        return False
    store = ox.Store(str(path))
    try:
        if read_digest(store) != old_digest:
            return False
        old, new = set(_graph_triples(before)), set(_graph_triples(after))
        gone, added = old - new, new - old
        _set_digest(store, None)
        for quad in _quads(sorted(gone, key=str)):
            store.remove(quad)
        if added:
            store.extend(list(_quads(sorted(added, key=str))))
        _set_digest(store, new_digest)
        store.flush()
        return True
    finally:
        del store
        gc.collect()


def store_triples(out_dir) -> set[str]:
    """Every triple of the store's default graph as an N-Triples line (for tests and checks)."""
    ox = _ox()
    store = ox.Store.read_only(str(store_path(out_dir)))
    try:
        return {f"{q.subject} {q.predicate} {q.object} ."
                for q in store.quads_for_pattern(None, None, None, ox.DefaultGraph())}
    finally:
        del store
        gc.collect()
