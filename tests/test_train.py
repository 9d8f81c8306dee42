"""`veille train` on a small coded CSV written here: the model saves, loads, predicts and changes the coding."""

from __future__ import annotations

import csv
import json
from datetime import datetime, timezone

import pytest
from typer.testing import CliRunner

from veille.cli import app
from veille.pipeline import Pipeline
from veille.records import Article
from veille.train.apply import ModelCoder
from veille.train.data import read_coded_csv
from veille.train.model import load_model

runner = CliRunner()
COLUMNS = ["event_date", "event_type", "sub_event_type", "actor1", "country", "notes", "fatalities", "timestamp"]
TOWNS = ["Saraqib", "Hajin", "Daraa", "Mosul", "Tikrit", "Kirkuk", "Homs", "Manbij", "Raqqa", "Baiji"]
# Invented notes in four styles. This coder's house style (unlike the default coder) codes every
# protest as "Protest with intervention": the trained model must learn that from the rows alone.
NOTES = {
    ("Battles", "Armed clash"): "On {day} March 2024, gunmen of an armed group clashed with army soldiers near "
                                "{town}; the fighting went on for hours and {n} fighters were killed.",
    ("Protests", "Protest with intervention"): "On {day} March 2024, hundreds of residents protested in {town} "
                                               "to demand electricity and clean water for the town.",
    ("Strategic developments", "Arrests"): "On {day} March 2024, police forces arrested {n} men suspected of "
                                           "smuggling weapons in {town} and detained them at the station.",
    ("Explosions/Remote violence", "Air/drone strike"): "On {day} March 2024, a drone strike hit a vehicle on "
                                                        "the road outside {town}, killing {n} people inside.",
}


def write_coded_csv(path, per_class: int = 10) -> None:
    """A small ACLED-format CSV of invented notes, `per_class` rows per sub-event type."""
    stamp = int(datetime(2024, 3, 28, tzinfo=timezone.utc).timestamp())
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=COLUMNS)
        writer.writeheader()
        for (event_type, sub_event_type), template in NOTES.items():
            for k in range(per_class):
                note = template.format(day=k + 1, town=TOWNS[k % len(TOWNS)], n=k + 2) + " [size=no report]"
                writer.writerow({"event_date": f"{k + 1}-March-2024", "event_type": event_type,
                                 "sub_event_type": sub_event_type, "actor1": "", "country": "Syria",
                                 "notes": note, "fatalities": 0, "timestamp": stamp})
        writer.writerow({"event_type": "Protests", "sub_event_type": "Peaceful protest", "notes": "  "})


@pytest.fixture(scope="module")
def trained(tmp_path_factory):
    """A model trained through the command line on the invented CSV, and the command's output."""
    folder = tmp_path_factory.mktemp("train")
    coded = folder / "coded.csv"
    write_coded_csv(coded)
    model_path = folder / "model.joblib"
    result = runner.invoke(app, ["train", str(coded), "-o", str(model_path), "--language", "en"])
    assert result.exit_code == 0, result.output
    return model_path, result.output


def test_read_coded_csv_leaves_out_empty_rows_and_names_missing_columns(tmp_path):
    coded = tmp_path / "coded.csv"
    write_coded_csv(coded, per_class=2)
    rows, left_out = read_coded_csv(coded, "notes", ["event_type", "sub_event_type"])
    assert len(rows) == 8 and left_out == 1
    assert "[size" not in rows[0].text and rows[0].published.year == 2024
    with pytest.raises(ValueError, match="missing column.*summary"):
        read_coded_csv(coded, "summary", ["event_type"])


@pytest.mark.slow
def test_train_prints_per_class_scores_and_reliability_and_saves_a_small_model(trained):
    model_path, output = trained
    assert "Protest with intervention" in output and "precision" in output
    assert "reliability" in output and "expected calibration error" in output
    assert model_path.stat().st_size < 50_000_000
    model = load_model(model_path)
    assert set(model.classes("sub_event_type")) == {sub for _, sub in NOTES}
    assert model.text_languages == {"en"}


@pytest.mark.slow
def test_model_changes_the_coding_of_a_new_report(trained):
    model_path, _ = trained
    article = Article(id="new", language="en", published=datetime(2024, 4, 2, tzinfo=timezone.utc),
                      text="Hundreds of residents protested in Raqqa on Monday to demand jobs and water.")
    default = next(Pipeline().process([article])).events
    coded = next(Pipeline(model=ModelCoder.load(model_path)).process([article])).events
    assert default and default[0].sub_event_type == "Peaceful protest"
    assert len(coded) == len(default)
    event = coded[0]
    assert (event.event_type, event.sub_event_type) == ("Protests", "Protest with intervention")
    assert event.plover_type == "PROTEST" and 0.0 <= event.confidence <= 1.0
    assert event.actor1 == default[0].actor1 and event.location == default[0].location  # only the types change


@pytest.mark.slow
def test_extract_with_model_option_and_a_bad_model_file(trained, tmp_path):
    model_path, _ = trained
    report = tmp_path / "report.txt"
    report.write_text("Police forces arrested four men suspected of smuggling weapons in Mosul on Sunday.\n",
                      encoding="utf-8")
    result = runner.invoke(app, ["extract", str(report), "--model", str(model_path), "--published", "2024-04-02"])
    assert result.exit_code == 0, result.output
    events = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
    assert events and events[0]["sub_event_type"] == "Arrests"
    bad = tmp_path / "bad.joblib"
    bad.write_bytes(b"not a model")
    result = runner.invoke(app, ["extract", str(report), "--model", str(bad)])
    assert result.exit_code == 2 and "not a veille model file" in " ".join(result.output.split())


def test_train_refuses_a_csv_without_the_text_column(tmp_path):
    coded = tmp_path / "coded.csv"
    coded.write_text("summary,event_type\nsomething happened,Battles\n", encoding="utf-8")
    result = runner.invoke(app, ["train", str(coded), "-o", str(tmp_path / "m.joblib")])
    assert result.exit_code == 2 and "missing column" in " ".join(result.output.split())
    assert not (tmp_path / "m.joblib").exists()


def test_eval_acled_scores_a_trained_model(trained, tmp_path):
    """`veille eval acled --model` codes with the model: on its own training notes it beats chance easily."""
    import json

    model_path, _ = trained
    coded = tmp_path / "coded.csv"
    write_coded_csv(coded, per_class=4)
    out = tmp_path / "with_model.json"
    result = runner.invoke(app, ["eval", "acled", str(coded), "--model", str(model_path), "--json", str(out)])
    assert result.exit_code == 0, result.output
    with_model = json.loads(out.read_text(encoding="utf-8"))
    assert with_model["n"] == 4 * len(NOTES)
    assert with_model["sub_event_type_acc"] >= 0.8
    bad = runner.invoke(app, ["eval", "acled", str(coded), "--model", str(tmp_path / "missing.joblib")])
    assert bad.exit_code == 2
