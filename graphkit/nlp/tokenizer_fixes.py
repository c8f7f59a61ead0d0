"""Tokenizer special cases the small English model needs.

"U.S.-backed" is one token to spaCy's tokenizer (the abbreviation's final dot keeps the hyphen
inside), so the backer is lost; "Iran-backed" is split. Abbreviated names before a hyphenated
participle are split the same way: "U.S." "-" "backed"; a pair of names joined after an
abbreviation's dot ("U.S.-Iran talks", "U.S.-China trade war") is split at the hyphen too.
"""
from __future__ import annotations

import re

from spacy.symbols import ORTH

ABBREVIATED_NAMES = ("U.S.", "U.N.", "U.K.", "E.U.")
# participles of backing, leading and control that follow an actor's name with a hyphen
HYPHENATED_PARTICIPLES = ("backed", "led", "allied", "aligned", "supported", "sponsored", "funded", "armed",
                          "financed", "brokered", "run", "controlled", "made", "drafted", "imposed", "trained")


def split_abbreviated_compounds(nlp) -> None:
    """Add 'U.S.-backed' -> 'U.S.', '-', 'backed' (and the like) to `nlp`'s tokenizer."""
    for name in ABBREVIATED_NAMES:
        for participle in HYPHENATED_PARTICIPLES:
            nlp.tokenizer.add_special_case(f"{name}-{participle}", [{ORTH: name}, {ORTH: "-"}, {ORTH: participle}])


# a hyphen after an abbreviation's final dot and before a capitalised word: "U.S.-Iran"
_ABBREVIATION_PAIR_INFIX = r"(?<=[A-Z]\.)-(?=[A-Z][a-z])"


def split_abbreviated_pairs(nlp) -> None:
    """'U.S.-Iran talks' -> 'U.S.', '-', 'Iran', 'talks' (as 'Russia-Ukraine talks' already is)."""
    # extend the model's own infix pattern (not the language defaults, which a model may have changed)
    current = nlp.tokenizer.infix_finditer.__self__.pattern
    nlp.tokenizer.infix_finditer = re.compile(f"{current}|{_ABBREVIATION_PAIR_INFIX}").finditer


# platform names of one capital letter that spaCy keeps with a following full stop as an initial
PLATFORM_LETTERS = ("X",)


def split_platform_full_stops(nlp) -> None:
    """'he wrote on X.' -> 'X', '.': the sentence ends there (an initial would run it on, and NER
    with it, into the next paragraph's first name)."""
    for letter in PLATFORM_LETTERS:
        nlp.tokenizer.add_special_case(f"{letter}.", [{ORTH: letter}, {ORTH: "."}])
