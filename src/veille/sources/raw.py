"""Read input bytes within a size limit and decode them as UTF-8, reporting bad input as Failures."""

from __future__ import annotations

import codecs
from pathlib import Path
from typing import TextIO

from veille.records import Failure
from veille.sources.failures import read_failure

UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)


def too_large(size: int, max_bytes: int) -> str:
    """Return the message for an input over the size limit."""
    return f"file too large: {size} bytes > limit {max_bytes}"


def read_file_bytes(path: Path, max_bytes: int) -> bytes | Failure:
    """Return the bytes of a regular file, checking its size before reading it."""
    source = str(path)
    try:
        size = path.stat().st_size
        if size > max_bytes:
            return read_failure(source, too_large(size, max_bytes))
        with path.open("rb") as handle:
            data = handle.read(max_bytes + 1)  # the file may have grown since stat
    except OSError as error:
        return read_failure(source, (error.strerror or str(error)).lower(), detail=repr(error))
    if len(data) > max_bytes:
        return read_failure(source, too_large(len(data), max_bytes))
    return data


def read_stream_bytes(stream: TextIO, source: str, max_bytes: int) -> bytes | Failure:
    """Return up to max_bytes of a stream (standard input), as bytes when it has a binary buffer."""
    buffer = getattr(stream, "buffer", None)
    try:
        if buffer is not None:
            data = buffer.read(max_bytes + 1)
        else:  # a text-only stream, e.g. io.StringIO; one char is at least one byte
            data = stream.read(max_bytes + 1).encode("utf-8", errors="surrogateescape")
    except (OSError, UnicodeDecodeError) as error:
        return read_failure(source, f"cannot read {source}", detail=repr(error))
    if len(data) > max_bytes:
        return read_failure(source, f"input too large: more than {max_bytes} bytes")
    return data


def binary_problem(data: bytes) -> str | None:
    """Return why the bytes are not text (UTF-16, NUL bytes), or None."""
    if data.startswith(UTF16_BOMS):
        return "UTF-16 encoded file; save it as UTF-8"
    if b"\x00" in data:
        return "binary file (NUL bytes)"
    return None


def decode_utf8(data: bytes, source: str, *, offset: int = 0) -> str | Failure:
    """Decode UTF-8 (a leading BOM is dropped); offset shifts the byte position in the message."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        return read_failure(source, f"invalid UTF-8 at byte {offset + error.start}", detail=str(error))
    return text.removeprefix("\ufeff")


def decode_text_file(data: bytes, source: str) -> str | Failure:
    """Decode a whole text input, rejecting binary, undecodable and empty content."""
    problem = binary_problem(data)
    if problem:
        return read_failure(source, problem)
    text = decode_utf8(data, source)
    if isinstance(text, Failure):
        return text
    if not text.strip():
        return read_failure(source, "empty file")
    return text
