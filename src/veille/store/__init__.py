"""Storage of articles, events, failures and runs: SQLite by default, PostgreSQL by URL."""

from veille.store.database import Store

__all__ = ["Store"]
