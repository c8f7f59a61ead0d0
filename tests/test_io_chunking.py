"""chunk_text_for_nlp: breaks long unpunctuated runs, never moves an offset."""
from __future__ import annotations

import re

import pytest
from hypothesis import given, settings, strategies as st

from graphkit.io import chunk_text_for_nlp, sentence_break_positions

_RUN = re.compile(r"[^.!?\n\u3002\uff01\uff1f]+")


@pytest.mark.parametrize("text, max_chars, expected", [
    ("short text.", 10, "short text."),
    ("short text.", 5, "short\ntext."),
    ("aaa bbb ccc ddd", 7, "aaa bbb\nccc ddd"),
    ("aaa bbb ccc ddd", 8, "aaa bbb\nccc ddd"),
    ("aaa bbb. ccc ddd", 8, "aaa bbb. ccc ddd"),        # punctuation already bounds runs
    ("aaaaaaaaaaaa bb", 5, "aaaaaaaaaaaa\nbb"),         # no space in the window: next one
    ("a" * 30, 5, "a" * 30),                            # nothing to break
    ("aa\tbb cc", 3, "aa\nbb\ncc"),
    ("", 3, ""),
])
def test_chunk_examples(text, max_chars, expected):
    assert chunk_text_for_nlp(text, max_chars) == expected


def test_hundred_thousand_characters_without_punctuation():
    text = ("word " * 20_000)[:100_000]
    chunked = chunk_text_for_nlp(text, 5_000)
    assert len(chunked) == len(text)
    pieces = chunked.split("\n")
    assert len(pieces) >= 20 and max(map(len, pieces)) <= 5_000


def test_rejects_non_positive_limit():
    with pytest.raises(ValueError):
        sentence_break_positions("abc", 0)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from("ab .\n\t\u00e9"), max_size=400),
       st.integers(min_value=1, max_value=40))
def test_chunk_keeps_offsets_and_bounds_runs(text, max_chars):
    chunked = chunk_text_for_nlp(text, max_chars)
    assert len(chunked) == len(text)
    for i, (old, new) in enumerate(zip(text, chunked)):
        assert old == new or (old in " \t" and new == "\n"), i
    for run in _RUN.finditer(chunked):
        piece = run.group()
        # a run stays over the limit only where it has no space or tab to break at
        if len(piece) > max_chars:
            assert not re.search(r"[ \t]", piece[1:max_chars + 1])
