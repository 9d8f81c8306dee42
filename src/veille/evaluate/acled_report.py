"""Rich tables for an ACLED evaluation: the metrics, the sub-event confusion, and example misses."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table

from veille.evaluate.acled_score import RowOutcome, confusion, field_matches

TARGETS = {  # acceptance targets of issue 3, for the Middle East rows
    "coverage": 0.97, "event_type_acc": 0.88, "sub_event_type_macro_f1": 0.70, "actor1_acc": 0.70,
    "fatalities_exact": 0.90, "date_exact": 0.97,
}


def metrics_table(metrics: dict, title: str) -> Table:
    """One row per metric, with the issue's target where there is one."""
    table = Table(title=title)
    table.add_column("metric")
    table.add_column("value", justify="right")
    table.add_column("target (Middle East)", justify="right")
    for key, value in metrics.items():
        if isinstance(value, dict):
            continue
        target = TARGETS.get(key)
        table.add_row(key, "-" if value is None else str(value), "" if target is None else f">= {target}")
    return table


def confusion_table(outcomes: list[RowOutcome], top: int = 40) -> Table:
    """The most frequent (gold, predicted) sub-event type pairs, errors first."""
    table = Table(title="Sub-event confusions (gold -> predicted), most frequent first")
    table.add_column("gold")
    table.add_column("predicted")
    table.add_column("n", justify="right")
    pairs = sorted(confusion(outcomes).items(), key=lambda kv: (kv[0][0] == kv[0][1], -kv[1]))
    for (gold, predicted), count in pairs[:top]:
        style = "green" if gold == predicted else None
        table.add_row(gold, predicted, str(count), style=style)
    return table


def print_errors(console: Console, outcomes: list[RowOutcome], limit: int, field: str = "sub_event_type") -> None:
    """Print up to `limit` rows whose main event misses `field`, with the note, the gold and the prediction."""
    shown = 0
    for outcome in outcomes:
        if shown >= limit:
            break
        if field_matches(outcome).get(field, True):
            continue
        shown += 1
        gold, event = outcome.gold, outcome.predicted
        console.rule(f"row {gold.row} {gold.event_id} ({gold.country})")
        console.print(gold.notes, markup=False, highlight=False)
        console.print(f"gold: {gold.event_type} / {gold.sub_event_type} | {gold.actor1} [{gold.inter1}] -> "
                      f"{gold.actor2 or '-'} [{gold.inter2}] | {gold.location}, {gold.admin1} | "
                      f"{gold.event_date} | fatalities {gold.fatalities}", markup=False, highlight=False)
        if event is None:
            console.print(f"pred: no event ({outcome.failure or 'no trigger'})", markup=False)
            continue
        place = event.location
        console.print(f"pred: {event.event_type} / {event.sub_event_type} | "
                      f"{event.actor1.name if event.actor1 else '-'} [{event.inter1}] -> "
                      f"{event.actor2.name if event.actor2 else '-'} [{event.inter2}] | "
                      f"{place.name if place else '-'}, {place.admin1 if place else '-'} | {event.event_date} | "
                      f"fatalities {event.fatalities} | trigger {event.trigger.text if event.trigger else '-'!r} | "
                      f"{event.modality} | of {outcome.n_events}", markup=False, highlight=False)
