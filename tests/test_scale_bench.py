"""benchmarks/bench_build.py without the model: the generated corpus and the table."""
from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parent.parent / "benchmarks" / "bench_build.py"


@pytest.fixture(scope="module")
def bench():
    spec = importlib.util.spec_from_file_location("bench_build", BENCH)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_corpus_is_recombined_example_sentences_and_repeatable(bench, tmp_path):
    sentences = bench.example_sentences()
    assert len(sentences) >= 40 and not any("Graphkit Wire" in s for s in sentences)
    first, second, other = tmp_path / "a.jsonl", tmp_path / "b.jsonl", tmp_path / "c.jsonl"
    words = bench.write_corpus(first, 25, 7, sentences)
    assert bench.write_corpus(second, 25, 7, sentences) == words
    assert first.read_bytes() == second.read_bytes()
    bench.write_corpus(other, 25, 8, sentences)
    assert other.read_bytes() != first.read_bytes()
    rows = [json.loads(line) for line in first.read_text(encoding="utf-8").splitlines()]
    assert len(rows) == 25 and len({r["id"] for r in rows}) == 25
    known = set(sentences)
    for row in rows:
        parts = [s for p in row["text"].split("\n\n") for s in bench._SENTENCE_BREAK.split(p.strip())]
        assert 6 <= len(parts) and set(parts) <= known
    assert words == sum(len(r["text"].split()) for r in rows)


def clock(wall, own, children=0.0):
    return {"wall": wall, "cpu_own": own, "cpu_children": children}


@pytest.mark.parametrize("gk1, gk2, growth, expected", [
    (clock(11, 11), clock(6, 0.5, 11), 1.1, ["target >= 0.85: met", "met (wall)", "target < 1.5x: met"]),
    (clock(20, 20), clock(18, 0.5, 21), 2.0, ["target >= 0.85: **not met**", "**not met** (wall)",
                                              "target < 1.5x: **not met**"]),
])
def test_table_reports_each_target(bench, gk1, gk2, growth, expected):
    results = {
        "settings": {"articles": 10, "seed": 1, "batch_size": 32, "cpus": 2, "load_before": 0.1,
                     "load_after": 0.2, "repeat": 1},
        "speed": {"words": 10_000, "load_seconds": 9.0, "raw_1": clock(10, 10), "graphkit_1": gk1,
                  "raw_2": clock(6, 0.2, 11), "graphkit_2": gk2, "same_graph_2": True},
        "rss_n": {"articles": 5, "baseline_mb": 500.0, "build_mb": 510.0, "json_mb": 512.0, "edges": 20,
                  "graph_json_bytes": 1000},
        "rss_10n": {"articles": 50, "baseline_mb": 500.0, "build_mb": 510.0 * growth, "json_mb": 520.0,
                    "edges": 200, "graph_json_bytes": 10_000},
    }
    table = bench.render_table(results)
    assert table.count("\n| ") >= 8 and "| raw spaCy `nlp.pipe`, 1 process | 1,000 | 1,000 |" in table
    for text in expected:
        assert text in table
