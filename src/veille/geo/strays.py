"""Small towns whose reading is more likely a misread name than the place meant, and so dropped."""

from __future__ import annotations

from collections import Counter

from veille.geo.distance import distance_km
from veille.geo.gazetteer import GazetteerEntry

STRAY_MAX_POPULATION = 100_000  # a small namesake abroad ...
STRAY_FEATURES = frozenset({"city", "admin2"})  # ... town or county ...
STRAY_MIN_KM = 1_000  # ... this far from every other place of the article is taken as a false match
LONE_TOWN_MAX_POPULATION = 20_000  # on known toponyms, a small town ...
LONE_TOWN_KM = 500  # ... this far from all the article's places yields to its focus

Point = tuple[str, str, float, float]  # (name key, country code, lat, lon)


def may_stray(entry: GazetteerEntry, strict: bool, countries: Counter, hinted: frozenset[str]) -> bool:
    """A small town or county (any, if loosely spelt) in a country the article neither names nor hints at."""
    if entry.feature not in STRAY_FEATURES or (entry.population >= STRAY_MAX_POPULATION and strict):
        return False
    return bool(countries) and not countries[entry.country_code] and entry.country_code not in hinted


def is_far_from_all(entry: GazetteerEntry, name_key: str, points: tuple[Point, ...], doubtful: frozenset[str]) -> bool:
    """Whether a town that may stray lies far from all the article's other places: then it is a stray.

    Such a match is far more often a village abroad that happens to share a name with an
    unknown local place than the place meant (on gold spans, the article's places stand in).
    Another place that is itself such a doubtful small town (`doubtful` name keys, two at most) does not
    count: two of them far apart say nothing about which one is misread.
    """
    others = [(lat, lon) for key, _, lat, lon in points if key != name_key and key not in doubtful]
    return bool(others) and all(distance_km(entry.latitude, entry.longitude, lat, lon) > STRAY_MIN_KM
                                for lat, lon in others)


def is_lone_town(entry: GazetteerEntry, name_key: str, points: tuple[Point, ...]) -> bool:
    """A small town far from every other place of the article (two at least), one of them in its own country.

    Only for mentions known to be toponyms, which then take the article's focus: a common word
    spelled like a far small town ("Valley", "August") is far more often a local place the
    gazetteer lacks than that town.
    """
    if entry.feature != "city" or entry.population >= LONE_TOWN_MAX_POPULATION:
        return False
    others = [(country, lat, lon) for key, country, lat, lon in points if key != name_key]
    return len(others) >= 2 and any(country == entry.country_code for country, _, _ in others) \
        and all(distance_km(entry.latitude, entry.longitude, lat, lon) > LONE_TOWN_KM for _, lat, lon in others)
