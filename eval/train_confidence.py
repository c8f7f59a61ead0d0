"""Fit the edge-confidence model (graphkit/extract/confidence.py) on the read gold sets.

    .venv/bin/python eval/train_confidence.py [--scorer ../shared/eval/score.py] [--write]

Runs graphkit on every article of the read sets below, labels each extracted edge right or
wrong the way the scorer does (its own node matching and lenient rules, imported from
`--scorer`), fits an L2-regularised logistic model over `edge_features`, and prints how well
the rule weight and the model rank right edges above wrong ones (ROC AUC and precision of the
top edges, cross-validated by article). `--write` stores the model fitted on all of them in
graphkit/lexicon/data/confidence.json.

Only sets already read with -v are used. The held-out sets (J, N, O, Q, U, V) and the dev
set stay out, so they still measure the model.
"""
from __future__ import annotations

import argparse
import datetime
import importlib.util
import json
import sys
from collections import defaultdict
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from graphkit.extract.confidence import MODEL_FILE, ConfidenceModel, edge_features  # noqa: E402
from graphkit.pipeline import analyse_articles  # noqa: E402
from graphkit.types import Article  # noqa: E402

READ_SETS = ["own_gold", "own_gold_2", "own_gold_3", "own_heldout_h", "own_heldout_k", "own_heldout_l",
             "own_heldout_m", "own_heldout_p", "own_heldout_r", "own_heldout_s", "own_heldout_t"]
MIN_FEATURE_COUNT = 2     # a feature seen fewer times gets no weight of its own
L2 = 3.0                  # ridge penalty (on all weights but the bias)


def load_scorer(path: Path):
    spec = importlib.util.spec_from_file_location("gold_scorer", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def labelled_edges(scorer, gold_docs: list[dict]) -> list[tuple[str, dict, bool]]:
    """(article id, facts, right?) for every edge graphkit extracts from the gold articles."""
    rows = []
    articles = [Article(id=d["id"], text=d["text"]) for d in gold_docs]
    for gold, result in zip(gold_docs, analyse_articles(articles)):
        gold_ents = [(e["name"], scorer.names_of(e["name"], e.get("aliases"))) for e in gold["entities"]]

        def candidates(entity):
            first = [g for g, names in gold_ents if scorer.overlaps({scorer.norm(entity.label)}, names)]
            rest = [g for g, names in gold_ents if g not in first
                    and scorer.overlaps(scorer.names_of(entity.label, sorted(entity.aliases)), names)]
            return first + rest

        matched = scorer.max_matching({key: candidates(e) for key, e in result.entities.items()})

        def endpoint(key):
            if key in matched:
                return matched[key]
            e = result.entities.get(key)
            found = candidates(e) if e else []
            return found[0] if found else f"?{key}"

        gold_rel, reporters = set(), defaultdict(set)
        for r in gold["relations"]:
            key = (r["source"], r["relation"], r["target"], bool(r.get("negated")))
            gold_rel.add(key)
            if r.get("reported_by") and r["relation"] in scorer.SPEECH_ACTS:
                reporters[key].add(r["reported_by"])
        stands_for = scorer.military_stands_for(gold["entities"])
        for r in gold["relations"]:
            if r["relation"] in scorer.ROLE_RELATIONS and not r.get("negated"):
                stands_for[r["source"]].add(r["target"])
        for rel in result.relations:
            name = scorer.NAME_TO_GOLD.get(rel.relation)
            if name is None:
                continue
            key = scorer.lenient((endpoint(rel.source), name, endpoint(rel.target), rel.negated),
                                 gold_rel, stands_for, reporters)
            rows.append((gold["id"], rel.extras["facts"], key in gold_rel))
    return rows


def fit(X: np.ndarray, y: np.ndarray, l2: float = L2, iterations: int = 25) -> np.ndarray:
    """Logistic regression by Newton's method; column 0 is the (unpenalised) bias."""
    w = np.zeros(X.shape[1])
    penalty = np.full(X.shape[1], l2)
    penalty[0] = 0.0
    for _ in range(iterations):
        p = 1.0 / (1.0 + np.exp(-(X @ w)))
        gradient = X.T @ (p - y) + penalty * w
        hessian = (X * (p * (1 - p))[:, None]).T @ X + np.diag(penalty) + 1e-9 * np.eye(X.shape[1])
        step = np.linalg.solve(hessian, gradient)
        w -= step
        if np.abs(step).max() < 1e-6:
            break
    return w


def design(features: list[dict], names: list[str]) -> np.ndarray:
    index = {n: i + 1 for i, n in enumerate(names)}
    X = np.zeros((len(features), len(names) + 1))
    X[:, 0] = 1.0
    for row, f in enumerate(features):
        for name, value in f.items():
            if name in index:
                X[row, index[name]] = value
    return X


def feature_names(features: list[dict]) -> list[str]:
    counts: dict[str, int] = defaultdict(int)
    for f in features:
        for name in f:
            counts[name] += 1
    return sorted(n for n, c in counts.items() if c >= MIN_FEATURE_COUNT)


def auc(scores, labels) -> float:
    """Probability that a right edge scores above a wrong one (ties count half)."""
    scores, labels = np.asarray(scores, float), np.asarray(labels, bool)
    order = scores.argsort(kind="mergesort")
    ranks = np.empty(len(scores))
    sorted_scores = scores[order]
    i = 0
    while i < len(scores):   # average ranks over ties
        j = i
        while j + 1 < len(scores) and sorted_scores[j + 1] == sorted_scores[i]:
            j += 1
        ranks[order[i:j + 1]] = (i + j) / 2 + 1
        i = j + 1
    pos, neg = labels.sum(), (~labels).sum()
    return float((ranks[labels].sum() - pos * (pos + 1) / 2) / (pos * neg))


def precision_at(scores, labels, fraction: float) -> float:
    """Precision of the top `fraction` of edges by score."""
    order = np.argsort(-np.asarray(scores, float), kind="mergesort")
    top = order[:max(1, int(len(order) * fraction))]
    return float(np.asarray(labels, bool)[top].mean())


def cross_validated(rows, folds: int = 5) -> np.ndarray:
    """Model scores of each edge from a model fitted without its article."""
    articles = sorted({a for a, _, _ in rows})
    fold_of = {a: i % folds for i, a in enumerate(articles)}
    feats = [edge_features(f) for _, f, _ in rows]
    y = np.array([ok for _, _, ok in rows], float)
    scores = np.zeros(len(rows))
    for k in range(folds):
        train = [i for i, (a, _, _) in enumerate(rows) if fold_of[a] != k]
        test = [i for i, (a, _, _) in enumerate(rows) if fold_of[a] == k]
        names = feature_names([feats[i] for i in train])
        w = fit(design([feats[i] for i in train], names), y[train])
        scores[test] = 1.0 / (1.0 + np.exp(-(design([feats[i] for i in test], names) @ w)))
    return scores


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--scorer", type=Path, default=ROOT.parent / "shared" / "eval" / "score.py")
    parser.add_argument("--write", action="store_true", help=f"store the fitted model in {MODEL_FILE}")
    args = parser.parse_args()
    if not args.scorer.exists():
        parser.error(f"scorer not found: {args.scorer} (pass --scorer PATH)")
    scorer = load_scorer(args.scorer)
    docs = [json.loads(line) for name in READ_SETS
            for line in (ROOT / "eval" / f"{name}.jsonl").read_text(encoding="utf-8").splitlines() if line.strip()]
    rows = labelled_edges(scorer, docs)
    labels = [ok for _, _, ok in rows]
    rule = [f.rule_weight for _, f, _ in rows]
    model = cross_validated(rows)
    print(f"{len(docs)} articles, {len(rows)} edges, {sum(labels)} right ({sum(labels) / len(rows):.3f})")
    print(f"{'':24}{'AUC':>7}{'P@50%':>8}{'P@75%':>8}{'P@90%':>8}")
    for name, scores in (("rule weight", rule), ("model (5-fold by article)", model)):
        print(f"{name:24}{auc(scores, labels):7.3f}" + "".join(
            f"{precision_at(scores, labels, q):8.3f}" for q in (0.5, 0.75, 0.9)))
    if args.write:
        feats = [edge_features(f) for _, f, _ in rows]
        names = feature_names(feats)
        w = fit(design(feats, names), np.array(labels, float))
        fitted = ConfidenceModel(bias=float(w[0]), weights={n: round(float(v), 4) for n, v in zip(names, w[1:]) if v})
        MODEL_FILE.write_text(fitted.to_json(
            trained_on=READ_SETS, edges=len(rows), date=datetime.date.today().isoformat(),
            cv_auc=round(auc(model, labels), 3), rule_weight_auc=round(auc(rule, labels), 3)) + "\n", encoding="utf-8")
        print(f"wrote {MODEL_FILE} ({len(fitted.weights)} weights)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
