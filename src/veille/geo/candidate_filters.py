"""Candidates a mention's spelling makes implausible: unrelated aliases, villages for acronyms, namesake districts."""

from __future__ import annotations

import re

from veille.geo.gazetteer import GazetteerEntry
from veille.geo.normalise import normalise_name

ALIAS_MIN_POPULATION = 100_000  # a town reached through an unrelated alternate name must be this big ...
LONE_ALIAS_MIN_POPULATION = 10_000  # ... or this big when it is the name's only candidate
NAMESAKE_ALIAS_MIN_POPULATION = 1_000_000  # ... or this big when another candidate bears the name as its own
_SAME_INITIALS = {"q": "k", "c": "k", "g": "j", "z": "s", "w": "v"}
_ACRONYM = re.compile(r"(?:[A-Z]\.?){2,5}")


def plausible_candidates(found: list[GazetteerEntry], mention: str) -> list[GazetteerEntry]:
    """The candidates of a mention less unrelated aliases (but a lone one) and, for an acronym, towns."""
    key = normalise_name(mention)
    own_name = any(normalise_name(entry.name) == key for entry in found)
    least = NAMESAKE_ALIAS_MIN_POPULATION if own_name else ALIAS_MIN_POPULATION
    kept = [entry for entry in found if not unrelated_alias(entry, key, least)]
    if kept or len(found) != 1 or found[0].population < LONE_ALIAS_MIN_POPULATION:
        found = kept  # a lone sizeable town stays: an exonym ("Palmyre") more often than a false alias
    if _ACRONYM.fullmatch(mention.strip()):
        # "SA", "OAS", "AAS": an acronym names a country, a state or an organisation, not a namesake town or county
        found = [entry for entry in found if entry.feature not in ("city", "admin2")]
    return found


def unrelated_alias(entry: GazetteerEntry, key: str, least: int = ALIAS_MIN_POPULATION) -> bool:
    """A small town reached through an alternate name that does not even start like its own.

    Spelling variants (Deraa / Daraa, Kirkouk / Kirkuk) keep their first sound; a town listed
    under a person's or a landmark's name is a poor match for that name when a namesake exists.
    """
    if entry.feature != "city" or entry.population >= least:
        return False
    own = normalise_name(entry.name)
    return bool(own) and bool(key) and initial(own) != initial(key)


def initial(key: str) -> str:
    """A key's first sound: vowels are one, and so are the letters transliterations swap (q/k, j/g/dj)."""
    first = key[0]
    return "a" if first in "aeiouy" else _SAME_INITIALS.get(first, first)


def without_namesake_divisions(found: list[GazetteerEntry]) -> list[GazetteerEntry]:
    """Drop second-order divisions named like a town inside their province: "Lawdar" is the town."""
    towns = {(entry.country_code, entry.admin1_code) for entry in found if entry.feature == "city"}
    return [entry for entry in found
            if entry.feature != "admin2" or (entry.country_code, entry.admin1_code) not in towns]
