"""Edge confidence: how likely an extracted edge is one an annotator would also state.

The extraction rules give each edge a weight (the prior of its verb or noun frame). That
weight alone ranks right edges above wrong ones poorly, so the confidence an edge carries is
a logistic model over what the extractor knows of the edge: its relation and trigger word,
the rule's weight, the types of both ends, whether both ends are named in the evidence
sentence (rather than reached through a pronoun or a description), negation, attribution,
how often the ends are mentioned, and where the sentence stands in the article.

The weights live in `graphkit/lexicon/data/confidence.json`; `eval/train_confidence.py`
fits them on the read annotated sets under `eval/` (never on the held-out sets or the dev
set) and prints the cross-validated ranking it reaches.
"""
from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

MODEL_FILE = Path(__file__).resolve().parent.parent / "lexicon" / "data" / "confidence.json"


@dataclass(frozen=True)
class EdgeFacts:
    """What the extractor knows of one edge, beyond its two ends."""
    relation: str
    trigger: str | None
    rule_weight: float
    source_type: str
    target_type: str
    source_named: bool      # a name of the source occurs in the evidence sentence
    target_named: bool
    negated: bool
    reported: bool
    source_mentions: int
    target_mentions: int
    position: float         # start of the sentence / length of the article, 0..1
    evidence_words: int


def edge_features(f: EdgeFacts) -> dict[str, float]:
    """Named features of an edge (indicator features are 1.0)."""
    trigger = (f.trigger or "").lower()
    rel = f.relation
    return {
        f"rel={rel}": 1.0,
        f"trigger={trigger}": 1.0,
        f"rel,trigger={rel},{trigger}": 1.0,
        f"source_type={f.source_type}": 1.0,
        f"target_type={f.target_type}": 1.0,
        f"rel,types={rel},{f.source_type},{f.target_type}": 1.0,
        f"rel,source_named={rel},{f.source_named}": 1.0,
        f"rel,target_named={rel},{f.target_named}": 1.0,
        "rule_weight": f.rule_weight,
        "negated": float(f.negated),
        "reported": float(f.reported),
        "log_source_mentions": math.log1p(f.source_mentions),
        "log_target_mentions": math.log1p(f.target_mentions),
        "position": f.position,
        "evidence_words": min(f.evidence_words, 80) / 40.0,
    }


@dataclass(frozen=True)
class ConfidenceModel:
    """A logistic model over `edge_features`; unknown features weigh nothing."""
    bias: float
    weights: dict[str, float]

    def confidence(self, facts: EdgeFacts) -> float:
        z = self.bias + sum(self.weights.get(name, 0.0) * value for name, value in edge_features(facts).items())
        return round(1.0 / (1.0 + math.exp(-z)), 3)

    def to_json(self, **meta) -> str:
        return json.dumps({**meta, "bias": self.bias, "weights": dict(sorted(self.weights.items()))}, indent=1)


@lru_cache(maxsize=1)
def default_model() -> ConfidenceModel | None:
    """The shipped model, or None when there is none (then edges keep their rule weight)."""
    if not MODEL_FILE.exists():
        return None
    data = json.loads(MODEL_FILE.read_text(encoding="utf-8"))
    return ConfidenceModel(bias=float(data["bias"]), weights={k: float(v) for k, v in data["weights"].items()})


def named_in(sentence: str, names) -> bool:
    """Is any of `names` (a label and its aliases) written in the sentence?"""
    return any(name and name in sentence for name in names)
