"""Turn an input's metadata fields and text into an Article: id rules, defaults, dates."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, timezone
from email.utils import parsedate_to_datetime
from typing import Any

from dateutil.parser import isoparse

from veille.records import Article, Failure, normalise_text, text_id
from veille.sources.failures import read_failure

STRING_FIELDS = ("url", "outlet", "title", "language")


class MetadataError(ValueError):
    """A metadata value that cannot be used (wrong type, unparseable date)."""


@dataclass(frozen=True)
class ArticleDefaults:
    """Values used when an input gives none (from the command line)."""

    outlet: str | None = None
    published: datetime | None = None
    csv_columns: Mapping[str, str] | None = None  # article field -> CSV column, e.g. {"text": "body"}


def to_utc_naive(value: datetime) -> datetime:
    """Convert an aware datetime to naive UTC; a naive one is kept as given (its zone is unknown)."""
    if value.tzinfo is None or value.utcoffset() is None:
        return value.replace(tzinfo=None)
    return value.astimezone(timezone.utc).replace(tzinfo=None)


def parse_published(value: Any) -> datetime | None:
    """Parse a publication date: datetime, date, ISO 8601 string or RFC 2822 string (as in feeds)."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return to_utc_naive(value)
    if isinstance(value, date):
        return datetime(value.year, value.month, value.day)
    if not isinstance(value, str):
        raise MetadataError(f"invalid published date {value!r}: expected an ISO 8601 date")
    text = value.strip()
    try:
        return to_utc_naive(isoparse(text))
    except (ValueError, OverflowError):
        pass
    try:
        return to_utc_naive(parsedate_to_datetime(text))
    except (TypeError, ValueError, IndexError):
        raise MetadataError(f"invalid published date {value!r}: expected an ISO 8601 date") from None


def string_field(fields: Mapping[str, Any], name: str) -> str | None:
    """Return a metadata field as a stripped string (numbers and YAML dates too), or None when absent."""
    value = fields.get(name)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (str, int, float, date)):
        raise MetadataError(f"field '{name}' must be a string, not {type(value).__name__}")
    return str(value).strip() or None


def article_id(fields: Mapping[str, Any], text: str) -> str:
    """Return the input's own id when it gives one, else the sha256 id of the text."""
    given = string_field(fields, "id")
    return given if given is not None else text_id(text)


def build_article(
    fields: Mapping[str, Any], text: Any, source: str, defaults: ArticleDefaults
) -> Article | Failure:
    """Return the Article for one input, or a Failure when its text or metadata is unusable."""
    if not isinstance(text, str):
        return read_failure(source, f"field 'text' must be a string, not {type(text).__name__}")
    body = normalise_text(text)
    if not body:
        return read_failure(source, "empty article text")
    try:
        identifier = article_id(fields, body)
    except MetadataError as error:
        return read_failure(source, str(error), article_id=text_id(body))
    try:
        strings = {name: string_field(fields, name) for name in STRING_FIELDS}
        published = parse_published(fields.get("published"))
    except MetadataError as error:
        return read_failure(source, str(error), article_id=identifier)
    language = strings["language"].lower() if strings["language"] else None
    return Article(
        id=identifier,
        url=strings["url"],
        outlet=strings["outlet"] or defaults.outlet,
        published=published or defaults.published,
        language=language,
        title=strings["title"],
        text=body,
        source_path=source,
    )
