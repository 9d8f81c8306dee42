"""Fit the trained coder on collected rows: held-out split, k-fold cross-validation, the default coder alongside."""

from __future__ import annotations

import time
from collections import Counter
from dataclasses import dataclass, field

from sklearn.model_selection import KFold, StratifiedKFold, train_test_split

from veille.train.collect import CollectedRow
from veille.train.encoder import embed_texts
from veille.train.model import Example, Prediction, TrainedCoder
from veille.train.scores import summary_scores

NO_EVENT = "(no event)"


@dataclass
class HeldOut:
    """Gold labels, the model's predictions and the default coder's on rows the model did not see."""

    gold: dict[str, list[str]] = field(default_factory=dict)
    predicted: dict[str, list[Prediction]] = field(default_factory=dict)
    default: dict[str, list[str]] = field(default_factory=dict)

    def extend(self, other: "HeldOut") -> None:
        for name in ("gold", "predicted", "default"):
            mine, theirs = getattr(self, name), getattr(other, name)
            for column, values in theirs.items():
                mine.setdefault(column, []).extend(values)

    def scores(self, column: str) -> dict[str, dict[str, float]]:
        """Summary scores of the model and of the default coder on this column."""
        gold = self.gold[column]
        return {"model": summary_scores(gold, [p.label for p in self.predicted[column]]),
                "default": summary_scores(gold, self.default[column])}


def usable(collected: list[CollectedRow]) -> list[CollectedRow]:
    """Rows the pipeline could read (not failed, not skipped)."""
    return [c for c in collected if c.example is not None]


def add_embeddings(collected: list[CollectedRow]) -> float:
    """Attach sentence-encoder vectors to every example; returns the seconds it took."""
    started = time.perf_counter()
    rows = [c for c in collected if c.example is not None and c.example.embedding is None]
    for row, vector in zip(rows, embed_texts([c.example.text for c in rows])):
        row.example.embedding = vector
    return time.perf_counter() - started


def _labels(rows: list[CollectedRow], columns: list[str]) -> dict[str, list[str]]:
    return {c: [r.row.labels.get(c, "") for r in rows] for c in columns}


def _default_label(row: CollectedRow, column: str) -> str:
    event = row.default_event
    return getattr(event, column, NO_EVENT) if event is not None else NO_EVENT


def fit_model(rows: list[CollectedRow], columns: list[str], use_encoder: bool = False, **options) -> TrainedCoder:
    """A model fitted on all the given rows."""
    examples: list[Example] = [r.example for r in rows]
    return TrainedCoder(list(columns), use_encoder=use_encoder, **options).fit(examples, _labels(rows, columns))


def evaluate(model: TrainedCoder, rows: list[CollectedRow], columns: list[str]) -> HeldOut:
    """The model's and the default coder's labels on rows with a gold label in each column."""
    held = HeldOut()
    for column in columns:
        scored = [r for r in rows if r.row.labels.get(column)]
        held.gold[column] = [r.row.labels[column] for r in scored]
        held.predicted[column] = model.predict([r.example for r in scored], column)
        held.default[column] = [_default_label(r, column) for r in scored]
    return held


def _strata(rows: list[CollectedRow], column: str, folds: int) -> list[str] | None:
    values = [r.row.labels.get(column, "") for r in rows]
    counts = Counter(values)
    return values if min(counts.values()) >= folds else [v if counts[v] >= folds else "(rare)" for v in values]


def holdout_split(rows: list[CollectedRow], column: str, test_size: float = 0.2, seed: int = 13):
    """Train and test rows, stratified on `column` (rare classes pooled)."""
    strata = _strata(rows, column, 2)
    if Counter(strata).most_common()[-1][1] < 2:
        strata = None
    return train_test_split(rows, test_size=test_size, random_state=seed, stratify=strata)


def cross_validate(rows: list[CollectedRow], columns: list[str], folds: int = 5, use_encoder: bool = False,
                   seed: int = 13, **options) -> tuple[HeldOut, float]:
    """K-fold predictions for every row (stratified on the last label column) and the mean fit seconds."""
    strata = _strata(rows, columns[-1], folds)
    splitter = StratifiedKFold(folds, shuffle=True, random_state=seed) if strata else KFold(folds, shuffle=True,
                                                                                           random_state=seed)
    held, seconds = HeldOut(), []
    for train_index, test_index in splitter.split(rows, strata):
        started = time.perf_counter()
        model = fit_model([rows[i] for i in train_index], columns, use_encoder, **options)
        seconds.append(time.perf_counter() - started)
        held.extend(evaluate(model, [rows[i] for i in test_index], columns))
    return held, sum(seconds) / len(seconds)
