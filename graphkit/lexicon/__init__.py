"""The relation lexicon: verb/noun frames, role titles, names, demonyms, capitals, cues.

    from graphkit.lexicon import load_lexicon
    lex = load_lexicon()
    lex.verb_frames("shell")        # [VerbFrame(lemma='shell', relation='attacks', ...)]
    lex.role_of_title("deputy prime minister")   # 'member_of'

The knowledge is data (TSV files under data/, one row per entry, '#' comments); this package
loads and validates it. A bad row raises LexiconError naming file:line.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from .lexicon import Lexicon
from .loader import DATA_DIR, build_lexicon
from .records import CountryInfo, NounFrame, RelationInfo, VerbFrame
from .tsv import LexiconError

__all__ = ["load_lexicon", "Lexicon", "LexiconError", "VerbFrame", "NounFrame", "RelationInfo",
           "CountryInfo", "DATA_DIR"]


def load_lexicon(data_dir: str | Path | None = None) -> Lexicon:
    """The lexicon from `data_dir` (default: the package's data/), loaded once and cached."""
    return _load(Path(data_dir).resolve() if data_dir else DATA_DIR)


@lru_cache(maxsize=8)
def _load(data_dir: Path) -> Lexicon:
    return build_lexicon(data_dir)
