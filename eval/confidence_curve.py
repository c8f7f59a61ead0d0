"""Precision and recall when only the most confident edges are kept, by rule weight and by model.

    .venv/bin/python eval/confidence_curve.py eval/own_heldout_j.jsonl ... [--scorer ../shared/eval/score.py]

Runs graphkit once on every article of the given gold sets and prints, pooled over them, the
scorer's relation precision, recall and F1 when keeping the top 100%, 90% ... 50% of edges
ranked by the rule weight alone and by the confidence model. Only pooled numbers are printed,
so it can be run on held-out sets like the scorer's summary line.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from graphkit.pipeline import analyse_articles  # noqa: E402
from graphkit.types import Article  # noqa: E402
from train_confidence import load_scorer  # noqa: E402

KEEP = (1.0, 0.9, 0.8, 0.7, 0.6, 0.5)


def graphs_of(docs):
    """(gold, nodes, edges) per article, each edge with both scores."""
    out = []
    for gold, result in zip(docs, analyse_articles([Article(id=d["id"], text=d["text"]) for d in docs])):
        nodes = [{"id": k, "label": e.label, "aliases": sorted(e.aliases), "type": e.type}
                 for k, e in result.entities.items()]
        edges = [{"source": r.source, "target": r.target, "relation": r.relation, "negated": r.negated,
                  "evidence": r.evidence, "rule": r.extras["facts"].rule_weight, "model": r.confidence}
                 for r in result.relations]
        out.append((gold, nodes, edges))
    return out


def pooled(scorer, graphs, score: str, threshold: float) -> tuple[float, float, float, int]:
    tp = pred = gold = 0
    for doc, nodes, edges in graphs:
        kept = {"nodes": nodes, "links": [e for e in edges if e[score] >= threshold]}
        t, p, g = scorer.score_doc(doc, kept, False)["rel"]
        tp, pred, gold = tp + t, pred + p, gold + g
    precision, recall = (tp / pred if pred else 0.0), (tp / gold if gold else 0.0)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1, pred


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("sets", nargs="+", type=Path)
    parser.add_argument("--scorer", type=Path, default=ROOT.parent / "shared" / "eval" / "score.py")
    args = parser.parse_args()
    scorer = load_scorer(args.scorer)
    docs = [json.loads(line) for path in args.sets for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip()]
    graphs = graphs_of(docs)
    for score in ("rule", "model"):
        values = np.array([e[score] for _, _, edges in graphs for e in edges])
        for keep in KEEP:
            threshold = float(np.quantile(values, 1 - keep)) if keep < 1 else -1.0
            precision, recall, f1, pred = pooled(scorer, graphs, score, threshold)
            print(f"{score:6} top {keep:.0%}: threshold {threshold:.3f}  P={precision:.3f} R={recall:.3f} "
                  f"F1={f1:.3f} edges={pred}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
