"""What a reader reports instead of an article when an input cannot be used."""
from __future__ import annotations

import os
from dataclasses import dataclass


EMPTY = "empty document"


@dataclass(frozen=True)
class ReadProblem:
    """An input (or one line of a JSONL file) that gave no article, and why.

    source: the path as given ("corpus/a.txt"), "path:LINE" for a JSONL line, or "stdin".
    reason: a short lower-case explanation ("empty document", "permission denied", ...).
    """
    source: str
    reason: str

    def __str__(self) -> str:
        return f"{self.source}: {self.reason}"


class Rejected(Exception):
    """Raised inside the readers; iter_articles turns it into a ReadProblem."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


def os_reason(exc: OSError) -> str:
    """'permission denied', 'no such file or directory', ...: the OS reason, no traceback."""
    if exc.errno:
        return os.strerror(exc.errno).lower()
    return (exc.strerror or str(exc) or type(exc).__name__).lower()
