"""Abbreviated division names ("Calif.", "B.C.", "Herts", "SC") and the divisions they stand for."""

from __future__ import annotations

from functools import lru_cache

from veille.geo.gazetteer import Gazetteer, GazetteerEntry
from veille.resources import load_yaml

DIVISION_RANK = {"admin1": 0, "admin2": 1}


@lru_cache(maxsize=1)
def _table() -> dict[str, tuple[str, str]]:
    table: dict[str, tuple[str, str]] = {}
    for country, abbreviations in (load_yaml("geo", "abbreviations.yaml") or {}).items():
        if country == "postal":
            continue
        for abbreviation, name in (abbreviations or {}).items():
            table[str(abbreviation).casefold()] = (str(country), str(name))
    return table


@lru_cache(maxsize=1)
def _postal() -> dict[str, tuple[tuple[str, str], ...]]:
    codes = (load_yaml("geo", "abbreviations.yaml") or {}).get("postal") or {}
    return {str(code): tuple((str(country), str(name)) for country, name in readings)
            for code, readings in codes.items()}


def expand_abbreviation(text: str) -> tuple[str, str] | None:
    """(country code, full division name) of an abbreviation spelled exactly so, dots included, else None."""
    return _table().get(text.strip().casefold())


def postal_readings(text: str) -> tuple[tuple[str, str], ...]:
    """(country code, name) of every division or country a postal code written in capitals stands for."""
    return _postal().get(text.strip(), ())


def abbreviated_places(text: str, gazetteer: Gazetteer) -> list[GazetteerEntry]:
    """The division a dotted abbreviation stands for, or every place a postal code may stand for; else []."""
    abbreviation = expand_abbreviation(text)
    if abbreviation is not None:
        country, name = abbreviation
        divisions = [entry for entry in gazetteer.candidates(name)
                     if entry.country_code == country and entry.feature in DIVISION_RANK]
        if divisions:
            return sorted(divisions, key=lambda entry: DIVISION_RANK[entry.feature])[:1]
    places = []
    for country, name in postal_readings(text):
        found = [entry for entry in gazetteer.candidates(name) if entry.country_code == country
                 and (entry.feature in DIVISION_RANK or entry.feature == "country")]
        places.extend(sorted(found, key=lambda entry: DIVISION_RANK.get(entry.feature, -1))[:1])
    return places
