"""Open the database: turn a path or URL into an engine, with SQLite tuned for concurrent runs."""

from __future__ import annotations

import importlib.util
from pathlib import Path

from sqlalchemy import Engine, Table, create_engine, event, insert
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import URL, make_url
from sqlalchemy.sql.dml import Insert

SQLITE_BUSY_TIMEOUT_MS = 30_000


def database_url(url_or_path: str | Path) -> URL:
    """Return the SQLAlchemy URL for a URL string or a plain file path such as `veille.db`."""
    text = str(url_or_path)
    if "://" in text:
        return _with_installed_postgres_driver(make_url(text))
    path = Path(text).expanduser().resolve()
    path.parent.mkdir(parents=True, exist_ok=True)
    return URL.create("sqlite", database=str(path))


def _with_installed_postgres_driver(url: URL) -> URL:
    """Use psycopg 3 for a bare `postgresql://` URL when psycopg2 is absent but psycopg is there."""
    if url.drivername != "postgresql":
        return url
    if importlib.util.find_spec("psycopg2") is None and importlib.util.find_spec("psycopg") is not None:
        return url.set(drivername="postgresql+psycopg")
    return url


def open_engine(url_or_path: str | Path) -> Engine:
    """Create the engine; SQLite connections get WAL journaling, foreign keys and a busy timeout."""
    url = database_url(url_or_path)
    engine = create_engine(url)
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _configure_sqlite_connection)
    return engine


def _configure_sqlite_connection(dbapi_connection, _connection_record) -> None:
    """Set per-connection SQLite pragmas (they are not persisted, except the journal mode)."""
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA journal_mode=WAL")
        # WAL makes NORMAL safe against corruption; only the last commits can be lost on power cut.
        cursor.execute("PRAGMA synchronous=NORMAL")
    finally:
        cursor.close()


def insert_ignoring_duplicates(table: Table, dialect_name: str) -> Insert:
    """Return an INSERT that skips rows whose primary key already exists, where the dialect can."""
    if dialect_name == "sqlite":
        return sqlite.insert(table).on_conflict_do_nothing()
    if dialect_name == "postgresql":
        return postgresql.insert(table).on_conflict_do_nothing()
    return insert(table)
