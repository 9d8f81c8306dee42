"""Read WARC and WARC.gz files (warcio): each HTML response or resource record becomes an Article."""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from typing import BinaryIO

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from veille.records import Article, Failure
from veille.sources.encoding import decode_any
from veille.sources.failures import read_failure
from veille.sources.html import html_article
from veille.sources.limits import ReadLimits, over_limit
from veille.sources.metadata import ArticleDefaults

HTML_TYPES = ("text/html", "application/xhtml+xml")
READ_ERRORS = (ArchiveLoadFailed, EOFError, OSError, zlib.error, ValueError, IndexError)


def read_warc_stream(stream: BinaryIO, source: str, defaults: ArticleDefaults,
                     limits: ReadLimits) -> Iterator[Article | Failure]:
    """Yield an Article or Failure per HTML record; a truncated or corrupt WARC ends with one Failure."""
    total = 0
    found = 0
    number = 0
    try:
        for number, record in enumerate(ArchiveIterator(stream), start=1):
            if not _is_html_record(record):
                continue
            uri = record.rec_headers.get_header("WARC-Target-URI")
            label = f"{source}#{number}" + (f" {uri}" if uri else "")
            payload = record.content_stream().read(limits.max_bytes + 1)
            total += len(payload)
            found += 1
            if len(payload) > limits.max_bytes:
                yield read_failure(label, over_limit(len(payload), limits.max_bytes, "WARC record"))
                continue
            if getattr(record.raw_stream, "limit", 0) > 0:  # warcio yields a cut record's first bytes silently
                yield read_failure(source, f"truncated WARC: record {number} ends before its declared length; "
                                   "rest of file not read")
                return
            if total > limits.max_archive_bytes:
                yield read_failure(source, over_limit(total, limits.max_archive_bytes, "WARC content")
                                   + "; rest of file not read")
                return
            html = decode_any(payload, label)
            yield html if isinstance(html, Failure) else html_article(html, label, defaults, url=uri)
    except READ_ERRORS as error:
        yield read_failure(source, f"truncated or corrupt WARC after record {number}: {type(error).__name__}",
                           detail=str(error))
        return
    if number == 0:
        yield read_failure(source, "no WARC records found")
    elif found == 0:
        yield read_failure(source, f"no HTML response in {number} WARC records")


def _is_html_record(record) -> bool:
    """True for response and resource records whose payload is an HTML page."""
    if record.rec_type not in ("response", "resource"):
        return False
    if record.rec_type == "response":
        if record.http_headers is None:
            return False
        status = record.http_headers.get_statuscode()
        if status and not str(status).startswith("2"):
            return False
        content_type = record.http_headers.get_header("Content-Type") or ""
    else:
        content_type = record.rec_headers.get_header("Content-Type") or ""
    return content_type.split(";")[0].strip().lower() in HTML_TYPES
