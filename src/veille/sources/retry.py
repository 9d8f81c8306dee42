"""What `veille run --retry-failures` reads again: failed articles kept in the store, and failed input files."""

from __future__ import annotations

import re
from pathlib import Path

from sqlalchemy import select

from veille.records import Article
from veille.sources.fetch import is_url
from veille.store import Store
from veille.store.rows import row_to_article
from veille.store.schema import articles, failures

# A failure's source names a line, entry, record or member of a file: "a.jsonl:3", "feed.rss#2", "b.zip!x.txt".
PART_SUFFIX = re.compile(r"(?:![^!]*|#\d+(?: \S+)?|:\d+)$")


def failed_articles(store: Store) -> list[Article]:
    """The stored articles whose last processing failed (their text is in the store)."""
    with store.engine.connect() as conn:
        rows = conn.execute(select(articles).where(articles.c.status == "failed").order_by(articles.c.id)).mappings()
        return [row_to_article(row) for row in rows]


def failed_inputs(store: Store) -> list[str]:
    """The files and URLs whose reading failed and that still exist, each once, in first-failure order."""
    query = select(failures.c.source).where(failures.c.stage == "read").order_by(failures.c.id)
    with store.engine.connect() as conn:
        sources = [row[0] for row in conn.execute(query)]
    found: dict[str, None] = {}
    for source in sources:
        path = source if is_url(source) else PART_SUFFIX.sub("", source)
        if is_url(path) or Path(path).is_file():
            found.setdefault(path, None)
    return list(found)
