"""Every SPARQL example in docs/sparql.md runs and answers on a graph of the contract."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from graphkit.export.rdf import write_rdf
from graphkit.ontology import ONTOLOGY_PATH
from graphkit.query.sparql import run_query
from test_rdf_sample import sample_graph

DOC = Path(__file__).resolve().parent.parent / "docs" / "sparql.md"
EXAMPLES = re.findall(r"```sparql\n(.*?)```", DOC.read_text(encoding="utf-8"), re.S)


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    out = tmp_path_factory.mktemp("build")
    write_rdf(sample_graph(), out, ["ttl"])
    return out


def test_the_doc_has_examples():
    assert len(EXAMPLES) >= 7


@pytest.mark.parametrize("query", EXAMPLES, ids=[f"example-{i}" for i in range(len(EXAMPLES))])
def test_example_answers(query, built):
    source = ONTOLOGY_PATH if "ploverType" in query else built
    result = run_query(source, query)
    assert result.rows, query
    assert all(any(term is not None for term in row) for row in result.rows)
