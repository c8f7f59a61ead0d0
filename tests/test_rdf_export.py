"""to_rdflib / write_rdf: IRIs, statements, SHACL conformance, determinism, atomic writes."""
from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path
from urllib.parse import unquote

import pyoxigraph as ox
import pyshacl
import pytest
import rdflib
from hypothesis import HealthCheck, given, settings, strategies as st
from rdflib import OWL, RDF, RDFS, XSD, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, SKOS

from graphkit import ontology
from graphkit.export import rdf as rdf_export
from graphkit.export.rdf import (GK, NIF, article_iri, entity_iri, serialize, statement_iri,
                                 to_rdflib, write_rdf)
from test_rdf_sample import EVIDENCE, sample_graph

ROOT = Path(__file__).resolve().parent.parent
# RFC 3986 characters only (every minted IRI is ASCII), and % always starts an escape.
URI_CHARS = re.compile(r"^[a-z][a-z0-9+.-]*:[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=%]*$")
PERCENT = re.compile(r"%(?![0-9A-F]{2})")


@pytest.fixture(scope="module")
def shapes():
    return (rdflib.Graph().parse(ontology.SHAPES_PATH, format="turtle"), ontology.load_ontology())


def validate(data: rdflib.Graph, shapes) -> tuple[bool, str]:
    shacl, ont = shapes
    conforms, _, text = pyshacl.validate(data, shacl_graph=shacl, ont_graph=ont, advanced=True)
    return conforms, text


# ---------------------------------------------------------------- IRIs

def assert_valid_iri(iri: str) -> None:
    assert URI_CHARS.match(iri), iri
    assert not PERCENT.search(iri), iri
    ox.NamedNode(iri)  # raises ValueError on an invalid IRI


@settings(max_examples=200, deadline=None)
@given(st.lists(st.text(max_size=40), min_size=1, max_size=6, unique=True))
def test_any_node_id_mints_a_valid_distinct_reversible_iri(ids):
    iris = [str(entity_iri(i)) for i in ids]
    for node_id, iri in zip(ids, iris):
        assert_valid_iri(iri)
        assert unquote(iri[len(ontology.ENTITY_BASE):]) == node_id
    assert len(set(iris)) == len(ids)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(node_id=st.text(max_size=30), label=st.text(max_size=30), evidence=st.text(max_size=60))
def test_any_text_round_trips_through_every_format(node_id, label, evidence):
    g = sample_graph()
    g.add_node(node_id, label=label, type="PERSON", aliases=[label], mentions=1, docs=["doc-1"],
               geonames=None)
    g.add_edge(node_id, "gpe:ruritania", key="s-x", id="s-x", relation="condemns",
               evidence=evidence, start=0, end=len(evidence), doc="doc-1", negated=False,
               reported_by=None, reported_by_id=None, confidence=0.5, trigger=None)
    rdf = to_rdflib(g)
    expected = set(rdf)
    for fmt, ox_format in (("nt", ox.RdfFormat.N_TRIPLES), ("ttl", ox.RdfFormat.TURTLE),
                           ("jsonld", ox.RdfFormat.JSON_LD)):
        data = serialize(rdf, fmt)
        back = rdflib.Graph().parse(data=data, format={"nt": "nt", "ttl": "turtle", "jsonld": "json-ld"}[fmt])
        assert set(back) == expected, fmt
        quads = list(ox.parse(data, format=ox_format))
        assert len(quads) == len(expected), fmt
    node = entity_iri(node_id)
    assert rdf.value(node, RDFS.label) == Literal(label or node_id)
    assert rdf.value(statement_iri("s-x"), GK.evidence) == Literal(evidence)


# ---------------------------------------------------------------- content

def test_entities_carry_type_label_aliases_and_geonames():
    rdf = to_rdflib(sample_graph())
    ruritania = entity_iri("gpe:ruritania")
    assert rdf.value(ruritania, RDF.type) == GK.GeopoliticalEntity
    assert rdf.value(ruritania, RDFS.label) == Literal("Ruritania")
    assert rdf.value(ruritania, DCTERMS.identifier) == Literal("gpe:ruritania")
    assert set(rdf.objects(ruritania, SKOS.altLabel)) == {Literal("Ruritanian")}
    assert rdf.value(ruritania, OWL.sameAs) == URIRef("https://sws.geonames.org/456/")
    assert rdf.value(ruritania, GK.mentionCount) == Literal(5, datatype=XSD.nonNegativeInteger)
    assert set(rdf.objects(ruritania, GK.mentionedIn)) == {article_iri("doc-1"), article_iri("doc-2")}
    assert rdf.value(entity_iri("gpe:zenda"), OWL.sameAs) is None


@pytest.mark.parametrize("kind, cls", [("PERSON", "Person"), ("ORG", "Organization"),
                                        ("GPE", "GeopoliticalEntity"), ("LOC", "Location"),
                                        ("NORP", "Group"), ("EVENT", "Event"),
                                        ("DATE", "Entity"), (None, "Entity")])
def test_entity_class_by_type(kind, cls):
    g = sample_graph()
    g.add_node("x", label="X", type=kind)
    assert to_rdflib(g).value(entity_iri("x"), RDF.type) == GK[cls]


@pytest.mark.parametrize("sid, source, relation, target, negated", [
    ("s-acc", "org:ministry", "accuses", "gpe:ruritania", False),
    ("s-neg", "gpe:ruritania", "attacks", "gpe:zenda", True),
    ("s-spk", "person:anna-kovacs", "spokesperson_of", "org:ministry", False),
    ("s-meet", "gpe:ruritania", "meets", "gpe:borduvia", False),
    ("s-loc", "gpe:zenda", "located_in", "gpe:ruritania", False),
])
def test_statement_node_and_plain_triple_only_when_not_negated(sid, source, relation, target, negated):
    rdf = to_rdflib(sample_graph())
    node = statement_iri(sid)
    assert rdf.value(node, RDF.type) == GK.Statement
    assert rdf.value(node, GK.source) == entity_iri(source)
    assert rdf.value(node, GK.target) == entity_iri(target)
    assert rdf.value(node, GK.relation) == GK[relation]
    assert rdf.value(node, GK.negated) == Literal(negated)
    assert rdf.value(node, GK.evidence) == Literal(EVIDENCE[sid])
    begin, end = rdf.value(node, NIF.beginIndex).toPython(), rdf.value(node, NIF.endIndex).toPython()
    assert end - begin == len(EVIDENCE[sid])
    assert rdf.value(node, GK.document) == rdf.value(node, PROV.wasDerivedFrom)
    assert ((entity_iri(source), GK[relation], entity_iri(target)) in rdf) is not negated
    assert (entity_iri(target), GK[relation], entity_iri(source)) not in rdf  # symmetric: one way


def test_statement_provenance_details():
    rdf = to_rdflib(sample_graph())
    accusation = statement_iri("s-acc")
    assert rdf.value(accusation, GK.reportedBy) == entity_iri("person:anna-kovacs")
    assert rdf.value(accusation, GK.trigger) == Literal("accused")
    assert rdf.value(accusation, GK.confidence) == Literal("0.9", datatype=XSD.decimal)
    assert rdf.value(statement_iri("s-spk"), GK.confidence) == Literal("1.0", datatype=XSD.decimal)
    assert rdf.value(statement_iri("s-spk"), GK.trigger) is None


def test_a_reporter_that_is_no_node_is_kept_as_a_name():
    g = sample_graph()
    g.edges["gpe:ruritania", "gpe:borduvia", "s-meet"].update(reported_by="Officials", reported_by_id="gone")
    rdf = to_rdflib(g)
    assert rdf.value(statement_iri("s-meet"), GK.reportedBy) is None
    assert rdf.value(statement_iri("s-meet"), GK.reportedByLabel) == Literal("Officials")


def test_articles_with_what_is_known():
    rdf = to_rdflib(sample_graph())
    first, second = article_iri("doc-1"), article_iri("doc-2")
    assert rdf.value(first, RDF.type) == GK.Article
    assert rdf.value(first, DCTERMS.title) == Literal("Border talks stall")
    assert rdf.value(first, DCTERMS.date) == Literal("2024-02-17", datatype=XSD.date)
    assert rdf.value(first, URIRef("https://schema.org/url")).datatype == XSD.anyURI
    assert rdf.value(second, DCTERMS.title) is None
    assert rdf.value(second, DCTERMS.date) == Literal("last Tuesday")


@pytest.mark.parametrize("text, datatype", [
    ("2024-02-17", XSD.date), ("2024-02-17T10:30:00+00:00", XSD.dateTime),
    ("2024-02-30", XSD.string), ("Feb 17", XSD.string), ("2024-02-17Tnoon", XSD.string),
])
def test_date_typing(text, datatype):
    assert (rdf_export._date_literal(text).datatype or str(XSD.string)) == str(datatype)


def test_unknown_relation_names_are_quoted_into_the_namespace():
    g = sample_graph()
    g.add_edge("gpe:zenda", "gpe:borduvia", key="s-odd", id="s-odd", relation="likes <a lot>",
               evidence="x", start=0, end=1, doc="doc-2", negated=False, confidence=0.5)
    rdf = to_rdflib(g)
    assert rdf.value(statement_iri("s-odd"), GK.relation) == URIRef(ontology.GK + "likes%20%3Ca%20lot%3E")


# ---------------------------------------------------------------- SHACL

def test_the_export_conforms_to_the_shapes(shapes):
    conforms, report = validate(to_rdflib(sample_graph()), shapes)
    assert conforms, report


E, S = entity_iri("org:ministry"), statement_iri("s-acc")


@pytest.mark.parametrize("name, mutate, message", [
    ("label missing", lambda r: r.remove((E, RDFS.label, None)), "exactly one non-empty rdfs:label"),
    ("two labels", lambda r: r.add((E, RDFS.label, Literal("Other"))), "exactly one non-empty rdfs:label"),
    ("no type", lambda r: r.remove((E, RDF.type, None)), "exactly one graphkit entity class"),
    ("confidence above 1", lambda r: r.set((S, GK.confidence, Literal("1.5", datatype=XSD.decimal))), "confidence in [0, 1]"),
    ("confidence as text", lambda r: r.set((S, GK.confidence, Literal("high"))), "confidence in [0, 1]"),
    ("negated missing", lambda r: r.remove((S, GK.negated, None)), "gk:negated"),
    ("no evidence", lambda r: r.remove((S, GK.evidence, None)), "non-empty evidence sentence"),
    ("begin after end", lambda r: r.set((S, NIF.beginIndex, Literal(10**6, datatype=XSD.nonNegativeInteger))), "not after its end"),
    ("plain triple missing", lambda r: r.remove((E, GK.accuses, None)), "has its plain triple"),
    ("relation outside the ontology", lambda r: r.set((S, GK.relation, GK.likes)), "not a graphkit relation property"),
    ("dangling entity", lambda r: r.set((S, GK.target, entity_iri("nowhere"))), "rdfs:label"),
    ("bad geonames link", lambda r: r.add((E, OWL.sameAs, URIRef("https://example.org/x"))), "GeoNames"),
])
def test_the_shapes_catch(name, mutate, message, shapes):
    rdf = to_rdflib(sample_graph())
    mutate(rdf)
    conforms, report = validate(rdf, shapes)
    assert not conforms, name
    assert message in report


# ---------------------------------------------------------------- files

def shuffled(g):
    """The same graph with nodes and edges inserted in reverse order."""
    import networkx as nx

    out = nx.MultiDiGraph()
    out.graph.update(g.graph)
    out.add_nodes_from(reversed(list(g.nodes(data=True))))
    out.add_edges_from(reversed(list(g.edges(keys=True, data=True))))
    return out


def test_write_rdf_is_deterministic(tmp_path):
    write_rdf(sample_graph(), tmp_path / "a")
    write_rdf(shuffled(sample_graph()), tmp_path / "b")
    for name in ("graph.ttl", "graph.jsonld", "graph.nt"):
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes(), name
    lines = (tmp_path / "a" / "graph.nt").read_text().splitlines()
    assert lines == sorted(lines) and len(lines) == len(to_rdflib(sample_graph()))


def test_write_rdf_is_the_same_under_another_hash_seed(tmp_path):
    write_rdf(sample_graph(), tmp_path / "here")
    code = ("import sys; sys.path[:0] = [sys.argv[1], sys.argv[2]]; "
            "from test_rdf_sample import sample_graph; from graphkit.export.rdf import write_rdf; "
            "write_rdf(sample_graph(), sys.argv[3])")
    env = {**os.environ, "PYTHONHASHSEED": "12345"}
    subprocess.run([sys.executable, "-c", code, str(ROOT), str(ROOT / "tests"), str(tmp_path / "there")],
                   check=True, env=env)
    for name in ("graph.ttl", "graph.jsonld", "graph.nt"):
        assert (tmp_path / "here" / name).read_bytes() == (tmp_path / "there" / name).read_bytes(), name


def test_write_rdf_writes_the_asked_formats_and_no_temp_files(tmp_path):
    paths = write_rdf(sample_graph(), tmp_path / "out", ["nt"])
    assert paths == [tmp_path / "out" / "graph.nt"]
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["graph.nt"]
    with pytest.raises(ValueError, match="unknown RDF format"):
        write_rdf(sample_graph(), tmp_path / "out", ["rdfxml"])


def test_a_failed_write_leaves_the_old_file(tmp_path, monkeypatch):
    write_rdf(sample_graph(), tmp_path, ["ttl"])
    before = (tmp_path / "graph.ttl").read_bytes()

    def broken(triples, fmt):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(rdf_export, "_serialize_triples", broken)
    with pytest.raises(RuntimeError):
        write_rdf(sample_graph(), tmp_path, ["ttl"])
    assert (tmp_path / "graph.ttl").read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["graph.ttl"]
