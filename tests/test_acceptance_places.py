"""Issue #4's place targets on the real ACLED rows: the Middle East with the default gazetteer, Syria with
the OCHA pack (skipped when ../shared/data is absent; CI prints the figures)."""

import json

from typer.testing import CliRunner

from tests.conftest import report_metric
from veille.cli import app
from veille.evaluate.acled_gold import read_acled_csv, select_rows
from veille.evaluate.acled_run import DepthRecordingPipeline, run_acled
from veille.evaluate.acled_score import acled_metrics
from veille.geo.gazetteer import Gazetteer

PLACE_KEYS = ("n", "location_acc_25km", "location_acc_161km", "admin1_acc", "location_found")


def _place_metrics(rows, pipeline=None) -> dict:
    metrics = acled_metrics(run_acled(rows, pipeline))
    return {key: metrics[key] for key in PLACE_KEYS}


def test_middle_east_places_with_the_default_gazetteer(shared_data):
    rows = select_rows(list(read_acled_csv(shared_data / "acled-2020" / "acled.csv")), region="Middle East")
    metrics = _place_metrics(rows)
    report_metric("ACLED Middle East places, all rows: " + json.dumps(metrics))
    assert metrics["n"] == 1168
    assert metrics["location_acc_25km"] >= 0.75


def test_syrian_places_with_the_ocha_pack(shared_data, tmp_path):
    table = shared_data / "gazetteer" / "syr_admin4_point.geojson"
    result = CliRunner().invoke(app, ["gazetteer", "add", str(table), "--cache-dir", str(tmp_path), "--no-build"])
    assert result.exit_code == 0, result.output
    pipeline = DepthRecordingPipeline(gazetteer=Gazetteer.load(tmp_path), languages=("en",))
    rows = select_rows(list(read_acled_csv(shared_data / "acled-2020" / "acled.csv")), country="Syria")
    metrics = _place_metrics(rows, pipeline)
    report_metric("ACLED Syria places with the OCHA pack: " + json.dumps(metrics))
    assert metrics["n"] == 313
    assert metrics["location_acc_25km"] >= 0.85
