"""Incidents in the store, `veille resolve`, resolution at the end of `veille run`, `incident` in extract output."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from veille.cli import app
from veille.store import Store
from tests.test_resolve import article, event

runner = CliRunner()

TWO_REPORTS = {
    "levant.txt": ("---\noutlet: Levant Wire\npublished: 2024-03-11T18:00:00Z\n---\n"
                   "Syrian government artillery shelled Saraqib, in Idlib province, on Monday, March 11, "
                   "killing three civilians, the Syrian Observatory for Human Rights said.\n"),
    "orient.txt": ("---\noutlet: Agence Orient\npublished: 2024-03-12T07:00:00Z\n---\n"
                   "Quatre civils ont été tués lundi 11 mars par des tirs d'artillerie de l'armée syrienne "
                   "sur Saraqeb, dans la province d'Idleb, selon l'Observatoire syrien des droits de l'homme.\n"),
}


def test_store_replaces_and_reads_incidents(tmp_path):
    from veille.resolve.store import resolve_store

    with Store(tmp_path / "v.db") as store:
        store.save_article_events(article("a", "Levant Wire", 8), [event("a", fatalities=3)])
        store.save_article_events(article("b", "Agence Orient", 9), [event("b", fatalities=4)])
        store.save_article_events(article("c", "Levant Wire", 10), [event("c", day=12)])
        found = resolve_store(store)
        assert len(found) == 2
        stored = store.incidents()
        assert [i.n_reports for i in stored] == [2, 1]
        assert stored[0].disagreements[0].field == "fatalities"
        links = store.incident_ids_by_event()
        assert links["a-e"] == links["b-e"] != links["c-e"]
        resolve_store(store)  # resolving again replaces, never duplicates
        assert len(store.incidents()) == 2


def test_run_resolves_incidents_and_resolve_command_reports_them(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for name, text in TWO_REPORTS.items():
        (folder / name).write_text(text, encoding="utf-8")
    db = tmp_path / "v.db"
    result = runner.invoke(app, ["run", str(folder), "--db", str(db)])
    assert result.exit_code == 0, result.output
    with Store(db) as store:
        merged = [i for i in store.incidents() if i.n_reports == 2]
        assert merged, [i.model_dump() for i in store.incidents()]
        assert merged[0].n_independent_sources == 1  # both relay the Observatory
        assert {d.field for d in merged[0].disagreements} >= {"fatalities"}
    result = runner.invoke(app, ["resolve", "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert "incidents" in result.output
    result = runner.invoke(app, ["resolve", "--db", str(tmp_path / "missing.db")])
    assert result.exit_code == 2


def test_extract_lines_carry_claim_and_incident(tmp_path):
    paths = []
    for name, text in TWO_REPORTS.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
        paths.append(str(tmp_path / name))
    result = runner.invoke(app, ["extract", *paths])
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
    assert lines and all("incident" in line and "claim" in line for line in lines)
    shelling = [line for line in lines if line["location"] and "Saraq" in line["location"]["name"]]
    assert len({line["incident"] for line in shelling}) == 1 and len({l["article_id"] for l in shelling}) == 2
    assert any(s["name"] == "Syrian Observatory for Human Rights" for s in shelling[0]["claim"]["chain"])
