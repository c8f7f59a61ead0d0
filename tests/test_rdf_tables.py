"""GraphML, GEXF and CSV exports: readable by their tools, scalar attributes, deterministic."""
from __future__ import annotations

import csv
import json
import tempfile

import networkx as nx
import pytest
from hypothesis import given, settings, strategies as st

from graphkit.export.tables import (EDGE_COLUMNS, NODE_COLUMNS, TABLE_WRITERS, flat_graph,
                                    write_csv, write_gexf, write_graphml)
from test_rdf_export import shuffled
from test_rdf_sample import EVIDENCE, sample_graph


def test_flat_graph_scalars_only():
    flat = flat_graph(sample_graph())
    for _, data in [*flat.nodes(data=True), *((k, d) for *_, k, d in flat.edges(keys=True, data=True))]:
        assert all(isinstance(v, (str, int, float, bool)) for v in data.values()), data
    node = flat.nodes["gpe:ruritania"]
    assert json.loads(node["aliases"]) == ["Ruritanian"]
    assert "geonames" not in flat.nodes["gpe:zenda"]  # None dropped
    assert json.loads(flat.graph["documents"])["doc-1"]["title"] == "Border talks stall"


def test_mixed_int_and_float_become_float():
    flat = flat_graph(sample_graph())
    confidences = {d["confidence"] for *_, d in flat.edges(keys=True, data=True)}
    assert all(isinstance(c, float) for c in confidences) and 1.0 in confidences


def test_graphml_reads_back(tmp_path):
    [path] = write_graphml(sample_graph(), tmp_path)
    back = nx.read_graphml(path, force_multigraph=True)
    assert sorted(back.nodes) == sorted(sample_graph().nodes)
    edges = {k: d for *_, k, d in back.edges(keys=True, data=True)}
    assert set(edges) == set(EVIDENCE)  # edge ids are the statement ids
    assert edges["s-acc"]["evidence"] == EVIDENCE["s-acc"]
    assert edges["s-neg"]["negated"] is True and edges["s-acc"]["negated"] is False
    assert edges["s-spk"]["confidence"] == 1.0
    assert json.loads(back.nodes["gpe:borduvia"]["aliases"]) == ["Borduvian", "the Republic"]


def test_gexf_reads_back_with_offsets_renamed_and_no_date(tmp_path):
    [path] = write_gexf(sample_graph(), tmp_path)
    text = path.read_text()
    assert "lastmodifieddate" not in text
    back = nx.read_gexf(path)
    data = next(d for *_, d in back.edges(data=True) if d["id"] == "s-acc")
    assert data["label"] == "accuses"  # Gephi shows the relation on the edge
    assert (data["evidence_start"], data["evidence_end"]) == (0, len(EVIDENCE["s-acc"]))
    assert "start" not in data and "end" not in data
    assert back.nodes["gpe:ruritania"]["label"] == "Ruritania"


def test_csv_tables(tmp_path):
    nodes_path, edges_path = write_csv(sample_graph(), tmp_path)
    assert (nodes_path.name, edges_path.name) == ("graph.nodes.csv", "graph.edges.csv")
    with open(nodes_path, newline="", encoding="utf-8") as fh:
        nodes = list(csv.DictReader(fh))
    with open(edges_path, newline="", encoding="utf-8") as fh:
        edges = list(csv.DictReader(fh))
    assert tuple(nodes[0]) == NODE_COLUMNS and tuple(edges[0]) == EDGE_COLUMNS
    by_id = {row["id"]: row for row in edges}
    assert by_id["s-acc"]["evidence"] == EVIDENCE["s-acc"]
    assert (by_id["s-neg"]["negated"], by_id["s-acc"]["negated"]) == ("true", "false")
    assert by_id["s-spk"]["reported_by"] == ""
    assert by_id["s-acc"]["source"] == "org:ministry"
    zenda = next(r for r in nodes if r["id"] == "gpe:zenda")
    assert zenda["geonames"] == "" and json.loads(zenda["aliases"]) == []


def test_extra_attributes_get_their_own_columns(tmp_path):
    g = sample_graph()
    g.nodes["gpe:zenda"]["population"] = 7
    _, edges_path = write_csv(g, tmp_path)
    header = (tmp_path / "graph.nodes.csv").read_text().splitlines()[0].split(",")
    assert header == [*NODE_COLUMNS, "population"]


@pytest.mark.parametrize("fmt", sorted(TABLE_WRITERS))
def test_deterministic_and_atomic(fmt, tmp_path):
    first = TABLE_WRITERS[fmt](sample_graph(), tmp_path / "a")
    second = TABLE_WRITERS[fmt](shuffled(sample_graph()), tmp_path / "b")
    assert [p.read_bytes() for p in first] == [p.read_bytes() for p in second]
    assert sorted(p.name for p in (tmp_path / "a").iterdir()) == sorted(p.name for p in first)


@settings(max_examples=30, deadline=None)
@given(st.text(max_size=40))
def test_any_text_survives_the_xml_formats(text):
    g = sample_graph()
    g.nodes["gpe:zenda"]["label"] = text
    g.edges["gpe:ruritania", "gpe:zenda", "s-neg"]["evidence"] = text
    with tempfile.TemporaryDirectory() as tmp:
        [graphml] = write_graphml(g, tmp)
        [gexf] = write_gexf(g, tmp)
        for back in (nx.read_graphml(graphml), nx.read_gexf(gexf)):
            assert back.number_of_nodes() == g.number_of_nodes()
        label = nx.read_graphml(graphml).nodes["gpe:zenda"].get("label", "")
        # XML cannot hold every character: those become U+FFFD, the rest is kept
        # (XML parsers also normalise a lone carriage return to a newline).
        kept = "".join(c if c in "\t\n\r" or " " <= c <= "\ud7ff" or "\ue000" <= c <= "\ufffd"
                       or c >= "\U00010000" else "\ufffd" for c in text)
        assert label == kept.replace("\r\n", "\n").replace("\r", "\n")
