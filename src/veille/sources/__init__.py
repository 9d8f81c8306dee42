"""Read articles from files, folders and standard input into Article records (or Failures)."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator, Sequence
from datetime import datetime
from pathlib import Path

from veille.records import Article, Failure
from veille.sources.discover import discover_files
from veille.sources.failures import read_failure
from veille.sources.jsonl import read_jsonl
from veille.sources.jsonl_stream import stream_jsonl_file
from veille.sources.metadata import ArticleDefaults, to_utc_naive
from veille.sources.raw import read_file_bytes, read_stream_bytes
from veille.sources.text import read_text

Reader = Callable[[bytes, str, ArticleDefaults], Iterator[Article | Failure]]

# File suffix (lower case, "" for none) -> reader of the file's bytes. New formats add a line here.
READERS: dict[str, Reader] = {
    "": read_text,
    ".txt": read_text,
    ".md": read_text,
    ".jsonl": read_jsonl,
    ".ndjson": read_jsonl,
}

# Suffixes read line by line from the file, in constant memory; max_bytes then limits each line.
STREAMED = {".jsonl", ".ndjson"}

STDIN_PATH = "-"
STDIN_SOURCE = "<stdin>"
DEFAULT_MAX_BYTES = 5_000_000


def read_sources(
    paths: Sequence[str],
    *,
    outlet: str | None = None,
    published: datetime | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Iterator[Article | Failure]:
    """Yield an Article or a Failure for every input found under paths; bad input never raises."""
    defaults = ArticleDefaults(outlet=outlet, published=to_utc_naive(published) if published else None)
    for path in paths:
        if path == STDIN_PATH:
            yield from read_stdin(defaults, max_bytes)
            continue
        for found in discover_files(path):
            if isinstance(found, Failure):
                yield found
            else:
                yield from read_file(found, defaults, max_bytes)


def read_file(path: Path, defaults: ArticleDefaults, max_bytes: int) -> Iterator[Article | Failure]:
    """Read one file with the reader of its suffix; an unknown suffix is reported, not skipped."""
    suffix = path.suffix.lower()
    if suffix in STREAMED:
        yield from stream_jsonl_file(path, defaults, max_bytes)
        return
    reader = READERS.get(suffix)
    if reader is None:
        yield read_failure(str(path), f"unsupported file type '{suffix}'")
        return
    data = read_file_bytes(path, max_bytes)
    if isinstance(data, Failure):
        yield data
        return
    yield from reader(data, str(path), defaults)


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


__all__ = ["READERS", "Reader", "read_sources", "read_file", "read_stdin", "ArticleDefaults"]
