"""The command line over real folders: bad inputs recorded and skipped, idempotent runs, output formats."""

from __future__ import annotations

import csv
import io
import json
import shutil
import sqlite3

import pytest
from typer.testing import CliRunner

from veille.cli import app
from veille.resources import resource_path

runner = CliRunner()
SAMPLE = resource_path("sample", "articles")


@pytest.fixture()
def mixed_folder(tmp_path):
    """Four good sample articles plus a binary file, an empty file, invalid UTF-8 and a 50 MB text."""
    folder = tmp_path / "inbox"
    folder.mkdir()
    for path in sorted(SAMPLE.glob("*.txt"))[:4]:
        shutil.copy(path, folder / path.name)
    (folder / "photo.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    (folder / "empty.txt").write_bytes(b"")
    (folder / "latin1.txt").write_bytes("Des soldats ont été tués à Alep.".encode("latin-1"))
    with (folder / "huge.txt").open("w", encoding="utf-8") as handle:
        line = "The convoy moved north along the river road before dawn. " * 20 + "\n"
        for _ in range(50 * 1024 * 1024 // len(line) + 1):
            handle.write(line)
    return folder


def test_run_records_bad_inputs_and_processes_good_ones(mixed_folder, tmp_path):
    db = tmp_path / "run.db"
    result = runner.invoke(app, ["run", str(mixed_folder), "--db", str(db)])
    assert result.exit_code == 0, result.output
    with sqlite3.connect(db) as conn:
        processed = conn.execute("select count(*) from articles where status = 'processed'").fetchone()[0]
        failures = dict(conn.execute("select source, message from failures").fetchall())
    assert processed == 4
    reasons = {name.rsplit("/", 1)[-1]: message for name, message in failures.items()}
    assert set(reasons) == {"photo.txt", "empty.txt", "latin1.txt", "huge.txt"}
    assert "binary" in reasons["photo.txt"]
    assert "empty" in reasons["empty.txt"]
    assert "UTF-8" in reasons["latin1.txt"]
    assert "too large" in reasons["huge.txt"]
    for name in reasons:
        assert name in result.output  # the end-of-run summary lists every failure


def test_second_run_leaves_the_same_events(tmp_path):
    db = tmp_path / "twice.db"
    counts = []
    for extra in ([], [], ["--reprocess"]):
        result = runner.invoke(app, ["run", str(SAMPLE), "--db", str(db), *extra])
        assert result.exit_code == 0, result.output
        with sqlite3.connect(db) as conn:
            counts.append(conn.execute("select count(*) from events").fetchone()[0])
    assert counts[0] > 16
    assert counts[0] == counts[1] == counts[2]


def test_extract_outputs_jsonl_acled_and_table(tmp_path):
    article = SAMPLE / "01_saraqib_clash.txt"
    result = runner.invoke(app, ["extract", str(article)])
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
    assert lines and all({"actor1", "location", "claim", "evidence", "event_date", "sub_event_type"} <= set(l) for l in lines)
    assert all(l["claim"]["chain"][0]["name"] == "Levant Wire" for l in lines)

    acled = runner.invoke(app, ["extract", str(article), "--format", "acled"])
    rows = list(csv.DictReader(io.StringIO(acled.stdout)))
    assert rows and {"event_date", "event_type", "sub_event_type", "actor1", "fatalities", "source"} <= set(rows[0])

    table = runner.invoke(app, ["extract", str(article), "--format", "table"])
    assert table.exit_code == 0 and "events from 1 articles" in table.stdout


def test_extract_reads_standard_input_with_defaults():
    text = "Gunmen kidnapped two aid workers near Mosul on Tuesday, police said."
    result = runner.invoke(app, ["extract", "-", "--published", "2024-02-15", "--outlet", "Test Wire"], input=text)
    assert result.exit_code == 0, result.output
    (event,) = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
    assert event["sub_event_type"] == "Abduction/forced disappearance"
    assert event["event_date"] == "2024-02-13"
    assert event["location"]["name"] == "Mosul"
    assert event["claim"]["chain"][0]["name"] == "Test Wire"


def test_export_and_failures_commands(tmp_path):
    db = tmp_path / "x.db"
    runner.invoke(app, ["run", str(SAMPLE), "--db", str(db)])
    out = tmp_path / "events.csv"
    result = runner.invoke(app, ["export", "--db", str(db), "--format", "acled", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert len(list(csv.DictReader(out.open(encoding="utf-8")))) > 16
    failures = runner.invoke(app, ["failures", "--db", str(db)])
    assert failures.exit_code == 0 and "0 failures" in failures.stdout
    missing = runner.invoke(app, ["export", "--db", str(tmp_path / "nope.db")])
    assert missing.exit_code == 2
