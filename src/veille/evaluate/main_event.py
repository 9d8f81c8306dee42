"""Choose the one predicted event that an ACLED row (one event per row) is scored against."""

from __future__ import annotations

from veille.records import Event

# Why this order: an ACLED note opens with the event it codes ("On 9 May 2020, X attacked Y in
# Z ...") and follows with context (earlier events, claims, what happened next). So the first
# event of the note that is asserted (not negated, future, hypothetical or background) is the
# coded one. A reported-but-unrealised event ("an attack was foiled") is still asserted as an
# attempt. Only when no event is asserted do we fall back to the first event of any modality.
PREFERRED_MODALITIES = ("asserted",)


def main_event(events: list[Event]) -> Event | None:
    """The event an ACLED row is compared with: the first asserted one, else the first one."""
    if not events:
        return None
    ordered = sorted(events, key=lambda e: e.trigger.start if e.trigger else 0)
    for event in ordered:
        if event.modality in PREFERRED_MODALITIES:
            return event
    return ordered[0]
