"""What a push sends: the graph's RDF cut into units keyed by IRI, and the entity diff.

The triples are exactly those of the RDF export (graphkit.export.rdf), grouped by what owns
them:

- a statement (one edge): its gk:Statement node and the plain triple beside it. Statement ids
  are digests of their content and an `--update` never changes an old article's edges, so a
  statement the store has is complete: only statements it lacks are sent.
- an article: its gk:Article triples; likewise immutable once pushed.
- an entity: type, labels, aliases, mention count, the articles that mention it, GeoNames link.
  These change as articles arrive (a new alias, a higher count), so they are compared with
  what the store holds and only the difference is deleted and inserted.

Literals are compared by value where stores normalise them (Oxigraph keeps
"3"^^xsd:nonNegativeInteger as "3"^^xsd:integer), so an unchanged entity is never re-sent.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from itertools import islice

import networkx as nx
import pyoxigraph as ox

# The exporter's per-unit generators: private to graphkit.export.rdf, used here so that a push
# sends exactly what the files hold (tests/test_push_delta.py checks the union is the export).
from ..export.rdf import _article_triples, _convert, _entity_triples, _mint, _statement_triples
from ..ontology import ARTICLE_BASE, ENTITY_BASE, GK, PREFIXES, STATEMENT_BASE, entity_classes

_XSD = PREFIXES["xsd"]
RDF_TYPE = ox.NamedNode(PREFIXES["rdf"] + "type")
STATEMENT_CLASS = ox.NamedNode(GK + "Statement")
ARTICLE_CLASS = ox.NamedNode(GK + "Article")

# Every predicate an entity's own triples use (the plain relation triples are the statements').
ENTITY_PREDICATES = tuple(ox.NamedNode(iri) for iri in (
    PREFIXES["rdf"] + "type", PREFIXES["rdfs"] + "label", PREFIXES["dcterms"] + "identifier",
    PREFIXES["skos"] + "altLabel", GK + "mentionCount", GK + "mentionedIn", PREFIXES["owl"] + "sameAs"))

_INTEGERS = {_XSD + name for name in (
    "integer", "nonNegativeInteger", "positiveInteger", "nonPositiveInteger", "negativeInteger",
    "long", "int", "short", "byte", "unsignedLong", "unsignedInt", "unsignedShort", "unsignedByte")}
_DECIMAL, _BOOLEAN, _STRING = _XSD + "decimal", _XSD + "boolean", _XSD + "string"


@dataclass(frozen=True)
class Unit:
    """One entity, statement or article: its IRI and its triples."""
    iri: ox.NamedNode
    triples: tuple[ox.Triple, ...]


def _terms(triples) -> tuple[ox.Triple, ...]:
    return tuple(ox.Triple(*t) for t in _convert(
        triples, ox.NamedNode, lambda lexical, dt: ox.Literal(lexical, datatype=dt)))


def _unit(base: str, ident, triples) -> Unit:
    return Unit(ox.NamedNode(_mint(base, ident)), _terms(triples))


def entity_units(g: nx.MultiDiGraph) -> Iterator[Unit]:
    """The entities, by node id."""
    classes = entity_classes()
    for node in sorted(g.nodes, key=str):
        yield _unit(ENTITY_BASE, node, _entity_triples(node, g.nodes[node], classes))


def statement_units(g: nx.MultiDiGraph) -> Iterator[Unit]:
    """The statements (edges), by statement id."""
    edges = sorted(g.edges(keys=True, data=True), key=lambda e: str(e[3].get("id") or e[2]))
    for source, target, key, data in edges:
        yield _unit(STATEMENT_BASE, data.get("id") or key,
                    _statement_triples(g, source, target, key, data))


def article_ids(g: nx.MultiDiGraph) -> list:
    """Every article the export describes: the documents and any article a node or edge cites."""
    documents = g.graph.get("documents") or {}
    ids = set(documents)
    for _, data in g.nodes(data=True):
        ids.update(data.get("docs") or ())
    for _, _, data in g.edges(data=True):
        if data.get("doc") is not None:
            ids.add(data["doc"])
    return sorted(ids, key=str)


def article_units(g: nx.MultiDiGraph) -> Iterator[Unit]:
    documents = g.graph.get("documents") or {}
    for doc in article_ids(g):
        yield _unit(ARTICLE_BASE, doc, _article_triples(doc, documents.get(doc) or {}))


def batched(items: Iterable, size: int) -> Iterator[list]:
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


# ---------------------------------------------------------------- comparing by value

def term_key(term) -> tuple:
    """A key equal for terms a store may treat as the same value ("03"^^xsd:int, "3"^^xsd:integer)."""
    if not isinstance(term, ox.Literal):
        return (type(term).__name__, term.value)
    if term.language:
        return ("lang", term.value, term.language.lower())
    datatype = term.datatype.value
    try:
        if datatype in _INTEGERS or datatype == _DECIMAL:
            return ("number", Decimal(term.value.strip()).normalize())
    except InvalidOperation:
        pass
    if datatype == _BOOLEAN and term.value.strip() in ("true", "false", "1", "0"):
        return ("boolean", term.value.strip() in ("true", "1"))
    return ("literal", term.value, datatype)


def triple_key(triple: ox.Triple) -> tuple:
    return (term_key(triple.subject), term_key(triple.predicate), term_key(triple.object))


@dataclass
class EntityChanges:
    """What brings the store's entity triples in line with the graph's."""
    delete: list[ox.Triple]      # the store's own terms, so DELETE DATA matches them
    insert: list[ox.Triple]
    changed: int                 # entities with any difference


def entity_changes(units: Iterable[Unit], stored: Iterable[ox.Triple]) -> EntityChanges:
    """Compare the units' triples with the store's triples about the same entities."""
    stored_by_subject: dict[ox.NamedNode, dict[tuple, ox.Triple]] = {}
    for triple in stored:
        if isinstance(triple.object, ox.BlankNode):
            continue  # the export never writes one, and DELETE DATA cannot name one
        stored_by_subject.setdefault(triple.subject, {})[triple_key(triple)] = triple
    changes = EntityChanges([], [], 0)
    for unit in units:
        have = stored_by_subject.get(unit.iri, {})
        want = {triple_key(t): t for t in unit.triples}
        gone = [t for k, t in have.items() if k not in want]
        new = [t for k, t in want.items() if k not in have]
        if gone or new:
            changes.changed += 1
            changes.delete += gone
            changes.insert += new
    return changes
