"""Read coded records from a CSV (ACLED format or any CSV with a text column and label columns)."""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from dateutil import parser as date_parser

CODER_NOTE = re.compile(r"\s*\[[^\]]*\]")  # "[size=no report]": coders' annotations that no news report carries


@dataclass
class CodedRow:
    """One coded record: its text, its labels, and when it was published (if the CSV says)."""

    line: int
    text: str
    labels: dict[str, str]
    published: datetime | None = None
    extra: dict[str, str] = field(default_factory=dict)


def clean_text(text: str) -> str:
    """The record's text without bracketed coder annotations."""
    return CODER_NOTE.sub("", text).strip()


def _published(row: dict[str, str]) -> datetime | None:
    stamp = (row.get("timestamp") or "").strip()
    if stamp.isdigit():
        return datetime.fromtimestamp(int(stamp), timezone.utc)
    value = (row.get("event_date") or "").strip()
    if value:
        try:
            return date_parser.parse(value, dayfirst=True)
        except (ValueError, OverflowError):
            return None
    return None


def read_coded_csv(path: str | Path, text_column: str, label_columns: list[str]) -> tuple[list[CodedRow], int]:
    """Rows with a non-empty text and at least one label, and the number of rows left out."""
    path = Path(path)
    if not path.is_file():
        raise FileNotFoundError(f"no CSV file at {path}")
    with path.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle)
        header = reader.fieldnames or []
        missing = [c for c in [text_column, *label_columns] if c not in header]
        if missing:
            raise ValueError(f"{path}: missing column(s) {', '.join(missing)}; the header has: {', '.join(header)}")
        rows, left_out = [], 0
        for number, row in enumerate(reader, start=2):
            text = clean_text(row.get(text_column) or "")
            labels = {c: (row.get(c) or "").strip() for c in label_columns}
            if not text or not any(labels.values()):
                left_out += 1
                continue
            rows.append(CodedRow(number, text, labels, _published(row)))
    return rows, left_out
