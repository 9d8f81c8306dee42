"""Check an exported ACLED CSV against the database it came from, field by field."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

from veille.export.acled import ACLED_COLUMNS, event_to_acled_row
from veille.store import Store

# Columns whose value is not a fact about the event: the export time.
VOLATILE = ("timestamp",)


def _same(expected: Any, found: str) -> bool:
    """Compare the DB's CSV value with the CSV's text: numbers as numbers, the rest as text."""
    text = "" if expected is None else str(expected)
    if text == found:
        return True
    try:
        return float(text) == float(found)
    except ValueError:
        return False


def compare_acled_csv(path: Path, store: Store) -> dict[str, Any]:
    """Per-column share of rows whose CSV value equals the stored event's, and rows missing either way."""
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        header = reader.fieldnames or []
        rows = {row["event_id_cnty"]: row for row in reader}
    stored = {event.id: event for event in store.events()}
    articles = store.articles_by_id({event.article_id for event in stored.values()})
    columns = [c for c in ACLED_COLUMNS if c not in VOLATILE]
    agree = dict.fromkeys(columns, 0)
    common = sorted(set(rows) & set(stored))
    for event_id in common:
        event = stored[event_id]
        expected = event_to_acled_row(event, articles.get(event.article_id), timestamp=0)
        for column in columns:
            agree[column] += _same(expected[column], rows[event_id].get(column, ""))
    return {
        "header_matches": list(header) == list(ACLED_COLUMNS),
        "n_rows": len(rows), "n_stored": len(stored), "n_compared": len(common),
        "missing_from_csv": sorted(set(stored) - set(rows)), "unknown_in_csv": sorted(set(rows) - set(stored)),
        "fields": {column: (agree[column] / len(common) if common else 0.0) for column in columns},
    }
