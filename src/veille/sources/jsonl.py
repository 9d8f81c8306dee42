"""Read JSON Lines files, one article object per line, into Articles."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator

from veille.records import Article, Failure
from veille.sources.failures import read_failure
from veille.sources.metadata import ArticleDefaults, build_article
from veille.sources.raw import binary_problem, decode_utf8


def read_jsonl(data: bytes, source: str, defaults: ArticleDefaults) -> Iterator[Article | Failure]:
    """Yield one Article or Failure per non-blank line; a bad line never stops the others."""
    problem = binary_problem(data)
    if problem:
        yield read_failure(source, problem)
        return

    def numbered_lines() -> Iterator[tuple[str, int, bytes]]:
        offset = 0
        for number, raw_line in enumerate(data.split(b"\n"), start=1):
            yield f"{source}:{number}", offset, raw_line
            offset += len(raw_line) + 1

    yield from articles_from_lines(numbered_lines(), source, defaults)


def articles_from_lines(
    lines: Iterable[tuple[str, int, bytes] | Failure], source: str, defaults: ArticleDefaults
) -> Iterator[Article | Failure]:
    """Decode (line source, byte offset, raw line) items into Articles; blank lines skipped, none at all reported."""
    found_any = False
    for item in lines:
        if isinstance(item, Failure):
            found_any = True
            yield item
            continue
        line_source, line_offset, raw_line = item
        line = decode_utf8(raw_line, line_source, offset=line_offset)
        if isinstance(line, Failure):
            found_any = True
            yield line
            continue
        if not line.strip():
            continue
        found_any = True
        yield read_json_line(line, line_source, defaults)
    if not found_any:
        yield read_failure(source, "empty file")


def read_json_line(line: str, source: str, defaults: ArticleDefaults) -> Article | Failure:
    """Return the Article of one JSON line, or a Failure naming what is wrong with it."""
    try:
        record = json.loads(line)
    except json.JSONDecodeError as error:
        return read_failure(source, f"invalid JSON: {error.msg} at column {error.colno}")
    if not isinstance(record, dict):
        return read_failure(source, f"expected a JSON object, got {type(record).__name__}")
    if "text" not in record or record["text"] is None:
        return read_failure(source, "missing 'text' field")
    return build_article(record, record["text"], source, defaults)
