"""`veille eval geo`: both gold formats read, accuracy within 161 km, detection precision and recall."""

from tests.conftest import report_metric
import json

import pytest

from veille.cli.evalgeo import eval_geo_command
from veille.evaluate.geo import evaluate_geo
from veille.evaluate.geo_readers import GoldFormatError, read_geo_gold
from veille.geo.gazetteer import default_gazetteer

TEXT = "Shelling hit Aleppo on Monday while Syrian and Russian jets flew over Idlib and the Middle East watched."
ALEPPO, IDLIB = (TEXT.index("Aleppo"), TEXT.index("Aleppo") + 6), (TEXT.index("Idlib"), TEXT.index("Idlib") + 5)
RUSSIAN = (TEXT.index("Russian"), TEXT.index("Russian") + 7)
MIDDLE_EAST = (TEXT.index("Middle East"), TEXT.index("Middle East") + 11)


def _gwn(toponyms):
    items = "".join(
        f"<toponym><extractedName>{TEXT[s:e]}</extractedName><type>Literal</type><start>{s}</start><end>{e}</end>"
        f"<geonamesID></geonamesID><latitude>{lat}</latitude><longitude>{lon}</longitude></toponym>"
        for s, e, lat, lon in toponyms)
    return f"<articles><article file='0'><title>t</title><text>{TEXT}</text><toponyms>{items}</toponyms></article></articles>"


def _lgl(toponyms):
    items = "".join(
        f"<toponym><start>{s}</start><end>{e}</end><phrase>{TEXT[s:e]}</phrase>"
        + (f"<gaztag geonameid='1'><name>{TEXT[s:e]}</name><lat>{lat}</lat><lon>{lon}</lon></gaztag>" if lat else "")
        + "</toponym>" for s, e, lat, lon in toponyms)
    return f"<articles><article docid='7'><text>{TEXT}</text><toponyms>{items}</toponyms></article></articles>"


GOLD = [(*ALEPPO, 36.2, 37.16), (*IDLIB, 35.93, 36.63), (*RUSSIAN, 60.0, 100.0), (*MIDDLE_EAST, 29.0, 41.0)]


@pytest.mark.parametrize("writer", [_gwn, _lgl])
def test_both_formats_read_the_same_toponyms(tmp_path, writer):
    path = tmp_path / "gold.xml"
    path.write_text(writer(GOLD), encoding="utf-8")
    [article] = read_geo_gold(path)
    assert article.text == TEXT
    assert [(t.start, t.end, t.latitude) for t in article.toponyms] == [(s, e, lat) for s, e, lat, _ in GOLD]
    assert [article.text[t.start:t.end] for t in article.toponyms] == ["Aleppo", "Idlib", "Russian", "Middle East"]


def test_sister_format_toponym_without_gaztag_has_no_coordinates(tmp_path):
    path = tmp_path / "gold.xml"
    path.write_text(_lgl([(*ALEPPO, None, None)]), encoding="utf-8")
    assert read_geo_gold(path)[0].toponyms[0].latitude is None


def test_given_spans_resolves_towns_demonyms_and_regions(tmp_path):
    path = tmp_path / "gold.xml"
    path.write_text(_gwn(GOLD), encoding="utf-8")
    metrics = evaluate_geo(read_geo_gold(path), default_gazetteer(), given_spans=True)
    assert metrics["n"] == 4 and metrics["acc_161km"] == 1.0
    assert {"n", "acc_161km", "mean_km", "median_km", "precision", "recall"} <= set(metrics)


def test_common_noun_expressions_are_not_given_as_toponyms(tmp_path, monkeypatch):
    path = tmp_path / "gold.xml"
    xml = _gwn([(*ALEPPO, 36.2, 37.16)]).replace(
        "</toponyms>", f"<toponym><extractedName>jets</extractedName><type>Literal_Expression</type>"
        f"<start>{TEXT.index('jets')}</start><end>{TEXT.index('jets') + 4}</end></toponym></toponyms>")
    path.write_text(xml, encoding="utf-8")
    articles = read_geo_gold(path)
    assert [t.kind for t in articles[0].toponyms] == ["Literal", "Literal_Expression"]
    seen = []
    import veille.evaluate.geo as geo

    def spy(mentions, *args, **kwargs):
        seen.append([mention.text for mention in mentions])
        return {}
    monkeypatch.setattr(geo, "resolve_places", spy)
    evaluate_geo(articles, default_gazetteer(), given_spans=True)
    assert seen and all(names == ["Aleppo"] for names in seen)


def test_a_wrong_gold_point_counts_as_a_miss(tmp_path):
    path = tmp_path / "gold.xml"
    path.write_text(_gwn([(*ALEPPO, 48.85, 2.35)]), encoding="utf-8")  # Aleppo placed in Paris
    metrics = evaluate_geo(read_geo_gold(path), default_gazetteer(), given_spans=True)
    assert metrics["acc_161km"] == 0.0 and metrics["mean_km"] > 2000


def test_detection_mode_reports_precision_and_recall(tmp_path, nlp_en):
    path = tmp_path / "gold.xml"
    path.write_text(_lgl(GOLD), encoding="utf-8")
    metrics = evaluate_geo(read_geo_gold(path), default_gazetteer(), given_spans=False)
    # A demonym is not detected as a place: at most 3 of the 4 gold toponyms are found.
    assert metrics["recall"] <= 0.75 and metrics["recall"] >= 0.5
    assert metrics["precision"] >= 0.6


def test_command_writes_json_and_rejects_bad_xml(tmp_path):
    path, out = tmp_path / "gold.xml", tmp_path / "m.json"
    path.write_text(_gwn(GOLD), encoding="utf-8")
    eval_geo_command(path, True, out)
    assert json.loads(out.read_text())["n"] == 4
    bad = tmp_path / "bad.xml"
    bad.write_text("<articles><article>", encoding="utf-8")
    with pytest.raises(GoldFormatError):
        read_geo_gold(bad)


def test_geowebnews_given_spans(shared_data):
    gold = shared_data / "gwn" / "GWN.xml"
    if not gold.exists():
        pytest.skip("GWN.xml is absent")
    metrics = evaluate_geo(read_geo_gold(gold), default_gazetteer(), given_spans=True)
    report_metric(f"\nGeoWebNews given spans: {json.dumps(metrics)}")
    assert metrics["n"] == 2601
    assert metrics["acc_161km"] >= 0.92  # issue #4's target (Mordecai3 reports 0.941 on its own GWN test split)
    assert metrics["acc_161km_without_fallback"] > 0.7


def test_geowebnews_detection(shared_data, nlp_en):
    # veille's own mention finder over every page: also a crash test on real pages' endings and layouts
    gold = shared_data / "gwn" / "GWN.xml"
    if not gold.exists():
        pytest.skip("GWN.xml is absent")
    metrics = evaluate_geo(read_geo_gold(gold), default_gazetteer(), given_spans=False)
    report_metric(f"\nGeoWebNews detection: {json.dumps(metrics)}")
    assert metrics["precision"] > 0.72 and metrics["recall"] > 0.52  # 0.759 / 0.573 when written


def test_fallback_placements_are_counted_apart(tmp_path):
    text = "Residents of Aleppo said the Zorbak Bakery on Qasr Lane was hit."
    bakery = (text.index("Zorbak Bakery"), text.index("Zorbak Bakery") + len("Zorbak Bakery"))
    aleppo = (text.index("Aleppo"), text.index("Aleppo") + 6)
    items = "".join(
        f"<toponym><extractedName>{text[s:e]}</extractedName><type>Literal</type><start>{s}</start><end>{e}</end>"
        f"<geonamesID></geonamesID><latitude>36.2</latitude><longitude>37.16</longitude></toponym>"
        for s, e in (aleppo, bakery))
    path = tmp_path / "gold.xml"
    path.write_text(f"<articles><article file='0'><title>t</title><text>{text}</text><toponyms>{items}</toponyms>"
                    "</article></articles>", encoding="utf-8")
    metrics = evaluate_geo(read_geo_gold(path), default_gazetteer(), given_spans=True)
    assert metrics["acc_161km"] == 1.0 and metrics["fallback_placed"] == 1
    assert metrics["acc_161km_without_fallback"] == 0.5
