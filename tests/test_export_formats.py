"""`veille export` in every format, with the API's filters, on SQLite and PostgreSQL."""

from __future__ import annotations

import csv
import json

import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from tests.web_fixtures import db_url, known_db, shared_known_db  # noqa: F401  (fixtures)
from veille.cli import app
from veille.export.acled import ACLED_COLUMNS

runner = CliRunner()


def export(db, tmp_path, fmt, *options):
    out = tmp_path / f"out.{fmt}"
    result = runner.invoke(app, ["export", "--db", db, "--format", fmt, "-o", str(out), *options])
    assert result.exit_code == 0, result.output
    return out


def test_acled_csv_has_acleds_columns_in_order_and_honours_filters(shared_known_db, tmp_path):
    out = export(shared_known_db, tmp_path, "acled", "--country", "Syria", "--date-from", "2024-01-01")
    with out.open(encoding="utf-8") as handle:
        reader = csv.DictReader(handle)
        rows = list(reader)
    assert tuple(reader.fieldnames) == ACLED_COLUMNS
    assert sorted(row["event_id_cnty"] for row in rows) == ["ev-clash", "ev-drone"]
    clash = next(row for row in rows if row["event_id_cnty"] == "ev-clash")
    assert (clash["actor1"], clash["inter1"], clash["fatalities"], clash["iso3"]) == (
        "Military Forces of Syria", "1", "4", "SYR")


def test_plover_json_maps_types_actors_and_places(shared_known_db, tmp_path):
    out = export(shared_known_db, tmp_path, "plover", "--event-type", "Battles")
    records = json.loads(out.read_text(encoding="utf-8"))
    assert [r["id"] for r in records] == ["ev-old", "ev-clash"]
    clash = records[1]
    assert (clash["event_type"], clash["actor"], clash["recipient"], clash["location"]["country"]) == (
        "FIGHT", "Military Forces of Syria", "Islamic State", "SYR")
    assert clash["source"] == ["Levant Wire", "the monitor"] and clash["fatalities"] == 4


def test_geojson_is_a_feature_collection_of_located_events(shared_known_db, tmp_path):
    out = export(shared_known_db, tmp_path, "geojson", "--bbox", "45,29,50,32")
    collection = json.loads(out.read_text(encoding="utf-8"))
    assert collection["type"] == "FeatureCollection"
    assert sorted(f["id"] for f in collection["features"]) == ["ev-arrest", "ev-protest"]
    assert collection["features"][0]["geometry"] == {"type": "Point", "coordinates": [47.78, 30.51]}


def test_parquet_keeps_types_and_nulls(shared_known_db, tmp_path):
    out = export(shared_known_db, tmp_path, "parquet", "--outlet", "Gulf Courier")
    table = pq.read_table(out)
    rows = {row["event_id_cnty"]: row for row in table.to_pylist()}
    assert set(rows) == {"ev-arrest", "ev-protest"}
    assert rows["ev-arrest"]["arrested"] == 12 and rows["ev-protest"]["fatalities"] is None
    assert str(table.schema.field("event_date").type) == "date32[day]"
    assert json.loads(rows["ev-arrest"]["evidence"])["arrested"]["text"] == "arrested twelve"


def test_jsonl_still_works_with_filters(shared_known_db, tmp_path):
    out = export(shared_known_db, tmp_path, "jsonl", "--actor", "police")
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [line["id"] for line in lines] == ["ev-arrest"]


@pytest.mark.parametrize("options, message", [
    (["--format", "parquet"], "give a file with -o"),
    (["--bbox", "1,2"], "4 numbers"),
    (["--date-from", "yesterday"], "expected a date"),
])
def test_bad_export_options_fail_clearly(shared_known_db, options, message):
    result = runner.invoke(app, ["export", "--db", shared_known_db, *options])
    assert result.exit_code == 2
    assert message in result.output
