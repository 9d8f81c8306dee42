"""Read the stored events that match export filters (the same filters as the API), in date order."""

from __future__ import annotations

from typing import Iterator

from sqlalchemy import select

from veille.records import Event
from veille.store import Store
from veille.store.rows import row_to_event
from veille.store.schema import events
from veille.web.filters import EventFilters, where


def filtered_events(store: Store, filters: EventFilters, batch_size: int = 1000) -> Iterator[Event]:
    """Yield the matching events ordered by date (undated last), then id, fetched in batches."""
    query = where(select(events.c.record), filters)
    query = query.order_by(events.c.event_date.is_(None), events.c.event_date, events.c.id)
    with store.engine.connect() as conn:
        for row in conn.execution_options(yield_per=batch_size).execute(query).mappings():
            yield row_to_event(row)
