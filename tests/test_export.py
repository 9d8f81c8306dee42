"""Tests for veille.export: ACLED CSV layout and values, JSON lines structure."""

from __future__ import annotations

import csv
import io
import json
from datetime import date

import pytest

from veille.export import (
    ACLED_COLUMNS,
    ACLED_COLUMNS_2022,
    event_to_acled_row,
    write_acled_csv,
    write_events_jsonl,
)
from veille.export.acled import acled_region, format_event_date
from veille.export.notes import event_notes
from veille.records import Actor, Article, Claim, Event, Place, Source, Span

TEXT = (
    "Markets reopened in the north. Late on Sunday, a drone struck a fuel depot outside Qasr "
    "Amin, killing two guards, the Riverside Observatory said. Officials gave no toll."
)
STAMP = 1_700_000_000


def span(fragment: str) -> Span:
    start = TEXT.index(fragment)
    return Span(start=start, end=start + len(fragment), text=fragment)


@pytest.fixture
def article() -> Article:
    return Article(id="art-1", text=TEXT, outlet="Example Wire", language="en")


@pytest.fixture
def strike(article) -> Event:
    return Event(
        id="art-1:58-64",
        article_id=article.id,
        event_type="Explosions/Remote violence",
        sub_event_type="Air/drone strike",
        plover_type="FIGHT",
        plover_mode="aerial",
        actor1=Actor(name="Unidentified Military Forces", inter=8),
        actor2=Actor(name="Civilians (Syria)", inter=7, country="SYR", mention=span("guards")),
        inter1=8,
        inter2=7,
        interaction=78,
        event_date=date(2020, 5, 9),
        time_precision=1,
        location=Place(
            name="Qasr Amin", admin1="Deir-ez-Zor", admin2="Al Mayadin", country="Syria", iso3="SYR",
            latitude=35.01234567, longitude=40.4, geo_precision=2, mention=span("Qasr Amin"),
        ),
        fatalities=2,
        claim=Claim(
            chain=[
                Source(name="Example Wire", kind="outlet"),
                Source(name="Riverside Observatory", kind="monitor"),
            ],
            attribution="reported",
        ),
        evidence={"event_type": span("struck"), "fatalities": span("killing two guards")},
        confidence=0.8,
        trigger=span("struck"),
    )


def read_csv(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text)))


def test_acled_csv_header_has_the_31_columns_in_acled_order(strike, article):
    out = io.StringIO()
    assert write_acled_csv([strike], {article.id: article}, out, timestamp=STAMP) == 1
    header, row = read_csv(out.getvalue())
    assert header == list(ACLED_COLUMNS)
    assert len(header) == 31
    assert header[:4] == ["data_id", "iso", "event_id_cnty", "event_id_no_cnty"]
    assert header[-4:] == ["notes", "fatalities", "timestamp", "iso3"]
    assert len(row) == 31


def test_acled_columns_match_the_header_of_the_shared_acled_file(shared_data):
    path = shared_data / "acled-2020" / "acled.csv"
    if not path.exists():
        pytest.skip("acled-2020/acled.csv is absent")
    with path.open(encoding="utf-8") as handle:
        assert tuple(next(csv.reader(handle))) == ACLED_COLUMNS


def test_acled_row_values(strike, article):
    row = event_to_acled_row(strike, article, timestamp=STAMP)
    assert list(row) == list(ACLED_COLUMNS)
    assert row["iso"] == 760
    assert row["event_id_cnty"] == "art-1:58-64"
    assert row["event_date"] == "2020-05-09"
    assert row["year"] == 2020
    assert (row["actor1"], row["inter1"], row["actor2"], row["inter2"], row["interaction"]) == (
        "Unidentified Military Forces", 8, "Civilians (Syria)", 7, 78,
    )
    assert row["assoc_actor_1"] == ""
    assert (row["region"], row["country"], row["admin1"], row["admin2"], row["location"]) == (
        "Middle East", "Syria", "Deir-ez-Zor", "Al Mayadin", "Qasr Amin",
    )
    assert (row["latitude"], row["longitude"], row["geo_precision"]) == ("35.0123", "40.4000", 2)
    assert row["source"] == "Example Wire; Riverside Observatory"
    assert row["notes"] == (
        "Late on Sunday, a drone struck a fuel depot outside Qasr Amin, killing two guards, "
        "the Riverside Observatory said."
    )
    assert (row["fatalities"], row["timestamp"], row["iso3"]) == (2, STAMP, "SYR")


def test_acled_conventions_for_missing_values(article):
    bare = Event(id="e", article_id=article.id, event_type="Protests", sub_event_type="Peaceful protest",
                 actor1=Actor(name="Protesters (Syria)", inter=6), inter1=6)
    row = event_to_acled_row(bare, None, timestamp=STAMP)
    assert row["fatalities"] == 0
    assert (row["actor2"], row["inter2"]) == ("", 0)
    assert (row["event_date"], row["year"], row["region"], row["iso"], row["notes"]) == ("", "", "", "", "")


def test_the_2022_column_set_adds_disorder_type_and_civilian_targeting(strike, article):
    out = io.StringIO()
    write_acled_csv([strike], {article.id: article}, out, column_set="2022", timestamp=STAMP)
    header, values = read_csv(out.getvalue())
    assert header == list(ACLED_COLUMNS_2022)
    row = dict(zip(header, values))
    assert row["disorder_type"] == "Political violence"
    assert row["civilian_targeting"] == "Civilian targeting"
    assert "data_id" not in row


def test_civilian_targeting_is_empty_when_the_target_is_armed(strike, article):
    clash = strike.model_copy(update={"inter2": 1, "actor2": Actor(name="Military Forces of Syria", inter=1)})
    row = event_to_acled_row(clash, article, column_set="2022", timestamp=STAMP)
    assert row["civilian_targeting"] == ""


def test_date_styles():
    day = date(2020, 1, 18)
    assert format_event_date(day) == "2020-01-18"
    assert format_event_date(day, "acled") == "18 January 2020"
    assert format_event_date(date(2020, 5, 9), "acled-2020") == "9-May-20"
    with pytest.raises(ValueError):
        format_event_date(day, "american")


def test_regions_come_from_the_resource_table():
    assert acled_region("irq") == "Middle East"
    assert acled_region("LBY") == "Northern Africa"
    assert acled_region("ZZZ") == ""
    assert acled_region(None) == ""


def test_notes_fall_back_to_evidence_text_without_the_article(strike):
    assert event_notes(strike, None) == "struck"
    untriggered = strike.model_copy(update={"trigger": None})
    assert event_notes(untriggered, None) == "struck ... killing two guards"


def test_source_falls_back_to_the_outlet_when_no_claim_chain(strike, article):
    unsourced = strike.model_copy(update={"claim": Claim()})
    assert event_to_acled_row(unsourced, article, timestamp=STAMP)["source"] == "Example Wire"


def test_jsonl_lines_hold_the_nested_event_and_flat_acled_fields(strike, article):
    out = io.StringIO()
    unknown_toll = strike.model_copy(update={"id": "art-1:other", "fatalities": None})
    count = write_events_jsonl([strike, unknown_toll], out, {article.id: article})
    lines = out.getvalue().splitlines()
    assert count == len(lines) == 2
    first = json.loads(lines[0])
    assert first["actor1"] == {
        "name": "Unidentified Military Forces", "inter": 8, "country": None, "mention": None
    }
    assert first["location"]["name"] == "Qasr Amin"
    assert first["claim"]["chain"][1]["name"] == "Riverside Observatory"
    assert first["evidence"]["fatalities"]["text"] == "killing two guards"
    assert (first["event_date"], first["country"], first["admin1"], first["latitude"]) == (
        "2020-05-09", "Syria", "Deir-ez-Zor", 35.01234567,
    )
    assert (first["region"], first["iso3"], first["year"], first["source"]) == (
        "Middle East", "SYR", 2020, "Example Wire; Riverside Observatory",
    )
    assert first["notes"].startswith("Late on Sunday")
    assert json.loads(lines[1])["fatalities"] is None


def test_jsonl_line_minus_flat_fields_is_the_event(strike):
    out = io.StringIO()
    write_events_jsonl([strike], out)
    line = json.loads(out.getvalue())
    nested = {key: value for key, value in line.items() if key in Event.model_fields}
    assert Event.model_validate(nested) == strike
