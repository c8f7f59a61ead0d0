"""Canonical names and ids for actors: states, capitals, demonyms, descriptive organisations."""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

MILITARY_HEADS = {"military", "forces", "troops", "army", "soldiers", "armed forces"}
_WORD = re.compile(r"[^\w]+", re.UNICODE)


@lru_cache(maxsize=65536)
def slug(text: str) -> str:
    """A readable, stable id part: lower case, accents folded, words joined by '-'."""
    folded = unicodedata.normalize("NFKD", text)
    folded = "".join(c for c in folded if not unicodedata.combining(c)).lower()
    return _WORD.sub("-", folded).strip("-") or "x"


def entity_id(type_: str, label: str) -> str:
    return f"{type_.lower()}:{slug(label)}"


@lru_cache(maxsize=65536)
def name_key(text: str) -> str:
    """Comparison key: case, dots, accents and 'the' ignored."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    text = re.sub(r"^the\s+", "", text.replace(".", "").replace("’", "'"))
    return " ".join(text.split())


def acronym(words: str) -> str:
    """Initials of the capitalised words ("Rapid Support Forces" -> "RSF")."""
    parts = [w for w in re.split(r"[\s\-]+", words) if w and w[0].isupper() and w.lower() not in ("of", "the", "and", "for")]
    return "".join(w[0] for w in parts)
