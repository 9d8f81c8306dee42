"""Export events as Parquet (pyarrow): ACLED's columns with their types plus veille's own fields."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Iterable, Mapping

import pyarrow as pa
import pyarrow.parquet as pq

from veille.export.acled import acled_fields
from veille.records import Article, Event

SCHEMA = pa.schema([
    ("event_id_cnty", pa.string()), ("article_id", pa.string()), ("event_date", pa.date32()),
    ("year", pa.int32()), ("time_precision", pa.int8()), ("disorder_type", pa.string()),
    ("event_type", pa.string()), ("sub_event_type", pa.string()), ("actor1", pa.string()),
    ("assoc_actor_1", pa.string()), ("inter1", pa.int8()), ("actor2", pa.string()),
    ("assoc_actor_2", pa.string()), ("inter2", pa.int8()), ("interaction", pa.int16()),
    ("civilian_targeting", pa.string()), ("iso", pa.int32()), ("region", pa.string()),
    ("country", pa.string()), ("admin1", pa.string()), ("admin2", pa.string()), ("location", pa.string()),
    ("latitude", pa.float64()), ("longitude", pa.float64()), ("geo_precision", pa.int8()),
    ("source", pa.string()), ("notes", pa.string()), ("fatalities", pa.int32()), ("iso3", pa.string()),
    ("plover_type", pa.string()), ("plover_mode", pa.string()), ("injured", pa.int32()),
    ("arrested", pa.int32()), ("modality", pa.string()), ("confidence", pa.float64()),
    ("evidence", pa.string()),
])
BATCH = 5000


def _row(event: Event, article: Article | None) -> dict:
    row = acled_fields(event, article)
    row.update(article_id=event.article_id, plover_type=event.plover_type, plover_mode=event.plover_mode or None,
               injured=event.injured, arrested=event.arrested, modality=event.modality,
               confidence=event.confidence,
               evidence=json.dumps({k: v.model_dump() for k, v in event.evidence.items()}, ensure_ascii=False))
    return {name: row.get(name) for name in SCHEMA.names}


def write_parquet(events: Iterable[Event], articles_by_id: Mapping[str, Article], path: Path) -> int:
    """Write the events to a Parquet file in row groups; unknown values are nulls. Return the count."""
    count = 0
    rows: list[dict] = []
    with pq.ParquetWriter(str(path), SCHEMA) as writer:
        for event in events:
            rows.append(_row(event, articles_by_id.get(event.article_id)))
            if len(rows) >= BATCH:
                writer.write_table(pa.Table.from_pylist(rows, schema=SCHEMA))
                count += len(rows)
                rows = []
        if rows or count == 0:
            writer.write_table(pa.Table.from_pylist(rows, schema=SCHEMA))
            count += len(rows)
    return count
