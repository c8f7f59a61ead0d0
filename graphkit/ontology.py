"""The graphkit ontology (ontologies/graphkit.ttl) as Python tables: one source of truth.

`relations()` maps each relation name to its RelationInfo (PLOVER type, CAMEO codes, label,
symmetry...) and `entity_classes()` maps each entity type (PERSON, ORG...) to its class IRI,
both read from the Turtle file with rdflib on first use and cached. `RELATIONS` and
`ENTITY_CLASSES` are the same tables as module attributes.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType
from typing import Mapping


def _ontology_dir() -> Path:
    """graphkit/ontologies: package data in a wheel, in a checkout a link to the top-level
    ontologies/ folder (the one the project documents). A checkout whose link did not survive
    (git on Windows without symlinks) falls back to that top-level folder itself."""
    package = Path(__file__).resolve().parent
    packaged = package / "ontologies"
    if (packaged / "graphkit.ttl").is_file():
        return packaged
    return package.parent / "ontologies"


ONTOLOGY_DIR = _ontology_dir()
ONTOLOGY_PATH = ONTOLOGY_DIR / "graphkit.ttl"
SHAPES_PATH = ONTOLOGY_DIR / "shapes.ttl"

GK = "https://graphkit.dev/ontology#"
ID_BASE = "https://graphkit.dev/id/"
ENTITY_BASE = ID_BASE + "entity/"
STATEMENT_BASE = ID_BASE + "statement/"
ARTICLE_BASE = ID_BASE + "article/"
GEONAMES_BASE = "https://sws.geonames.org/"

# Namespaces the exports and the query presets share, prefix -> IRI.
PREFIXES: Mapping[str, str] = MappingProxyType({
    "gk": GK,
    "entity": ENTITY_BASE,
    "statement": STATEMENT_BASE,
    "article": ARTICLE_BASE,
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "dcterms": "http://purl.org/dc/terms/",
    "prov": "http://www.w3.org/ns/prov#",
    "schema": "https://schema.org/",
    "nif": "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#",
})

_PREFIX_OF = {iri: prefix for prefix, iri in PREFIXES.items()}


@lru_cache(maxsize=1 << 16)
def compact_iri(iri: str) -> str:
    """prefix:local when the IRI's namespace (up to its last / or #) is a graphkit prefix,
    else the IRI unchanged."""
    cut = max(iri.rfind("/"), iri.rfind("#")) + 1
    prefix = _PREFIX_OF.get(iri[:cut])
    return f"{prefix}:{iri[cut:]}" if prefix and cut < len(iri) else iri


_GROUPS = {GK + "interactsWith": "interaction", GK + "affiliatedWith": "affiliation"}


@dataclass(frozen=True)
class RelationInfo:
    """One relation property of the ontology."""
    name: str                 # accuses, agrees_with... (the IRI's local name)
    iri: str
    label: str
    comment: str
    plover: str | None        # PLOVER 2.0 event type, None for roles and places
    plover_mode: str | None
    cameo: tuple[str, ...]    # CAMEO codes, sorted; () for roles and places
    symmetric: bool
    transitive: bool
    kind: str                 # interaction, affiliation or location
    domain: str               # class IRIs
    range: str


@lru_cache(maxsize=1)
def load_ontology():
    """The ontology as an rdflib Graph (parsed once)."""
    import rdflib

    return rdflib.Graph().parse(ONTOLOGY_PATH, format="turtle")


@lru_cache(maxsize=1)
def relations() -> Mapping[str, RelationInfo]:
    """relation name -> RelationInfo for every property under gk:relatedTo, sorted by name."""
    from rdflib import OWL, RDF, RDFS, URIRef

    g = load_ontology()
    top = URIRef(GK + "relatedTo")
    table = {}
    for prop in g.transitive_subjects(RDFS.subPropertyOf, top):
        iri = str(prop)
        if prop == top or iri in _GROUPS:
            continue
        parents = {str(p) for p in g.objects(prop, RDFS.subPropertyOf)}
        kind = next((k for p, k in _GROUPS.items() if p in parents), "location")
        types = set(g.objects(prop, RDF.type))
        table[iri[len(GK):]] = RelationInfo(
            name=iri[len(GK):], iri=iri,
            label=str(g.value(prop, RDFS.label)), comment=str(g.value(prop, RDFS.comment)),
            plover=_text(g.value(prop, URIRef(GK + "ploverType"))),
            plover_mode=_text(g.value(prop, URIRef(GK + "ploverMode"))),
            cameo=tuple(sorted(str(c) for c in g.objects(prop, URIRef(GK + "cameoCode")))),
            symmetric=OWL.SymmetricProperty in types,
            transitive=OWL.TransitiveProperty in types,
            kind=kind,
            domain=str(g.value(prop, RDFS.domain)),
            range=str(g.value(prop, RDFS.range)),
        )
    return MappingProxyType(dict(sorted(table.items())))


@lru_cache(maxsize=1)
def entity_classes() -> Mapping[str, str]:
    """entity type (PERSON, ORG, GPE, LOC, NORP, EVENT) -> class IRI."""
    from rdflib import URIRef

    g = load_ontology()
    return MappingProxyType({str(t): str(c) for c, t in sorted(
        g.subject_objects(URIRef(GK + "entityType")), key=lambda ct: str(ct[1]))})


def relation_names() -> tuple[str, ...]:
    """The relation vocabulary, sorted."""
    return tuple(relations())


def _text(value) -> str | None:
    return None if value is None else str(value)


def __getattr__(name: str):
    # RELATIONS and ENTITY_CLASSES load the ontology on first access, not at import.
    if name == "RELATIONS":
        return relations()
    if name == "ENTITY_CLASSES":
        return entity_classes()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
