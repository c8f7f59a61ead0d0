"""RDF export: the graph in the graphkit ontology, as Turtle, JSON-LD and N-Triples.

Every entity gets an IRI minted from its node id (percent-encoded, so any id is safe and
distinct ids stay distinct), every relation instance a gk:Statement node with its evidence,
offsets, confidence and article (PROV-O), and beside it the plain triple
`entity:a gk:accuses entity:b` unless the statement is negated. See ontologies/graphkit.ttl.

One generator (`_triples`) says what the triples are, in neutral terms (an IRI is a str, a
literal a Lit); `to_rdflib` turns them into an rdflib Graph, and the files are written through
pyoxigraph's serialisers (much faster than rdflib's), from sorted triples so the same graph
always gives the same bytes.
"""
from __future__ import annotations

import json
import math
import re
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import NamedTuple
from urllib.parse import quote

import networkx as nx
import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, Namespace, URIRef

from ..io.atomic import atomic_write_bytes
from ..ontology import (ARTICLE_BASE, ENTITY_BASE, GEONAMES_BASE, GK as GK_IRI, PREFIXES,
                        STATEMENT_BASE, compact_iri, entity_classes)

GK = Namespace(GK_IRI)
NIF = Namespace(PREFIXES["nif"])

# format name -> file name
RDF_FORMATS = {"ttl": "graph.ttl", "jsonld": "graph.jsonld", "nt": "graph.nt"}

_DATE = re.compile(r"\d{4}-\d{2}-\d{2}", re.ASCII)
# xsd:dateTime's lexical form (Python's fromisoformat also takes "20240101T1010", "T10",
# "+0100", week dates..., which would make ill-typed literals)
_DATETIME = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]((0\d|1[0-3]):[0-5]\d|14:00))?",
                       re.ASCII)
_XSD = PREFIXES["xsd"]
_RDF_TYPE = PREFIXES["rdf"] + "type"
_RDFS, _SKOS, _DCT, _PROV, _NIF = (PREFIXES[p] for p in ("rdfs", "skos", "dcterms", "prov", "nif"))


class Lit(NamedTuple):
    """A literal in neutral form: its lexical value and datatype IRI (None: xsd:string)."""
    lexical: str
    datatype: str | None = None


def _mint(base: str, ident) -> str:
    local = quote(str(ident), safe="")
    if local.endswith("."):  # Turtle would end the name in "\." (valid, but rdflib fails)
        local = local[:-1] + "%2E"
    return base + local


def entity_iri(node_id) -> URIRef:
    """The IRI of a node: its id percent-encoded under https://graphkit.dev/id/entity/."""
    return URIRef(_mint(ENTITY_BASE, node_id))


def statement_iri(statement_id) -> URIRef:
    return URIRef(_mint(STATEMENT_BASE, statement_id))


def article_iri(doc_id) -> URIRef:
    return URIRef(_mint(ARTICLE_BASE, doc_id))


def relation_iri(relation: str) -> URIRef:
    """gk:{relation}; names outside the ontology are percent-encoded the same way."""
    return URIRef(_mint(GK_IRI, relation))


def to_rdflib(g: nx.MultiDiGraph) -> Graph:
    """The graph as an rdflib Graph in the graphkit ontology."""
    out = Graph(bind_namespaces="none")
    for prefix, iri in PREFIXES.items():
        out.bind(prefix, iri)
    for triple in _convert(_triples(g), URIRef, lambda lexical, dt: Literal(lexical, datatype=dt)):
        out.add(triple)
    return out


def to_oxigraph(g: nx.MultiDiGraph) -> list[ox.Triple]:
    """The graph's triples as pyoxigraph Triples, without duplicates, in a stable order
    (by subject, predicate, object), so each subject's triples come together."""
    return [ox.Triple(*triple) for triple in _convert(
        _sorted_triples(g), ox.NamedNode, lambda lexical, dt: ox.Literal(lexical, datatype=dt))]


def _convert(triples, make_iri, make_literal):
    """Neutral triples as a library's terms; each distinct IRI is built once."""
    iris = {}

    def term(t):
        if isinstance(t, Lit):
            return make_literal(t.lexical, t.datatype and term(t.datatype))
        node = iris.get(t)
        if node is None:
            node = iris[t] = make_iri(t)
        return node

    for s, p, o in triples:
        yield term(s), term(p), term(o)


def _sorted_triples(g: nx.MultiDiGraph):
    """_triples without duplicates, by subject, then predicate and object."""
    by_subject: dict[str, set] = {}
    for s, p, o in _triples(g):
        by_subject.setdefault(s, set()).add((p, o))
    for s in sorted(by_subject):
        for p, o in sorted(by_subject[s], key=_po_order):
            yield s, p, o


def _po_order(po) -> tuple:
    p, o = po
    return (p, 1, o.lexical, o.datatype or "") if isinstance(o, Lit) else (p, 0, o)


def _triples(g: nx.MultiDiGraph):
    """(subject, predicate, object) of the export: IRIs as str, literals as Lit."""
    classes = entity_classes()
    documents = g.graph.get("documents") or {}
    doc_ids = set(documents)
    for node, data in g.nodes(data=True):
        yield from _entity_triples(node, data, classes)
        doc_ids.update(data.get("docs") or ())
    for source, target, key, data in g.edges(keys=True, data=True):
        yield from _statement_triples(g, source, target, key, data)
        if data.get("doc") is not None:
            doc_ids.add(data["doc"])
    for doc in doc_ids:
        yield from _article_triples(doc, documents.get(doc) or {})


def _entity_triples(node, data: dict, classes):
    iri = _mint(ENTITY_BASE, node)
    yield iri, _RDF_TYPE, classes.get(data.get("type"), GK_IRI + "Entity")
    yield iri, _RDFS + "label", Lit(str(data.get("label") or node))
    yield iri, _DCT + "identifier", Lit(str(node))
    for alias in data.get("aliases") or ():
        yield iri, _SKOS + "altLabel", Lit(str(alias))
    if data.get("mentions") is not None:
        yield iri, GK_IRI + "mentionCount", Lit(str(int(data["mentions"])), _XSD + "nonNegativeInteger")
    for doc in data.get("docs") or ():
        yield iri, GK_IRI + "mentionedIn", _mint(ARTICLE_BASE, doc)
    if data.get("geonames"):
        yield iri, PREFIXES["owl"] + "sameAs", _mint(GEONAMES_BASE, data["geonames"]) + "/"


def _statement_triples(g: nx.MultiDiGraph, source, target, key, data: dict):
    sid = data.get("id") or key
    node = _mint(STATEMENT_BASE, sid)
    subject, obj = _mint(ENTITY_BASE, source), _mint(ENTITY_BASE, target)
    relation = _mint(GK_IRI, data.get("relation") or "relatedTo")
    negated = bool(data.get("negated", False))
    yield node, _RDF_TYPE, GK_IRI + "Statement"
    yield node, _DCT + "identifier", Lit(str(sid))
    yield node, GK_IRI + "source", subject
    yield node, GK_IRI + "target", obj
    yield node, GK_IRI + "relation", relation
    yield node, GK_IRI + "negated", Lit("true" if negated else "false", _XSD + "boolean")
    if data.get("evidence") is not None:
        yield node, GK_IRI + "evidence", Lit(str(data["evidence"]))
    for attr, prop in (("start", "beginIndex"), ("end", "endIndex")):
        if data.get(attr) is not None:
            yield node, _NIF + prop, Lit(str(int(data[attr])), _XSD + "nonNegativeInteger")
    if data.get("doc") is not None:
        article = _mint(ARTICLE_BASE, data["doc"])
        yield node, GK_IRI + "document", article
        yield node, _PROV + "wasDerivedFrom", article
    if data.get("confidence") is not None:
        yield node, GK_IRI + "confidence", _decimal_literal(float(data["confidence"]))
    reporter = data.get("reported_by_id")
    if reporter is not None and reporter in g:
        yield node, GK_IRI + "reportedBy", _mint(ENTITY_BASE, reporter)
    elif data.get("reported_by"):
        yield node, GK_IRI + "reportedByLabel", Lit(str(data["reported_by"]))
    if data.get("trigger"):
        yield node, GK_IRI + "trigger", Lit(str(data["trigger"]))
    if not negated:
        yield subject, relation, obj


def _article_triples(doc, meta: dict):
    iri = _mint(ARTICLE_BASE, doc)
    yield iri, _RDF_TYPE, GK_IRI + "Article"
    yield iri, _DCT + "identifier", Lit(str(doc))
    if meta.get("title"):
        yield iri, _DCT + "title", Lit(str(meta["title"]))
    if meta.get("date"):
        yield iri, _DCT + "date", _date_literal(str(meta["date"]))
    if meta.get("url"):
        yield iri, PREFIXES["schema"] + "url", Lit(str(meta["url"]), _XSD + "anyURI")


def _decimal_literal(value: float) -> Lit:
    """xsd:decimal in plain notation ("0.9", not "9e-01"); NaN and infinities as xsd:double."""
    if not math.isfinite(value):
        return Lit("NaN" if math.isnan(value) else "INF" if value > 0 else "-INF", _XSD + "double")
    return Lit(format(Decimal(repr(value)), "f"), _XSD + "decimal")


def _date_literal(text: str) -> Lit:
    """xsd:date or xsd:dateTime when the text is one (XSD's ISO 8601 forms), else a plain string."""
    try:
        if _DATE.fullmatch(text):
            date.fromisoformat(text)
            return Lit(text, _XSD + "date")
        if _DATETIME.fullmatch(text) and datetime.fromisoformat(text):
            return Lit(text, _XSD + "dateTime")
    except ValueError:
        pass
    return Lit(text)


# ---------------------------------------------------------------- deterministic serialisation

def serialize(source, fmt: str) -> bytes:
    """`source` (a MultiDiGraph or an rdflib Graph) as ttl, jsonld or nt: sorted, so the same
    triples always give the same bytes."""
    if fmt not in RDF_FORMATS:
        raise ValueError(f"unknown RDF format {fmt!r}; choose from {', '.join(RDF_FORMATS)}")
    triples = _from_rdflib(source) if isinstance(source, Graph) else to_oxigraph(source)
    return _serialize_triples(triples, fmt)


def _serialize_triples(triples: list[ox.Triple], fmt: str) -> bytes:
    if fmt == "nt":  # sorted lines (canonical N-Triples escapes every newline in a literal)
        lines = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES).split(b"\n")
        return b"".join(line + b"\n" for line in sorted(set(lines)) if line)
    if fmt == "ttl":
        return _turtle(triples)
    return _jsonld(triples)


def _turtle(triples: list[ox.Triple]) -> bytes:
    """Turtle with the graphkit prefixes, declared in sorted order (pyoxigraph's own order
    of the @prefix lines is not promised), then a blank line and the statements."""
    text = ox.serialize(triples, format=ox.RdfFormat.TURTLE, prefixes=dict(PREFIXES))
    body = b"\n".join(line for line in text.split(b"\n") if not line.startswith(b"@prefix "))
    header = "".join(f"@prefix {p}: <{ns}> .\n" for p, ns in sorted(PREFIXES.items()))
    return header.encode("utf-8") + b"\n" + body


def _from_rdflib(rdf: Graph) -> list[ox.Triple]:
    def term(t):
        if isinstance(t, URIRef):
            return ox.NamedNode(str(t))
        if isinstance(t, BNode):
            return ox.BlankNode(str(t))
        if t.language:
            return ox.Literal(str(t), language=t.language)
        return ox.Literal(str(t), datatype=ox.NamedNode(str(t.datatype)) if t.datatype else None)

    by_text = {str(t): t for t in (ox.Triple(term(s), term(p), term(o)) for s, p, o in rdf)}
    return [by_text[k] for k in sorted(by_text)]  # N-Triples text: a total, stable order


# ---------------------------------------------------------------- JSON-LD (compacted)

def _jsonld_value(term):
    if isinstance(term, ox.NamedNode):
        return {"@id": compact_iri(term.value)}
    if isinstance(term, ox.BlankNode):
        return {"@id": f"_:{term.value}"}
    if term.language:
        return {"@value": term.value, "@language": term.language}
    if term.datatype.value == _XSD + "string":
        return term.value
    return {"@value": term.value, "@type": compact_iri(term.datatype.value)}


def _jsonld(triples: list[ox.Triple]) -> bytes:
    """Compacted JSON-LD: one object per subject, prefixed names from the graphkit context."""
    nodes: dict[str, dict] = {}
    for triple in triples:  # sorted, so each subject's triples come together and in order
        subject = triple.subject
        key = subject.value if isinstance(subject, ox.NamedNode) else f"_:{subject.value}"
        node = nodes.get(key)
        if node is None:
            node = nodes[key] = {"@id": compact_iri(key) if isinstance(subject, ox.NamedNode) else key,
                                 "@type": []}
        if triple.predicate.value == _RDF_TYPE and isinstance(triple.object, ox.NamedNode):
            node["@type"].append(compact_iri(triple.object.value))
        else:
            node.setdefault(compact_iri(triple.predicate.value), []).append(_jsonld_value(triple.object))
    graph = [{k: v[0] if isinstance(v, list) and len(v) == 1 else v for k, v in node.items() if v != []}
             for node in nodes.values()]
    # One subject per line: readable, diffable, and written by json's fast C encoder.
    context = json.dumps(dict(sorted(PREFIXES.items())), indent=1).replace("\n", "\n ")
    nodes_text = ",\n".join("  " + json.dumps(node, ensure_ascii=False) for node in graph)
    return f'{{\n "@context": {context},\n "@graph": [\n{nodes_text}\n ]\n}}\n'.encode("utf-8")


def write_rdf(g: nx.MultiDiGraph, out_dir, formats=("ttl", "jsonld", "nt")) -> list[Path]:
    """Write graph.ttl / graph.jsonld / graph.nt into out_dir, each atomically; return the paths."""
    unknown = sorted(set(formats) - set(RDF_FORMATS))
    if unknown:
        raise ValueError(f"unknown RDF format(s) {', '.join(unknown)}; choose from {', '.join(RDF_FORMATS)}")
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    triples = to_oxigraph(g)
    paths = []
    for fmt in formats:
        path = out / RDF_FORMATS[fmt]
        atomic_write_bytes(path, _serialize_triples(triples, fmt))
        paths.append(path)
    return paths
