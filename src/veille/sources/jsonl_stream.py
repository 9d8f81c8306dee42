"""Read a JSON Lines file line by line, so any number of articles is read in constant memory."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from veille.records import Article, Failure
from veille.sources.failures import read_failure
from veille.sources.jsonl import read_json_line
from veille.sources.metadata import ArticleDefaults
from veille.sources.raw import binary_problem, decode_utf8

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
        found_any = False
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
                found_any = True
                yield read_failure(line_source, f"line too long: more than {max_bytes} bytes")
                continue
            if b"\x00" in raw_line:
                found_any = True
                yield read_failure(line_source, "binary line (NUL bytes)")
                continue
            line = decode_utf8(raw_line.rstrip(b"\n"), line_source, offset=line_offset)
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
