"""Round trip: the ACLED CSV export of the sample corpus reads back equal to the database, field by field."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from tests.web_fixtures import sample_db  # noqa: F401  (fixture)
from veille.cli import app
from veille.export.roundtrip import compare_acled_csv
from veille.store import Store


@pytest.mark.slow
def test_acled_export_of_the_sample_corpus_matches_the_database_on_every_field(sample_db, tmp_path):
    out = tmp_path / "sample.csv"
    result = CliRunner().invoke(app, ["export", "--db", sample_db, "--format", "acled", "-o", str(out)])
    assert result.exit_code == 0, result.output
    with Store(sample_db) as store:
        report = compare_acled_csv(out, store)
    print("acled round trip:", report["n_compared"], "events;",
          " ".join(f"{k}={v:.3f}" for k, v in report["fields"].items()))
    assert report["header_matches"]
    assert report["n_compared"] == report["n_stored"] == report["n_rows"] > 50
    assert not report["missing_from_csv"] and not report["unknown_in_csv"]
    assert all(value == 1.0 for value in report["fields"].values()), report["fields"]


def test_the_comparison_notices_an_edited_field(tmp_path):
    from tests.web_fixtures import fill_known

    db = fill_known(str(tmp_path / "k.db"))
    out = tmp_path / "k.csv"
    assert CliRunner().invoke(app, ["export", "--db", db, "-o", str(out)]).exit_code == 0
    text = out.read_text(encoding="utf-8").replace("Military Forces of Syria", "Military Forces of Iraq")
    out.write_text(text, encoding="utf-8")
    with Store(db) as store:
        report = compare_acled_csv(out, store)
    assert report["fields"]["actor1"] == pytest.approx(4 / 5)
    assert report["fields"]["event_type"] == 1.0


@pytest.mark.slow
def test_acled_export_reads_back_with_eval_acled_against_itself_at_one(sample_db, tmp_path):
    """`veille eval acled EXPORT --predicted EXPORT`: the export and the ACLED reader agree on every field."""
    import json

    out = tmp_path / "sample.csv"
    assert CliRunner().invoke(app, ["export", "--db", sample_db, "--format", "acled", "-o", str(out)]).exit_code == 0
    scores = tmp_path / "self.json"
    result = CliRunner().invoke(app, ["eval", "acled", str(out), "--predicted", str(out), "--json", str(scores)])
    assert result.exit_code == 0, result.output
    metrics = json.loads(scores.read_text(encoding="utf-8"))
    assert metrics["n"] > 50
    rates = {k: v for k, v in metrics.items()
             if isinstance(v, float) and k.endswith(("_acc", "_exact", "_f1", "coverage", "_25km", "_161km"))}
    assert rates and all(value == 1.0 for value in rates.values()), {k: v for k, v in rates.items() if v != 1.0}


def test_eval_acled_predicted_notices_a_changed_row(sample_db, tmp_path):
    import csv
    import json

    out = tmp_path / "sample.csv"
    assert CliRunner().invoke(app, ["export", "--db", sample_db, "--format", "acled", "-o", str(out)]).exit_code == 0
    with out.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    rows[0]["sub_event_type"] = "Agreement" if rows[0]["sub_event_type"] != "Agreement" else "Arrests"
    edited = tmp_path / "edited.csv"
    with edited.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    scores = tmp_path / "edited.json"
    assert CliRunner().invoke(app, ["eval", "acled", str(out), "--predicted", str(edited), "--json",
                                    str(scores)]).exit_code == 0
    metrics = json.loads(scores.read_text(encoding="utf-8"))
    assert metrics["sub_event_type_acc"] == pytest.approx(1 - 1 / metrics["n"], abs=1e-3)
