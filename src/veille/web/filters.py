"""Event filters shared by the API and the exports: parsed, validated, turned into SQL conditions."""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from datetime import date

from sqlalchemy import ColumnElement, and_, or_

from veille.store.schema import articles, events

MAX_TEXT = 200
SORTABLE = ("event_date", "fatalities", "country", "admin1", "event_type", "sub_event_type", "confidence", "location")


class FilterError(ValueError):
    """A filter value that cannot be used; the message says which and why."""


@dataclass(frozen=True)
class EventFilters:
    """What the user asked to see; empty fields filter nothing."""

    date_from: date | None = None
    date_to: date | None = None
    bbox: tuple[float, float, float, float] | None = None  # west, south, east, north
    country: tuple[str, ...] = ()
    admin1: tuple[str, ...] = ()
    event_type: tuple[str, ...] = ()
    sub_event_type: tuple[str, ...] = ()
    actor: str | None = None
    outlet: tuple[str, ...] = ()
    q: str | None = None
    extra: dict = field(default_factory=dict, compare=False)

    def without_dates(self) -> EventFilters:
        """The same filters over the whole time range (for the timeline behind a brush)."""
        values = {f.name: getattr(self, f.name) for f in fields(self)}
        values.update(date_from=None, date_to=None)
        return EventFilters(**values)

    @property
    def needs_articles(self) -> bool:
        """True when a condition reads the articles table (outlet, free text over titles)."""
        return bool(self.outlet) or bool(self.q)


def parse_bbox(text: str | None) -> tuple[float, float, float, float] | None:
    """Parse `west,south,east,north` in degrees; raise FilterError on anything else."""
    if text is None or text == "":
        return None
    parts = text.split(",")
    if len(parts) != 4:
        raise FilterError(f"bbox must be west,south,east,north (4 numbers), got {text!r}")
    try:
        west, south, east, north = (float(part) for part in parts)
    except ValueError:
        raise FilterError(f"bbox must hold 4 numbers, got {text!r}") from None
    if not (-180 <= west <= 180 and -180 <= east <= 180 and -90 <= south <= north <= 90):
        raise FilterError(f"bbox out of range or south > north: {text!r}")
    return west, south, east, north


def split_values(values: list[str] | None) -> tuple[str, ...]:
    """Accept repeated parameters and comma-separated lists; drop blanks; cap lengths."""
    out: list[str] = []
    for value in values or []:
        for part in value.split(","):
            part = part.strip()
            if len(part) > MAX_TEXT:
                raise FilterError(f"filter value longer than {MAX_TEXT} characters")
            if part:
                out.append(part)
    return tuple(out)


def make_filters(
    *,
    date_from: date | None = None,
    date_to: date | None = None,
    bbox: str | None = None,
    country: list[str] | None = None,
    admin1: list[str] | None = None,
    event_type: list[str] | None = None,
    sub_event_type: list[str] | None = None,
    actor: str | None = None,
    outlet: list[str] | None = None,
    q: str | None = None,
) -> EventFilters:
    """Build validated filters from raw parameter values."""
    if date_from and date_to and date_from > date_to:
        raise FilterError(f"date_from {date_from} is after date_to {date_to}")
    for name, text in (("actor", actor), ("q", q)):
        if text is not None and len(text) > MAX_TEXT:
            raise FilterError(f"{name} longer than {MAX_TEXT} characters")
    return EventFilters(
        date_from=date_from,
        date_to=date_to,
        bbox=parse_bbox(bbox),
        country=split_values(country),
        admin1=split_values(admin1),
        event_type=split_values(event_type),
        sub_event_type=split_values(sub_event_type),
        actor=(actor or "").strip() or None,
        outlet=split_values(outlet),
        q=(q or "").strip() or None,
    )


def _contains(column, text: str) -> ColumnElement[bool]:
    """Case-insensitive substring match with LIKE wildcards in the user's text escaped."""
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return column.ilike(f"%{escaped}%", escape="\\")


def conditions(filters: EventFilters) -> list[ColumnElement[bool]]:
    """The WHERE conditions of the filters (bound parameters only, never formatted SQL)."""
    found: list[ColumnElement[bool]] = []
    if filters.date_from:
        found.append(events.c.event_date >= filters.date_from)
    if filters.date_to:
        found.append(events.c.event_date <= filters.date_to)
    if filters.bbox:
        west, south, east, north = filters.bbox
        found.append(events.c.latitude.between(south, north))
        if west <= east:
            found.append(events.c.longitude.between(west, east))
        else:  # the box crosses the antimeridian
            found.append(or_(events.c.longitude >= west, events.c.longitude <= east))
    if filters.country:
        upper = [value.upper() for value in filters.country]
        found.append(or_(events.c.country.in_(filters.country), events.c.iso3.in_(upper)))
    if filters.admin1:
        found.append(events.c.admin1.in_(filters.admin1))
    if filters.event_type:
        found.append(events.c.event_type.in_(filters.event_type))
    if filters.sub_event_type:
        found.append(events.c.sub_event_type.in_(filters.sub_event_type))
    if filters.actor:
        found.append(or_(*(_contains(column, filters.actor) for column in (
            events.c.actor1, events.c.actor2, events.c.assoc_actor_1, events.c.assoc_actor_2))))
    if filters.outlet:
        found.append(articles.c.outlet.in_(filters.outlet))
    if filters.q:
        found.append(or_(*(_contains(column, filters.q) for column in (
            events.c.location, events.c.admin1, events.c.country, events.c.actor1, events.c.actor2,
            events.c.source, events.c.sub_event_type, articles.c.title))))
    return found


def where(query, filters: EventFilters):
    """Add the filters to a SELECT over events, joining articles only when a condition needs it."""
    if filters.needs_articles:
        query = query.select_from(events.join(articles, articles.c.id == events.c.article_id))
    found = conditions(filters)
    return query.where(and_(*found)) if found else query
