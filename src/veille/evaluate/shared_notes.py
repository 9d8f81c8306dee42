"""Pair ACLED rows that share one note with the events coded at that note's several places, one to one."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import replace
from itertools import permutations

from veille.evaluate.acled_score import RowOutcome
from veille.records import Event

# ACLED codes one event per location, and every row of a report told at several places carries the
# same note ("... split between 3 events"). Scoring each of those rows against one event would ask
# the coder for one place where the note gives three; so the rows of one note are paired one to one
# with the events coded at its places (copies of the main event that differ only in their place),
# the pairing that puts each row nearest its event. Rows left over keep the main event.
MAX_EXHAUSTIVE = 7  # up to this many rows or places, every pairing is tried; past it, nearest first
UNPLACED_KM = 40_000.0  # the cost of pairing a row with an event that has no coordinates


def place_copies(main: Event | None, events: list[Event]) -> list[Event]:
    """The main event and its copies at the other places of its list (same trigger), main first."""
    if main is None or main.trigger is None:
        return [main] if main is not None else []
    copies = [e for e in events if e is not main and e.trigger is not None
              and (e.trigger.start, e.trigger.end) == (main.trigger.start, main.trigger.end)
              and e.sub_event_type == main.sub_event_type]
    return [main, *copies]


def _cost(outcome: RowOutcome, event: Event) -> float:
    distance = replace(outcome, predicted=event).distance_km
    return UNPLACED_KM if distance is None else distance


def _best_pairing(rows: list[RowOutcome], events: list[Event]) -> dict[int, Event]:
    """Row index -> event, one to one, with the least total distance."""
    if len(rows) <= MAX_EXHAUSTIVE and len(events) <= MAX_EXHAUSTIVE:
        n = min(len(rows), len(events))
        if len(rows) <= len(events):
            options = (dict(zip(range(len(rows)), chosen)) for chosen in permutations(events, n))
        else:
            options = (dict(zip(chosen, events)) for chosen in permutations(range(len(rows)), n))
        return min(options, key=lambda pairing: sum(_cost(rows[i], e) for i, e in pairing.items()))
    pairs = sorted(((_cost(row, event), i, j) for i, row in enumerate(rows) for j, event in enumerate(events)))
    pairing, used = {}, set()
    for _, i, j in pairs:
        if i not in pairing and j not in used:
            pairing[i] = events[j]
            used.add(j)
    return pairing


def pair_shared_notes(outcomes: list[RowOutcome], copies: list[list[Event]]) -> list[RowOutcome]:
    """The outcomes, each row sharing its note with others scored against its own place's event.

    `copies[i]` are the place copies of row i's main event (see `place_copies`).
    """
    groups: dict[tuple[str, str], list[int]] = defaultdict(list)
    for index, outcome in enumerate(outcomes):
        groups[(outcome.gold.country, outcome.gold.notes)].append(index)
    paired = list(outcomes)
    for members in groups.values():
        events = copies[members[0]]
        if len(members) < 2 or len(events) < 2:
            continue
        pairing = _best_pairing([outcomes[i] for i in members], events)
        for position, event in pairing.items():
            paired[members[position]] = replace(outcomes[members[position]], predicted=event)
    return paired
