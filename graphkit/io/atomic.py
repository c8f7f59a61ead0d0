"""Write output files atomically: readers see the old file or the new one, never half.

The data goes to a temporary file in the target's folder (same file system), is flushed
and fsynced, then os.replace()s the target. On any failure (exception, Ctrl-C) the
temporary file is removed and the old file is untouched. The new file gets the old file's
permissions, or the usual 0o666 minus umask for a new one (not tempfile's 0o600).

A writer killed outright (SIGKILL, power loss) cannot remove its temporary file, so the name
carries the writer's pid (.graph.json.<pid>.<random>.tmp) and every atomic write first removes
the folder's leftovers: ours by name, unchanged for STALE_AFTER_S, and whose writer is gone.
"""
from __future__ import annotations

import contextlib
import os
import re
import stat
import tempfile
import time
from collections.abc import Iterator
from typing import IO

PathLike = str | os.PathLike

STALE_AFTER_S = 10 * 60
# .<target name>.<writer pid>.<tempfile's random part>.tmp
_TEMP_NAME = re.compile(r"\.(?P<target>.+)\.(?P<pid>[0-9]+)\.[a-z0-9_]+\.tmp")


@contextlib.contextmanager
def atomic_open(path: PathLike, mode: str = "w", encoding: str | None = "utf-8",
                newline: str | None = None) -> Iterator[IO]:
    """Open path for writing ("w", "wt" or "wb"); it appears only if the block succeeds."""
    if mode not in ("w", "wt", "wb"):
        raise ValueError(f"atomic_open supports 'w', 'wt' and 'wb', not {mode!r}")
    target = os.path.abspath(os.fspath(path))
    folder, name = os.path.split(target)
    binary = mode == "wb"
    remove_stale_temp_files(folder)
    handle = tempfile.NamedTemporaryFile(
        mode="wb" if binary else "w", dir=folder, prefix=f".{name}.{os.getpid()}.", suffix=".tmp",
        delete=False, encoding=None if binary else encoding,
        newline=None if binary else newline)
    try:
        yield handle
        handle.flush()
        os.fsync(handle.fileno())
        handle.close()
        os.chmod(handle.name, _permissions_for(target))
        os.replace(handle.name, target)
    except BaseException:
        handle.close()
        with contextlib.suppress(OSError):
            os.unlink(handle.name)
        raise
    _fsync_folder(folder)


def atomic_write_text(path: PathLike, text: str, encoding: str = "utf-8") -> None:
    """Replace path's content with text, atomically."""
    with atomic_open(path, "w", encoding=encoding) as handle:
        handle.write(text)


def atomic_write_bytes(path: PathLike, data: bytes) -> None:
    """Replace path's content with data, atomically."""
    with atomic_open(path, "wb") as handle:
        handle.write(data)


def remove_stale_temp_files(folder: PathLike, older_than_s: float = STALE_AFTER_S) -> list[str]:
    """Remove the temporary files killed writers left in folder; return their names.

    Only files named like ours, unchanged for older_than_s seconds, whose writer pid is no
    longer running: a live writer's file (this process's or another's) is never touched.
    """
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return []
    now = time.time()
    removed = []
    for entry in entries:
        match = _TEMP_NAME.fullmatch(entry.name)
        if match is None:
            continue
        try:
            if not entry.is_file(follow_symlinks=False) \
                    or now - entry.stat(follow_symlinks=False).st_mtime < older_than_s:
                continue
        except OSError:
            continue
        if _writer_running(int(match["pid"])):
            continue
        with contextlib.suppress(OSError):
            os.unlink(entry.path)
            removed.append(entry.name)
    return removed


def _writer_running(pid: int) -> bool:
    """False only when pid is surely not running (when unsure: True, the file stays)."""
    if pid == os.getpid() or pid <= 0 or os.name != "posix":
        return True  # on Windows os.kill would end the process, not probe it
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (OSError, OverflowError):
        return True  # e.g. another user's process: running
    return True


def _permissions_for(target: str) -> int:
    try:
        return stat.S_IMODE(os.stat(target).st_mode)
    except OSError:
        return 0o666 & ~_umask()


def _umask() -> int:
    """The process umask, read without changing it where /proc allows."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError, IndexError):
        pass
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _fsync_folder(folder: str) -> None:
    """Make the rename itself durable (best effort: not every system allows it)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
