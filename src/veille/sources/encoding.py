"""Decode web and spreadsheet bytes whatever their encoding: declared charset, UTF-8, then detection."""

from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes

from veille.records import Failure
from veille.sources.failures import read_failure

DECLARED_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{1,40})""", re.IGNORECASE)
XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]{0,200}?encoding\s*=\s*["']([A-Za-z0-9_.:-]{1,40})""")
BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
# Detection reads a sample only: it is slow on megabytes and the start of a page is enough.
DETECTION_SAMPLE = 200_000
# The encodings French and Arabic pages actually come in: among near-equal guesses, these win (on short
# texts charset-normalizer can rank e.g. cp775 above cp1252 with the same chaos).
COMMON_WEB_ENCODINGS = ("cp1252", "cp1256", "latin_1", "iso8859_15", "iso8859_6", "cp1250", "cp1251")
NEAR_EQUAL_CHAOS = 1.0


def declared_encoding(data: bytes) -> str | None:
    """Return the charset a page or XML file declares in its first bytes, when it is a known codec."""
    head = data[:4096]
    match = XML_ENCODING.match(head) or DECLARED_CHARSET.search(head)
    if not match:
        return None
    name = match.group(1).decode("ascii", errors="ignore")
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def detect_encoding(data: bytes) -> str | None:
    """Return the encoding charset-normalizer finds most likely for the bytes, or None."""
    matches = list(from_bytes(data[:DETECTION_SAMPLE]))
    if not matches:
        return None
    least_chaos = min(match.percent_chaos for match in matches)
    close = [match.encoding for match in matches if match.percent_chaos <= least_chaos + NEAR_EQUAL_CHAOS]
    for encoding in COMMON_WEB_ENCODINGS:
        if encoding in close:
            return encoding
    return close[0]


def decode_any(data: bytes, source: str) -> str | Failure:
    """Decode bytes by BOM, declared charset, UTF-8, then detection; a Failure when none fits."""
    for bom, codec in BOMS:
        if data.startswith(bom):
            return _decode(data, codec, source)
    tried: list[str] = []
    declared = declared_encoding(data)
    for codec in (declared, "utf-8"):
        if codec and codec not in tried:
            tried.append(codec)
            try:
                return data.decode(codec)
            except (UnicodeDecodeError, LookupError):
                continue
    if b"\x00" in data:
        return read_failure(source, "binary file (NUL bytes)")
    detected = detect_encoding(data)
    if detected is None:
        return read_failure(source, f"unknown text encoding (not {', '.join(tried)}; detection found none)")
    return _decode(data, detected, source)


def _decode(data: bytes, codec: str, source: str) -> str | Failure:
    try:
        return data.decode(codec).removeprefix("\ufeff")
    except (UnicodeDecodeError, LookupError) as error:
        return read_failure(source, f"cannot decode as {codec}", detail=str(error))
