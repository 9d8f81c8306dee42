"""Places for known toponyms the gazetteer lacks: a place named inside them, else the article's focus.

A street, building or institution ("Elm Street", "Riverside Hospital", "Springfield College")
is rarely in a gazetteer of towns, but it lies in the place its name contains, or else, in a
news article, near the place the article is about. Only for mentions known to be toponyms.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from veille.extract.mentions import PlaceMention
from veille.geo.gazetteer import Gazetteer
from veille.geo.normalise import normalise_name
from veille.records import Place, Span
from veille.resources import load_yaml

NOTABLE_POPULATION = 100_000  # an inner name not otherwise in the article must name a town this big
AREAS = frozenset({"country", "region"})
_WORD = re.compile(r"[^\W_]+(?:['’.-][^\W_]+)*\.?")


@lru_cache(maxsize=16)
def _words(kind: str, language: str) -> frozenset[str]:
    table = (load_yaml("geo", "facility_words.yaml") or {}).get(kind) or {}
    return frozenset(str(word).casefold() for word in table.get(language) or ())


def inner_names(mention: PlaceMention, language: str) -> list[PlaceMention]:
    """Runs of words inside a mention, longest first, that could be a place's name.

    A run starts and ends with a capitalised word that is not a generic facility word; a road
    ("Oxford Street") has none, being mostly named after somewhere else.
    """
    generic = _words("generic", language)
    words = [(match.start(), match.end(), match.group().rstrip(".")) for match in _WORD.finditer(mention.text)]
    if words and words[-1][2].casefold() in _words("roads", language):
        return []
    runs = []
    for size in range(len(words) - 1, 0, -1):
        for first in range(len(words) - size + 1):
            window = words[first:first + size]
            edges = (window[0][2], window[-1][2])
            if not all(word[:1].isupper() and word.casefold() not in generic for word in edges):
                continue
            start, end = mention.start + window[0][0], mention.start + window[-1][1]
            runs.append(PlaceMention(start=start, end=end, text=mention.text[window[0][0]:window[-1][1]],
                                     token_start=0, token_end=0))
    return runs


def pick_inner_name(mention: PlaceMention, language: str, gazetteer: Gazetteer,
                    named_keys: set[str]) -> PlaceMention | None:
    """The longest inner name that the article names elsewhere, or that names an area or a big town."""
    for run in inner_names(mention, language):
        if gazetteer.demonym_country(run.text) or gazetteer.demonym_region(run.text):
            continue  # the "British" of "British Embassy" says whose it is, not where
        if normalise_name(run.text) in named_keys:
            return run
        found = gazetteer.candidates(run.text)
        if any(entry.feature != "city" or entry.population >= NOTABLE_POPULATION for entry in found):
            return run
    return None


def _is_area(place: Place) -> bool:
    return place.geo_precision == 3 and place.admin1 is None  # a country or a region


def focus(places: dict[PlaceMention, Place], before: int) -> Place | None:
    """The town (else province) named last before offset `before`, else the most named place.

    Streets and buildings cluster around the town the text is talking about at that point, in
    the article's main country (the one most of its places are in). With no such place before
    it, the most mentioned place below country level (of any country if none is in the main
    one), or else any place, stands in.
    """
    if not places:
        return None
    ordered = sorted(places.items(), key=lambda item: item[0].start)
    main_country = Counter(place.iso3 for _, place in ordered).most_common(1)[0][0]
    local = [(mention, place) for mention, place in ordered if not _is_area(place)]
    home = [(mention, place) for mention, place in local if place.iso3 == main_country]
    preceding = [place for mention, place in home if mention.start < before]
    towns = [place for place in preceding if place.geo_precision < 3]
    if towns or preceding:
        return (towns or preceding)[-1]
    candidates = [place for _, place in home or local] or [place for _, place in ordered]
    counts = Counter((place.name, place.latitude, place.longitude) for place in candidates)
    return max(candidates, key=lambda place: counts[(place.name, place.latitude, place.longitude)])


def respanned(place: Place, mention: PlaceMention, precision: int) -> Place:
    """The same place given to another mention, with a coarser precision."""
    return place.model_copy(update={
        "mention": Span(start=mention.start, end=mention.end, text=mention.text),
        "geo_precision": max(place.geo_precision, precision),
    })
