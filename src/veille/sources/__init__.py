"""Read articles from files, folders, globs, archives, URLs and standard input into Article records (or Failures)."""

from __future__ import annotations

import io
import sys
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import replace
from datetime import datetime
from pathlib import Path

from veille.records import Article, Failure
from veille.sources.archives import read_tar, read_zip
from veille.sources.discover import discover_files
from veille.sources.failures import read_failure
from veille.sources.feeds import read_feed
from veille.sources.fetch import fetch, fetched_results, is_url, suffix_for_content_type
from veille.sources.html import read_html
from veille.sources.jsonl import read_jsonl
from veille.sources.limits import ReadLimits
from veille.sources.jsonl_stream import stream_jsonl_file
from veille.sources.metadata import ArticleDefaults, to_utc_naive
from veille.sources.raw import read_file_bytes, read_stream_bytes
from veille.sources.tabular import read_csv
from veille.sources.text import read_text
from veille.sources.warc import read_warc_stream

Reader = Callable[[bytes, str, ArticleDefaults], Iterator[Article | Failure]]

# File suffix (lower case, "" for none) -> reader of the file's bytes. New formats add a line here.
READERS: dict[str, Reader] = {
    "": read_text,
    ".txt": read_text,
    ".md": read_text,
    ".jsonl": read_jsonl,
    ".ndjson": read_jsonl,
    ".html": read_html,
    ".htm": read_html,
    ".xhtml": read_html,
    ".rss": read_feed,
    ".atom": read_feed,
    ".xml": read_feed,
    ".csv": read_csv,
    ".tsv": read_csv,
}
WARC_SUFFIXES = (".warc", ".warc.gz")
ZIP_SUFFIXES = (".zip",)
TAR_SUFFIXES = (".tar", ".tar.gz", ".tgz", ".tar.bz2", ".tar.xz")

# Suffixes read line by line from the file, in constant memory; max_bytes then limits each line.
STREAMED = {".jsonl", ".ndjson"}

STDIN_PATH = "-"
STDIN_SOURCE = "<stdin>"
DEFAULT_MAX_BYTES = ReadLimits().max_bytes


def input_format(name: str) -> str:
    """The format key of a file name: a compound suffix such as '.warc.gz' or '.tar.gz', else its suffix."""
    lower = name.lower()
    for suffix in WARC_SUFFIXES + TAR_SUFFIXES:
        if lower.endswith(suffix):
            return suffix
    return Path(lower).suffix if "." in Path(lower).name.lstrip(".") else ""


def read_sources(
    paths: Sequence[str],
    *,
    outlet: str | None = None,
    published: datetime | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    csv_columns: Mapping[str, str] | None = None,
    limits: ReadLimits | None = None,
) -> Iterator[Article | Failure]:
    """Yield an Article or a Failure for every input found under paths; bad input never raises."""
    defaults = ArticleDefaults(outlet=outlet, published=to_utc_naive(published) if published else None,
                               csv_columns=csv_columns)
    limits = replace(limits or ReadLimits(), max_bytes=max_bytes)
    for path in paths:
        if path == STDIN_PATH:
            yield from read_stdin(defaults, limits.max_bytes)
        elif is_url(path):
            yield from read_url(path, defaults, limits)
        else:
            for found in discover_files(path):
                if isinstance(found, Failure):
                    yield found
                else:
                    yield from read_file(found, defaults, limits)


def read_file(path: Path, defaults: ArticleDefaults, limits: ReadLimits | int) -> Iterator[Article | Failure]:
    """Read one file with the reader of its format; an unknown format is reported, not skipped."""
    limits = limits if isinstance(limits, ReadLimits) else ReadLimits(max_bytes=limits)
    source = str(path)
    kind = input_format(path.name)

    def read_member(data: bytes, label: str) -> Iterator[Article | Failure]:
        return read_bytes(data, label, defaults, limits, nested=True)

    if kind in ZIP_SUFFIXES:
        yield from read_zip(path, source, read_member, limits)
    elif kind in TAR_SUFFIXES:
        yield from read_tar(path, source, read_member, limits)
    elif kind in WARC_SUFFIXES:
        try:
            with path.open("rb") as stream:
                yield from read_warc_stream(stream, source, defaults, limits)
        except OSError as error:
            yield read_failure(source, (error.strerror or str(error)).lower())
    elif kind in STREAMED:
        yield from stream_jsonl_file(path, defaults, limits.max_bytes)
    elif kind not in READERS:
        yield read_failure(source, f"unsupported file type '{kind}'")
    else:
        data = read_file_bytes(path, limits.max_bytes)
        if isinstance(data, Failure):
            yield data
            return
        yield from READERS[kind](data, source, defaults)


def read_bytes(data: bytes, source: str, defaults: ArticleDefaults, limits: ReadLimits,
               *, nested: bool = False) -> Iterator[Article | Failure]:
    """Read an in-memory input (archive member, fetched page) by the format its name says."""
    kind = input_format(source.rsplit("!", 1)[-1])
    if kind in WARC_SUFFIXES:
        yield from read_warc_stream(io.BytesIO(data), source, defaults, limits)
    elif kind in ZIP_SUFFIXES + TAR_SUFFIXES:
        yield read_failure(source, "archive inside an archive: extract it first" if nested else "unsupported here")
    elif kind not in READERS:
        yield read_failure(source, f"unsupported file type '{kind}'")
    else:
        yield from READERS[kind](data, source, defaults)


def read_url(url: str, defaults: ArticleDefaults, limits: ReadLimits) -> Iterator[Article | Failure]:
    """Fetch one http(s) URL and read it by its content type."""
    fetched = fetch(url, limits)
    if isinstance(fetched, Failure):
        yield fetched
        return
    data, content_type = fetched
    suffix = suffix_for_content_type(content_type, url)
    if suffix in (".html", ".htm", ".xhtml"):
        from veille.sources.encoding import decode_any
        from veille.sources.html import html_article

        html = decode_any(data, url)
        yield html if isinstance(html, Failure) else html_article(html, url, defaults, url=url)
        return
    yield from fetched_results(url, read_bytes(data, url + "!" + "page" + suffix, defaults, limits))


def read_stdin(defaults: ArticleDefaults, max_bytes: int) -> Iterator[Article | Failure]:
    """Read standard input as JSON Lines when it starts with '{', else as one text article."""
    data = read_stream_bytes(sys.stdin, STDIN_SOURCE, max_bytes)
    if isinstance(data, Failure):
        yield data
        return
    reader = read_jsonl if looks_like_json_lines(data) else read_text
    yield from reader(data, STDIN_SOURCE, defaults)


def looks_like_json_lines(data: bytes) -> bool:
    """Tell whether input looks like JSON Lines: its first non-blank character opens an object."""
    return data.removeprefix(b"\xef\xbb\xbf").lstrip().startswith(b"{")


__all__ = ["READERS", "Reader", "ReadLimits", "read_sources", "read_file", "read_bytes", "read_stdin",
           "ArticleDefaults", "input_format"]
