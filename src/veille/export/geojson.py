"""Export located events as a GeoJSON FeatureCollection of points with the flat ACLED fields."""

from __future__ import annotations

import json
from typing import Any, Iterable, Mapping, TextIO

from veille.export.jsonl import flat_acled_fields
from veille.records import Article, Event

PROPERTY_FIELDS = ("id", "article_id", "event_type", "sub_event_type", "plover_type", "plover_mode",
                   "interaction", "fatalities", "injured", "arrested", "modality", "confidence")


def event_to_feature(event: Event, article: Article | None) -> dict[str, Any] | None:
    """The GeoJSON Feature of an event, or None when it has no coordinates."""
    place = event.location
    if place is None or place.latitude is None or place.longitude is None:
        return None
    properties: dict[str, Any] = {name: getattr(event, name) for name in PROPERTY_FIELDS}
    properties["event_date"] = event.event_date.isoformat() if event.event_date else None
    for role in ("actor1", "assoc_actor_1", "actor2", "assoc_actor_2"):
        actor = getattr(event, role)
        properties[role] = actor.name if actor else None
    properties["location"] = place.name
    properties.update({k: v for k, v in flat_acled_fields(event, article).items() if k not in ("latitude", "longitude")})
    return {"type": "Feature", "id": event.id, "properties": properties,
            "geometry": {"type": "Point", "coordinates": [place.longitude, place.latitude]}}


def write_geojson(events: Iterable[Event], articles_by_id: Mapping[str, Article], out: TextIO) -> int:
    """Write the FeatureCollection, streamed; events without coordinates are left out. Return the count."""
    count = 0
    out.write('{"type": "FeatureCollection", "features": [')
    for event in events:
        feature = event_to_feature(event, articles_by_id.get(event.article_id))
        if feature is None:
            continue
        out.write(",\n" if count else "\n")
        out.write(json.dumps(feature, ensure_ascii=False, default=str))
        count += 1
    out.write("\n]}\n")
    return count
