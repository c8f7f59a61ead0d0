"""`graphkit build`: inputs pass through (files, folders, JSONL, HTML, stdin) with the right doc
ids on edges; exit codes 0 (all read), 1 (some skipped, graph still written), 2 (usage)."""
from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from graphkit.cli import main

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
STATEMENT = "Estonia condemned Belarus on Friday. Norway sent humanitarian aid to Sudan.\n"


def read_graph(out: Path) -> dict:
    return json.loads((out / "graph.json").read_text(encoding="utf-8"))


def exit_status(argv: list[str]) -> int:
    """What the process would exit with (argparse exits, the CLI returns)."""
    try:
        return main(argv)
    except SystemExit as exc:
        return exc.code


def edge_docs(out: Path) -> set[str]:
    return {link["doc"] for link in read_graph(out)["links"]}


def test_every_input_kind_passes_through_with_its_doc_id_on_edges(tmp_path):
    out = tmp_path / "out"
    inputs = [EXAMPLES / "kharkiv_strikes.txt", EXAMPLES / "articles.jsonl", EXAMPLES / "page.html"]
    assert main(["build", *map(str, inputs), "--out", str(out), "--quiet"]) == 0
    documents = read_graph(out)["graph"]["documents"]
    jsonl_ids = [json.loads(line)["id"] for line in (EXAMPLES / "articles.jsonl").read_text().splitlines() if line.strip()]
    assert set(documents) == {"kharkiv_strikes.txt", "page.html", *jsonl_ids}
    assert edge_docs(out) <= set(documents)
    assert {"kharkiv_strikes.txt", jsonl_ids[0]} <= edge_docs(out)
    assert documents[jsonl_ids[0]]["title"]  # JSONL metadata kept


def test_stdin_is_read_as_one_article_called_stdin(tmp_path, monkeypatch):
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(STATEMENT.encode("utf-8"))))
    out = tmp_path / "out"
    assert main(["build", "-", "--out", str(out), "--quiet"]) == 0
    assert edge_docs(out) == {"stdin"}
    assert set(read_graph(out)["graph"]["documents"]) == {"stdin"}


def test_skipped_inputs_give_exit_1_and_the_graph_is_still_written(tmp_path, capsys):
    out = tmp_path / "out"
    (tmp_path / "empty.txt").write_text("  \n", encoding="utf-8")
    code = main(["build", str(EXAMPLES / "drone_sanctions.txt"), str(tmp_path / "missing.txt"),
                 str(tmp_path / "empty.txt"), "--out", str(out), "--quiet"])
    assert code == 1
    err = capsys.readouterr().err
    assert "missing.txt" in err and "empty.txt" in err
    assert set(read_graph(out)["graph"]["documents"]) == {"drone_sanctions.txt"}


def test_a_folder_builds_with_exit_0_and_a_summary(tmp_path, capsys):
    out = tmp_path / "out"
    assert main(["build", str(EXAMPLES), "--out", str(out), "--processes", "2"]) == 0
    printed = capsys.readouterr().out
    assert "added: 9 articles" in printed and f"wrote {out / 'graph.json'}" in printed
    assert {"graph.json", "graph.ttl", "graph.html"} <= {p.name for p in out.iterdir()}


def test_quiet_prints_nothing(tmp_path, capsys):
    assert main(["build", str(EXAMPLES / "drone_sanctions.txt"), "--out", str(tmp_path / "o"), "--quiet"]) == 0
    captured = capsys.readouterr()
    assert captured.out == "" and captured.err == ""


@pytest.mark.parametrize("args", [
    ["--processes", "0"],
    ["--processes", "two"],
    ["--batch-size", "0"],
    ["--chunk-size", "-1"],
    ["--min-confidence", "1.5"],
    ["--min-confidence", "high"],
    ["--dask", "local", "--processes", "2"],
    ["--dask", "nohost"],
    ["--formats", "pdf"],
    ["--max-doc-chars", "0"],
])
def test_usage_errors_exit_2(tmp_path, args, capsys):
    assert exit_status(["build", str(EXAMPLES / "drone_sanctions.txt"), "--out", str(tmp_path / "o"), *args]) == 2
    assert "error" in capsys.readouterr().err
    assert not (tmp_path / "o").exists()


def test_missing_out_is_a_usage_error(capsys):
    assert exit_status(["build", str(EXAMPLES)]) == 2


def test_out_that_is_a_file_is_a_usage_error(tmp_path):
    target = tmp_path / "file"
    target.write_text("x", encoding="utf-8")
    assert exit_status(["build", str(EXAMPLES / "drone_sanctions.txt"), "--out", str(target)]) == 2
    assert target.read_text(encoding="utf-8") == "x"
