"""Shared fixtures: the spaCy pipeline is loaded once per test session."""
from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def analyse_text():
    """Analyse one text with the real pipeline; returns (entities by id, relations)."""
    from graphkit.lexicon import load_lexicon
    from graphkit.nlp.gazetteer import load_gazetteer
    from graphkit.pipeline import analyse_articles
    from graphkit.types import Article

    load_lexicon(), load_gazetteer()

    def run(text: str, doc_id: str = "t"):
        result = next(analyse_articles([Article(id=doc_id, text=text)]))
        return result.entities, result.relations

    return run


@pytest.fixture(scope="session")
def triples(analyse_text):
    """Text -> set of (source label, relation, target label, negated, reported_by label)."""
    def run(text: str):
        entities, relations = analyse_text(text)
        label = {k: e.label for k, e in entities.items()}
        return {(label[r.source], r.relation, label[r.target], r.negated,
                 label.get(r.reported_by) if r.reported_by else None) for r in relations}
    return run
