"""Turning the inputs a user gives (files, folders, "-") into a sorted stream of sources."""
from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from dataclasses import dataclass

from graphkit.io.problems import ReadProblem, os_reason

STDIN = "-"
HTML_SUFFIXES = frozenset({".html", ".htm"})
JSONL_SUFFIXES = frozenset({".jsonl"})
TEXT_SUFFIXES = frozenset({".txt"})
FOLDER_SUFFIXES = HTML_SUFFIXES | JSONL_SUFFIXES | TEXT_SUFFIXES


@dataclass(frozen=True)
class Source:
    """One thing to read.

    path: what to open ("-" for standard input); display: how problems and Article.source
    name it; doc_id: the article id before duplicates get "#2"; kind: text, html or jsonl.
    """
    path: str
    display: str
    doc_id: str
    kind: str


def kind_of(path: str) -> str:
    """html, jsonl or text (files with no or an unknown extension are text)."""
    suffix = os.path.splitext(path)[1].lower()
    if suffix in HTML_SUFFIXES:
        return "html"
    if suffix in JSONL_SUFFIXES:
        return "jsonl"
    return "text"


def readable(path: str) -> str:
    """A path as valid Unicode: bytes that are not UTF-8 in a file name (kept by Python as
    lone surrogates, which no UTF-8 export can write) are shown as \\xNN."""
    try:
        path.encode("utf-8")
        return path
    except UnicodeEncodeError:
        return os.fsencode(path).decode("utf-8", "backslashreplace")


def iter_sources(inputs: list[str]) -> Iterator[Source | ReadProblem]:
    """Sources in input order; a folder expands to its files, recursively and sorted."""
    for given in inputs:
        if given == STDIN:
            yield Source(STDIN, "stdin", "stdin", "text")
            continue
        if "\x00" in given:
            yield ReadProblem(readable(given), "invalid path (contains a NUL character)")
            continue
        if os.path.isdir(given):
            yield from _walk_folder(given)
        elif not os.path.lexists(given):
            yield ReadProblem(readable(given), "no such file or directory")
        else:
            shown = readable(given)
            yield Source(given, shown, os.path.basename(shown) or shown, kind_of(given))


def _walk_folder(root: str) -> Iterator[Source | ReadProblem]:
    """Files with a known extension under root, depth first in name order.

    Hidden files and folders (".name") are skipped; symlinked folders are followed once
    (loops are cut); special files (pipes, devices) are reported, never opened.
    """
    seen_folders: set[tuple[int, int]] = set()
    stack: list[Iterator[os.DirEntry]] = []

    def enter(folder: str) -> ReadProblem | None:
        try:
            info = os.stat(folder)
            if (info.st_dev, info.st_ino) in seen_folders:
                return None
            seen_folders.add((info.st_dev, info.st_ino))
            with os.scandir(folder) as entries:
                stack.append(iter(sorted(entries, key=lambda entry: entry.name)))
        except OSError as exc:
            return ReadProblem(readable(folder), os_reason(exc))
        return None

    problem = enter(root)
    if problem:
        yield problem
    while stack:
        entry = next(stack[-1], None)
        if entry is None:
            stack.pop()
            continue
        if entry.name.startswith("."):
            continue
        try:
            is_folder = entry.is_dir()
        except OSError:
            is_folder = False
        if is_folder:
            problem = enter(entry.path)
            if problem:
                yield problem
            continue
        if os.path.splitext(entry.name)[1].lower() not in FOLDER_SUFFIXES:
            continue
        relative = readable(os.path.relpath(entry.path, root).replace(os.sep, "/"))
        if _is_special(entry):
            yield ReadProblem(readable(entry.path), "not a regular file")
            continue
        yield Source(entry.path, readable(entry.path), relative, kind_of(entry.name))


def _is_special(entry: os.DirEntry) -> bool:
    """A pipe, socket or device (reading a pipe could block forever). Broken symlinks are
    not special: opening them reports 'no such file or directory'."""
    try:
        mode = entry.stat().st_mode
    except OSError:
        return False
    return not stat.S_ISREG(mode)
