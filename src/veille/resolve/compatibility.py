"""Whether two reports can be the same happening, and how strongly: dates, places, types, actors."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache

from veille.geo.distance import distance_km
from veille.records import Event, Place
from veille.resources import load_yaml


@dataclass(frozen=True, slots=True)
class Report:
    """The facts of one event that resolution compares, in a compact form for hot loops."""

    index: int
    event_id: str
    article_id: str
    day: int | None
    time_precision: int
    event_type: str
    sub_event_type: str
    family: str
    latitude: float | None
    longitude: float | None
    geo_precision: int
    place: str | None
    iso3: str | None
    actors: frozenset[str]
    published: datetime | None = None

    @property
    def located(self) -> bool:
        return self.latitude is not None and self.longitude is not None


@lru_cache(maxsize=1)
def rules() -> dict:
    """The resolution rules of resources/resolve.yaml, with the type-to-family table built."""
    loaded = dict(load_yaml("resolve.yaml"))
    loaded["family_of"] = {t: family for family, types in loaded["type_families"].items() for t in types}
    return loaded


def report_of(index: int, event: Event, published: datetime | None = None, context: Place | None = None) -> Report:
    """Return the Report view of an event; an event without a place takes the article's `context` place, coarsened."""
    place = event.location
    precision = place.geo_precision if place else 3
    if place is None and context is not None:
        place, precision = context, max(2, context.geo_precision)
    unknown = tuple(rules().get("unknown_actor_prefixes", []))
    actors = frozenset(  # an unidentified doer is no evidence for or against a match: left out
        actor.name for actor in (event.actor1, event.assoc_actor_1, event.actor2, event.assoc_actor_2)
        if actor and not actor.name.startswith(unknown)
    )
    return Report(
        index=index, event_id=event.id, article_id=event.article_id,
        day=event.event_date.toordinal() if event.event_date else None,
        time_precision=event.time_precision or 2,
        event_type=event.event_type, sub_event_type=event.sub_event_type,
        family=rules()["family_of"].get(event.event_type, event.event_type),
        latitude=place.latitude if place else None, longitude=place.longitude if place else None,
        geo_precision=precision,
        place=place.name.casefold() if place else None, iso3=place.iso3 if place else None,
        actors=actors, published=published,
    )


def max_date_gap(a: Report, b: Report) -> int:
    """The day gap the pair's time precisions allow."""
    tolerance = rules()["date_tolerance_days"]
    return max(tolerance.get(a.time_precision, 0), tolerance.get(b.time_precision, 0))


def pair_score(a: Report, b: Report) -> float | None:
    """None when the two reports cannot be one happening; else a score (higher: more alike)."""
    config = rules()
    if a.day is None or b.day is None or abs(a.day - b.day) > max_date_gap(a, b):
        return None
    if a.family != b.family:
        return None
    same_subtype = a.sub_event_type == b.sub_event_type
    if not same_subtype and a.family in config["strict_families"]:
        return None
    score = 0.0
    if not (a.located and b.located):
        # An event without a place is too vague to tie to another report, except within its article.
        if a.article_id != b.article_id:
            return None
        score -= 0.5
    else:
        precision = max(a.geo_precision, b.geo_precision)
        if a.iso3 and b.iso3 and a.iso3 != b.iso3:
            return None
        km = distance_km(a.latitude, a.longitude, b.latitude, b.longitude)
        if km > config["distance_km"].get(precision, 0) and not (precision >= 3 and a.iso3 == b.iso3):
            return None
        same_town = precision == 1 and (km < 5 or a.place == b.place)
        if precision == 1:
            score += 1.0 if same_town else 0.5
        else:
            score += 0.25 if precision == 2 else -0.5
    if a.day == b.day:
        score += 0.5
    if a.article_id == b.article_id:
        score += 1.5  # one report retelling its happening: a second trigger, a toll in the next sentence
    score += 0.5 if same_subtype else -0.25
    if a.actors and b.actors:
        score += 0.5 if a.actors & b.actors else -0.5
    return score
