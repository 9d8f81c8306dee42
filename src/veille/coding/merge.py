"""Merge events of one article that report the same happening (a story retold in later sentences)."""

from __future__ import annotations

from veille.coding.taxonomy import interaction_code
from veille.records import Event

FILLABLE = ("actor1", "actor2", "location", "fatalities", "injured", "arrested")


def _actor_names(event: Event) -> set[str]:
    return {a.name for a in (event.actor1, event.actor2) if a is not None}


def same_happening(first: Event, later: Event) -> bool:
    """Same type, day, place and modality; actors and counts that do not contradict each other."""
    if (first.sub_event_type, first.event_date, first.modality) != (later.sub_event_type, later.event_date,
                                                                     later.modality):
        return False
    if first.location is None or later.location is None or first.location.geonameid != later.location.geonameid:
        return False
    names_a, names_b = _actor_names(first), _actor_names(later)
    if names_a and names_b and not (names_a <= names_b or names_b <= names_a):
        return False
    for count in ("fatalities", "injured", "arrested"):
        a, b = getattr(first, count), getattr(later, count)
        if a is not None and b is not None and a != b:
            return False
    return True


def _merge(first: Event, later: Event) -> Event:
    """The first report, its gaps filled from the later one (with the later one's evidence)."""
    update: dict = {}
    evidence = dict(first.evidence)
    taken = _actor_names(first)
    for name in FILLABLE:
        value = getattr(later, name)
        if name.startswith("actor") and value is not None and value.name in taken:
            continue
        if getattr(first, name) is None and value is not None:
            update[name] = getattr(later, name)
            if name in later.evidence:
                evidence[name] = later.evidence[name]
    if len(first.claim.chain) <= 1 and len(later.claim.chain) > 1:
        update["claim"] = later.claim
        evidence = {k: v for k, v in evidence.items() if not k.startswith("claim.")}
        evidence.update({k: v for k, v in later.evidence.items() if k.startswith("claim.")})
    if "actor1" in update or "actor2" in update:
        actor1, actor2 = update.get("actor1", first.actor1), update.get("actor2", first.actor2)
        update["inter1"] = actor1.inter if actor1 else None
        update["inter2"] = actor2.inter if actor2 else None
        update["interaction"] = interaction_code(update["inter1"], update["inter2"])
    update["evidence"] = evidence
    update["confidence"] = max(first.confidence, later.confidence)
    return first.model_copy(update=update)


def merge_retold_events(events: list[Event]) -> list[Event]:
    """Fold each event into the earliest earlier event of the same happening, in article order."""
    kept: list[Event] = []
    for event in events:
        for index, earlier in enumerate(kept):
            if same_happening(earlier, event):
                kept[index] = _merge(earlier, event)
                break
        else:
            kept.append(event)
    return kept
