"""graphkit_sentence_breaks: start a sentence after a paragraph break, and at a newline that
ends a very long run.

A blank line always ends a sentence (the parser otherwise runs a paragraph that ends in a
closing quote into the next one).

chunk_text_for_nlp (graphkit.io.chunking) puts a newline in place of a space every few
thousand characters of text that has no sentence punctuation, but the parser ignores
newlines. This component runs before the parser and sets `is_sent_start` on the token after
a newline, only where the text since the last '.', '!' or '?' (or the last such break) is
longer than `min_run_chars`, so ordinary hard-wrapped lines are never split.
"""
from __future__ import annotations

import bisect
import re

from spacy.language import Language
from spacy.tokens import Doc

DEFAULT_MIN_RUN_CHARS = 1_000
# sentence punctuation (as in graphkit.io.chunking) or a newline
_MARKS = re.compile(r"[.!?\u3002\uff01\uff1f]|\n")


@Language.factory("graphkit_sentence_breaks", default_config={"min_run_chars": DEFAULT_MIN_RUN_CHARS})
def make_sentence_breaks(nlp: Language, name: str, min_run_chars: int):
    return SentenceBreaks(min_run_chars)


class SentenceBreaks:
    def __init__(self, min_run_chars: int = DEFAULT_MIN_RUN_CHARS):
        self.min_run_chars = min_run_chars

    def __call__(self, doc: Doc) -> Doc:
        for token in doc[:-1]:
            if token.is_space and token.text.count("\n") >= 2:
                doc[token.i + 1].is_sent_start = True   # a paragraph break
        cuts = break_offsets(doc.text, self.min_run_chars)
        if cuts:
            starts = [token.idx for token in doc]
            for cut in cuts:
                i = bisect.bisect_left(starts, cut)  # first token at or after the cut
                if 0 < i < len(doc):
                    doc[i].is_sent_start = True
        return doc


def break_offsets(text: str, min_run_chars: int) -> list[int]:
    """Offsets just after the newlines that end a run of more than min_run_chars characters
    without sentence punctuation (the run restarts after each break)."""
    cuts: list[int] = []
    run_start = 0
    for mark in _MARKS.finditer(text):
        if mark.group() != "\n":
            run_start = mark.end()
        elif mark.start() - run_start > min_run_chars:
            cuts.append(mark.end())
            run_start = mark.end()
    return cuts
