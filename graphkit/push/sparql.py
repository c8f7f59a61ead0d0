"""The SPARQL text a push sends, built only from serialised terms.

Every IRI and literal reaches a query or update through pyoxigraph's N-Triples serialiser
(escaped quotes, backslashes and newlines), never by pasting text, so no evidence sentence or
label can end a literal and start an operation of its own.
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence

import pyoxigraph as ox

from .delta import ENTITY_PREDICATES, RDF_TYPE


def check_iri(text: str, what: str = "graph IRI") -> ox.NamedNode:
    """An absolute IRI as a NamedNode; ValueError with a plain message otherwise."""
    try:
        node = ox.NamedNode(text)
    except (ValueError, TypeError):
        raise ValueError(f"{what} {text!r} is not a valid absolute IRI") from None
    if ":" not in text or any(c.isspace() or c in '<>"{}|^`\\' for c in text):
        raise ValueError(f"{what} {text!r} is not a valid absolute IRI")
    return node


def ntriples(triples: Iterable[ox.Triple]) -> str:
    """N-Triples text (one triple a line, every literal escaped)."""
    return ox.serialize(list(triples), format=ox.RdfFormat.N_TRIPLES).decode("utf-8")


def _in_graph(graph: ox.NamedNode | None, body: str) -> str:
    return body if graph is None else f"GRAPH {graph} {{ {body} }}"


def _values(var: str, terms: Iterable) -> str:
    return f"VALUES ?{var} {{ {' '.join(str(t) for t in terms)} }}"


def select_present(iris: Sequence[ox.NamedNode], rdf_class: ox.NamedNode,
                   graph: ox.NamedNode | None) -> str:
    """Which of `iris` the store types as `rdf_class` (in `graph`)."""
    return ("SELECT DISTINCT ?s WHERE { " + _values("s", iris) + " "
            + _in_graph(graph, f"?s {RDF_TYPE} {rdf_class} .") + " }")


def select_entity_triples(iris: Sequence[ox.NamedNode], graph: ox.NamedNode | None) -> str:
    """The store's entity triples (ENTITY_PREDICATES) about `iris`. (A FILTER, not a second
    VALUES: Oxigraph joins two VALUES blocks ten times slower.)"""
    predicates = ", ".join(str(p) for p in ENTITY_PREDICATES)
    return ("SELECT ?s ?p ?o WHERE { " + _values("s", iris) + " "
            + _in_graph(graph, f"?s ?p ?o . FILTER(?p IN ({predicates}))") + " }")


def insert_data(triples: Iterable[ox.Triple], graph: ox.NamedNode | None) -> str:
    return f"INSERT DATA {{ {_in_graph(graph, ntriples(triples))} }}"


def delete_insert_data(delete: Sequence[ox.Triple], insert: Sequence[ox.Triple],
                       graph: ox.NamedNode | None) -> str:
    """One update request (one transaction in the store): DELETE DATA then INSERT DATA."""
    parts = []
    if delete:
        parts.append(f"DELETE DATA {{ {_in_graph(graph, ntriples(delete))} }}")
    if insert:
        parts.append(insert_data(insert, graph))
    return " ;\n".join(parts)


def replace_graph(triples: Iterable[ox.Triple], graph: ox.NamedNode) -> str:
    """Empty `graph` and fill it with `triples`, in one request."""
    return f"DROP SILENT GRAPH {graph} ;\n{insert_data(triples, graph)}"
