"""Cluster scorers, the bundled incident set and its scores, and the ACLED over-merge helpers."""

from __future__ import annotations

import pytest

from veille.evaluate.clusters import bcubed_scores, pairwise_scores
from veille.evaluate.incidents import bundled_incident_set, evaluate_incident_set, load_gold
from veille.evaluate.overmerge import acled_notes_as_articles, overmerge_report
from veille.records import Incident


def test_pairwise_and_bcubed_on_a_known_clustering():
    gold = {"a": 1, "b": 1, "c": 1, "d": 2}
    predicted = {"a": "x", "b": "x", "c": "y", "d": "y"}
    pairs = pairwise_scores(gold, predicted)
    assert (pairs["pairwise_precision"], pairs["pairwise_recall"]) == (0.5, pytest.approx(1 / 3))
    b3 = bcubed_scores(gold, predicted)
    assert b3["bcubed_precision"] == pytest.approx((1 + 1 + 0.5 + 0.5) / 4)
    assert b3["bcubed_recall"] == pytest.approx((2 / 3 + 2 / 3 + 1 / 3 + 1) / 4)
    perfect = pairwise_scores(gold, {k: str(v) for k, v in gold.items()})
    assert perfect["pairwise_f1"] == 1.0
    cross = pairwise_scores(gold, predicted, keep=lambda a, b: {a, b} == {"c", "d"})
    assert cross["pairwise_precision"] == 0.0


def test_bundled_set_has_enough_articles_languages_and_lookalikes():
    folder = bundled_incident_set()
    gold = load_gold(folder)
    files = {path.stem for path in (folder / "articles").glob("*.txt")}
    assert files == set(gold)
    assert len(gold) >= 40
    assert {entry["language"] for entry in gold.values()} == {"fr", "en"}
    incidents = {entry["incident"] for entry in gold.values()}
    assert len(incidents) >= 15
    multilingual = [i for i in incidents if len({e["language"] for e in gold.values() if e["incident"] == i}) == 2]
    assert len(multilingual) >= 10


def test_incident_resolution_scores_on_the_bundled_set():
    scores = evaluate_incident_set()
    for subset, score in scores.items():
        print(f"incidents {subset}: n={score['n']} pairwise P/R/F1 {score['pairwise_precision']:.3f}/"
              f"{score['pairwise_recall']:.3f}/{score['pairwise_f1']:.3f} B3 P/R/F1 {score['bcubed_precision']:.3f}/"
              f"{score['bcubed_recall']:.3f}/{score['bcubed_f1']:.3f}")
    for subset in ("fr", "en", "cross-language", "all"):
        assert scores[subset]["pairwise_f1"] >= 0.90, subset
        assert scores[subset]["bcubed_f1"] >= 0.90, subset


def test_acled_rows_become_dated_articles_and_merged_rows_are_counted(tmp_path):
    csv_path = tmp_path / "events.csv"
    csv_path.write_text(
        "data_id,event_date,region,notes,source\n"
        "1,9-May-20,Middle East,\"On 9 May 2020, shelling hit a town.\",Levant Wire\n"
        "2,9-May-20,Europe,\"On 9 May 2020, a protest took place.\",Daily\n"
        "3,10-May-20,Middle East,,Nobody\n", encoding="utf-8")
    rows = list(acled_notes_as_articles(csv_path, "Middle East"))
    assert rows == [{"id": "acled-1", "text": "On 9 May 2020, shelling hit a town.", "published": "2020-05-09",
                     "outlet": "Levant Wire", "language": "en"}]
    incidents = [Incident(id="i1", event_ids=["e1", "e2"], article_ids=["r1", "r2"], event_type="Battles",
                          sub_event_type="Armed clash"),
                 Incident(id="i2", event_ids=["e3", "e4"], article_ids=["r3"], event_type="Battles",
                          sub_event_type="Armed clash"),
                 Incident(id="i3", event_ids=["e5"], article_ids=["r4"], event_type="Protests",
                          sub_event_type="Peaceful protest")]
    report = overmerge_report(incidents)
    assert (report.n_rows_with_events, report.n_rows_merged, report.n_incidents_multi_row) == (4, 2, 1)
    assert report.rate == 0.5 and [i.id for i in report.examples] == ["i1"]


def test_eval_incidents_command_on_a_small_set_and_a_clear_error_on_bad_gold(tmp_path):
    from typer.testing import CliRunner

    from veille.cli import app

    articles = tmp_path / "articles"
    articles.mkdir()
    texts = {
        "a_en": ("Levant Wire", "2024-03-11T18:00:00Z", "Syrian army artillery shelled Saraqib on Monday, March 11, "
                 "killing three civilians, activists said."),
        "b_fr": ("Agence Orient", "2024-03-12T07:00:00Z", "Trois civils ont été tués lundi 11 mars par des tirs "
                 "d'artillerie de l'armée syrienne sur Saraqeb, selon des militants."),
    }
    for name, (outlet, published, text) in texts.items():
        (articles / f"{name}.txt").write_text(f"---\noutlet: {outlet}\npublished: {published}\n---\n{text}\n",
                                              encoding="utf-8")
    (tmp_path / "gold.yaml").write_text("a_en: {incident: X, language: en}\nb_fr: {incident: X, language: fr}\n",
                                        encoding="utf-8")
    result = CliRunner().invoke(app, ["eval", "incidents", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert "cross-lang" in result.output and "1.000" in result.output
    (tmp_path / "gold.yaml").write_text("- just a list\n", encoding="utf-8")
    with pytest.raises(ValueError, match="gold.yaml"):
        load_gold(tmp_path)
    result = CliRunner().invoke(app, ["eval", "incidents", str(tmp_path)])
    assert result.exit_code == 2 and "gold.yaml" in result.output
