"""Safe breaks in text that has no sentence punctuation for too long.

A 100,000-character run without '.', '!', '?' or a newline reaches the parser as one
"sentence". chunk_text_for_nlp replaces one space (or tab) about every max_chars
characters of such a run with a newline. The length never changes, so character offsets
found in the chunked text are offsets in the original article text, and every other
character is the same. Runs with no space at all (one huge "word") stay as they are.

The newline is a hint, not a guarantee: the NLP step should start a sentence at a token
that follows a newline (e.g. set token.is_sent_start before the parser runs).
"""
from __future__ import annotations

import re

_RUN = re.compile(r"[^.!?\n\u3002\uff01\uff1f]+")


def sentence_break_positions(text: str, max_chars: int) -> list[int]:
    """Offsets of the spaces/tabs that chunk_text_for_nlp turns into newlines."""
    if max_chars < 1:
        raise ValueError("max_chars must be positive")
    breaks: list[int] = []
    for run in _RUN.finditer(text):
        start, end = run.span()
        while end - start > max_chars:
            limit = start + max_chars + 1  # a break at start+max_chars leaves max_chars before it
            cut = max(text.rfind(" ", start + 1, limit), text.rfind("\t", start + 1, limit))
            if cut < 0:  # no space in the window: break at the next one, if any
                spaces = [i for i in (text.find(" ", limit, end), text.find("\t", limit, end))
                          if i >= 0]
                if not spaces:
                    break
                cut = min(spaces)
            breaks.append(cut)
            start = cut + 1
    return breaks


def chunk_text_for_nlp(text: str, max_chars: int) -> str:
    """text with a newline in place of a space every <= max_chars characters of any run
    without sentence punctuation; same length, same offsets."""
    breaks = sentence_break_positions(text, max_chars)
    if not breaks:
        return text
    pieces, last = [], 0
    for cut in breaks:
        pieces.append(text[last:cut])
        pieces.append("\n")
        last = cut + 1
    pieces.append(text[last:])
    return "".join(pieces)
