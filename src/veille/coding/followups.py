"""Casualties told right after a violent event ("The clashes left 20 dead.") are that event's toll."""

from __future__ import annotations

import re

from veille.coding.taxonomy import VIOLENT_TYPES, interaction_code
from veille.records import Event

MAX_SENTENCES_AFTER = 2
SENTENCE_END = re.compile(r"[.!?]\s")
COUNTS = ("fatalities", "injured")


def _follows(text: str, first: Event, later: Event) -> bool:
    """`later` stands in the same paragraph as `first`, at most two sentences after it."""
    if first.trigger is None or later.trigger is None or later.trigger.start <= first.trigger.start:
        return False
    between = text[first.trigger.end : later.trigger.start]
    return "\n" not in between and len(SENTENCE_END.findall(between)) <= MAX_SENTENCES_AFTER


def _compatible(text: str, first: Event, later: Event) -> bool:
    """Same day and modality, and no other place named in the later event's own sentence.

    ("Gunmen attacked a checkpoint in Hama. Three soldiers were killed.": the place a bare "were killed"
    takes from its paragraph is no evidence of another happening.)
    """
    if later.event_type not in VIOLENT_TYPES or later.modality != first.modality:
        return False
    if later.event_date != first.event_date:
        return False
    return not _names_another_place(text, first, later)


def _names_another_place(text: str, first: Event, later: Event) -> bool:
    """True when the later event's own sentence names a place other than the first event's."""
    if later.location is None or first.location is None or later.location.geonameid == first.location.geonameid:
        return False
    span = later.evidence.get("location")
    if span is None:
        return False
    starts = [m.end() for m in SENTENCE_END.finditer(text, 0, later.trigger.start)]
    end = SENTENCE_END.search(text, later.trigger.start)
    return (starts[-1] if starts else 0) <= span.start < (end.end() if end else len(text))


def _only_a_toll(later: Event, taken: dict) -> bool:
    """The later event told only the counts just taken from it (and whom they hit): no perpetrator, no other count."""
    counts = {count: getattr(later, count) for count in COUNTS if getattr(later, count) is not None}
    named = later.evidence.get("actor1")
    return bool(counts) and counts.items() <= taken.items() \
        and (named is None or named == later.trigger)  # a default perpetrator points at the trigger


def _victims_from(first: Event, later: Event, update: dict, evidence: dict) -> None:
    """The first event's missing target, from a toll told apart ("Four civilians were killed.")."""
    if first.actor2 is None and later.actor2 is not None and "actor2" in later.evidence \
            and (first.actor1 is None or later.actor2.name != first.actor1.name):
        update["actor2"], evidence["actor2"] = later.actor2, later.evidence["actor2"]
        update["inter2"] = later.actor2.inter
        update["interaction"] = interaction_code(first.inter1, later.actor2.inter)


def carry_casualties_back(text: str, events: list[Event]) -> list[Event]:
    """Give a violent event with no count the counts of the violent events that follow it closely.

    A later event that told only those counts ("Four civilians were killed.") is the first one's
    toll told apart, not a happening of its own, and is dropped: kept, the deaths would count twice.
    """
    result = list(events)
    told_apart: set[int] = set()
    for i, first in enumerate(result):
        if i in told_apart or first.event_type not in VIOLENT_TYPES \
                or all(getattr(first, c) is not None for c in COUNTS):
            continue
        update, evidence = {}, dict(first.evidence)
        for j, later in enumerate(result[i + 1 :], start=i + 1):
            if not _follows(text, first, later):
                break
            if not _compatible(text, first, later):
                continue
            taken = {}
            for count in COUNTS:
                if getattr(first, count) is None and count not in update and getattr(later, count) is not None:
                    update[count] = taken[count] = getattr(later, count)
                    if count in later.evidence:
                        evidence[count] = later.evidence[count]
            if _only_a_toll(later, taken):
                told_apart.add(j)
                _victims_from(first, later, update, evidence)
        if update:
            result[i] = first.model_copy(update={**update, "evidence": evidence})
    return [event for index, event in enumerate(result) if index not in told_apart]
