"""Read a JSON Lines file line by line, so any number of articles is read in constant memory."""

from __future__ import annotations

from collections.abc import Iterator
from typing import BinaryIO
from pathlib import Path

from veille.records import Article, Failure
from veille.sources.failures import read_failure
from veille.sources.jsonl import articles_from_lines
from veille.sources.metadata import ArticleDefaults
from veille.sources.raw import binary_problem

SNIFF_BYTES = 8192


def stream_jsonl_file(path: Path, defaults: ArticleDefaults, max_bytes: int) -> Iterator[Article | Failure]:
    """Yield one Article or Failure per non-blank line; max_bytes limits each line, not the file."""
    source = str(path)
    try:
        handle = path.open("rb")
    except OSError as error:
        yield read_failure(source, (error.strerror or str(error)).lower(), detail=repr(error))
        return
    with handle:
        problem = binary_problem(handle.read(SNIFF_BYTES))
        if problem:
            yield read_failure(source, problem)
            return
        handle.seek(0)
        yield from articles_from_lines(_numbered_lines(handle, source, max_bytes), source, defaults)


def _numbered_lines(handle: BinaryIO, source: str, max_bytes: int) -> Iterator[tuple[str, int, bytes] | Failure]:
    """(line source, byte offset, line) per line, read one at a time; over-long and NUL lines become Failures."""
    offset = 0
    number = 0
    while raw_line := handle.readline(max_bytes + 1):
        number += 1
        line_source = f"{source}:{number}"
        line_offset, offset = offset, offset + len(raw_line)
        if len(raw_line) > max_bytes and not raw_line.endswith(b"\n"):
            while (rest := handle.readline(max_bytes + 1)) and not rest.endswith(b"\n"):
                offset += len(rest)
            offset += len(rest)
            yield read_failure(line_source, f"line too long: more than {max_bytes} bytes")
        elif b"\x00" in raw_line:
            yield read_failure(line_source, "binary line (NUL bytes)")
        else:
            yield line_source, line_offset, raw_line.rstrip(b"\n")
