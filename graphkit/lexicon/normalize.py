"""Lookup keys for names, titles and lemmas: case, accents, dots and hyphens folded."""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_SPACES = re.compile(r"\s+")
_SEPARATORS = re.compile(r"[-_/\u2010-\u2015]")
_DROPPED = re.compile(r"[.'\u2019\u2018`,]")


@lru_cache(maxsize=65536)
def fold_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


@lru_cache(maxsize=65536)
def name_key(text: str) -> str:
    """Case-insensitive key: 'the U.S.' -> 'us', 'Côte d'Ivoire' -> 'cote divoire'."""
    key = fold_accents(text).casefold()
    key = _DROPPED.sub("", key)
    key = _SEPARATORS.sub(" ", key)
    key = _SPACES.sub(" ", key).strip()
    if key.startswith("the "):
        key = key[4:]
    return key


def acronym_key(text: str) -> str | None:
    """Case-sensitive key for short upper-case acronyms ('U.S.' -> 'US'), else None.

    Short acronyms (up to three characters once dots are dropped) collide with common words
    (us, who, car, is), so they are matched only when written in capitals.
    """
    text = re.sub(r"^\s*the\s+", "", text, flags=re.IGNORECASE)
    compact = _SPACES.sub("", fold_accents(text).replace(".", ""))
    if 1 <= len(compact) <= 3 and compact.isupper() and compact.isalnum():
        return compact
    return None


def lemma_key(text: str) -> str:
    """Key for a lemma or multiword lemma: lower-case, single spaces, accents kept as ASCII."""
    return _SPACES.sub(" ", fold_accents(text).casefold()).strip()
