"""ACLED's actor conventions applied after roles are read: who a protest, riot or unclaimed attack is coded to."""

from __future__ import annotations

from functools import lru_cache

from veille.coding.taxonomy import VIOLENT_TYPES
from veille.records import Actor, Span
from veille.resources import load_yaml

STATE, REBEL, MILITIA, IDENTITY, RIOTERS, PROTESTERS, CIVILIANS, EXTERNAL = range(1, 9)
POLICE_INTERVENTION = {"Protest with intervention", "Excessive force against protesters"}


@lru_cache(maxsize=1)
def _acled_country_names() -> dict[str, str]:
    return dict(load_yaml("actors.yaml").get("acled_country_names", {}))


def acled_country_name(iso3: str | None, fallback: str | None) -> str | None:
    """The country name ACLED writes in actor names ("Palestine", not "Palestinian Territory")."""
    name = _acled_country_names().get(iso3 or "")
    return name or fallback


def _generic(kind: str, inter: int, country: str | None, iso3: str | None, span: Span) -> Actor:
    name = f"{kind} ({country})" if country else kind
    return Actor(name=name, inter=inter, country=iso3, mention=span)


def _is(actor: Actor | None, *inters: int) -> bool:
    return actor is not None and actor.inter in inters


def apply_actor_conventions(
    event_type: str, sub_event_type: str, actor1: Actor | None, actor2: Actor | None,
    country: str | None, iso3: str | None, trigger: Span,
) -> tuple[Actor | None, Actor | None, Actor | None]:
    """Return (actor1, assoc_actor_1, actor2) following ACLED's coding of demonstrations and violence.

    - A demonstration's actor1 is always "Protesters (X)" or "Rioters (X)"; a named organiser
      ("STC supporters protested") becomes the associated actor.
    - Police intervening in a protest are its actor2 when nobody else is named.
    - Violence with no named perpetrator is "Unidentified Armed Group (X)"; civilians read as
      the doer of violence are its target instead.
    - State forces acting outside their own country are external forces (inter 8).
    The generated actors cite the trigger as their evidence: the act is what implies them.
    """
    assoc = None
    if event_type in ("Protests", "Riots"):
        kind, inter = ("Rioters", RIOTERS) if event_type == "Riots" else ("Protesters", PROTESTERS)
        if not _is(actor1, inter):
            if actor1 is not None and not _is(actor1, CIVILIANS, PROTESTERS, RIOTERS, STATE):
                assoc = actor1
            elif _is(actor1, STATE) and actor2 is None:
                actor2 = actor1
            actor1 = _generic(kind, inter, country, iso3, actor1.mention if actor1 and actor1.mention else trigger)
        if actor2 is None and sub_event_type in POLICE_INTERVENTION and country:
            actor2 = Actor(name=f"Police Forces of {country}", inter=STATE, country=iso3, mention=trigger)
        if _is(actor2, PROTESTERS, RIOTERS, CIVILIANS):
            actor2 = None if sub_event_type not in POLICE_INTERVENTION else actor2
    elif event_type in VIOLENT_TYPES:
        if _is(actor1, CIVILIANS):
            actor1, actor2 = None, actor2 or actor1
        if actor1 is None:
            actor1 = _generic("Unidentified Armed Group", MILITIA, country, iso3, trigger)
    actor1, actor2 = _external(actor1, iso3), _external(actor2, iso3)
    return actor1, assoc, actor2


def _external(actor: Actor | None, iso3: str | None) -> Actor | None:
    """A state's forces acting in another country carry ACLED inter 8."""
    if actor is not None and actor.inter == STATE and actor.country and iso3 and actor.country != iso3:
        return actor.model_copy(update={"inter": EXTERNAL})
    return actor
