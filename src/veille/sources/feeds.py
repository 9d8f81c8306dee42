"""Read RSS and Atom feed files into Articles: one per entry, from its content or summary."""

from __future__ import annotations

import calendar
from collections.abc import Iterator
from datetime import datetime, timezone
from typing import Any

import feedparser
import lxml.etree
import lxml.html

from veille.records import Article, Failure
from veille.sources.failures import read_failure
from veille.sources.metadata import ArticleDefaults, build_article


def read_feed(data: bytes, source: str, defaults: ArticleDefaults) -> Iterator[Article | Failure]:
    """Yield an Article or Failure per feed entry; a feed that cannot be parsed is one Failure."""
    if not data.strip():
        yield read_failure(source, "empty file")
        return
    try:
        parsed = feedparser.parse(data, sanitize_html=False, resolve_relative_uris=False)
    except Exception as error:  # noqa: BLE001 - feedparser's SAX fallbacks raise many kinds
        yield read_failure(source, f"cannot parse feed: {type(error).__name__}", detail=str(error))
        return
    if not parsed.entries:
        problem = parsed.get("bozo_exception")
        reason = f"malformed feed: {problem}" if problem else "no entries in the feed"
        yield read_failure(source, reason)
        return
    outlet = parsed.feed.get("title") or None
    for number, entry in enumerate(parsed.entries, start=1):
        yield entry_article(entry, f"{source}#{number}", outlet, defaults)


def entry_article(entry: Any, source: str, outlet: str | None, defaults: ArticleDefaults) -> Article | Failure:
    """Return the Article of one feed entry: its full content when given, else its summary."""
    body = entry_text(entry)
    if not body.strip():
        return read_failure(source, "feed entry has no content or summary")
    title = entry.get("title")
    fields = {
        "url": entry.get("link"),
        "title": title,
        "outlet": outlet,
        "published": entry_date(entry),
        "language": None,
    }
    return build_article(fields, body, source, defaults)


def entry_text(entry: Any) -> str:
    """The entry's longest content block (or summary), as plain text."""
    blocks = [block.get("value", "") for block in entry.get("content", []) or []]
    blocks.append(entry.get("summary", "") or "")
    best = max(blocks, key=len)
    if "<" not in best:
        return best
    return fragment_text(best)


BLOCK_TAGS = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr", "section", "article"}


def fragment_text(html: str) -> str:
    """Plain text of an HTML fragment, one line per block element; scripts and styles dropped."""
    try:
        root = lxml.html.fragment_fromstring(html, create_parent="div")
    except (lxml.etree.ParserError, ValueError):
        return ""
    for element in root.iter("script", "style"):
        element.drop_tree()
    for element in root.iter():
        if isinstance(element.tag, str) and element.tag.lower() in BLOCK_TAGS:
            element.tail = "\n" + (element.tail or "")
    return root.text_content()


def entry_date(entry: Any) -> datetime | None:
    """The entry's publication (else update) time as naive UTC, from feedparser's parsed struct."""
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        value = entry.get(key)
        if value:
            try:
                return datetime.fromtimestamp(calendar.timegm(value), tz=timezone.utc).replace(tzinfo=None)
            except (OverflowError, ValueError, OSError):
                continue
    return None
