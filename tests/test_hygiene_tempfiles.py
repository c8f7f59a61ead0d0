"""Temporary files of writers killed mid-write are removed by the next write into the folder,
never those of a writer still running."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time

import pytest

from graphkit.graph import KnowledgeGraph
from graphkit.io.atomic import STALE_AFTER_S, atomic_open, atomic_write_text, remove_stale_temp_files
from test_rdf_sample import sample_graph

OLD = STALE_AFTER_S + 60

# A writer that stops half way and waits to be killed.
HALF_WRITER = textwrap.dedent("""
    import sys, time
    from graphkit.io.atomic import atomic_open
    with atomic_open(sys.argv[1]) as handle:
        handle.write("half of a graph")
        handle.flush()
        print("writing", flush=True)
        time.sleep(120)
""")


def temp_files(folder) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def age(path, seconds: float) -> None:
    then = time.time() - seconds
    os.utime(path, (then, then))


def dead_pid() -> int:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


@pytest.fixture
def half_writer(tmp_path):
    """Start a writer stopped half way into tmp_path/graph.json; yields (process, temp path)."""
    child = subprocess.Popen([sys.executable, "-c", HALF_WRITER, str(tmp_path / "graph.json")],
                             stdout=subprocess.PIPE, text=True)
    try:
        assert child.stdout.readline().strip() == "writing"
        [name] = temp_files(tmp_path)
        yield child, tmp_path / name
    finally:
        child.kill()
        child.wait()
        child.stdout.close()


def test_the_temp_name_carries_the_writers_pid(tmp_path):
    with atomic_open(tmp_path / "graph.json") as handle:
        name = os.path.basename(handle.name)
    assert name.startswith(f".graph.json.{os.getpid()}.") and name.endswith(".tmp")
    assert temp_files(tmp_path) == []


@pytest.mark.parametrize("name, pid, seconds, removed", [
    (".graph.json.{pid}.abcd1234.tmp", "dead", OLD, True),
    (".graph.ttl.{pid}.x_y_z_0a.tmp", "dead", OLD, True),
    (".graph.json.{pid}.abcd1234.tmp", "dead", 5, False),           # too recent
    (".graph.json.{pid}.abcd1234.tmp", "self", OLD, False),         # this process: running
    (".graph.json.abcd1234.tmp", None, OLD, False),                 # no pid: cannot tell
    ("graph.json.{pid}.abcd1234.tmp", "dead", OLD, False),          # not hidden: not ours
    (".notes.tmp", None, OLD, False),
    (".graph.json.{pid}.abcd1234.tmp.bak", "dead", OLD, False),
])
def test_which_leftovers_go(tmp_path, name, pid, seconds, removed):
    number = {"dead": dead_pid(), "self": os.getpid(), None: 0}[pid]
    path = tmp_path / name.format(pid=number)
    path.write_text("half")
    age(path, seconds)
    assert remove_stale_temp_files(tmp_path) == ([path.name] if removed else [])
    assert path.exists() is not removed


def test_a_folder_named_like_a_temp_file_stays(tmp_path):
    folder = tmp_path / f".graph.json.{dead_pid()}.abcd1234.tmp"
    folder.mkdir()
    age(folder, OLD)
    assert remove_stale_temp_files(tmp_path) == [] and folder.is_dir()


def test_a_missing_folder_is_no_error(tmp_path):
    assert remove_stale_temp_files(tmp_path / "nowhere") == []


def test_the_next_build_removes_a_killed_writers_temp_file(tmp_path, half_writer):
    child, temp = half_writer
    child.send_signal(signal.SIGKILL)
    child.wait()
    assert temp.exists()  # SIGKILL gives the writer no chance to clean up
    age(temp, OLD)
    KnowledgeGraph(sample_graph()).write(tmp_path)
    assert temp_files(tmp_path) == []
    assert (tmp_path / "graph.json").read_text(encoding="utf-8").startswith("{")


def test_a_running_writers_temp_file_is_kept_however_old(tmp_path, half_writer):
    child, temp = half_writer
    age(temp, OLD)
    atomic_write_text(tmp_path / "graph.ttl", "# another writer\n")
    assert child.poll() is None and temp.read_text() == "half of a graph"
