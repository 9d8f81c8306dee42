"""Events as JSON lines with the id of the incident each belongs to."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import TextIO

from veille.export.jsonl import event_to_json_line
from veille.records import Article, Event


def write_events_with_incidents(
    events: list[Event], out: TextIO, articles: Mapping[str, Article], incident_of: Mapping[str, str]
) -> int:
    """Write one JSON object per event with an `incident` key; return the number of lines."""
    for event in events:
        line = event_to_json_line(event, articles.get(event.article_id))
        line["incident"] = incident_of.get(event.id)
        out.write(json.dumps(line, ensure_ascii=False) + "\n")
    return len(events)


def write_resolved_jsonl(events: list[Event], out: TextIO, articles: Mapping[str, Article]) -> int:
    """Resolve the events into incidents, then write them as JSON lines with their incident id."""
    from veille.resolve.incidents import incident_by_event, resolve_events

    return write_events_with_incidents(events, out, articles, incident_by_event(resolve_events(events, articles)))
