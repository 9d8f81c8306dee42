"""Size limits for reading inputs: per file, per archive member, and for whole archives (zip bombs)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ReadLimits:
    """How much veille agrees to read; anything beyond is refused with a reason, never half-read silently."""

    max_bytes: int = 5_000_000  # one file, one archive member, one WARC record, one fetched page
    max_archive_bytes: int = 500_000_000  # all members of one archive (or WARC), decompressed
    max_ratio: int = 200  # decompressed / compressed size of one zip member
    max_members: int = 100_000  # entries read from one archive
    fetch_timeout: float = 20.0  # seconds, for http(s) URLs


def over_limit(size: int, limit: int, what: str = "file") -> str:
    """Return the message for an input over a size limit."""
    return f"{what} too large: {size} bytes > limit {limit}"
