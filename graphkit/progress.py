"""A progress bar for builds: articles done, articles/s, words/s and time left.

Shown only when the stream (standard error by default) is a terminal, so logs, pipes and
CI output stay clean. The total, when it can be known cheaply, comes from
`count_articles` (one article per file, one per non-blank JSONL line; unknown for stdin).
"""
from __future__ import annotations

import os
import sys
from typing import TextIO

from .io.sources import STDIN, iter_sources

_LINE_CHUNK = 1 << 20


def is_terminal(stream: TextIO | None) -> bool:
    """True when `stream` is an interactive terminal (never raises)."""
    try:
        return bool(stream is not None and stream.isatty())
    except (AttributeError, ValueError, OSError):
        return False


def count_articles(inputs: list[str]) -> int | None:
    """How many articles the inputs hold, read cheaply; None when it cannot be known (stdin).

    An estimate: unreadable files still count one, JSONL files count their non-blank lines.
    """
    if STDIN in inputs:
        return None
    total = 0
    for source in iter_sources([os.fsdecode(given) for given in inputs]):
        if not hasattr(source, "kind"):  # a ReadProblem: yields no article
            continue
        total += _count_jsonl_lines(source.path) if source.kind == "jsonl" else 1
    return total


def _count_jsonl_lines(path: str) -> int:
    """Non-blank lines, read in chunks (a huge line never sits in memory whole)."""
    count = 0
    try:
        with open(path, "rb") as fh:
            has_text = False  # the current line has a non-blank byte
            for chunk in iter(lambda: fh.read(_LINE_CHUNK), b""):
                parts = chunk.split(b"\n")
                for part in parts[:-1]:
                    count += has_text or bool(part.strip())
                    has_text = False
                has_text = has_text or bool(parts[-1].strip())
            count += has_text
    except OSError:
        return 1
    return count


def count_words(text: str) -> int:
    """Whitespace-separated words: the unit of the words/s figure."""
    return len(text.split())


class BuildProgress:
    """Context manager: `advance(articles, words)` as results arrive; silent off a terminal.

        with BuildProgress(total=120, enabled=True) as progress:
            for result in results:
                progress.advance(1, words)
    """

    def __init__(self, total: int | None = None, *, enabled: bool = True,
                 stream: TextIO | None = None, description: str = "analysing"):
        self.stream = stream if stream is not None else sys.stderr
        self.enabled = bool(enabled) and is_terminal(self.stream)
        self.total = total
        self.description = description
        self.articles = 0
        self.words = 0
        self._progress = None
        self._task = None

    def __enter__(self) -> "BuildProgress":
        if self.enabled:
            self._progress = _make_rich_progress(self.stream)
            self._progress.start()
            self._task = self._progress.add_task(self.description, total=self.total, words=0)
        return self

    def advance(self, articles: int = 1, words: int = 0) -> None:
        self.articles += articles
        self.words += words
        if self._progress is not None:
            self._progress.update(self._task, advance=articles, words=self.words)

    def __exit__(self, exc_type, exc, tb) -> None:
        if self._progress is not None:
            if exc_type is None:
                self._progress.update(self._task, total=self.articles, completed=self.articles)
            self._progress.stop()
            self._progress = None


def _make_rich_progress(stream: TextIO):
    from rich.console import Console
    from rich.progress import (BarColumn, MofNCompleteColumn, Progress, ProgressColumn,
                               SpinnerColumn, TextColumn, TimeRemainingColumn)
    from rich.text import Text

    class RateColumn(ProgressColumn):
        """articles/s over rich's recent window, and words/s at the same pace."""

        def render(self, task) -> Text:
            speed = task.speed
            if not speed or not task.completed:
                return Text("-- articles/s", style="progress.data.speed")
            words_per_article = task.fields.get("words", 0) / task.completed
            return Text(f"{speed:,.1f} articles/s {speed * words_per_article:,.0f} words/s",
                        style="progress.data.speed")

    console = Console(file=stream, stderr=stream is sys.stderr)
    return Progress(SpinnerColumn(), TextColumn("[progress.description]{task.description}"),
                    BarColumn(bar_width=20), MofNCompleteColumn(), RateColumn(),
                    TextColumn("ETA"), TimeRemainingColumn(), console=console, transient=False,
                    refresh_per_second=4)
