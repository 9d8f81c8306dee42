"""The ACLED taxonomy, inter codes, interaction pair codes and the PLOVER mapping."""

from __future__ import annotations

from functools import lru_cache

from veille.resources import load_yaml

# ACLED's political-violence event types: the ones that carry fatalities, perpetrators and targets.
VIOLENT_TYPES = frozenset({"Battles", "Explosions/Remote violence", "Violence against civilians"})


@lru_cache(maxsize=1)
def _sub_event_table() -> dict[str, tuple[str, str, str]]:
    table = {}
    for event_type, subtypes in load_yaml("acled_taxonomy.yaml")["event_types"].items():
        for sub_event_type, plover in subtypes.items():
            table[sub_event_type] = (event_type, plover["plover_type"], plover["plover_mode"])
    return table


def sub_event_types() -> list[str]:
    """All 25 ACLED sub-event types."""
    return list(_sub_event_table())


def event_type_of(sub_event_type: str) -> str:
    """The ACLED event type a sub-event type belongs to."""
    try:
        return _sub_event_table()[sub_event_type][0]
    except KeyError:
        raise KeyError(f"unknown ACLED sub-event type {sub_event_type!r}") from None


def plover_of(sub_event_type: str) -> tuple[str, str | None]:
    """The PLOVER type and mode derived from an ACLED sub-event type."""
    _, plover_type, plover_mode = _sub_event_table()[sub_event_type]
    return plover_type, plover_mode or None


def interaction_code(inter1: int | None, inter2: int | None) -> int | None:
    """ACLED's interaction code: the two inter codes, lower first (17, 37); one actor alone gives 10, 20..."""
    if inter1 is None and inter2 is None:
        return None
    if inter1 is None or inter2 is None:
        return 10 * (inter1 or inter2)
    low, high = sorted((inter1, inter2))
    return 10 * low + high


def plover_types() -> list[str]:
    """The PLOVER types veille can produce (those derived from some ACLED sub-event type)."""
    return sorted({plover for _, plover, _ in _sub_event_table().values()})
