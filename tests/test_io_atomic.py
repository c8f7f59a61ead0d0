"""atomic_open / atomic_write_*: the old file or the new one, never half, no litter."""
from __future__ import annotations

import os
import stat

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from graphkit.io import atomic_open, atomic_write_bytes, atomic_write_text


class Boom(Exception):
    pass


def litter(folder) -> list[str]:
    return sorted(name for name in os.listdir(folder) if name.endswith(".tmp"))


def test_write_text_creates_and_replaces(tmp_path):
    target = tmp_path / "graph.json"
    atomic_write_text(target, "first \u2014 version")
    assert target.read_text(encoding="utf-8") == "first \u2014 version"
    atomic_write_text(str(target), "second")
    assert target.read_text() == "second"
    assert litter(tmp_path) == []


def test_write_bytes(tmp_path):
    target = tmp_path / "g.bin"
    atomic_write_bytes(target, b"\x00\x01")
    assert target.read_bytes() == b"\x00\x01"


def test_failure_mid_write_keeps_old_content_and_removes_temp(tmp_path):
    target = tmp_path / "out.ttl"
    target.write_text("old content")
    with pytest.raises(Boom):
        with atomic_open(target) as handle:
            handle.write("half of the new ")
            raise Boom()
    assert target.read_text() == "old content"
    assert litter(tmp_path) == []


def test_keyboard_interrupt_also_cleans_up(tmp_path):
    target = tmp_path / "out.html"
    with pytest.raises(KeyboardInterrupt):
        with atomic_open(target, "wb") as handle:
            handle.write(b"partial")
            raise KeyboardInterrupt
    assert not target.exists() and litter(tmp_path) == []


def test_new_file_gets_normal_permissions_and_old_file_keeps_its_own(tmp_path):
    fresh = tmp_path / "fresh.txt"
    atomic_write_text(fresh, "x")
    umask = os.umask(0o022)
    os.umask(umask)
    assert stat.S_IMODE(fresh.stat().st_mode) == 0o666 & ~umask
    kept = tmp_path / "kept.txt"
    kept.write_text("old")
    os.chmod(kept, 0o640)
    atomic_write_text(kept, "new")
    assert stat.S_IMODE(kept.stat().st_mode) == 0o640


def test_missing_folder_raises_and_leaves_nothing(tmp_path):
    with pytest.raises(FileNotFoundError):
        atomic_write_text(tmp_path / "no" / "such" / "f.txt", "x")
    assert list(tmp_path.iterdir()) == []


def test_target_is_a_folder(tmp_path):
    (tmp_path / "d").mkdir()
    with pytest.raises(IsADirectoryError):
        atomic_write_text(tmp_path / "d", "x")
    assert litter(tmp_path) == []


def test_bad_mode_is_refused(tmp_path):
    with pytest.raises(ValueError):
        with atomic_open(tmp_path / "a", "a"):
            pass


def test_temp_file_is_in_the_target_folder(tmp_path):
    with atomic_open(tmp_path / "x.txt") as handle:
        assert os.path.dirname(handle.name) == str(tmp_path)
        assert litter(tmp_path) == [os.path.basename(handle.name)]


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(old=st.text(), new=st.text(), fail_after=st.one_of(st.none(), st.integers(0, 4)))
def test_old_or_new_never_a_mix(tmp_path, old, new, fail_after):
    target = tmp_path / "state.txt"
    atomic_write_text(target, old)
    pieces = [new[i::5] for i in range(5)]   # written in several pieces
    try:
        with atomic_open(target, newline="") as handle:
            for n, piece in enumerate(pieces):
                if fail_after is not None and n == fail_after:
                    raise Boom()
                handle.write(piece)
    except Boom:
        pass
    expected = old if fail_after is not None else "".join(pieces)
    with open(target, encoding="utf-8", newline="") as handle:
        assert handle.read() == expected
    assert litter(tmp_path) == []
