"""Casualties told right after a violent event ("The clashes left 20 dead.") are that event's toll."""

from __future__ import annotations

import re

from veille.records import Event

VIOLENT_TYPES = {"Battles", "Explosions/Remote violence", "Violence against civilians"}
MAX_SENTENCES_AFTER = 2
SENTENCE_END = re.compile(r"[.!?]\s")
COUNTS = ("fatalities", "injured")


def _follows(text: str, first: Event, later: Event) -> bool:
    """`later` stands in the same paragraph as `first`, at most two sentences after it."""
    if first.trigger is None or later.trigger is None or later.trigger.start <= first.trigger.start:
        return False
    between = text[first.trigger.end : later.trigger.start]
    return "\n" not in between and len(SENTENCE_END.findall(between)) <= MAX_SENTENCES_AFTER


def _compatible(first: Event, later: Event) -> bool:
    """Same day and modality, and no place of its own that differs from the first event's."""
    if later.event_type not in VIOLENT_TYPES or later.modality != first.modality:
        return False
    if later.event_date != first.event_date:
        return False
    if later.location is not None and first.location is not None and \
            later.location.geonameid != first.location.geonameid:
        return False
    return True


def carry_casualties_back(text: str, events: list[Event]) -> list[Event]:
    """Give a violent event with no count the counts of the violent events that follow it closely."""
    result = list(events)
    for i, first in enumerate(result):
        if first.event_type not in VIOLENT_TYPES or all(getattr(first, c) is not None for c in COUNTS):
            continue
        update, evidence = {}, dict(first.evidence)
        for later in result[i + 1 :]:
            if not _follows(text, first, later):
                break
            if not _compatible(first, later):
                continue
            for count in COUNTS:
                if getattr(first, count) is None and count not in update and getattr(later, count) is not None:
                    update[count] = getattr(later, count)
                    if count in later.evidence:
                        evidence[count] = later.evidence[count]
        if update:
            result[i] = first.model_copy(update={**update, "evidence": evidence})
    return result
