"""Scores of a coder on held-out rows: per-class precision/recall/F1 and a reliability table, as Rich tables."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from rich.table import Table
from sklearn.metrics import f1_score, precision_recall_fscore_support

RELIABILITY_BINS = (0.0, 0.3, 0.5, 0.7, 0.8, 0.9, 1.0)


@dataclass
class ReliabilityBin:
    """Predictions whose confidence fell in [low, high): how many, mean confidence, share correct."""

    low: float
    high: float
    n: int
    mean_confidence: float
    accuracy: float


def summary_scores(gold: list[str], predicted: list[str]) -> dict[str, float]:
    """Accuracy, weighted F1 and macro F1 (over the gold classes) of one label column."""
    labels = sorted(set(gold))
    return {
        "n": len(gold),
        "accuracy": float(np.mean([g == p for g, p in zip(gold, predicted)])) if gold else 0.0,
        "weighted_f1": float(f1_score(gold, predicted, labels=labels, average="weighted", zero_division=0)),
        "macro_f1": float(f1_score(gold, predicted, labels=labels, average="macro", zero_division=0)),
    }


def per_class_table(gold: list[str], predicted: list[str], title: str) -> Table:
    """Precision, recall, F1 and support of each gold class, worst F1 last."""
    labels = sorted(set(gold))
    precision, recall, f1, support = precision_recall_fscore_support(
        gold, predicted, labels=labels, zero_division=0)
    table = Table(title=title)
    for column in ("class", "precision", "recall", "F1", "support"):
        table.add_column(column, justify="left" if column == "class" else "right")
    for i in sorted(range(len(labels)), key=lambda k: (-f1[k], labels[k])):
        table.add_row(labels[i], f"{precision[i]:.2f}", f"{recall[i]:.2f}", f"{f1[i]:.2f}", str(support[i]))
    scores = summary_scores(gold, predicted)
    table.caption = (f"accuracy {scores['accuracy']:.3f} · weighted F1 {scores['weighted_f1']:.3f} · "
                     f"macro F1 {scores['macro_f1']:.3f} · n {len(gold)}")
    return table


def reliability(confidences: list[float], correct: list[bool]) -> list[ReliabilityBin]:
    """Bin predictions by confidence and compare the mean confidence with the share that was right."""
    bins = []
    conf = np.asarray(confidences, dtype=float)
    hit = np.asarray(correct, dtype=float)
    for low, high in zip(RELIABILITY_BINS, RELIABILITY_BINS[1:]):
        inside = (conf >= low) & ((conf < high) if high < 1.0 else (conf <= high))
        n = int(inside.sum())
        bins.append(ReliabilityBin(low, high, n, float(conf[inside].mean()) if n else 0.0,
                                   float(hit[inside].mean()) if n else 0.0))
    return bins


def expected_calibration_error(bins: list[ReliabilityBin]) -> float:
    """Weighted mean gap between confidence and accuracy over the bins."""
    total = sum(b.n for b in bins)
    return sum(b.n * abs(b.mean_confidence - b.accuracy) for b in bins) / total if total else 0.0


def reliability_table(bins: list[ReliabilityBin], title: str) -> Table:
    """The reliability bins as a table, with the expected calibration error in the caption."""
    table = Table(title=title)
    for column in ("confidence", "n", "mean confidence", "accuracy"):
        table.add_column(column, justify="right")
    for b in bins:
        table.add_row(f"{b.low:.1f}-{b.high:.1f}", str(b.n), f"{b.mean_confidence:.2f}" if b.n else "-",
                      f"{b.accuracy:.2f}" if b.n else "-")
    table.caption = f"expected calibration error {expected_calibration_error(bins):.3f}"
    return table
