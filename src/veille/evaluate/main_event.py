"""Choose the one predicted event that an ACLED row (one event per row) is scored against."""

from __future__ import annotations

import re
from collections.abc import Callable

from veille.records import Event

SENTENCE_END = re.compile(r"[.!?]\s+(?=[A-Z0-9\"'(])")

# Why this choice: an ACLED note opens with the event it codes ("On 9 May 2020, X attacked Y in
# Z ...") and follows with context (earlier events, claims, what happened next). So we take the
# earliest sentence holding an asserted event (not negated, future, hypothetical or background;
# a foiled attack is still asserted as an attempt). Within that sentence several events may
# stand. ACLED codes the most serious one, so violence beats demonstrations, which beat
# strategic developments, and the catch-all "Other" comes last; between equally serious ones
# the trigger highest in the parse (the main verb) wins. (Measured: putting parse depth first,
# to prefer "protested" over "against the killing", lost 3 points of event-type accuracy.) Only when nothing is asserted do we fall back to the first event of any modality.
SEVERITY = {
    "Battles": 0, "Explosions/Remote violence": 0, "Violence against civilians": 0,
    "Riots": 1, "Protests": 2, "Strategic developments": 3,
}
LAST_RESORT = {"Other", "Change to group/activity"}


def severity(event: Event) -> tuple[int, int]:
    """Lower is more serious: the event type's rank, then catch-all strategic developments last."""
    return SEVERITY.get(event.event_type, 3), int(event.sub_event_type in LAST_RESORT)


def sentence_index(text: str) -> Callable[[Event], int]:
    """Which sentence of `text` an event's trigger stands in (sentence ends: . ! ? then a capital)."""
    ends = [m.end() for m in SENTENCE_END.finditer(text)]
    return lambda event: sum(1 for end in ends if event.trigger and end <= event.trigger.start)


def main_event(events: list[Event], text: str = "", depth_of: Callable[[str], int | None] | None = None) -> Event | None:
    """The event an ACLED row is compared with (see the comment above)."""
    if not events:
        return None
    asserted = [e for e in events if e.modality == "asserted"] or list(events)
    position = sentence_index(text)
    first_sentence = min(position(e) for e in asserted)
    in_first = [e for e in asserted if position(e) == first_sentence]
    depth = (lambda e: depth_of(e.id) or 0) if depth_of else (lambda e: 0)
    return min(in_first, key=lambda e: (severity(e), depth(e), e.trigger.start if e.trigger else 0))
