"""What a push sends: the graph's RDF cut into units keyed by IRI, and the entity diff.

The triples are exactly those of the RDF export (graphkit.export.rdf), grouped by what owns
them:

- a statement (one edge): its gk:Statement node and the plain triple beside it. Statement ids
  are digests of their content and an `--update` never changes an old article's edges, so a
  statement the store has is complete: only statements it lacks are sent.
- an article: its gk:Article triples and the `entity gk:mentionedIn article` triples that
  point at it (an old article's mentions never change); likewise sent only when the store
  lacks the article.
- an entity: type, label, aliases, mention count, GeoNames link. These change as articles
  arrive (a new alias, a higher count), so they are compared with what the store holds and
  only the difference is deleted and inserted.

Literals are compared by value where stores normalise them (Oxigraph keeps
"3"^^xsd:nonNegativeInteger as "3"^^xsd:integer), so an unchanged entity is never re-sent.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import partial
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

MENTIONED_IN = ox.NamedNode(GK + "mentionedIn")
# The predicates of an entity's own triples (its gk:mentionedIn triples go with the articles,
# the plain relation triples with the statements).
ENTITY_PREDICATES = tuple(ox.NamedNode(iri) for iri in (
    PREFIXES["rdf"] + "type", PREFIXES["rdfs"] + "label", PREFIXES["dcterms"] + "identifier",
    PREFIXES["skos"] + "altLabel", GK + "mentionCount", PREFIXES["owl"] + "sameAs"))

_INTEGERS = {_XSD + name for name in (
    "integer", "nonNegativeInteger", "positiveInteger", "nonPositiveInteger", "negativeInteger",
    "long", "int", "short", "byte", "unsignedLong", "unsignedInt", "unsignedShort", "unsignedByte")}
_DECIMAL, _BOOLEAN = _XSD + "decimal", _XSD + "boolean"


class Unit:
    """One entity, statement or article: its IRI, and its triples (built when first asked
    for, so a unit the store already has costs only its IRI)."""

    __slots__ = ("iri", "_triples", "_make")

    def __init__(self, iri: ox.NamedNode, triples=None, make=None):
        self.iri = iri
        self._triples = tuple(triples) if triples is not None else None
        self._make = make

    @property
    def triples(self) -> tuple[ox.Triple, ...]:
        if self._triples is None:
            self._triples = tuple(self._make())
            self._make = None
        return self._triples

    def __repr__(self) -> str:
        return f"Unit({self.iri})"


class Units:
    """The units of one graph, in a stable order; each distinct IRI is built once."""

    def __init__(self, g: nx.MultiDiGraph):
        self.g = g
        self._iris: dict[str, ox.NamedNode] = {}

    def _iri(self, text: str) -> ox.NamedNode:
        node = self._iris.get(text)
        if node is None:
            node = self._iris[text] = ox.NamedNode(text)
        return node

    def _terms(self, triples) -> list[ox.Triple]:
        return [ox.Triple(*t) for t in _convert(
            triples, self._iri, lambda lexical, dt: ox.Literal(lexical, datatype=dt))]

    def entities(self) -> Iterator[Unit]:
        """The entities, by node id (without their gk:mentionedIn triples)."""
        classes = entity_classes()
        for node in sorted(self.g.nodes, key=str):
            data = {**self.g.nodes[node], "docs": ()}  # gk:mentionedIn: see articles()
            yield Unit(self._iri(_mint(ENTITY_BASE, node)),
                       self._terms(_entity_triples(node, data, classes)))

    def statements(self) -> Iterator[Unit]:
        """The statements (edges), by statement id."""
        g = self.g
        edges = sorted(g.edges(keys=True, data=True), key=lambda e: str(e[3].get("id") or e[2]))
        for source, target, key, data in edges:
            yield Unit(self._iri(_mint(STATEMENT_BASE, data.get("id") or key)),
                       make=partial(self._statement, source, target, key, data))

    def _statement(self, source, target, key, data) -> list[ox.Triple]:
        return self._terms(_statement_triples(self.g, source, target, key, data))

    def articles(self) -> Iterator[Unit]:
        """The articles, by id, each with the entities that mention it."""
        documents = self.g.graph.get("documents") or {}
        mentioned_by: dict = {}
        for node, data in self.g.nodes(data=True):
            for doc in data.get("docs") or ():
                mentioned_by.setdefault(doc, []).append(node)
        for doc in article_ids(self.g):
            article = self._iri(_mint(ARTICLE_BASE, doc))
            yield Unit(article, make=partial(self._article, doc, article, documents.get(doc) or {},
                                             mentioned_by.get(doc, ())))

    def _article(self, doc, article: ox.NamedNode, meta: dict, mentioned_by) -> list[ox.Triple]:
        triples = self._terms(_article_triples(doc, meta))
        triples += [ox.Triple(self._iri(_mint(ENTITY_BASE, node)), MENTIONED_IN, article)
                    for node in sorted(mentioned_by, key=str)]
        return triples


def entity_units(g: nx.MultiDiGraph) -> Iterator[Unit]:
    return Units(g).entities()


def statement_units(g: nx.MultiDiGraph) -> Iterator[Unit]:
    return Units(g).statements()


def article_units(g: nx.MultiDiGraph) -> Iterator[Unit]:
    return Units(g).articles()


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
