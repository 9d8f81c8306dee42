"""Build Incident records from clusters of events: merged values, their reports, sources, disagreements."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping
from datetime import datetime, timezone
from typing import Any

from veille.records import Article, Disagreement, Event, Incident, Place, ReportedValue
from veille.resolve.clustering import cluster_reports
from veille.resolve.compatibility import report_of
from veille.resolve.sources import independent_source_groups

COUNT_FIELDS = ("fatalities", "injured", "arrested")
MERGED_FIELDS = ("event_type", "sub_event_type", "event_date", "location", "actor1", "actor2", *COUNT_FIELDS)


def _field_value(event: Event, name: str) -> Any:
    value = getattr(event, name)
    if name in {"actor1", "actor2"}:
        return value.name if value else None
    if name == "location":
        return value.name if value else None
    if name == "event_date":
        return value.isoformat() if value else None
    return value


def _sort_key(event: Event, articles: Mapping[str, Article]) -> tuple:
    published = _published(articles.get(event.article_id))
    return (published is None, published or datetime.min.replace(tzinfo=timezone.utc), event.id)


def _published(article: Article | None) -> datetime | None:
    if article is None or article.published is None:
        return None
    stamp = article.published
    return stamp if stamp.tzinfo else stamp.replace(tzinfo=timezone.utc)


def reported_values(events: list[Event], name: str) -> list[ReportedValue]:
    """Every value the events give for a field, with the events giving it, most reported first."""
    by_value: dict[Any, list[str]] = {}
    for event in events:
        value = _field_value(event, name)
        if value is not None:
            by_value.setdefault(value, []).append(event.id)
    ordered = sorted(by_value.items(), key=lambda item: -len(item[1]))  # stable: ties keep first report first
    return [ReportedValue(value=value, reports=reports) for value, reports in ordered]


def _merged_location(events: list[Event], values: list[ReportedValue]) -> Place | None:
    """The most reported place name, and among its reports the most precise Place."""
    if not values:
        return None
    wanted = set(values[0].reports)
    places = [e.location for e in events if e.id in wanted and e.location is not None]
    return min(places, key=lambda place: place.geo_precision)


def build_incident(events: list[Event], articles: Mapping[str, Article]) -> Incident:
    """Merge the events of one cluster into an Incident; counts follow ACLED: the lowest figure reported."""
    events = sorted(events, key=lambda event: _sort_key(event, articles))
    values = {name: reported_values(events, name) for name in MERGED_FIELDS}
    merged: dict[str, Any] = {}
    for name in MERGED_FIELDS:
        options = values[name]
        if name in COUNT_FIELDS:
            merged[name] = min((option.value for option in options), default=None)
        elif name != "location":
            merged[name] = options[0].value if options else None
    article_ids = list(dict.fromkeys(event.article_id for event in events))
    groups = independent_source_groups(events, articles)
    first = events[0]
    return Incident(
        id="inc-" + hashlib.sha256(first.id.encode("utf-8")).hexdigest()[:16],
        event_ids=[event.id for event in events],
        article_ids=article_ids,
        event_type=merged["event_type"],
        sub_event_type=merged["sub_event_type"],
        event_date=merged["event_date"],
        location=_merged_location(events, values["location"]),
        actor1=merged["actor1"],
        actor2=merged["actor2"],
        fatalities=merged["fatalities"],
        injured=merged["injured"],
        arrested=merged["arrested"],
        values={name: options for name, options in values.items() if options},
        n_reports=len(article_ids),
        n_independent_sources=len(groups),
        sources=[" / ".join(group) for group in groups],
        first_reported=_published(articles.get(first.article_id)),
        first_report=first.article_id,
        disagreements=[Disagreement(field=name, values=options) for name, options in values.items()
                       if len(options) > 1],
    )


def article_places(events: list[Event]) -> dict[str, Place]:
    """The place of each article's first located event: where its unplaced events most likely happened."""
    places: dict[str, tuple[int, Place]] = {}
    for event in events:
        if event.location is None or event.location.latitude is None:
            continue
        position = event.trigger.start if event.trigger else 0
        known = places.get(event.article_id)
        if known is None or position < known[0]:
            places[event.article_id] = (position, event.location)
    return {article_id: place for article_id, (_, place) in places.items()}


def resolve_events(events: Iterable[Event], articles: Mapping[str, Article] | None = None) -> list[Incident]:
    """Link events into incidents; `articles` (by id) gives outlets, publication times and texts."""
    articles = articles or {}
    events = list(events)
    context = article_places(events)
    reports = [report_of(i, event, _published(articles.get(event.article_id)), context.get(event.article_id))
               for i, event in enumerate(events)]
    return [build_incident([events[i] for i in cluster], articles) for cluster in cluster_reports(reports)]


def incident_by_event(incidents: Iterable[Incident]) -> dict[str, str]:
    """Map every event id to the id of its incident."""
    return {event_id: incident.id for incident in incidents for event_id in incident.event_ids}
