"""Casualty counts that landed on a non-violent side event belong to the violent event of the same sentence."""

from __future__ import annotations

import re

from veille.coding.followups import COUNTS
from veille.coding.taxonomy import VIOLENT_TYPES
from veille.records import Event

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

