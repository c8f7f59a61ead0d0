"""graphkit_sentence_breaks: the parser starts a sentence at the newlines chunk_text_for_nlp
puts into very long unpunctuated runs, and nowhere else."""
from __future__ import annotations

import random
import time

import pytest

from graphkit.io.chunking import chunk_text_for_nlp
from graphkit.nlp.sentence_breaks import break_offsets

RUN = "word " * 300  # 1,500 characters, no punctuation


@pytest.mark.parametrize("text, min_run, expected", [
    ("", 10, []),
    ("short line\nanother line\n", 30, []),                 # runs under the threshold
    ("a" * 20 + "\n" + "b" * 5, 10, [21]),                  # a long run ends at a newline
    ("a" * 20 + "\n\n" + "b", 10, [21]),                    # the cut is after the first newline
    ("a" * 20 + ". " + "b" * 5 + "\nc", 10, []),            # punctuation restarted the run
    ("a" * 10 + "\n" + "b" * 5, 10, []),                    # exactly the threshold: no break
    ("a" * 11 + "\n" + "b" * 11 + "\n" + "c" * 3 + "\n", 10, [12, 24]),  # restarts after a break
    ("a" * 6 + "\n" + "b" * 6 + "\n", 10, [14]),            # unhonoured newlines do not restart
    ("\u4e00" * 20 + "\u3002" + "b" * 5 + "\n", 10, []),     # CJK full stop counts
])
def test_break_offsets(text, min_run, expected):
    assert break_offsets(text, min_run) == expected


@pytest.fixture(scope="module")
def nlp():
    from graphkit.nlp import make_nlp
    return make_nlp()


def test_the_component_runs_before_the_parser(nlp):
    names = nlp.pipe_names
    assert names.index("graphkit_sentence_breaks") < names.index("parser")


def test_hard_wrapped_text_is_not_split_at_its_newlines(nlp):
    text = ("The ministers said on Monday that the talks would go on next week and that\n"
            "both delegations had agreed to meet again in Geneva before the summer. They\n"
            "gave no date.\n")
    sentences = [s.text.strip() for s in nlp(text).sents]
    assert sentences[0].endswith("before the summer.") and len(sentences) == 2


def test_chunked_runs_become_sentences_of_bounded_length(nlp):
    limit = 2_000
    text = chunk_text_for_nlp(RUN * 20, limit)  # 30,000 characters
    lengths = [len(s.text) for s in nlp(text).sents]
    assert max(lengths) <= limit and len(lengths) >= len(text) // limit


def test_a_100k_character_sentence_parses_in_bounded_pieces_and_time(nlp):
    """(test_hostile_cli builds one end to end and bounds the evidence in graph.json)"""
    from graphkit.io.limits import Limits
    from graphkit.pipeline import prepare_text

    rng = random.Random(3)
    filler = ("officials from several agencies spoke about a long list of concerns and who "
              "that included the delegation talks continued").split()
    words = [("Estonia condemned Belarus" if rng.random() < 0.025 else rng.choice(filler))
             for _ in range(16_000)]
    text = " ".join(words)[:100_000]
    assert len(text) == 100_000 and not set(".!?\n") & set(text)
    limit = Limits().max_sentence_chars
    started = time.perf_counter()
    doc = nlp(prepare_text(text, Limits()))
    seconds = time.perf_counter() - started
    lengths = [len(s.text) for s in doc.sents]
    assert max(lengths) <= limit and len(lengths) >= len(text) // limit
    assert seconds < 60, seconds


def test_a_paragraph_break_starts_a_sentence_before_the_parser_runs(nlp):
    """The parser sometimes runs a paragraph ending in a closing quote into the next one;
    the component marks the break first, and the parser keeps it."""
    from graphkit.nlp.sentence_breaks import SentenceBreaks

    text = ("“We will confirm close cooperation with our allies at the summit today.”\n\n"
            "Chile convened its security council and condemned the test.")
    doc = SentenceBreaks()(nlp.make_doc(text))
    chile = next(t for t in doc if t.text == "Chile")
    assert chile.is_sent_start is True
    assert not any(t.is_sent_start for t in doc if t.i not in (0, chile.i))
    parsed = nlp(text)
    assert next(t for t in parsed if t.text == "Chile").is_sent_start
