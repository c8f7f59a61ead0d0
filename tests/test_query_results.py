"""Result formats: SPARQL 1.1 JSON/TSV that parsers read back, CSV, and a safe table."""
from __future__ import annotations

import csv
import io
import json

import pyoxigraph as ox
import pytest

from graphkit.query.results import format_result, format_table, term_text
from graphkit.query.sparql import QueryResult

XSD = "http://www.w3.org/2001/XMLSchema#"
ROWS = (
    (ox.NamedNode("https://graphkit.dev/id/entity/gpe%3Azenda"), ox.Literal("Zenda"), ox.Literal(3)),
    (ox.BlankNode("b0"), ox.Literal("Zénda\t\"quoted\"\nline", language="fr"), None),
    (ox.NamedNode("http://example.org/x"), ox.Literal("0.5", datatype=ox.NamedNode(XSD + "decimal")),
     ox.Literal(True)),
)
RESULT = QueryResult(("e", "name", "n"), ROWS)


def test_json_is_standard_and_reads_back():
    text = format_result(RESULT, "json")
    doc = json.loads(text)
    assert doc["head"]["vars"] == ["e", "name", "n"]
    assert doc["results"]["bindings"][1]["name"] == {"type": "literal", "value": "Zénda\t\"quoted\"\nline", "xml:lang": "fr"}
    assert doc["results"]["bindings"][0]["name"] == {"type": "literal", "value": "Zenda"}  # xsd:string implied
    assert "n" not in doc["results"]["bindings"][1]  # unbound
    parsed = ox.parse_query_results(text, format=ox.QueryResultsFormat.JSON)
    assert [tuple(s[v] for v in RESULT.variables) for s in parsed] == list(ROWS)


def test_tsv_is_standard_and_reads_back():
    text = format_result(RESULT, "tsv")
    assert text.splitlines()[0] == "?e\t?name\t?n"
    assert all(line.count("\t") == 2 for line in text.splitlines())  # tabs in values are escaped
    parsed = ox.parse_query_results(text, format=ox.QueryResultsFormat.TSV)
    assert [tuple(s[v] for v in RESULT.variables) for s in parsed] == list(ROWS)


def test_csv_has_bare_values_and_crlf():
    text = format_result(RESULT, "csv")
    assert text.startswith("e,name,n\r\n")
    rows = list(csv.reader(io.StringIO(text, newline="")))
    assert rows[1] == ["https://graphkit.dev/id/entity/gpe%3Azenda", "Zenda", "3"]
    assert rows[2] == ["_:b0", "Zénda\t\"quoted\"\nline", ""]


@pytest.mark.parametrize("fmt, expected", [
    ("table", "true\n"), ("csv", "ask\r\ntrue\r\n"), ("tsv", "?ask\ntrue\n"),
    ("json", '{\n "head": {},\n "boolean": true\n}\n'),
])
def test_ask_results(fmt, expected):
    assert format_result(QueryResult(("ask",), ((ox.Literal(True),),), boolean=True), fmt) == expected


def test_table_aligns_shortens_and_counts():
    lines = format_table(RESULT).splitlines()
    assert lines[0].split() == ["e", "name", "n"]
    column = lines[0].index("name")
    assert lines[2][:column].rstrip() == "entity:gpe%3Azenda" and lines[2][column:].startswith("Zenda ")
    assert lines[4][:column].rstrip() == "<http://example.org/x>" and lines[4][column:].startswith("0.5 ")
    assert lines[1].split() == ["-" * 22, "-" * len("Zénda\\t\"quoted\"\\nline"), "----"]
    assert lines[-1] == "(3 rows)"


@pytest.mark.parametrize("text, shown", [
    ("line\nbreak", "line\\nbreak"),
    ("\x1b[31mred\x1b[0m", "\\x1b[31mred\\x1b[0m"),       # terminal escape codes
    ("abc\u202edcba", "abc\\u202edcba"),                 # right-to-left override
    ("plain ünïcode", "plain ünïcode"),
])
def test_table_escapes_control_characters(text, shown):
    table = format_table(QueryResult(("v",), ((ox.Literal(text),),)))
    assert table.splitlines()[2] == shown


def test_table_cuts_long_cells():
    table = format_table(QueryResult(("v",), ((ox.Literal("x" * 500),),)), max_cell=20)
    assert table.splitlines()[2] == "x" * 19 + "\u2026"


@pytest.mark.parametrize("term, text", [
    (ox.NamedNode("https://graphkit.dev/ontology#accuses"), "gk:accuses"),
    (ox.NamedNode("https://graphkit.dev/id/statement/s1"), "statement:s1"),
    (ox.NamedNode("https://graphkit.dev/ontology#"), "<https://graphkit.dev/ontology#>"),
    (ox.NamedNode("urn:other"), "<urn:other>"),
    (None, ""),
])
def test_term_text(term, text):
    assert term_text(term) == text


def test_unknown_format():
    with pytest.raises(ValueError, match="unknown output format"):
        format_result(RESULT, "xml")
