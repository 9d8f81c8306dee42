"""Resolve every event of a store into incidents and save them with their event links."""

from __future__ import annotations

from veille.records import Incident
from veille.resolve.incidents import resolve_events
from veille.store import Store


def resolve_store(store: Store) -> list[Incident]:
    """Rebuild the store's incidents from all its events; returns them."""
    events = list(store.iter_events())
    articles = store.articles_by_id({event.article_id for event in events})
    found = resolve_events(events, articles)
    store.replace_incidents(found)
    return found
