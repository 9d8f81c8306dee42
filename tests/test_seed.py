"""The French seed report (../shared/seed) end to end: the events an analyst expects from it."""

from __future__ import annotations

import json
import math
from datetime import date

import pytest
from typer.testing import CliRunner

from tests.conftest import SEED_DIR, report_metric
from veille.cli import app

SEED = SEED_DIR / "000_a73ef0beed580e00.txt"
HAWIJA = (35.32592, 43.77267)


def _km(a, b):
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 6371 * 2 * math.asin(math.sqrt(h))


@pytest.fixture(scope="module")
def seed_events():
    if not SEED.exists():
        pytest.skip("../shared/seed is absent")
    result = CliRunner().invoke(app, ["extract", str(SEED), "--published", "2020-01-20", "--outlet", "Press TV"])
    assert result.exit_code == 0, result.output
    events = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
    with_place = lambda e: e["location"]["name"] if e["location"] else "-"  # noqa: E731
    report_metric(f"\nseed article: {len(events)} events")
    for e in events:
        report_metric(f"  {e['event_date']} {e['sub_event_type']:<34} {with_place(e):<22} "
              f"{(e['actor1'] or {}).get('name', '-'):<30} {(e['actor2'] or {}).get('name', '-'):<30} "
              f"deaths={e['fatalities']} {e['modality']} chain={' -> '.join(s['name'] for s in e['claim']['chain'])}")
    return events


def _names(event):
    return {(event.get(k) or {}).get("name") for k in ("actor1", "actor2")}


def test_foiled_attack_near_hawija(seed_events):
    matches = [
        e for e in seed_events
        if e["location"] and _km((e["location"]["latitude"], e["location"]["longitude"]), HAWIJA) <= 25
        and e["event_date"] == "2020-01-18" and e["fatalities"] == 2
        and {"Islamic State", "Popular Mobilization Forces"} <= _names(e)
    ]
    assert matches, "no Hawija attack with IS vs PMF, 2020-01-18, 2 dead"
    event = matches[0]
    assert event["location"]["iso3"] == "IRQ" and event["location"]["admin1"] == "Kirkuk"
    assert [s["name"] for s in event["claim"]["chain"]][:2] == ["Press TV", "Al-Malooma"]


def test_four_russian_officers_killed_in_idlib(seed_events):
    matches = [
        e for e in seed_events
        if e["location"] and "Idlib" in (e["location"]["name"], e["location"]["admin1"])
        and e["event_date"] == "2020-01-18" and e["fatalities"] == 4
        and "Military Forces of Russia" in _names(e)
    ]
    assert matches
    assert any(any(s["name"].endswith("Avia.pro") for s in e["claim"]["chain"]) for e in matches)


def test_soleimani_killed_in_baghdad(seed_events):
    assert any(
        e["location"] and e["location"]["name"] == "Baghdad" and e["event_date"] == "2020-01-03"
        for e in seed_events
    )


def test_israeli_strike_on_t4_in_homs(seed_events):
    assert any(
        e["location"] and "Homs" in (e["location"]["name"], e["location"]["admin1"])
        and "Military Forces of Israel" in _names(e)
        for e in seed_events
    )


def test_every_seed_event_names_its_source(seed_events):
    assert seed_events
    assert all(e["claim"]["chain"] and e["claim"]["chain"][0]["name"] == "Press TV" for e in seed_events)
