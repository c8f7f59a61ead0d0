"""The relation record the extractors produce before entities are merged across articles."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass
class RawRelation:
    source: str
    target: str
    relation: str
    sent_start: int      # character offsets of the sentence (evidence)
    sent_end: int
    negated: bool
    reported_by: str | None
    confidence: float
    trigger: str
