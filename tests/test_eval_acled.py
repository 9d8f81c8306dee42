"""ACLED evaluation: the CSV reader (2020 and 2022+ columns), the scorer, the main-event choice, a real run."""

from __future__ import annotations

from tests.conftest import report_metric

import csv
import json
from datetime import date

import pytest
from typer.testing import CliRunner

from veille.cli import app
from veille.evaluate.acled_gold import comparable_actor, parse_acled_date, read_acled_csv, select_rows
from veille.evaluate.acled_run import gold_article
from veille.evaluate.acled_score import RowOutcome, acled_metrics, macro_f1
from veille.evaluate.main_event import main_event
from veille.records import Actor, Event, Span

COLUMNS_2020 = ["data_id", "iso", "event_id_cnty", "event_date", "year", "time_precision", "event_type",
                "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
                "interaction", "region", "country", "admin1", "admin2", "admin3", "location", "latitude",
                "longitude", "geo_precision", "source", "source_scale", "notes", "fatalities", "timestamp", "iso3"]
COLUMNS_2022 = ["event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
                "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
                "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3",
                "location", "latitude", "longitude", "geo_precision", "source", "source_scale", "notes",
                "fatalities", "tags", "timestamp"]

# Rows written for these tests (invented events in ACLED's style, not ACLED data).
ROW_A = {"event_id_cnty": "SYR1", "event_date": "3-May-20", "event_type": "Violence against civilians",
         "sub_event_type": "Attack", "actor1": "Unidentified Armed Group (Syria)", "inter1": "3",
         "actor2": "Civilians (Syria)", "inter2": "7", "interaction": "37", "region": "Middle East",
         "country": "Syria", "admin1": "Dara", "location": "Dara", "latitude": "32.6189", "longitude": "36.1021",
         "notes": "On 3 May 2020, a shopkeeper was shot dead in Daraa city by unidentified gunmen.", "fatalities": "1",
         "timestamp": "1589000000", "iso3": "SYR", "iso": "760", "source": "Enab Baladi; Reuters"}
ROW_B = {"event_id_cnty": "IRQ1", "event_date": "2022-05-09", "disorder_type": "Demonstrations",
         "event_type": "Protests", "sub_event_type": "Peaceful protest", "actor1": "Protesters (Iraq)",
         "inter1": "Protesters", "actor2": "", "inter2": "", "interaction": "60", "iso": "368",
         "region": "Middle East", "country": "Iraq", "admin1": "Basrah", "location": "Basrah",
         "latitude": "30.5085", "longitude": "47.7804",
         "notes": "On 9 May 2022, teachers protested in Basra city to demand unpaid wages.", "fatalities": "0",
         "timestamp": ""}


def _write(path, columns, rows):
    with open(path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=columns, extrasaction="ignore")
        writer.writeheader()
        for row in rows:
            writer.writerow({c: row.get(c, "") for c in columns})
    return path


def test_reads_both_column_sets(tmp_path):
    old = list(read_acled_csv(_write(tmp_path / "a.csv", COLUMNS_2020, [ROW_A])))
    new = list(read_acled_csv(_write(tmp_path / "b.csv", COLUMNS_2022, [ROW_B])))
    assert old[0].event_date == date(2020, 5, 3) and old[0].inter1 == 3 and old[0].published.year == 2020
    assert new[0].event_date == date(2022, 5, 9) and new[0].inter1 == 6  # spelled-out inter code
    assert new[0].published.date() == date(2022, 5, 9)  # no timestamp: the event date stands in
    assert select_rows(old + new, country="iraq") == new and select_rows(old, country="SYR") == old
    assert select_rows(old + new, region="middle east", limit=1) == old
    assert (old[0].source, new[0].source) == ("Enab Baladi; Reuters", "")
    assert gold_article(old[0]).outlet == "Enab Baladi; Reuters" and gold_article(new[0]).outlet == "ACLED"


def test_rejects_a_csv_that_is_not_acled(tmp_path):
    path = tmp_path / "other.csv"
    path.write_text("name,value\nx,1\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["eval", "acled", str(path)])
    assert result.exit_code == 2
    assert "not an ACLED CSV" in " ".join(result.output.split())


def test_actor_names_compare_without_period_suffixes():
    assert comparable_actor("Military Forces of Syria (2000-)") == "military forces of syria"
    assert comparable_actor("Military Forces of Yemen (2016-) Supreme Political Council") == \
        "military forces of yemen supreme political council"
    assert comparable_actor("Protesters (Iraq)") == comparable_actor("protesters")
    assert parse_acled_date("9-May-20") == date(2020, 5, 9)
    assert parse_acled_date("09 May 2022") == date(2022, 5, 9)


def test_macro_f1_counts_missing_predictions_as_misses():
    assert macro_f1([("Attack", "Attack"), ("Arrests", "Arrests")]) == 1.0
    assert macro_f1([("Attack", "Attack"), ("Arrests", None)]) == pytest.approx(0.5)


def _event(start, sub, event_type, modality="asserted"):
    return Event(id=str(start), article_id="a", event_type=event_type, sub_event_type=sub, modality=modality,
                 trigger=Span(start=start, end=start + 3, text="xxx"))


def test_main_event_is_the_first_asserted_event():
    text = "On 3 May, police arrested a man and gunmen killed two. Later a protest took place."
    arrest, killing = _event(13, "Arrests", "Strategic developments"), _event(43, "Attack", "Violence against civilians")
    later = _event(64, "Peaceful protest", "Protests")
    assert main_event([later, killing, arrest], text) is arrest
    future = _event(13, "Armed clash", "Battles", modality="future")
    assert main_event([future, later], text) is later
    assert main_event([future], text) is future
    assert main_event([], text) is None


def test_metrics_over_written_rows(tmp_path):
    gold = list(read_acled_csv(_write(tmp_path / "a.csv", COLUMNS_2020, [ROW_A])))[0]
    good = Event(id="e", article_id="a", event_type="Violence against civilians", sub_event_type="Attack",
                 actor1=Actor(name="Unidentified Armed Group (Syria)", inter=3), inter1=3,
                 actor2=Actor(name="Civilians (Syria)", inter=7), event_date=date(2020, 5, 3), fatalities=1)
    metrics = acled_metrics([RowOutcome(gold, good, 1), RowOutcome(gold, None, 0)])
    assert metrics["n"] == 2 and metrics["coverage"] == 0.5
    assert metrics["event_type_acc"] == 0.5 and metrics["actor1_acc"] == 0.5 and metrics["fatalities_exact"] == 0.5


def test_cli_scores_written_rows(tmp_path):
    path = _write(tmp_path / "gold.csv", COLUMNS_2020, [ROW_A])
    out = tmp_path / "m.json"
    result = CliRunner().invoke(app, ["eval", "acled", str(path), "--json", str(out), "--confusion", "--errors", "1"])
    assert result.exit_code == 0, result.output
    metrics = json.loads(out.read_text())
    for key in ("n", "coverage", "event_type_acc", "sub_event_type_acc", "sub_event_type_macro_f1", "actor1_acc",
                "actor2_acc", "inter1_acc", "location_acc_25km", "location_acc_161km", "location_median_km",
                "admin1_acc", "fatalities_exact", "date_exact"):
        assert key in metrics
    assert metrics["coverage"] == 1.0 and metrics["date_exact"] == 1.0
    assert metrics["event_type_acc"] == 1.0 and metrics["fatalities_exact"] == 1.0


def test_real_acled_rows(shared_data):
    """300 real ACLED rows (Middle East first, then the rest of the world), metrics printed for CI."""
    from veille.evaluate.acled_run import run_acled

    rows = list(read_acled_csv(shared_data / "acled-2020" / "acled.csv"))
    middle_east = select_rows(rows, region="Middle East", limit=150)
    world = select_rows([r for r in rows if r.region != "Middle East"], limit=150)
    metrics_me = acled_metrics(run_acled(middle_east))
    metrics_world = acled_metrics(run_acled(world))
    report_metric("ACLED Middle East (150 rows): " + json.dumps(metrics_me))
    report_metric("ACLED other regions (150 rows): " + json.dumps(metrics_world))
    assert metrics_me["coverage"] >= 0.95
    assert metrics_me["event_type_acc"] >= 0.7
    assert metrics_me["date_exact"] >= 0.9
    assert metrics_world["event_type_acc"] >= 0.6
