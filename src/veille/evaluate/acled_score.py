"""Score predicted events against ACLED gold rows: per-row comparison, then the aggregate metrics."""

from __future__ import annotations

import statistics
from collections import Counter
from dataclasses import dataclass

from veille.evaluate.acled_gold import AcledGold, comparable_actor
from veille.evaluate.admin1_match import same_admin1
from veille.geo.distance import distance_km as great_circle_km
from veille.records import Event



@dataclass
class RowOutcome:
    """One gold row, the main predicted event and how many events were predicted."""

    gold: AcledGold
    predicted: Event | None
    n_events: int
    failure: str | None = None

    @property
    def distance_km(self) -> float | None:
        place = self.predicted.location if self.predicted else None
        if place is None or place.latitude is None or self.gold.latitude is None:
            return None
        return great_circle_km(self.gold.latitude, self.gold.longitude, place.latitude, place.longitude)


def _actor_name(actor) -> str:
    return comparable_actor(actor.name if actor else "")


def field_matches(outcome: RowOutcome) -> dict[str, bool]:
    """Which scored fields the main event gets right (a missing event gets nothing right)."""
    gold, event = outcome.gold, outcome.predicted
    if event is None:
        return {k: False for k in ("event_type", "sub_event_type", "actor1", "actor2", "inter1", "admin1",
                                   "fatalities", "date", "loc25", "loc161")}
    distance = outcome.distance_km
    place = event.location
    # A row that gives no place agrees with a prediction that gives none (real ACLED rows always give one).
    both_unplaced = gold.latitude is None and (place is None or place.latitude is None)
    both_no_admin1 = not gold.admin1 and not (place and place.admin1)
    return {
        "event_type": event.event_type == gold.event_type,
        "sub_event_type": event.sub_event_type == gold.sub_event_type,
        "actor1": _actor_name(event.actor1) == comparable_actor(gold.actor1),
        "actor2": _actor_name(event.actor2) == comparable_actor(gold.actor2),
        "inter1": (event.inter1 or 0) == (gold.inter1 or 0),
        "admin1": both_no_admin1 or (place is not None and same_admin1(place.admin1, gold.admin1, place.iso3, gold.iso3)),
        "fatalities": (event.fatalities or 0) == (gold.fatalities or 0),
        "date": event.event_date == gold.event_date,
        "loc25": both_unplaced or (distance is not None and distance <= 25),
        "loc161": both_unplaced or (distance is not None and distance <= 161),
    }


def macro_f1(pairs: list[tuple[str, str | None]]) -> float:
    """Macro-averaged F1 over the gold labels (a missing prediction counts as a miss)."""
    labels = sorted({gold for gold, _ in pairs})
    if not labels:
        return 0.0
    scores = []
    for label in labels:
        tp = sum(1 for g, p in pairs if g == label and p == label)
        fp = sum(1 for g, p in pairs if g != label and p == label)
        fn = sum(1 for g, p in pairs if g == label and p != label)
        scores.append(2 * tp / (2 * tp + fp + fn) if tp else 0.0)
    return sum(scores) / len(scores)


def per_label_f1(pairs: list[tuple[str, str | None]]) -> dict[str, dict[str, float]]:
    """Support, precision, recall and F1 of every gold or predicted label."""
    labels = sorted({g for g, _ in pairs} | {p for _, p in pairs if p})
    table = {}
    for label in labels:
        tp = sum(1 for g, p in pairs if g == label and p == label)
        fp = sum(1 for g, p in pairs if g != label and p == label)
        fn = sum(1 for g, p in pairs if g == label and p != label)
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        table[label] = {"support": tp + fn, "precision": precision, "recall": recall, "f1": f1}
    return table


def acled_metrics(outcomes: list[RowOutcome]) -> dict:
    """The aggregate metrics of the issue: accuracies over all rows, a missing event counting as wrong."""
    n = len(outcomes)
    if n == 0:
        return {"n": 0}
    matches = [field_matches(o) for o in outcomes]
    rate = lambda key: round(sum(m[key] for m in matches) / n, 4)  # noqa: E731
    distances = [d for d in (o.distance_km for o in outcomes) if d is not None]
    sub_pairs = [(o.gold.sub_event_type, o.predicted.sub_event_type if o.predicted else None) for o in outcomes]
    return {
        "n": n,
        "coverage": round(sum(o.n_events > 0 for o in outcomes) / n, 4),
        "event_type_acc": rate("event_type"),
        "sub_event_type_acc": rate("sub_event_type"),
        "sub_event_type_macro_f1": round(macro_f1(sub_pairs), 4),
        "actor1_acc": rate("actor1"),
        "actor2_acc": rate("actor2"),
        "inter1_acc": rate("inter1"),
        "location_acc_25km": rate("loc25"),
        "location_acc_161km": rate("loc161"),
        "location_median_km": round(statistics.median(distances), 1) if distances else None,
        "location_found": round(len(distances) / n, 4),
        "admin1_acc": rate("admin1"),
        "fatalities_exact": rate("fatalities"),
        "date_exact": rate("date"),
        "failures": sum(o.failure is not None for o in outcomes),
    }


def confusion(outcomes: list[RowOutcome]) -> Counter:
    """(gold sub-event type, predicted sub-event type or '-') -> count."""
    return Counter((o.gold.sub_event_type, o.predicted.sub_event_type if o.predicted else "-") for o in outcomes)
