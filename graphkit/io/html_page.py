"""HTML pages: main text, title, date and URL through trafilatura.

Scripts, styles, navigation and boilerplate are dropped by trafilatura; entities are
decoded, and whatever the page says stays plain text (it is never interpreted).
A leading XML declaration or DOCTYPE (which may declare entities) is removed first.
The extractor's own log lines are silenced: failures come back as ReadProblems.
"""
from __future__ import annotations

import logging
import re
from dataclasses import dataclass

from graphkit.io.decoding import clean_field, clean_text
from graphkit.io.problems import Rejected


_PROLOGUE = re.compile(r"\A\s*(?:<\?xml[^>]*>\s*)?(?:<!DOCTYPE[^\[>]*(?:\[.*?\])?\s*>)?",
                       re.IGNORECASE | re.DOTALL)
_NOISY_LOGGERS = ("trafilatura", "htmldate", "courlan", "justext")


@dataclass(frozen=True)
class Page:
    text: str
    title: str | None
    date: str | None
    url: str | None


def extract_page(markup: str) -> Page:
    """The article in an HTML page; falls back to all visible text when trafilatura finds
    no main content (very short pages)."""
    import trafilatura

    _silence_extractor_logs()
    markup = _PROLOGUE.sub("", markup, count=1)
    try:
        doc = trafilatura.bare_extraction(markup, with_metadata=True, include_comments=False)
        text = _raw(doc, "text")
        if not text or not text.strip():
            text = trafilatura.html2txt(markup) or ""
    except Exception as exc:  # a parser bug on hostile markup must not stop the run
        raise Rejected(f"could not extract text from HTML ({type(exc).__name__})") from exc
    return Page(text=clean_text(text), title=_field(doc, "title"),
                date=_field(doc, "date"), url=_field(doc, "url"))


def _raw(doc: object, name: str) -> str | None:
    """A field of trafilatura's result (a Document, or a dict in older versions)."""
    if doc is None:
        return None
    value = doc.get(name) if isinstance(doc, dict) else getattr(doc, name, None)
    return value if isinstance(value, str) else None


def _field(doc: object, name: str) -> str | None:
    """A metadata field, cleaned and capped (see clean_field)."""
    value = _raw(doc, name)
    return clean_field(value) if value is not None else None


def _silence_extractor_logs() -> None:
    for name in _NOISY_LOGGERS:
        logging.getLogger(name).setLevel(logging.CRITICAL + 1)
