"""Edge confidence: the logistic model over what the extractor knows of an edge."""
from __future__ import annotations

import importlib.util
import json
import math
from pathlib import Path

import numpy as np
import pytest

from graphkit.extract.confidence import MODEL_FILE, ConfidenceModel, EdgeFacts, default_model, edge_features

ROOT = Path(__file__).resolve().parent.parent


def facts(**changes) -> EdgeFacts:
    base = dict(relation="condemns", trigger="condemned", rule_weight=0.9, source_type="GPE", target_type="GPE",
                source_named=True, target_named=True, negated=False, reported=False, source_mentions=3,
                target_mentions=3, position=0.1, evidence_words=12)
    return EdgeFacts(**{**base, **changes})


@pytest.fixture(scope="module")
def trainer():
    spec = importlib.util.spec_from_file_location("train_confidence", ROOT / "eval" / "train_confidence.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_a_model_is_a_logistic_function_of_the_named_features():
    model = ConfidenceModel(bias=-1.0, weights={"rel=condemns": 2.0, "rule_weight": 1.0, "no such feature": 50.0})
    assert model.confidence(facts()) == pytest.approx(1 / (1 + math.exp(-(-1.0 + 2.0 + 0.9))), abs=1e-3)
    # a relation the model has no weight for falls back on the bias and the shared features
    assert model.confidence(facts(relation="meets")) == pytest.approx(1 / (1 + math.exp(-(-1.0 + 0.9))), abs=1e-3)


def test_the_shipped_model_knows_the_features_the_extractor_gives():
    model = default_model()
    assert model is not None, f"{MODEL_FILE} is missing"
    stored = json.loads(MODEL_FILE.read_text(encoding="utf-8"))
    assert "own_heldout_j" not in stored["trained_on"] and "own_heldout_v" not in stored["trained_on"]
    produced = set(edge_features(facts()))
    # every numeric feature and this common relation's indicator carries a weight
    for name in ("rule_weight", "negated", "reported", "log_source_mentions", "evidence_words", "rel=condemns"):
        assert name in produced and name in model.weights, name
    prefixes = {name.split("=")[0] for name in produced}
    assert all(name.split("=")[0] in prefixes for name in model.weights), "a weight for a feature no edge has"


def test_the_shipped_model_trusts_an_edge_between_named_actors_over_one_through_a_pronoun():
    model = default_model()
    named = model.confidence(facts(relation="accuses", trigger="accused"))
    resolved = model.confidence(facts(relation="accuses", trigger="accused", source_named=False, target_named=False))
    assert 0.0 < resolved < named < 1.0


def test_built_edges_carry_the_models_confidence(analyse_text):
    _, relations = analyse_text("Poland accused Belarus of staging the border crisis. It also condemned Russia.")
    assert relations
    model = default_model()
    for r in relations:
        assert r.confidence == model.confidence(r.extras["facts"])
        assert 0.0 <= r.confidence <= 1.0
    by_target = {r.target: r for r in relations if r.relation in ("accuses", "condemns")}
    assert not by_target["gpe:russia"].extras["facts"].source_named   # "It": reached through the pronoun
    assert by_target["gpe:belarus"].extras["facts"].source_named


def test_auc_counts_pairs_ranked_right_and_ties_as_half(trainer):
    assert trainer.auc([0.9, 0.8, 0.2, 0.1], [True, True, False, False]) == 1.0
    assert trainer.auc([0.1, 0.2, 0.8, 0.9], [True, True, False, False]) == 0.0
    assert trainer.auc([0.5, 0.5], [True, False]) == 0.5


def test_fit_finds_the_feature_that_separates_right_from_wrong(trainer):
    rng = np.random.default_rng(0)
    signal = rng.integers(0, 2, 400).astype(float)
    noise = rng.integers(0, 2, 400).astype(float)
    y = (rng.random(400) < np.where(signal == 1, 0.9, 0.2)).astype(float)
    X = np.column_stack([np.ones(400), signal, noise])
    w = trainer.fit(X, y)
    assert w[1] > 1.0 and abs(w[2]) < 0.5
