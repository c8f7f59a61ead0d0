"""The records that flow through graphkit: frozen dataclasses, no spaCy objects."""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Article:
    """One input document."""
    id: str
    text: str
    title: str | None = None
    date: str | None = None
    url: str | None = None
    source: str | None = None  # where it was read from (file path, file:line)


@dataclass(frozen=True)
class Mention:
    """A span of an article that names an actor or a place."""
    doc: str
    text: str
    type: str          # PERSON, ORG, GPE, LOC, NORP, EVENT
    start: int         # character offsets in the article text
    end: int
    geonames: str | None = None


@dataclass(frozen=True)
class Entity:
    """A canonical actor or place, merged over its mentions."""
    id: str
    label: str
    type: str
    aliases: tuple[str, ...] = ()
    mentions: int = 0
    docs: tuple[str, ...] = ()
    geonames: str | None = None


@dataclass(frozen=True)
class Relation:
    """A typed edge the text states, with its evidence."""
    source: str        # entity id
    target: str        # entity id
    relation: str      # accuses, attacks, spokesperson_of, ...
    doc: str
    evidence: str      # the sentence, exactly as in the text
    start: int         # character offsets of the evidence in the article
    end: int
    negated: bool = False
    reported_by: str | None = None   # entity id of whoever the sentence credits
    confidence: float = 0.5
    trigger: str | None = None       # the word that signalled the relation
    extras: dict = field(default_factory=dict, compare=False, hash=False)
