"""Canned queries: their answers on the sample graph, and safe parameters."""
from __future__ import annotations

import pyoxigraph as ox
import pytest
from hypothesis import given, settings, strategies as st

from graphkit.errors import QueryError
from graphkit.export.rdf import write_rdf
from graphkit.query.presets import PRESETS, parse_params, render, sparql_literal
from graphkit.query.sparql import query_store, run_query
from test_rdf_sample import EVIDENCE, sample_graph


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    out = tmp_path_factory.mktemp("build")
    write_rdf(sample_graph(), out, ["nt"])
    return out


def answer(built, name, **params) -> list[tuple]:
    result = run_query(built, render(name, params))
    return [tuple(None if t is None else t.value for t in row) for row in result.rows]


def test_who_accuses_whom(built):
    assert answer(built, "who-accuses-whom") == [("Borduvian Ministry of Defence", "Ruritania", "1")]


@pytest.mark.parametrize("entity, expected", [
    ("Zenda", [("Ruritania", "attacks", "Zenda", "true"), ("Zenda", "located_in", "Ruritania", "false")]),
    ("zENDA", [("Ruritania", "attacks", "Zenda", "true"), ("Zenda", "located_in", "Ruritania", "false")]),
    ("Kovacs", [("Anna Kovacs", "spokesperson_of", "Borduvian Ministry of Defence", "false")]),  # an alias
    ("the Republic", [("Ruritania", "meets", "Borduvia", "false")]),
    ("Atlantis", []),
    ('Zenda" ) } } ?s ?p ?o . { {', []),  # an injection attempt is only a strange name
])
def test_relations_of(entity, expected, built):
    rows = answer(built, "relations-of", entity=entity)
    assert [row[:4] for row in rows] == expected


def test_relations_of_gives_document_and_evidence(built):
    [row] = answer(built, "relations-of", entity="Anna Kovacs")
    assert row[4:] == ("doc-1", EVIDENCE["s-spk"])


def test_most_active_actors_counts_interactions_not_roles_or_negations(built):
    rows = answer(built, "most-active-actors")
    assert rows == [
        ("Ruritania", "GeopoliticalEntity", "1", "1"),  # meets Borduvia; accused; attack negated
        ("Borduvian Ministry of Defence", "Organization", "1", "0"),
        ("Borduvia", "GeopoliticalEntity", "0", "1"),
    ]
    assert answer(built, "most-active-actors", limit="1") == rows[:1]


def test_statements_with_evidence(built):
    rows = answer(built, "statements-with-evidence")
    assert [(r[1], r[8]) for r in rows] == [
        ("accuses", EVIDENCE["s-acc"]), ("spokesperson_of", EVIDENCE["s-spk"]),
        ("attacks", EVIDENCE["s-neg"]), ("meets", EVIDENCE["s-meet"]),
        ("located_in", EVIDENCE["s-loc"]),
    ]
    assert rows[0][3:8] == ("false", "0.9", "doc-1", "0", str(len(EVIDENCE["s-acc"])))


@pytest.mark.parametrize("name, params, message", [
    ("no-such-preset", {}, "unknown preset"),
    ("relations-of", {}, "needs --param entity"),
    ("relations-of", {"entity": "x", "colour": "red"}, "takes no parameter colour"),
    ("who-accuses-whom", {"entity": "x"}, "parameters: none"),
    ("most-active-actors", {"limit": "5; DROP ALL"}, "positive whole number"),
    ("most-active-actors", {"limit": "0"}, "positive whole number"),
    ("most-active-actors", {"limit": "\u0661\u0662"}, "positive whole number"),  # Arabic-Indic digits
])
def test_bad_parameters(name, params, message):
    with pytest.raises(QueryError, match=message):
        render(name, params)


def test_every_preset_parses():
    store = ox.Store()
    for name, preset in PRESETS.items():
        params = {p: "x" if kind == "string" else "3" for p, kind in preset.params.items()}
        query_store(store, render(name, params))  # raises QueryError if it does not parse


def test_a_value_holding_a_placeholder_is_not_filled_again():
    assert '"{{interactions}}"' in render("relations-of", {"entity": "{{interactions}}"})


@pytest.mark.parametrize("pairs, expected", [
    (["entity=Ukraine"], {"entity": "Ukraine"}),
    (["entity=a=b", "limit=3"], {"entity": "a=b", "limit": "3"}),
    ([" entity =x"], {"entity": "x"}),
])
def test_parse_params(pairs, expected):
    assert parse_params(pairs) == expected


@pytest.mark.parametrize("pair", ["entity", "=x"])
def test_parse_params_rejects(pair):
    with pytest.raises(QueryError, match="NAME=VALUE"):
        parse_params([pair])


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_sparql_literal_always_parses_back_to_the_same_text(text):
    store = ox.Store()
    [row] = query_store(store, f"SELECT ?v WHERE {{ BIND({sparql_literal(text)} AS ?v) }}").rows
    assert row[0] == ox.Literal(text)


@pytest.mark.parametrize("name", sorted(PRESETS))
def test_shown_presets_run_without_predeclared_prefixes(name, built):
    from graphkit.query.sparql import load_store, with_prefixes

    params = {p: "Zenda" if kind == "string" else "5" for p, kind in PRESETS[name].params.items()}
    text = with_prefixes(render(name, params))
    expected = [tuple(row) for row in run_query(built, render(name, params)).rows]
    solutions = load_store(built).query(text)  # no prefixes given: the text declares them
    assert [tuple(s[v] for v in (v.value for v in solutions.variables)) for s in solutions] == expected
