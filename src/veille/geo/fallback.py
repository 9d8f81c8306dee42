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
from veille.geo.areas import named_area
from veille.geo.capitals import moved_to
from veille.geo.cues import container_connectors, demonym_countries
from veille.geo.distance import distance_km
from veille.geo.gazetteer import Gazetteer, GazetteerEntry
from veille.geo.landmarks import landmark_town
from veille.geo.normalise import normalise_name
from veille.records import Place, Span
from veille.resources import load_yaml

NEIGHBOUR_KM = 50  # a focus town's neighbours: places of the story this close to it
NOTABLE_POPULATION = 100_000  # an inner name not otherwise in the article must name a town this big
AREAS = frozenset({"country", "region"})
_WORD = re.compile(r"[^\W_]+(?:['’.-][^\W_]+)*\.?")


@lru_cache(maxsize=16)
def _words(kind: str, language: str) -> frozenset[str]:
    table = (load_yaml("geo", "facility_words.yaml") or {}).get(kind) or {}
    return frozenset(str(word).casefold() for word in table.get(language) or ())


def inner_names(mention: PlaceMention, language: str) -> list[PlaceMention]:
    """Runs of words inside a mention, longest first, that could be a place's name.

    A run starts and ends with a capitalised word that is not a generic facility word, though a
    longer run may open with a word that opens place names ("New York Auto Show" names New York);
    a road ("Oxford Street") has none, being mostly named after somewhere else.
    """
    generic, openers = _words("generic", language), _words("openers", language)
    words = [(match.start(), match.end(), match.group().rstrip(".")) for match in _WORD.finditer(mention.text)]
    if words and words[-1][2].casefold() in _words("roads", language):
        return []
    runs = []
    for size in range(len(words) - 1, 0, -1):
        for first in range(len(words) - size + 1):
            window = words[first:first + size]
            first, last = window[0][2], window[-1][2]
            opens = first.casefold() not in generic or (size > 1 and first.casefold() in openers)
            if not (first[:1].isupper() and last[:1].isupper() and opens and last.casefold() not in generic):
                continue
            start, end = mention.start + window[0][0], mention.start + window[-1][1]
            runs.append(PlaceMention(start=start, end=end, text=mention.text[window[0][0]:window[-1][1]],
                                     token_start=0, token_end=0))
    return runs


def pick_inner_name(mention: PlaceMention, language: str, gazetteer: Gazetteer,
                    named_keys: set[str], countries: frozenset[str] = frozenset()) -> PlaceMention | None:
    """The longest inner name that is a landmark, that the article names elsewhere, or that is spelled as an
    area or a big town is; else, for a body of a government ("Russian Foreign Ministry"), the demonym inside it.

    Other names with a demonym ("British Embassy", "French Quarter", "Irish pub"), and a mission
    named after its country ("Embassy of Armenia"), are mostly abroad from the people or country
    named, at the place the article is about.
    """
    demonym = None
    abroad = _has_word(mention, "abroad", language)
    for run in inner_names(mention, language):
        if landmark_town(run.text, gazetteer) is not None or named_area(run.text, gazetteer) is not None:
            return run  # "Heathrow Cargo Centre", "Niger Delta University"
        if _is_demonym(run.text, language, gazetteer):
            demonym = demonym or run  # the "British" of "British Embassy Tokyo" says whose it is, not where
            continue
        found, strict = gazetteer.lookup(run.text)
        if abroad and any(entry.feature == "country" for entry in found):
            continue  # the "Armenia" of "Embassy of Armenia" says whose it is, not where
        if normalise_name(run.text) in named_keys:
            return run
        if strict and any(_notable(entry, countries) for entry in found):
            return run
    return demonym if demonym is not None and _has_word(mention, "seats", language) else None


def _notable(entry: GazetteerEntry, countries: frozenset[str]) -> bool:
    """A country, or a province or big town in one of the article's countries (ISO3; any when it has none).

    A big town abroad from all the article's places, named inside a facility's name, is a brand
    ("Liverpool Academy" in Cairo), not where the facility is.
    """
    if entry.feature == "region":
        return False  # "Mall of Asia", "Africa House": a continent in a name is a theme, not where it stands
    if entry.feature in AREAS:
        return True
    if countries and entry.iso3 not in countries:
        return False
    return entry.feature != "city" or entry.population >= NOTABLE_POPULATION


def _has_word(mention: PlaceMention, kind: str, language: str) -> bool:
    return bool({word.casefold() for word in _WORD.findall(mention.text)} & _words(kind, language))


def _is_demonym(text: str, language: str, gazetteer: Gazetteer) -> bool:
    return (normalise_name(text) in demonym_countries(language) or gazetteer.demonym_country(text) is not None
            or gazetteer.demonym_region(text) is not None)


def seat_of_government(place: Place, mention: PlaceMention, language: str, gazetteer: Gazetteer) -> Place:
    """A country's capital for a body of its government named by it ("Russian Foreign Ministry"), else `place`."""
    if place.geo_precision != 3 or place.admin1 is not None or not _has_word(mention, "seats", language):
        return place
    country = gazetteer.country(place.iso3) if place.iso3 else None
    capital = gazetteer.capital(country.country_code) if country is not None else None
    return place if capital is None else moved_to(place, capital, 2)


def _is_country_or_wider(place: Place) -> bool:
    return place.geo_precision == 3 and place.admin1 is None and (place.country is None or place.name == place.country)


def _is_area(place: Place) -> bool:
    return place.geo_precision == 3 and place.admin1 is None  # a country or a region


def focus(places: dict[PlaceMention, Place], before: int) -> Place | None:
    """The most named town of the article's main province, else the main country itself.

    Streets and buildings cluster around the town an article is about: its main country is the
    one most of its places are in (a town or province counting twice, a country or demonym once),
    its main province the one most of that country's local places are in, a province named outright
    counting twice (so that a namesake town elsewhere, picked by mistake, is no focus). Of the
    province's towns (else the province itself) the most named stands in, ties going to the one
    named last before the mention, then to the first after it. With no local place in the main
    country, the country stands in.
    """
    if not places:
        return None
    ordered = sorted(places.items(), key=lambda item: item[0].start)
    countries: Counter = Counter()
    for _, place in ordered:  # a town or province says more about where the story is than a country named
        countries[place.iso3] += 1 if _is_area(place) else 2
    main_country = countries.most_common(1)[0][0]
    home = [(mention, place) for mention, place in ordered if place.iso3 == main_country and not _is_area(place)]
    if not home:
        return next(place for _, place in ordered if place.iso3 == main_country)
    weights: Counter = Counter()
    for _, place in home:  # a province the article names outright weighs as two of its towns
        weights[place.admin1] += 2 if place.geo_precision == 3 else 1
    province = weights.most_common(1)[0][0]
    home = [(mention, place) for mention, place in home if place.admin1 == province]
    towns = [(mention, place) for mention, place in home if place.geo_precision < 3] or home
    counts = Counter(_where(place) for _, place in towns)
    neighbours = _neighbours({_where(place): place for _, place in towns}.values())

    def rank(item: tuple[PlaceMention, Place]) -> tuple:
        mention, place = item
        return (counts[_where(place)], neighbours[_where(place)], mention.start < before,
                mention.start if mention.start < before else -mention.start)

    return max(towns, key=rank)[1]


def _neighbours(places) -> Counter:
    """For each place, how many of the others lie within NEIGHBOUR_KM of it."""
    places = list(places)
    return Counter({_where(place): sum(1 for other in places if other is not place
                                       and distance_km(place.latitude, place.longitude, other.latitude,
                                                       other.longitude) <= NEIGHBOUR_KM)
                    for place in places})


def town_after(places: dict[PlaceMention, Place], mention: PlaceMention, text: str, language: str) -> Place | None:
    """The town or county named right after a facility as holding it ("Elm Street in Springfield",
    "Ace Bakery, Leeds", "the chapel at Windsor Castle", "Elm Park, Kent"); a country says too little."""
    gap = _holder_gap(language)
    following = [(other, place) for other, place in places.items() if other.start >= mention.end
                 and not _is_country_or_wider(place) and gap.fullmatch(text[mention.end:other.start])]
    return min(following, key=lambda item: item[0].start)[1] if following else None


_SENTENCE_END = re.compile(r"[.!?…]+[\"'”’)]*\s+(?=\W*[A-ZÀ-Ý])|;\s+|\n\s*")  # a semicolon ends a clause


def town_in_sentence(places: dict[PlaceMention, Place], mention: PlaceMention, text: str,
                     language: str) -> Place | None:
    """The town its sentence says something happens in ("In Leeds, crowds left the Elm Arena"), nearest first.

    A building or street a report names is most often in the town its sentence sets the scene in.
    """
    start, end = _sentence_bounds(text, mention.start, mention.end)
    setting = _setting(language)
    near = [(other, place) for other, place in places.items()
            if place.geo_precision < 3 and start <= other.start and other.end <= end
            and setting.search(text, start, other.start)]
    if not near:
        return None
    return min(near, key=lambda item: min(abs(item[0].start - mention.end), abs(mention.start - item[0].end)))[1]


@lru_cache(maxsize=None)
def _setting(language: str) -> re.Pattern:
    """A container connector closing the text before a name ("in ", "In the ")."""
    words = "|".join(re.escape(word) for word in container_connectors(language))
    return re.compile(rf"(?<![^\W_])(?:{words})\s+$" if words else r"(?!)", re.IGNORECASE)


def _sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """Offsets of the sentence (or clause after a semicolon) holding text[start:end]."""
    first, last = 0, len(text)
    for match in _SENTENCE_END.finditer(text):
        if match.end() <= start:
            first = match.end()
        elif match.start() >= end:
            last = match.start()
            break
    return first, last


@lru_cache(maxsize=None)
def _holder_gap(language: str) -> re.Pattern:
    holders = sorted({*container_connectors(language), *_words("holders", language)}, key=len, reverse=True)
    words = "|".join(re.escape(word) for word in holders)
    return re.compile(rf"\s*(?:,|(?:{words}))\s*" if words else r"\s*,\s*", re.IGNORECASE)


def local_campus(place: Place, mention: PlaceMention, language: str, places: dict[PlaceMention, Place]) -> Place:
    """For a school named after a province ("Ohio State University"), the article's focus town if it lies
    in that province, else `place`: such a body has sites across its province, most likely where the story is."""
    if place.geo_precision != 3 or place.admin1 is None or place.admin2 is not None or place.name != place.admin1 \
            or not _has_word(mention, "campuses", language):
        return place
    town = focus(places, mention.start)
    if town is None or town.geo_precision == 3 or (town.iso3, town.admin1) != (place.iso3, place.admin1):
        return place
    return respanned(town, mention, 2)


def _where(place: Place) -> tuple:
    return place.name, place.latitude, place.longitude


def respanned(place: Place, mention: PlaceMention, precision: int) -> Place:
    """The same place given to another mention, with a coarser precision."""
    return place.model_copy(update={
        "mention": Span(start=mention.start, end=mention.end, text=mention.text),
        "geo_precision": max(place.geo_precision, precision),
    })
