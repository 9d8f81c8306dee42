"""Cluster scores: pairwise and B-cubed precision, recall and F1, optionally over a subset of pairs."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from itertools import combinations

PairFilter = Callable[[str, str], bool]


def _f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def pairwise_scores(gold: Mapping[str, str], predicted: Mapping[str, str], keep: PairFilter | None = None) -> dict:
    """Precision, recall and F1 over item pairs: a pair is positive when both are in one cluster."""
    tp = fp = fn = 0
    for a, b in combinations(sorted(gold), 2):
        if keep and not keep(a, b):
            continue
        same_gold, same_predicted = gold[a] == gold[b], predicted[a] == predicted[b]
        tp += same_gold and same_predicted
        fp += same_predicted and not same_gold
        fn += same_gold and not same_predicted
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    return {"pairwise_precision": precision, "pairwise_recall": recall, "pairwise_f1": _f1(precision, recall),
            "gold_pairs": tp + fn}


def bcubed_scores(gold: Mapping[str, str], predicted: Mapping[str, str], keep: PairFilter | None = None) -> dict:
    """B-cubed precision, recall and F1; `keep` limits which other items count for each item (itself always)."""
    items = sorted(gold)
    precisions, recalls = [], []
    for item in items:
        peers = [other for other in items if other == item or not keep or keep(item, other)]
        in_predicted = [o for o in peers if predicted[o] == predicted[item]]
        in_gold = [o for o in peers if gold[o] == gold[item]]
        both = sum(1 for o in in_predicted if gold[o] == gold[item])
        precisions.append(both / len(in_predicted))
        recalls.append(both / len(in_gold))
    precision = sum(precisions) / len(items) if items else 1.0
    recall = sum(recalls) / len(items) if items else 1.0
    return {"bcubed_precision": precision, "bcubed_recall": recall, "bcubed_f1": _f1(precision, recall)}
