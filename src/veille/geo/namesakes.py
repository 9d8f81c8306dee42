"""Choices between places of one name that the article's own wording settles."""

from __future__ import annotations

import math
import re

from veille.extract.mentions import PlaceMention
from veille.geo.cues import place_words
from veille.geo.gazetteer import GazetteerEntry
from veille.geo.normalise import normalise_name

WELL_KNOWN_POPULATION = 100_000  # a city this big is known by its bare name far beyond its own province ...
WELL_KNOWN = 1.0  # ... and gains this much again per tenfold above it, against small namesakes near other places
DIVISION_FEATURES = frozenset({"admin1", "admin2"})
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
