"""The ontology (ontologies/graphkit.ttl) and the Python tables read from it."""
from __future__ import annotations

import pytest
from rdflib import OWL, RDF, RDFS, URIRef

from graphkit import ontology
from graphkit.export.rdf import to_rdflib
from test_rdf_sample import sample_graph

GK = ontology.GK

# The relation vocabulary of /work/shared/eval/README.md, with the PLOVER type and CAMEO codes
# of the design notes and the symmetry the scorer uses.
EXPECTED = [
    ("accuses", "ACCUSE", ("112",), False),
    ("condemns", "ACCUSE", ("111",), False),
    ("aids", "AID", ("07",), False),
    ("attacks", "ASSAULT", ("18", "19"), False),
    ("threatens", "THREATEN", ("13",), False),
    ("sanctions", "SANCTION", ("163",), False),
    ("meets", "CONSULT", ("04",), True),
    ("agrees_with", "AGREE", ("057",), True),
    ("requests", "REQUEST", ("02", "10"), False),
    ("rejects", "REJECT", ("12",), False),
    ("supports", "SUPPORT", ("051",), False),
    ("protests_against", "PROTEST", ("14",), False),
    ("cooperates_with", "COOPERATE", ("06",), True),
    ("retreats_from", "RETREAT", ("08",), False),
    ("spokesperson_of", None, (), False),
    ("member_of", None, (), False),
    ("leader_of", None, (), False),
    ("ambassador_of", None, (), False),
    ("located_in", None, (), False),
]


def test_every_eval_relation_is_a_property_and_no_other():
    assert set(ontology.relations()) == {name for name, *_ in EXPECTED}
    assert ontology.relation_names() == tuple(sorted(name for name, *_ in EXPECTED))


@pytest.mark.parametrize("name, plover, cameo, symmetric", EXPECTED)
def test_relation_table(name, plover, cameo, symmetric):
    info = ontology.RELATIONS[name]
    assert (info.plover, info.cameo, info.symmetric) == (plover, cameo, symmetric)
    assert info.iri == GK + name
    assert info.label and info.comment and info.domain.startswith(GK) and info.range.startswith(GK)
    assert info.kind == ("interaction" if plover else "location" if name == "located_in" else "affiliation")


def test_accuse_modes_tell_accuses_from_condemns():
    assert ontology.RELATIONS["accuses"].plover_mode == "allege"
    assert ontology.RELATIONS["condemns"].plover_mode == "disapprove"


def test_the_table_is_read_once():
    assert ontology.relations() is ontology.relations()
    assert ontology.load_ontology() is ontology.load_ontology()


@pytest.mark.parametrize("kind, local, schema_class", [
    ("PERSON", "Person", "Person"), ("ORG", "Organization", "Organization"),
    ("GPE", "GeopoliticalEntity", "AdministrativeArea"), ("LOC", "Location", "Place"),
    ("NORP", "Group", None), ("EVENT", "Event", "Event"),
])
def test_entity_classes_align_with_schema_org(kind, local, schema_class):
    g = ontology.load_ontology()
    iri = URIRef(ontology.ENTITY_CLASSES[kind])
    assert iri == URIRef(GK + local)
    supers = set(g.transitive_objects(iri, RDFS.subClassOf))
    assert URIRef(GK + "Entity") in supers
    if schema_class:
        assert URIRef("https://schema.org/" + schema_class) in supers


def test_every_gk_term_the_ontology_mentions_is_declared():
    g = ontology.load_ontology()
    declared = {s for s in g.subjects(RDF.type, None) if str(s).startswith(GK)}
    used = {t for triple in g for t in triple if isinstance(t, URIRef) and str(t).startswith(GK)}
    assert used - declared == set()


def test_an_export_uses_only_declared_terms():
    g = ontology.load_ontology()
    declared = {str(s) for s in g.subjects(RDF.type, None)}
    exported = to_rdflib(sample_graph())
    used = {str(p) for p in exported.predicates()} | {str(o) for o in exported.objects(None, RDF.type)}
    assert {t for t in used if t.startswith(GK)} - declared == set()


def test_symmetric_and_transitive_properties_are_declared_in_owl():
    g = ontology.load_ontology()
    symmetric = {str(s)[len(GK):] for s in g.subjects(RDF.type, OWL.SymmetricProperty)}
    assert symmetric == {"meets", "agrees_with", "cooperates_with"}
    assert (URIRef(GK + "located_in"), RDF.type, OWL.TransitiveProperty) in g
