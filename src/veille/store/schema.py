"""The store's tables: articles, events, failures, skipped articles, runs and incidents (SQLAlchemy Core)."""

from __future__ import annotations

from datetime import datetime, timezone

from sqlalchemy import (
    JSON,
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
)
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.types import TypeDecorator

ARTICLE_STATUSES = ("processed", "skipped", "failed")


class UTCDateTime(TypeDecorator):
    """A timestamp stored in UTC and read back timezone-aware on every backend."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value, dialect):
        if value is None:
            return None
        if value.tzinfo is None:
            value = value.replace(tzinfo=timezone.utc)
        value = value.astimezone(timezone.utc)
        # SQLite keeps no offset: store the naive UTC wall time and restore the zone on read.
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value, dialect):
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=timezone.utc)
        return value.astimezone(timezone.utc)


class IsoDateTime(TypeDecorator):
    """A datetime kept as its ISO 8601 text, so naive and zoned values round-trip unchanged."""

    impl = String(40)
    cache_ok = True

    def process_bind_param(self, value, dialect):
        return None if value is None else value.isoformat()

    def process_result_value(self, value, dialect):
        return None if value is None else datetime.fromisoformat(value)


# JSONB on PostgreSQL (indexable, compact), plain JSON text elsewhere.
Json = JSON().with_variant(JSONB(), "postgresql")

metadata = MetaData()

runs = Table(
    "runs",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("started_at", UTCDateTime, nullable=False),
    Column("finished_at", UTCDateTime),
    Column("n_articles", Integer, nullable=False, default=0),
    Column("n_events", Integer, nullable=False, default=0),
    Column("n_failures", Integer, nullable=False, default=0),
    Column("n_skipped", Integer, nullable=False, default=0),
    Column("arguments", Json),
)

articles = Table(
    "articles",
    metadata,
    Column("id", String, primary_key=True),
    Column("url", Text),
    Column("outlet", String),
    Column("published", IsoDateTime),
    Column("language", String(16)),
    Column("title", Text),
    Column("text", Text, nullable=False),
    Column("source_path", Text),
    Column("status", String(16), nullable=False),
    Column("n_events", Integer, nullable=False, default=0),
    Column("processed_at", UTCDateTime, nullable=False),
    Index("ix_articles_status", "status"),
)

events = Table(
    "events",
    metadata,
    Column("id", String, primary_key=True),
    Column("article_id", String, ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
    Column("event_type", String, nullable=False),
    Column("sub_event_type", String, nullable=False),
    Column("plover_type", String),
    Column("plover_mode", String),
    Column("event_date", Date),
    Column("time_precision", Integer),
    Column("actor1", String),
    Column("assoc_actor_1", String),
    Column("actor2", String),
    Column("assoc_actor_2", String),
    Column("inter1", Integer),
    Column("inter2", Integer),
    Column("interaction", Integer),
    Column("country", String),
    Column("iso3", String(3)),
    Column("admin1", String),
    Column("admin2", String),
    Column("location", String),
    Column("latitude", Float),
    Column("longitude", Float),
    Column("geo_precision", Integer),
    Column("fatalities", Integer),
    Column("injured", Integer),
    Column("arrested", Integer),
    Column("modality", String(16), nullable=False),
    Column("confidence", Float, nullable=False),
    Column("source", Text),
    Column("record", Json, nullable=False),
    Index("ix_events_event_date", "event_date"),
    Index("ix_events_sub_event_type", "sub_event_type"),
    Index("ix_events_iso3", "iso3"),
    Index("ix_events_article_id", "article_id"),
    # Covers the viewer's usual filters inside a date range, so counts need not read the rows.
    Index("ix_events_date_filters", "event_date", "event_type", "sub_event_type", "iso3", "country", "admin1"),
)

# No foreign key to articles: a failure may concern an article that never got stored.
failures = Table(
    "failures",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("run_id", Integer, ForeignKey("runs.id")),
    Column("article_id", String),
    Column("source", Text, nullable=False),
    Column("stage", String, nullable=False),
    Column("message", Text, nullable=False),
    Column("detail", Text),
    Column("created_at", UTCDateTime, nullable=False),
    Index("ix_failures_run_id", "run_id"),
)

skipped = Table(
    "skipped",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("run_id", Integer, ForeignKey("runs.id")),
    Column("article_id", String, nullable=False),
    Column("source", Text, nullable=False),
    Column("reason", Text, nullable=False),
    Column("language", String(16)),
    Column("created_at", UTCDateTime, nullable=False),
    Index("ix_skipped_run_id", "run_id"),
)

# Incidents are rebuilt by each resolution: the whole record as JSON, flat columns for filtering.
incidents = Table(
    "incidents",
    metadata,
    Column("id", String, primary_key=True),
    Column("event_type", String, nullable=False),
    Column("sub_event_type", String, nullable=False),
    Column("event_date", Date),
    Column("iso3", String(3)),
    Column("location", String),
    Column("latitude", Float),
    Column("longitude", Float),
    Column("fatalities", Integer),
    Column("n_reports", Integer, nullable=False),
    Column("n_independent_sources", Integer, nullable=False),
    Column("first_reported", UTCDateTime),
    Column("record", Json, nullable=False),
    Index("ix_incidents_event_date", "event_date"),
)

# No foreign keys: links are replaced wholesale by each resolution, after events may have changed.
incident_events = Table(
    "incident_events",
    metadata,
    Column("event_id", String, primary_key=True),
    Column("incident_id", String, nullable=False),
    Index("ix_incident_events_incident_id", "incident_id"),
)
