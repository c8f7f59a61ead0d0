"""Corpus scale: ordered, bounded chunking; process pool and Dask give the single-process
graph; the progress bar draws only on a terminal."""
from __future__ import annotations

import io
import json
import threading
import time
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

import pytest

from graphkit.build import run_build
from graphkit.errors import UsageError
from graphkit.export.json import to_node_link
from graphkit.progress import BuildProgress, count_articles, is_terminal
from graphkit.scale import make_analyser
from graphkit.scale.cluster import check_address
from graphkit.scale.workers import chunked, ordered_results
from graphkit.types import Article

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def node_link_json(kg) -> str:
    return json.dumps(to_node_link(kg.graph), sort_keys=True, ensure_ascii=False)


@pytest.fixture(scope="module")
def single():
    """The examples built in this process: the reference every backend must equal."""
    outcome = run_build([str(EXAMPLES)])
    assert not outcome.problems and len(outcome.added) >= 8
    return outcome


# ---------------------------------------------------------------- chunking and ordering

def articles(n: int) -> list[Article]:
    return [Article(id=f"a{i}", text=f"text {i}") for i in range(n)]


@pytest.mark.parametrize("n, largest, sizes", [
    (0, 64, []),
    (1, 64, [1]),
    (10, 64, [2, 4, 4]),
    (40, 8, [2, 4, 8, 8, 8, 8, 2]),
    (5, 1, [1, 1, 1, 1, 1]),
])
def test_chunks_start_small_and_grow_to_the_largest(n, largest, sizes):
    chunks = list(chunked(articles(n), largest))
    assert [len(c) for c in chunks] == sizes
    assert [a.id for c in chunks for a in c] == [a.id for a in articles(n)]


def fake_worker(chunk):
    """(entities, relations) per article, after a delay that makes later chunks finish first."""
    time.sleep(0.02 * (3 - len(chunk) % 3))
    return [({"k": a.id}, [a.id]) for a in chunk]


@pytest.mark.parametrize("in_flight", [1, 2, 5])
def test_results_come_in_input_order_with_bounded_work_in_flight(in_flight):
    submitted = []
    outstanding = []
    most = 0
    lock = threading.Lock()
    with ThreadPoolExecutor(4) as pool:
        def submit(chunk):
            nonlocal most
            with lock:
                submitted.append(chunk)
                outstanding.append(chunk)
                most = max(most, len(outstanding))
            return pool.submit(fake_worker, chunk)

        out = []
        for result in ordered_results(articles(37), submit=submit, in_flight=in_flight, largest=4):
            out.append(result)
            with lock:
                if outstanding and result.article.id == outstanding[0][-1].id:
                    outstanding.pop(0)
    assert [r.article.id for r in out] == [a.id for a in articles(37)]
    assert all(r.entities == {"k": r.article.id} and r.relations == [r.article.id] for r in out)
    assert most <= in_flight
    assert sum(len(c) for c in submitted) == 37


def test_stopping_early_cancels_the_chunks_still_pending():
    futures = []

    def submit(chunk):
        future = Future()
        future.set_result([({}, []) for _ in chunk]) if not futures else None
        futures.append(future)
        return future

    results = ordered_results(articles(50), submit=submit, in_flight=3, largest=4)
    first = next(results)
    results.close()
    assert first.article.id == "a0"
    assert all(f.cancelled() for f in futures[1:]) and len(futures) == 3


def test_a_worker_error_reaches_the_caller():
    def submit(chunk):
        future = Future()
        future.set_exception(ValueError("worker failed"))
        return future

    with pytest.raises(ValueError, match="worker failed"):
        list(ordered_results(articles(3), submit=submit, in_flight=2, largest=4))


@pytest.mark.parametrize("options", [
    {"processes": 0}, {"processes": -2}, {"processes": 1.5}, {"processes": True},
    {"batch_size": 0}, {"chunk_size": 0},
])
def test_bad_backend_numbers_are_usage_errors(options):
    with pytest.raises(UsageError):
        make_analyser(**options)


@pytest.mark.parametrize("address, ok", [
    ("local", True), ("tcp://10.0.0.5:8786", True), ("10.0.0.5:8786", True),
    ("", False), ("somehost", False),
])
def test_dask_addresses_are_checked(address, ok):
    if ok:
        assert check_address(address) == address
    else:
        with pytest.raises(UsageError):
            check_address(address)


# ---------------------------------------------------------------- backends give the same graph

def test_two_processes_give_the_single_process_graph(single):
    two = run_build([str(EXAMPLES)], processes=2, chunk_size=1)
    assert two.added == single.added
    assert node_link_json(two.graph) == node_link_json(single.graph)


def test_process_pool_merges_in_input_order_whatever_the_chunking(single):
    odd = run_build([str(EXAMPLES)], processes=2, chunk_size=3, batch_size=2)
    assert list(odd.graph.documents) == list(single.graph.documents)
    assert node_link_json(odd.graph) == node_link_json(single.graph)


def _model_loads() -> int:
    from graphkit.nlp import make_nlp
    return make_nlp.cache_info().misses


@pytest.mark.slow
def test_dask_local_cluster_gives_the_single_process_graph_loading_the_model_once_per_worker(single):
    with make_analyser(dask="local", chunk_size=2) as analyser:
        on_dask = run_build([str(EXAMPLES)], analyser=analyser)
        again = run_build([str(EXAMPLES)], analyser=analyser)
        loads = analyser.client.run(_model_loads)
    assert on_dask.added == single.added
    assert node_link_json(on_dask.graph) == node_link_json(single.graph)
    assert node_link_json(again.graph) == node_link_json(single.graph)
    assert len(loads) == 2 and set(loads.values()) <= {0, 1} and sum(loads.values()) >= 1


# ---------------------------------------------------------------- progress

class FakeTerminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_is_quiet_when_stderr_is_not_a_terminal(single, capfd):
    outcome = run_build([str(EXAMPLES / "drone_sanctions.txt")], progress=True)
    captured = capfd.readouterr()
    assert outcome.added == ["drone_sanctions.txt"]
    assert captured.err == "" and captured.out == ""


@pytest.mark.parametrize("stream, shown", [(io.StringIO(), False), (FakeTerminal(), True)])
def test_progress_bar_draws_only_on_a_terminal(stream, shown):
    with BuildProgress(total=3, stream=stream) as bar:
        for _ in range(3):
            bar.advance(1, words=120)
            time.sleep(0.01)
    assert bar.articles == 3 and bar.words == 360
    text = stream.getvalue()
    assert ("3/3" in text and "analysing" in text) is shown
    assert (text == "") is not shown


def test_progress_can_be_switched_off_on_a_terminal():
    stream = FakeTerminal()
    with BuildProgress(total=1, stream=stream, enabled=False) as bar:
        bar.advance(1, 10)
    assert stream.getvalue() == ""


@pytest.mark.parametrize("stream, expected", [(FakeTerminal(), True), (io.StringIO(), False), (None, False)])
def test_is_terminal(stream, expected):
    assert is_terminal(stream) is expected


def test_count_articles_counts_files_and_jsonl_lines(tmp_path):
    (tmp_path / "a.txt").write_text("one", encoding="utf-8")
    (tmp_path / "b.html").write_text("<p>two</p>", encoding="utf-8")
    (tmp_path / "notes.md").write_text("not an input", encoding="utf-8")
    (tmp_path / "c.jsonl").write_bytes(b'{"text": "x"}\n\n  \n{"text": "y"}\n{"text": "z"}')
    assert count_articles([str(tmp_path)]) == 5
    assert count_articles([str(tmp_path / "c.jsonl"), str(tmp_path / "a.txt")]) == 4
    assert count_articles([str(tmp_path), "-"]) is None
    assert count_articles([str(tmp_path / "missing.txt")]) == 0


def test_an_interrupted_pool_stops_its_workers_without_waiting():
    from graphkit.scale.processes import ProcessAnalyser

    started = time.monotonic()
    with pytest.raises(KeyboardInterrupt):
        with ProcessAnalyser(2) as analyser:
            workers = list(analyser._pool._processes.values())
            analyser._pool.submit(time.sleep, 60)
            raise KeyboardInterrupt
    assert len(workers) == 2 and not any(w.is_alive() for w in workers)
    assert time.monotonic() - started < 30
