"""Export events as JSON lines: the full nested event plus ACLED's flat fields at the top level.

Each line is `event.model_dump(mode="json")` (nested actor1, actor2, location, claim, evidence,
...) with the flat ACLED fields that the event does not already hold added beside them: year,
country, admin1, admin2, iso, iso3, region, latitude, longitude, geo_precision, source, notes,
disorder_type and civilian_targeting. Names the event already uses (actor1, location,
fatalities, ...) keep the event's value, so dropping the added keys gives back the event.
Unknown values are null, not ACLED's 0.
"""

from __future__ import annotations

import json
from typing import Any, Iterable, Mapping, TextIO

from veille.export.acled import acled_fields
from veille.records import Article, Event

# ACLED placeholders veille never fills, and the id the event already carries as `id`.
OMITTED_ACLED_FIELDS = frozenset({"event_id_cnty", "admin3", "source_scale", "tags"})


def flat_acled_fields(event: Event, article: Article | None) -> dict[str, Any]:
    """Return the ACLED fields to add beside the nested event (names the event lacks)."""
    fields = acled_fields(event, article)
    return {
        name: value
        for name, value in fields.items()
        if name not in Event.model_fields and name not in OMITTED_ACLED_FIELDS
    }


def event_to_json_line(event: Event, article: Article | None = None) -> dict[str, Any]:
    """Return the JSON object of one event: the nested record, then the flat ACLED fields."""
    line = event.model_dump(mode="json")
    line.update(flat_acled_fields(event, article))
    return line


def write_events_jsonl(
    events: Iterable[Event], out: TextIO, articles_by_id: Mapping[str, Article] | None = None
) -> int:
    """Write one JSON object per line (UTF-8 text, not ASCII-escaped); return the number of lines."""
    articles = articles_by_id or {}
    count = 0
    for event in events:
        line = event_to_json_line(event, articles.get(event.article_id))
        out.write(json.dumps(line, ensure_ascii=False) + "\n")
        count += 1
    return count
