"""The query subcommand, the --formats option and write_formats."""
from __future__ import annotations

import argparse
import json

import pytest

from graphkit.export.rdf import write_rdf
from graphkit.query.commands import (WRITERS, add_format_option, parse_formats, register,
                                     write_formats)
from test_rdf_sample import sample_graph


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    out = tmp_path_factory.mktemp("build")
    write_rdf(sample_graph(), out, ["nt"])
    return out


def make_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="graphkit")
    register(parser.add_subparsers(dest="command", required=True))
    return parser


def run(capsys, *argv) -> tuple[int, str, str]:
    args = make_parser().parse_args([str(a) for a in argv])
    code = args.func(args)
    out, err = capsys.readouterr()
    return code, out, err


def test_query_prints_a_table(built, capsys):
    code, out, err = run(capsys, "query", built, "SELECT ?l WHERE { ?e a gk:Person ; rdfs:label ?l }")
    assert (code, err) == (0, "")
    assert out.splitlines() == ["l", "-----------", "Anna Kovacs", "(1 row)"]


def test_query_from_a_file_as_json(built, tmp_path, capsys):
    (tmp_path / "q.rq").write_text("SELECT ?l WHERE { ?e a gk:Organization ; rdfs:label ?l }")
    code, out, _ = run(capsys, "query", built, "--file", tmp_path / "q.rq", "--format", "json")
    assert code == 0
    assert json.loads(out)["results"]["bindings"] == [{"l": {"type": "literal", "value": "Borduvian Ministry of Defence"}}]


def test_query_a_preset_with_a_parameter(built, capsys):
    code, out, _ = run(capsys, "query", built, "--preset", "relations-of", "--param", "entity=Zenda",
                       "--format", "csv")
    assert code == 0
    assert out.splitlines()[0] == "source,relation,target,negated,doc,evidence"
    assert len(out.splitlines()) == 3


def test_show_prints_the_query_without_running_it(capsys, tmp_path):
    code, out, _ = run(capsys, "query", tmp_path / "nothing-here", "--preset", "relations-of",
                       "--param", 'entity=a"b', "--show")
    assert code == 0 and 'LCASE("a\\"b")' in out


@pytest.mark.parametrize("argv, message", [
    (["SELECT ?x WHERE { ?x"], "invalid SPARQL"),
    (["DELETE WHERE { ?s ?p ?o }"], "updates are not allowed"),
    ([], "give exactly one of"),
    (["ASK {}", "--preset", "who-accuses-whom"], "got SPARQL, --preset"),
    (["ASK {}", "--param", "entity=x"], "--param only goes with --preset"),
    (["--preset", "relations-of"], "needs --param entity"),
    (["--file", "/no/such/q.rq"], "cannot read query file"),
])
def test_errors_are_one_line_with_status_1(argv, message, built, capsys):
    code, out, err = run(capsys, "query", built, *argv)
    assert code == 1 and out == ""
    assert err.startswith("graphkit: error: ") and message in err
    assert err.count("\n") == 1 and "Traceback" not in err


def test_a_missing_graph_is_an_error(tmp_path, capsys):
    code, _, err = run(capsys, "query", tmp_path, "ASK {}")
    assert code == 1 and "holds no graph" in err


def test_unknown_preset_is_a_usage_error(built, capsys):
    with pytest.raises(SystemExit) as caught:
        make_parser().parse_args(["query", str(built), "--preset", "nope"])
    assert caught.value.code == 2


def test_serve_arguments():
    args = make_parser().parse_args(["serve", "out"])
    assert (args.source, args.host, args.port, args.timeout) == ("out", "127.0.0.1", 7878, 30)
    args = make_parser().parse_args(["serve", "out", "--port", "9000", "--host", "0.0.0.0"])
    assert (args.port, args.host) == (9000, "0.0.0.0")


# ---------------------------------------------------------------- --formats

@pytest.mark.parametrize("text, expected", [
    ("ttl", ("ttl",)),
    ("ttl, csv,TTL", ("ttl", "csv")),
    ("all", tuple(WRITERS)),
    ("", ()),
])
def test_parse_formats(text, expected):
    assert parse_formats(text) == expected


def test_format_option_rejects_unknown_formats(capsys):
    parser = argparse.ArgumentParser()
    add_format_option(parser)
    assert parser.parse_args([]).formats == ()
    assert parser.parse_args(["--formats", "nt,gexf"]).formats == ("nt", "gexf")
    with pytest.raises(SystemExit):
        parser.parse_args(["--formats", "ttl,pdf"])
    assert "unknown format 'pdf'" in capsys.readouterr().err


class Wrapper:
    """Stands in for KnowledgeGraph: the MultiDiGraph is its .graph."""

    def __init__(self, graph):
        self.graph = graph


@pytest.mark.parametrize("wrap", [False, True])
def test_write_formats_writes_every_file(wrap, tmp_path):
    g = sample_graph()
    paths = write_formats(Wrapper(g) if wrap else g, tmp_path, parse_formats("all"))
    names = sorted(p.name for p in paths)
    assert names == sorted(["graph.ttl", "graph.jsonld", "graph.nt", "graph.graphml", "graph.gexf",
                            "graph.nodes.csv", "graph.edges.csv"])
    assert sorted(p.name for p in tmp_path.iterdir()) == names


def test_write_formats_matches_the_single_writers(tmp_path):
    write_formats(sample_graph(), tmp_path / "all", ("ttl", "csv"))
    for fmt in ("ttl", "csv"):
        for path in WRITERS[fmt](sample_graph(), tmp_path / fmt):
            assert path.read_bytes() == (tmp_path / "all" / path.name).read_bytes()


def test_write_formats_rejects_unknown_formats(tmp_path):
    from graphkit.errors import UsageError

    with pytest.raises(UsageError, match="unknown format 'pdf'"):
        write_formats(sample_graph(), tmp_path, ("ttl", "pdf"))
    assert list(tmp_path.iterdir()) == []  # nothing written before the check
