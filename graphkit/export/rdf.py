"""RDF export: the graph in the graphkit ontology, as Turtle, JSON-LD and N-Triples.

Every entity gets an IRI minted from its node id (percent-encoded, so any id is safe and
distinct ids stay distinct), every relation instance a gk:Statement node with its evidence,
offsets, confidence and article (PROV-O), and beside it the plain triple
`entity:a gk:accuses entity:b` unless the statement is negated. See ontologies/graphkit.ttl.
"""
from __future__ import annotations

import json
import math
import re
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from urllib.parse import quote

import networkx as nx
from rdflib import RDF, RDFS, XSD, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, SKOS

from ..io.atomic import atomic_write_bytes
from ..ontology import (ARTICLE_BASE, ENTITY_BASE, GEONAMES_BASE, GK as GK_IRI, PREFIXES,
                        STATEMENT_BASE, entity_classes)

GK = Namespace(GK_IRI)
NIF = Namespace(PREFIXES["nif"])
SCHEMA = Namespace(PREFIXES["schema"])

# format name -> (file name, rdflib serializer)
RDF_FORMATS = {"ttl": ("graph.ttl", "turtle"), "jsonld": ("graph.jsonld", "json-ld"),
               "nt": ("graph.nt", "nt")}

_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def _mint(base: str, ident) -> URIRef:
    return URIRef(base + quote(str(ident), safe=""))


def entity_iri(node_id) -> URIRef:
    """The IRI of a node: its id percent-encoded under https://graphkit.dev/id/entity/."""
    return _mint(ENTITY_BASE, node_id)


def statement_iri(statement_id) -> URIRef:
    return _mint(STATEMENT_BASE, statement_id)


def article_iri(doc_id) -> URIRef:
    return _mint(ARTICLE_BASE, doc_id)


def relation_iri(relation: str) -> URIRef:
    """gk:{relation}; names outside the ontology are percent-encoded the same way."""
    return _mint(GK_IRI, relation)


def to_rdflib(g: nx.MultiDiGraph) -> Graph:
    """The graph as an rdflib Graph in the graphkit ontology."""
    out = Graph(bind_namespaces="none")
    for prefix, iri in PREFIXES.items():
        out.bind(prefix, iri)
    add = out.add
    for triple in _triples(g):
        add(triple)
    return out


def _triples(g: nx.MultiDiGraph):
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
    iri = entity_iri(node)
    yield iri, RDF.type, URIRef(classes.get(data.get("type"), GK_IRI + "Entity"))
    yield iri, RDFS.label, Literal(str(data.get("label") or node))
    yield iri, DCTERMS.identifier, Literal(str(node))
    for alias in data.get("aliases") or ():
        yield iri, SKOS.altLabel, Literal(str(alias))
    if data.get("mentions") is not None:
        yield iri, GK.mentionCount, Literal(int(data["mentions"]), datatype=XSD.nonNegativeInteger)
    for doc in data.get("docs") or ():
        yield iri, GK.mentionedIn, article_iri(doc)
    if data.get("geonames"):
        yield iri, OWL.sameAs, _mint(GEONAMES_BASE, data["geonames"]) + "/"


def _statement_triples(g: nx.MultiDiGraph, source, target, key, data: dict):
    sid = data.get("id") or key
    node = statement_iri(sid)
    subject, obj = entity_iri(source), entity_iri(target)
    relation = relation_iri(data.get("relation") or "relatedTo")
    negated = bool(data.get("negated", False))
    yield node, RDF.type, GK.Statement
    yield node, DCTERMS.identifier, Literal(str(sid))
    yield node, GK.source, subject
    yield node, GK.target, obj
    yield node, GK.relation, relation
    yield node, GK.negated, Literal(negated)
    if data.get("evidence") is not None:
        yield node, GK.evidence, Literal(str(data["evidence"]))
    for attr, prop in (("start", NIF.beginIndex), ("end", NIF.endIndex)):
        if data.get(attr) is not None:
            yield node, prop, Literal(int(data[attr]), datatype=XSD.nonNegativeInteger)
    if data.get("doc") is not None:
        article = article_iri(data["doc"])
        yield node, GK.document, article
        yield node, PROV.wasDerivedFrom, article
    if data.get("confidence") is not None:
        yield node, GK.confidence, _decimal_literal(float(data["confidence"]))
    reporter = data.get("reported_by_id")
    if reporter is not None and reporter in g:
        yield node, GK.reportedBy, entity_iri(reporter)
    elif data.get("reported_by"):
        yield node, GK.reportedByLabel, Literal(str(data["reported_by"]))
    if data.get("trigger"):
        yield node, GK.trigger, Literal(str(data["trigger"]))
    if not negated:
        yield subject, relation, obj


def _article_triples(doc, meta: dict):
    iri = article_iri(doc)
    yield iri, RDF.type, GK.Article
    yield iri, DCTERMS.identifier, Literal(str(doc))
    if meta.get("title"):
        yield iri, DCTERMS.title, Literal(str(meta["title"]))
    if meta.get("date"):
        yield iri, DCTERMS.date, _date_literal(str(meta["date"]))
    if meta.get("url"):
        yield iri, SCHEMA.url, Literal(str(meta["url"]), datatype=XSD.anyURI)


def _decimal_literal(value: float) -> Literal:
    """xsd:decimal in plain notation ("0.9", not "9e-01"); NaN and infinities stay xsd:double."""
    if not math.isfinite(value):
        return Literal(value)
    return Literal(format(Decimal(repr(value)), "f"), datatype=XSD.decimal)


def _date_literal(text: str) -> Literal:
    """xsd:date or xsd:dateTime when the text is one (ISO 8601), else a plain string."""
    try:
        if _DATE.fullmatch(text):
            date.fromisoformat(text)
            return Literal(text, datatype=XSD.date)
        if "T" in text and datetime.fromisoformat(text):
            return Literal(text, datatype=XSD.dateTime)
    except ValueError:
        pass
    return Literal(text)


# ---------------------------------------------------------------- deterministic serialisation

def serialize(rdf: Graph, fmt: str) -> bytes:
    """`rdf` in format fmt (ttl, jsonld, nt), the same bytes for the same triples."""
    if fmt not in RDF_FORMATS:
        raise ValueError(f"unknown RDF format {fmt!r}; choose from {', '.join(RDF_FORMATS)}")
    if fmt == "nt":
        # split on "\n" only: str.splitlines() would also split inside literals (\x1e, \u2028...)
        lines = rdf.serialize(format="nt", encoding="utf-8").split(b"\n")
        return b"".join(line + b"\n" for line in sorted(set(lines)) if line)
    ordered = _sorted_copy(rdf)
    if fmt == "ttl":
        return ordered.serialize(format="turtle", encoding="utf-8")
    context = {prefix: iri for prefix, iri in sorted(PREFIXES.items())}
    doc = json.loads(ordered.serialize(format="json-ld", context=context, auto_compact=True))
    return (json.dumps(_sort_jsonld(doc), ensure_ascii=False, indent=1, sort_keys=True) + "\n").encode("utf-8")


def _sorted_copy(rdf: Graph) -> Graph:
    """The same triples inserted in sorted order (rdflib serialisers follow insertion order)."""
    out = Graph(bind_namespaces="none")
    for prefix, iri in rdf.namespaces():
        out.bind(prefix, iri)
    for triple in sorted(rdf):
        out.add(triple)
    return out


def _sort_jsonld(value):
    if isinstance(value, dict):
        return {k: _sort_jsonld(v) for k, v in value.items()}
    if isinstance(value, list):
        items = [_sort_jsonld(v) for v in value]
        return sorted(items, key=lambda v: json.dumps(v, sort_keys=True, ensure_ascii=False))
    return value


def write_rdf(g: nx.MultiDiGraph, out_dir, formats=("ttl", "jsonld", "nt")) -> list[Path]:
    """Write graph.ttl / graph.jsonld / graph.nt into out_dir, each atomically; return the paths."""
    unknown = sorted(set(formats) - set(RDF_FORMATS))
    if unknown:
        raise ValueError(f"unknown RDF format(s) {', '.join(unknown)}; choose from {', '.join(RDF_FORMATS)}")
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    rdf = to_rdflib(g)
    paths = []
    for fmt in formats:
        path = out / RDF_FORMATS[fmt][0]
        atomic_write_bytes(path, serialize(rdf, fmt))
        paths.append(path)
    return paths
