"""Choose the one predicted event that an ACLED row (one event per row) is scored against."""

from __future__ import annotations

from collections.abc import Callable

from veille.records import Event

# Why this choice: an ACLED note opens with the event it codes ("On 9 May 2020, X attacked Y in
# Z ...") and follows with context (casualties, claims, earlier events, what happened next). So
# the main event is the first one in the note that is asserted (not negated, future,
# hypothetical or background; a foiled attack is still asserted as an attempt); when nothing is
# asserted, the first event of any modality. Measured on the Middle East rows, this beats
# choosing the most serious event of the first sentence (event-type accuracy 0.876 vs 0.838)
# and preferring the trigger highest in the parse (0.810).


def main_event(events: list[Event], text: str = "", depth_of: Callable[[str], int | None] | None = None) -> Event | None:
    """The event an ACLED row is compared with (see the comment above); `depth_of` breaks ties."""
    if not events:
        return None
    asserted = [e for e in events if e.modality == "asserted"] or list(events)
    depth = (lambda e: depth_of(e.id) or 0) if depth_of else (lambda e: 0)
    return min(asserted, key=lambda e: (e.trigger.start if e.trigger else 0, depth(e)))
