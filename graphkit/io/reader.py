"""iter_articles: every input becomes Articles or ReadProblems, and nothing raises."""
from __future__ import annotations

import os
import sys
import unicodedata
from collections.abc import Iterable, Iterator
from typing import BinaryIO

from graphkit.io.decoding import decode_document
from graphkit.io.files import read_limited_file, read_limited_stream
from graphkit.io.html_page import extract_page
from graphkit.io.jsonl import iter_jsonl
from graphkit.io.limits import Limits
from graphkit.io.problems import EMPTY, ReadProblem, Rejected, os_reason
from graphkit.io.sources import STDIN, Source, iter_sources
from graphkit.types import Article

def iter_articles(inputs: Iterable[str], *, limits: Limits = Limits(),
                  stdin: BinaryIO | None = None) -> Iterator[Article | ReadProblem]:
    """Stream Articles (and ReadProblems for what cannot be used) from the inputs.

    inputs: paths to .txt/.html/.htm/.jsonl files (other extensions are read as text),
    folders (recursive, sorted, hidden files skipped) and "-" for standard input
    (stdin: a binary stream to use instead of sys.stdin.buffer).
    Ids: a JSONL line's "id", else the file name (for files inside a folder, the path
    relative to that folder; "file:LINE" for JSONL lines without one; "stdin").
    A repeated id gets "#2", "#3", ... so no article is lost.
    """
    if isinstance(inputs, (str, bytes, os.PathLike)):
        inputs = [inputs]  # one path, not a sequence of characters
    ids = _UniqueIds()
    for source in iter_sources([os.fsdecode(given) for given in inputs]):
        if isinstance(source, ReadProblem):
            yield source
            continue
        for item in _read_source(source, limits, stdin):
            if isinstance(item, Article):
                item = ids.claim(item)
            yield item


class _UniqueIds:
    """Gives each article an id no earlier article of the run has."""

    def __init__(self) -> None:
        self._taken: set[str] = set()

    def claim(self, article: Article) -> Article:
        wanted = article.id
        unique, n = wanted, 1
        while unique in self._taken:
            n += 1
            unique = f"{wanted}#{n}"
        self._taken.add(unique)
        if unique == wanted:
            return article
        return Article(id=unique, text=article.text, title=article.title,
                       date=article.date, url=article.url, source=article.source)


def _read_source(source: Source, limits: Limits,
                 stdin: BinaryIO | None) -> Iterator[Article | ReadProblem]:
    try:
        if source.kind == "jsonl":
            with open(source.path, "rb") as stream:
                yield from iter_jsonl(stream, source.display, source.doc_id, limits)
            return
        if source.path == STDIN:
            stream = stdin if stdin is not None else sys.stdin.buffer
            data = read_limited_stream(stream, limits)
        else:
            data = read_limited_file(source.path, limits)
        yield _whole_document(source, data, limits)
    except Rejected as rejected:
        yield ReadProblem(source.display, rejected.reason)
    except OSError as exc:
        yield ReadProblem(source.display, os_reason(exc))


def _whole_document(source: Source, data: bytes, limits: Limits) -> Article:
    text = decode_document(data)
    title = date = url = None
    if source.kind == "html" and text.strip():
        page = extract_page(text)
        text, title, date, url = page.text, page.title, page.date, page.url
    if not text.strip():
        raise Rejected(EMPTY)
    if len(text) > limits.max_document_chars:
        raise Rejected(limits.too_long(len(text)))
    return Article(id=source.doc_id, text=text, title=title, date=date, url=url,
                   source=source.display)


def describe_problem(problem: ReadProblem) -> str:
    """One line for stderr: 'graphkit: skipped PATH: REASON'. Control characters in a
    hostile file name (newlines, terminal escapes) are shown escaped, never sent raw."""
    return f"graphkit: skipped {_printable(problem.source)}: {_printable(problem.reason)}"


def _printable(text: str) -> str:
    return "".join(repr(char)[1:-1] if unicodedata.category(char)[0] == "C" else char
                   for char in text)
