"""The Store: save and read articles, events, failures, skipped articles and runs."""

from __future__ import annotations

import json
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Iterable, Iterator, Sequence

from sqlalchemy import Connection, delete, func, insert, select, update

from veille.records import Article, Event, Failure, Incident, Skipped
from veille.store.connection import insert_ignoring_duplicates, open_engine
from veille.store.incidents import read_incident_links, read_incidents, replace_incidents
from veille.store.rows import (
    article_row,
    event_row,
    failure_row,
    row_to_article,
    row_to_event,
    row_to_failure,
    row_to_skipped,
    skipped_row,
)
from veille.store.schema import articles, events, failures, metadata, runs, skipped

RUN_COUNTS = ("n_articles", "n_events", "n_failures", "n_skipped")
# Stays well under SQLite's bound-parameter limit in `IN (...)` clauses.
ID_CHUNK = 500


def _now() -> datetime:
    return datetime.now(timezone.utc)


def _chunks(values: Sequence[str], size: int = ID_CHUNK) -> Iterator[Sequence[str]]:
    for start in range(0, len(values), size):
        yield values[start : start + size]


def _json_safe(value: Any) -> Any:
    """Return a JSON-compatible copy; paths, dates and other objects become their text."""
    return json.loads(json.dumps(value, default=str))


class Store:
    """Events and their articles in a SQLite file (default) or any SQLAlchemy URL such as PostgreSQL."""

    def __init__(self, url_or_path: str | Path):
        self.engine = open_engine(url_or_path)
        metadata.create_all(self.engine)

    @property
    def url(self) -> str:
        """The database URL, password hidden."""
        return self.engine.url.render_as_string(hide_password=True)

    # Runs

    def start_run(self, arguments: dict) -> int:
        """Record the start of a run with its arguments and return the run id."""
        with self.engine.begin() as conn:
            result = conn.execute(insert(runs).values(started_at=_now(), arguments=_json_safe(arguments)))
            return int(result.inserted_primary_key[0])

    def finish_run(self, run_id: int, counts: dict) -> None:
        """Record the end of a run; n_failures and n_skipped default to what the run stored."""
        unknown = set(counts) - set(RUN_COUNTS)
        if unknown:
            raise ValueError(f"unknown run counts {sorted(unknown)}; expected some of {RUN_COUNTS}")
        with self.engine.begin() as conn:
            values: dict[str, Any] = {"finished_at": _now()}
            if "n_failures" not in counts:
                values["n_failures"] = self._count(conn, failures, run_id)
            if "n_skipped" not in counts:
                values["n_skipped"] = self._count(conn, skipped, run_id)
            values.update({name: int(count) for name, count in counts.items()})
            result = conn.execute(update(runs).where(runs.c.id == run_id).values(**values))
            if result.rowcount == 0:
                raise KeyError(f"no run with id {run_id}")

    def run(self, run_id: int) -> dict[str, Any] | None:
        """Return a run's row as a dict, or None."""
        with self.engine.connect() as conn:
            row = conn.execute(select(runs).where(runs.c.id == run_id)).mappings().first()
        return dict(row) if row is not None else None

    # Writes

    def save_article_events(self, article: Article, events: list[Event]) -> None:
        """Store an article and its events in one transaction, replacing what it had before."""
        self.save_many([(article, events)])

    def save_many(self, items: Iterable[tuple[Article, list[Event]]]) -> None:
        """Store a batch of articles and their events in one transaction; an article's last copy wins."""
        batch: dict[str, tuple[Article, list[Event]]] = {}
        for article, article_events in items:
            batch[article.id] = (article, _unique_events(article, article_events))
        if not batch:
            return
        with self.engine.begin() as conn:
            self._replace_articles(conn, [(article, found, "processed") for article, found in batch.values()])

    def save_skipped(self, skipped_article: Skipped, article: Article | None, run_id: int | None) -> None:
        """Record a skipped article; when the article is given, store it with status 'skipped'."""
        with self.engine.begin() as conn:
            conn.execute(insert(skipped), [skipped_row(skipped_article, run_id=run_id, created_at=_now())])
            if article is not None:
                self._replace_articles(conn, [(article, [], "skipped")])

    def save_failure(self, failure: Failure, run_id: int | None, article: Article | None = None) -> None:
        """Record a failure; when the article is given, store it with status 'failed' and no events."""
        with self.engine.begin() as conn:
            conn.execute(insert(failures), [failure_row(failure, run_id=run_id, created_at=_now())])
            if article is not None:
                self._replace_articles(conn, [(article, [], "failed")])

    def _replace_articles(self, conn: Connection, batch: list[tuple[Article, list[Event], str]]) -> None:
        """Delete the articles' old rows and events, then insert the new ones."""
        ids = [article.id for article, _, _ in batch]
        for chunk in _chunks(ids):
            conn.execute(delete(events).where(events.c.article_id.in_(chunk)))
            conn.execute(delete(articles).where(articles.c.id.in_(chunk)))
        now = _now()
        article_rows = [
            article_row(article, status=status, n_events=len(found), processed_at=now)
            for article, found, status in batch
        ]
        conn.execute(insert(articles), article_rows)
        event_rows = [event_row(event) for _, found, _ in batch for event in found]
        if event_rows:
            conn.execute(insert_ignoring_duplicates(events, conn.dialect.name), event_rows)

    # Reads

    def has_article(self, article_id: str) -> bool:
        """True when the article was processed or skipped before; failed articles are retried."""
        query = select(articles.c.id).where(articles.c.id == article_id, articles.c.status != "failed")
        with self.engine.connect() as conn:
            return conn.execute(query).first() is not None

    def article(self, article_id: str) -> Article | None:
        """Return a stored article, or None."""
        with self.engine.connect() as conn:
            row = conn.execute(select(articles).where(articles.c.id == article_id)).mappings().first()
        return row_to_article(row) if row is not None else None

    def article_status(self, article_id: str) -> str | None:
        """Return 'processed', 'skipped' or 'failed' for a stored article, or None."""
        with self.engine.connect() as conn:
            return conn.execute(select(articles.c.status).where(articles.c.id == article_id)).scalar()

    def articles_by_id(self, article_ids: Iterable[str]) -> dict[str, Article]:
        """Return the stored articles among the given ids, keyed by id (for exports)."""
        wanted = sorted(set(article_ids))
        found: dict[str, Article] = {}
        with self.engine.connect() as conn:
            for chunk in _chunks(wanted):
                for row in conn.execute(select(articles).where(articles.c.id.in_(chunk))).mappings():
                    found[row["id"]] = row_to_article(row)
        return found

    def events(self, *, limit: int | None = None, article_id: str | None = None) -> list[Event]:
        """Return stored events ordered by event date (undated last), then id."""
        return list(self.iter_events(limit=limit, article_id=article_id))

    def iter_events(
        self, *, limit: int | None = None, article_id: str | None = None, batch_size: int = 1000
    ) -> Iterator[Event]:
        """Yield stored events in `events()` order, fetching them in batches (for large exports)."""
        query = select(events.c.record).order_by(
            events.c.event_date.is_(None), events.c.event_date, events.c.id
        )
        if article_id is not None:
            query = query.where(events.c.article_id == article_id)
        if limit is not None:
            query = query.limit(limit)
        with self.engine.connect() as conn:
            result = conn.execution_options(yield_per=batch_size).execute(query).mappings()
            for row in result:
                yield row_to_event(row)

    def articles_count(self, status: str | None = None) -> int:
        """Number of stored articles, optionally only those with a status."""
        query = select(func.count()).select_from(articles)
        if status is not None:
            query = query.where(articles.c.status == status)
        with self.engine.connect() as conn:
            return int(conn.execute(query).scalar_one())

    def events_count(self) -> int:
        """Number of stored events."""
        with self.engine.connect() as conn:
            return int(conn.execute(select(func.count()).select_from(events)).scalar_one())

    def failures(self, run_id: int | None = None) -> list[Failure]:
        """Return recorded failures in the order they happened, optionally of one run."""
        query = select(failures).order_by(failures.c.id)
        if run_id is not None:
            query = query.where(failures.c.run_id == run_id)
        with self.engine.connect() as conn:
            return [row_to_failure(row) for row in conn.execute(query).mappings()]

    def skipped(self, run_id: int | None = None) -> list[Skipped]:
        """Return recorded skipped articles in the order they were skipped, optionally of one run."""
        query = select(skipped).order_by(skipped.c.id)
        if run_id is not None:
            query = query.where(skipped.c.run_id == run_id)
        with self.engine.connect() as conn:
            return [row_to_skipped(row) for row in conn.execute(query).mappings()]

    def skipped_count(self, run_id: int | None = None) -> int:
        """Number of skip records, optionally of one run."""
        with self.engine.connect() as conn:
            return self._count(conn, skipped, run_id)

    @staticmethod
    def _count(conn: Connection, table, run_id: int | None) -> int:
        query = select(func.count()).select_from(table)
        if run_id is not None:
            query = query.where(table.c.run_id == run_id)
        return int(conn.execute(query).scalar_one())

    # Incidents

    def replace_incidents(self, found: Iterable[Incident]) -> int:
        """Replace the stored incidents and their event links; returns how many were stored."""
        return replace_incidents(self.engine, found)

    def incidents(self) -> list[Incident]:
        """Return stored incidents, most reported first."""
        return read_incidents(self.engine)

    def incident_ids_by_event(self) -> dict[str, str]:
        """Return {event id: incident id} for every event linked to an incident."""
        return read_incident_links(self.engine)

    # Lifecycle

    def close(self) -> None:
        """Release the database connections."""
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()


def _unique_events(article: Article, article_events: Iterable[Event]) -> list[Event]:
    """Return the events once each (last copy of an id wins), checking they belong to the article."""
    unique: dict[str, Event] = {}
    for event in article_events:
        if event.article_id != article.id:
            raise ValueError(f"event {event.id} belongs to article {event.article_id}, not {article.id}")
        unique[event.id] = event
    return list(unique.values())
