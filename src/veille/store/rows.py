"""Convert records to table rows and back: Article, Event, Failure and Skipped."""

from __future__ import annotations

from datetime import datetime
from typing import Any, Mapping

from veille.records import Actor, Article, Event, Failure, Skipped

ARTICLE_FIELDS = ("id", "url", "outlet", "published", "language", "title", "text", "source_path")
FAILURE_FIELDS = ("article_id", "source", "stage", "message", "detail")
SKIPPED_FIELDS = ("article_id", "source", "reason", "language")
CLAIM_SOURCE_SEPARATOR = "; "


def article_row(article: Article, *, status: str, n_events: int, processed_at: datetime) -> dict[str, Any]:
    """Return the `articles` row of an article."""
    row = {name: getattr(article, name) for name in ARTICLE_FIELDS}
    row.update(status=status, n_events=n_events, processed_at=processed_at)
    return row


def row_to_article(row: Mapping[str, Any]) -> Article:
    """Rebuild an Article from its `articles` row."""
    return Article(**{name: row[name] for name in ARTICLE_FIELDS})


def claim_sources(event: Event) -> str:
    """Return the claim chain as ACLED writes sources: names joined by '; ', outlet first."""
    return CLAIM_SOURCE_SEPARATOR.join(source.name for source in event.claim.chain)


def _actor_name(actor: Actor | None) -> str | None:
    return actor.name if actor is not None else None


def event_row(event: Event) -> dict[str, Any]:
    """Return the `events` row: flat columns for filtering plus the whole event as JSON."""
    place = event.location
    return {
        "id": event.id,
        "article_id": event.article_id,
        "event_type": event.event_type,
        "sub_event_type": event.sub_event_type,
        "plover_type": event.plover_type,
        "plover_mode": event.plover_mode,
        "event_date": event.event_date,
        "time_precision": event.time_precision,
        "actor1": _actor_name(event.actor1),
        "assoc_actor_1": _actor_name(event.assoc_actor_1),
        "actor2": _actor_name(event.actor2),
        "assoc_actor_2": _actor_name(event.assoc_actor_2),
        "inter1": event.inter1,
        "inter2": event.inter2,
        "interaction": event.interaction,
        "country": place.country if place else None,
        "iso3": place.iso3 if place else None,
        "admin1": place.admin1 if place else None,
        "admin2": place.admin2 if place else None,
        "location": place.name if place else None,
        "latitude": place.latitude if place else None,
        "longitude": place.longitude if place else None,
        "geo_precision": place.geo_precision if place else None,
        "fatalities": event.fatalities,
        "injured": event.injured,
        "arrested": event.arrested,
        "modality": event.modality,
        "confidence": event.confidence,
        "source": claim_sources(event) or None,
        "record": event.model_dump(mode="json"),
    }


def row_to_event(row: Mapping[str, Any]) -> Event:
    """Rebuild an Event from the JSON `record` column of its row."""
    return Event.model_validate(row["record"])


def failure_row(failure: Failure, *, run_id: int | None, created_at: datetime) -> dict[str, Any]:
    """Return the `failures` row of a failure."""
    row = {name: getattr(failure, name) for name in FAILURE_FIELDS}
    row.update(run_id=run_id, created_at=created_at)
    return row


def row_to_failure(row: Mapping[str, Any]) -> Failure:
    """Rebuild a Failure from its row."""
    return Failure(**{name: row[name] for name in FAILURE_FIELDS})


def skipped_row(skipped: Skipped, *, run_id: int | None, created_at: datetime) -> dict[str, Any]:
    """Return the `skipped` row of a skipped article."""
    row = {name: getattr(skipped, name) for name in SKIPPED_FIELDS}
    row.update(run_id=run_id, created_at=created_at)
    return row


def row_to_skipped(row: Mapping[str, Any]) -> Skipped:
    """Rebuild a Skipped record from its row."""
    return Skipped(**{name: row[name] for name in SKIPPED_FIELDS})
