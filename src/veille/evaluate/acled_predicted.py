"""Score an ACLED-format CSV of predictions (another coder's, or an export of ours) against gold rows."""

from __future__ import annotations

from veille.evaluate.acled_gold import AcledGold
from veille.evaluate.acled_score import RowOutcome
from veille.records import Actor, Event, Place


def row_as_event(row: AcledGold) -> Event:
    """An Event carrying the fields of one ACLED row that the scorer compares."""
    location = None
    if row.location or row.latitude is not None:
        location = Place(name=row.location or "", admin1=row.admin1 or None, latitude=row.latitude,
                         longitude=row.longitude)
    return Event(
        id=row.event_id or f"row-{row.row}",
        article_id="",
        event_type=row.event_type,
        sub_event_type=row.sub_event_type,
        actor1=Actor(name=row.actor1, inter=row.inter1) if row.actor1 else None,
        actor2=Actor(name=row.actor2, inter=row.inter2) if row.actor2 else None,
        inter1=row.inter1,
        inter2=row.inter2,
        interaction=row.interaction,
        event_date=row.event_date,
        time_precision=row.time_precision,
        location=location,
        fatalities=row.fatalities,
    )


def outcomes_from_predictions(gold: list[AcledGold], predicted: list[AcledGold]) -> list[RowOutcome]:
    """Pair gold and predicted rows by event id (event_id_cnty) when both have ids, else by position."""
    by_id = {row.event_id: row for row in predicted if row.event_id}
    use_ids = bool(by_id) and all(row.event_id for row in gold)
    outcomes = []
    for index, row in enumerate(gold):
        match = by_id.get(row.event_id) if use_ids else (predicted[index] if index < len(predicted) else None)
        event = row_as_event(match) if match is not None else None
        outcomes.append(RowOutcome(gold=row, predicted=event, n_events=int(event is not None)))
    return outcomes
