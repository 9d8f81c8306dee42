"""Exports of stored events: ACLED CSV and JSON lines."""

from veille.export.acled import ACLED_COLUMNS, ACLED_COLUMNS_2022, event_to_acled_row, write_acled_csv
from veille.export.jsonl import write_events_jsonl

__all__ = [
    "ACLED_COLUMNS",
    "ACLED_COLUMNS_2022",
    "event_to_acled_row",
    "write_acled_csv",
    "write_events_jsonl",
]
