"""Casualty counts that landed on a non-violent side event belong to the violent event of the same sentence."""

from __future__ import annotations

import re

from veille.records import Event

VIOLENT_TYPES = {"Battles", "Explosions/Remote violence", "Violence against civilians"}
COUNTS = ("fatalities", "injured")
SENTENCE_END = re.compile(r"[.!?](?:\s|$)")


def _same_sentence(text: str, a: Event, b: Event) -> bool:
    first, second = sorted((a, b), key=lambda e: e.trigger.start)
    return not SENTENCE_END.search(text[first.trigger.end : second.trigger.start])


def move_counts_to_violent_events(text: str, events: list[Event]) -> list[Event]:
    """"Repelled the raid, killing 5 and destroying a truck": the dead go with the raid, not the destruction.

    A count held by an event that is not violence (property destruction, a base set up, ...) moves to the
    nearest violent event of its sentence that has no such count, preferring one told before it."""
    result = list(events)
    for d, donor in enumerate(result):
        if donor.event_type in VIOLENT_TYPES or donor.trigger is None:
            continue
        for count in COUNTS:
            if getattr(donor, count) is None:
                continue
            takers = [
                (0 if r < d else 1, abs(e.trigger.start - donor.trigger.start), r)
                for r, e in enumerate(result)
                if r != d and e.trigger is not None and e.event_type in VIOLENT_TYPES and getattr(e, count) is None
                and e.modality == donor.modality and _same_sentence(text, e, donor)
            ]
            if not takers:
                continue
            r = min(takers)[2]
            taker, donor = result[r], result[d]
            evidence = dict(taker.evidence)
            if count in donor.evidence:
                evidence[count] = donor.evidence[count]
            result[r] = taker.model_copy(update={count: getattr(donor, count), "evidence": evidence})
            donor_evidence = {k: v for k, v in donor.evidence.items() if k != count}
            result[d] = donor.model_copy(update={count: None, "evidence": donor_evidence})
    return result


MAX_SENTENCES_AFTER = 2


def _sentence_bounds(text: str, offset: int) -> tuple[int, int]:
    starts = [m.end() for m in SENTENCE_END.finditer(text, 0, offset)]
    end = SENTENCE_END.search(text, offset)
    return (starts[-1] if starts else 0), (end.end() if end else len(text))


def _names_another_place(text: str, first: Event, later: Event) -> bool:
    """True when the later event's own sentence names a place other than the first event's."""
    if later.location is None or first.location is None or later.location.geonameid == first.location.geonameid:
        return False
    span = later.evidence.get("location")
    start, end = _sentence_bounds(text, later.trigger.start)
    return span is not None and start <= span.start < end


def carry_tolls_from_retellings(text: str, events: list[Event]) -> list[Event]:
    """"Gunmen attacked a checkpoint in Hama. Three soldiers were killed.": the toll told in the next sentences
    is the attack's, unless that sentence names another place, day or modality. (The place a bare "were killed"
    gets from its paragraph is no evidence of another happening.)"""
    result = list(events)
    for i, first in enumerate(result):
        if first.event_type not in VIOLENT_TYPES or first.fatalities is not None or first.trigger is None:
            continue
        for later in result[i + 1 :]:
            if later.trigger is None or later.trigger.start <= first.trigger.start:
                continue
            between = text[first.trigger.end : later.trigger.start]
            if "\n" in between or len(SENTENCE_END.findall(between)) > MAX_SENTENCES_AFTER:
                break
            if later.fatalities is None or later.event_type not in VIOLENT_TYPES:
                continue
            if (later.event_date, later.modality) != (first.event_date, first.modality) or \
                    _names_another_place(text, first, later):
                continue
            evidence = dict(first.evidence)
            if "fatalities" in later.evidence:
                evidence["fatalities"] = later.evidence["fatalities"]
            result[i] = first.model_copy(update={"fatalities": later.fatalities, "evidence": evidence})
            break
    return result
