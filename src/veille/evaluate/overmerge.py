"""Over-merge check on ACLED rows: each row is a distinct event, so merged rows are (mostly) errors."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TextIO

from veille.records import Incident

ARTICLE_PREFIX = "acled-"


def acled_notes_as_articles(csv_path: Path, region: str | None) -> Iterator[dict]:
    """Yield one JSON article per ACLED row of the region: its notes, dated by its event date."""
    with csv_path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            if region and row.get("region") != region or not (row.get("notes") or "").strip():
                continue
            published = datetime.strptime(row["event_date"], "%d-%b-%y").date().isoformat()
            yield {"id": ARTICLE_PREFIX + row["data_id"], "text": row["notes"], "published": published,
                   "outlet": row.get("source") or None, "language": "en"}


def write_notes_jsonl(csv_path: Path, out: TextIO, region: str | None) -> int:
    """Write the region's notes as JSON Lines articles; return how many."""
    count = 0
    for article in acled_notes_as_articles(csv_path, region):
        out.write(json.dumps(article, ensure_ascii=False) + "\n")
        count += 1
    return count


@dataclass
class OvermergeReport:
    """How many ACLED rows ended in an incident shared with another row, and examples."""

    n_rows_with_events: int = 0
    n_rows_merged: int = 0
    n_incidents_multi_row: int = 0
    examples: list[Incident] = field(default_factory=list)

    @property
    def rate(self) -> float:
        return self.n_rows_merged / self.n_rows_with_events if self.n_rows_with_events else 0.0


def overmerge_report(incidents: list[Incident], n_examples: int = 5) -> OvermergeReport:
    """Count rows (articles) whose events share an incident with another row's events."""
    report = OvermergeReport()
    rows_with_events: set[str] = set()
    merged_rows: set[str] = set()
    for incident in incidents:
        rows = set(incident.article_ids)
        rows_with_events |= rows
        if len(rows) > 1:
            merged_rows |= rows
            report.n_incidents_multi_row += 1
            if len(report.examples) < n_examples:
                report.examples.append(incident)
    report.n_rows_with_events = len(rows_with_events)
    report.n_rows_merged = len(merged_rows)
    return report
