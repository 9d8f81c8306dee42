"""Export events as PLOVER JSON: one object per event with PLOVER's type, mode, actors and place."""

from __future__ import annotations

import json
from typing import Any, Iterable, Mapping, TextIO

from veille.export.notes import event_notes
from veille.records import Actor, Article, Event


def _actor(actor: Actor | None) -> str | None:
    return actor.name if actor is not None else None


def _country(actor: Actor | None) -> str | None:
    return actor.country if actor is not None else None


def event_to_plover(event: Event, article: Article | None) -> dict[str, Any]:
    """The PLOVER record of an event (None where veille knows nothing)."""
    place = event.location
    return {
        "id": event.id,
        "date": event.event_date.isoformat() if event.event_date else None,
        "event_type": event.plover_type,
        "mode": event.plover_mode or None,
        "context": [],
        "actor": _actor(event.actor1),
        "actor_country": _country(event.actor1),
        "recipient": _actor(event.actor2),
        "recipient_country": _country(event.actor2),
        "location": None if place is None else {
            "name": place.name, "admin1": place.admin1, "admin2": place.admin2, "country": place.iso3,
            "lat": place.latitude, "lon": place.longitude, "geonameid": place.geonameid,
            "precision": place.geo_precision,
        },
        "fatalities": event.fatalities,
        "injured": event.injured,
        "arrested": event.arrested,
        "modality": event.modality,
        "acled_event_type": event.event_type,
        "acled_sub_event_type": event.sub_event_type,
        "source": [s.name for s in event.claim.chain] or ([article.outlet] if article and article.outlet else []),
        "article_id": event.article_id,
        "url": article.url if article else None,
        "text": event_notes(event, article),
        "confidence": event.confidence,
    }


def write_plover_json(events: Iterable[Event], articles_by_id: Mapping[str, Article], out: TextIO) -> int:
    """Write a JSON array of PLOVER records, streamed one event at a time; return the count."""
    count = 0
    out.write("[")
    for event in events:
        out.write(",\n" if count else "\n")
        out.write(json.dumps(event_to_plover(event, articles_by_id.get(event.article_id)), ensure_ascii=False))
        count += 1
    out.write("\n]\n")
    return count
