"""Read CSV and TSV files into Articles, one per row, with configurable column names."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator, Mapping

from veille.records import Article, Failure
from veille.sources.encoding import decode_any
from veille.sources.failures import read_failure
from veille.sources.metadata import ArticleDefaults, build_article

# Article field -> column names tried in order, when the user names none.
DEFAULT_COLUMNS: dict[str, tuple[str, ...]] = {
    "text": ("text", "body", "content", "article", "notes", "full_text"),
    "title": ("title", "headline"),
    "url": ("url", "link"),
    "outlet": ("outlet", "source", "publisher", "site"),
    "published": ("published", "date", "published_at", "pubdate"),
    "language": ("language", "lang"),
    "id": ("id",),
}
csv.field_size_limit(50_000_000)


def parse_column_map(spec: str | None) -> dict[str, str]:
    """Parse 'text=body,published=date' into {'text': 'body', 'published': 'date'}."""
    mapping: dict[str, str] = {}
    for part in (spec or "").split(","):
        if not part.strip():
            continue
        field, sep, column = part.partition("=")
        if not sep or field.strip() not in DEFAULT_COLUMNS or not column.strip():
            raise ValueError(f"bad column mapping {part.strip()!r}: expected FIELD=COLUMN with FIELD one of "
                             f"{', '.join(DEFAULT_COLUMNS)}")
        mapping[field.strip()] = column.strip()
    return mapping


def resolve_columns(header: list[str], chosen: Mapping[str, str]) -> dict[str, str] | str:
    """Map article fields to the file's columns, or return why the text column is missing."""
    by_lower = {name.strip().lower(): name for name in header}
    found: dict[str, str] = {}
    for field, candidates in DEFAULT_COLUMNS.items():
        wanted = (chosen[field],) if field in chosen else candidates
        for name in wanted:
            if name.strip().lower() in by_lower:
                found[field] = by_lower[name.strip().lower()]
                break
        else:
            if field in chosen:
                return f"no column {chosen[field]!r} for {field}; columns are {', '.join(header) or 'none'}"
    if "text" not in found:
        return f"no text column (tried {', '.join(DEFAULT_COLUMNS['text'])}); columns are {', '.join(header)}"
    return found


def read_csv(data: bytes, source: str, defaults: ArticleDefaults) -> Iterator[Article | Failure]:
    """Yield an Article or Failure per row; a file without a usable header is one Failure."""
    text = decode_any(data, source)
    if isinstance(text, Failure):
        yield text
        return
    if not text.strip():
        yield read_failure(source, "empty file")
        return
    delimiter = "\t" if source.lower().endswith(".tsv") else _sniff_delimiter(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        header = next(reader)
        columns = resolve_columns(header, defaults.csv_columns or {})
        if isinstance(columns, str):
            yield read_failure(source, columns)
            return
        for row in reader:
            if not any(cell.strip() for cell in row):
                continue
            yield row_article(dict(zip(header, row)), columns, f"{source}:{reader.line_num}", defaults)
    except csv.Error as error:
        yield read_failure(f"{source}:{reader.line_num}", f"malformed CSV: {error}; rest of file not read")


def row_article(row: dict[str, str], columns: Mapping[str, str], source: str,
                defaults: ArticleDefaults) -> Article | Failure:
    """Return the Article of one row (a short row leaves its missing fields empty)."""
    fields = {field: (row.get(column) or None) for field, column in columns.items()}
    text = fields.pop("text")
    if not text or not text.strip():
        return read_failure(source, f"empty text in column {columns['text']!r}")
    return build_article(fields, text, source, defaults)


def _sniff_delimiter(text: str) -> str:
    try:
        return csv.Sniffer().sniff(text[:8192], delimiters=",;\t|").delimiter
    except csv.Error:
        return ","
