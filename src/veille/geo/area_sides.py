"""Place a province told by one of its sides ("the southern countryside of X") among its towns on that side."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache

from veille.extract.mentions import PlaceMention
from veille.geo.admin_seats import division_seat
from veille.geo.distance import distance_km
from veille.geo.gazetteer import Gazetteer, GazetteerEntry
from veille.records import Place
from veille.resources import lexicon

_WINDOW = 60
SECTOR_DEGREES = 45.0  # a town lies on a side when its bearing from the seat is this close to the side's
SEAT_KM = 5.0  # towns this close to the seat are its suburbs, not its countryside
MIN_TOWNS = 2  # fewer towns on that side than this say too little about where it is


@dataclass(frozen=True)
class _SidePatterns:
    bearings: dict[str, float]
    area_before: tuple[re.Pattern, ...]  # "the southern countryside of ": the side and the area word before the name
    side_before: tuple[re.Pattern, ...]  # "southern ": a side word right before the name ...
    area_after: tuple[re.Pattern, ...]  # ... with an area word after it (" countryside", " province")
    town_after: tuple[re.Pattern, ...]  # " city": the name is the town itself, whatever side of it is told


def _compile(patterns: list[str], sides: str, anchor_end: bool) -> tuple[re.Pattern, ...]:
    return tuple(re.compile(f"(?<!\\w)(?:{pattern.replace('{side}', f'(?P<side>{sides})')})$" if anchor_end
                            else f"^(?:{pattern})", re.IGNORECASE) for pattern in patterns)


@lru_cache(maxsize=None)
def _patterns(language: str) -> _SidePatterns:
    table = lexicon(language, "places").get("area_sides") or {}
    bearings = {str(word).lower(): float(degrees) for word, degrees in (table.get("bearings") or {}).items()}
    sides = "|".join(re.escape(word) for word in sorted(bearings, key=len, reverse=True))
    if not sides:
        return _SidePatterns({}, (), (), (), ())
    return _SidePatterns(bearings, *(_compile(table.get(key) or [], sides, key.endswith("before"))
                                     for key in ("area_before", "side_before", "area_after", "town_after")))


def _search(patterns: tuple[re.Pattern, ...], text: str) -> re.Match | None:
    return next((match for pattern in patterns if (match := pattern.search(text)) is not None), None)


def told_side(text: str, start: int, end: int, language: str) -> float | None:
    """The compass bearing of the side of an area the words around text[start:end] name, or None."""
    patterns = _patterns(language)
    before = re.sub(r"\s+", " ", text[max(0, start - _WINDOW):start].replace("’", "'"))
    after = text[end:end + _WINDOW].lstrip()
    if _search(patterns.town_after, after) is not None:
        return None
    match = _search(patterns.area_before, before)
    if match is None and _search(patterns.area_after, after) is not None:
        match = _search(patterns.side_before, before)
    return patterns.bearings.get(match.group("side").lower()) if match is not None else None


def _bearing(origin: GazetteerEntry, lat: float, lon: float) -> float:
    p1, p2, dl = math.radians(origin.latitude), math.radians(lat), math.radians(lon - origin.longitude)
    x = math.sin(dl) * math.cos(p2)
    y = math.cos(p1) * math.sin(p2) - math.sin(p1) * math.cos(p2) * math.cos(dl)
    return math.degrees(math.atan2(x, y)) % 360


def _division_and_seat(place: Place, gazetteer: Gazetteer) -> tuple[GazetteerEntry, GazetteerEntry] | None:
    """The province a place stands for and its seat, when the place is a province or the town seating it."""
    entry = next((e for e in gazetteer.candidates(place.name) if e.geonameid == place.geonameid), None)
    if entry is None or entry.feature not in ("admin1", "city"):
        return None
    division = entry if entry.feature == "admin1" else gazetteer.admin1(entry.country_code, entry.admin1_code)
    seat = division_seat(division, gazetteer) if division is not None else None
    if seat is None or (entry.feature == "city" and seat.geonameid != entry.geonameid):
        return None
    return division, seat


def side_point(division: GazetteerEntry, seat: GazetteerEntry, bearing: float,
               gazetteer: Gazetteer) -> tuple[float, float] | None:
    """The middle of the division's towns lying on one side of its seat, or None when too few lie there."""
    towns = [(town.latitude, town.longitude) for town in gazetteer.towns_in(division.country_code, division.admin1_code)
             if distance_km(seat.latitude, seat.longitude, town.latitude, town.longitude) > SEAT_KM
             and abs((_bearing(seat, town.latitude, town.longitude) - bearing + 180) % 360 - 180) <= SECTOR_DEGREES]
    if len(towns) < MIN_TOWNS:
        return None
    return sum(lat for lat, _ in towns) / len(towns), sum(lon for _, lon in towns) / len(towns)


def at_told_sides(places: dict[PlaceMention, Place], text: str, language: str,
                  gazetteer: Gazetteer) -> dict[PlaceMention, Place]:
    """The places, a province (or its seat standing for it) told by one of its sides moved to that side.

    "Shelling in the southern countryside of X" is in X's southern villages, not in X's seat: a village
    the gazetteer lacks is better guessed among the province's towns on that side. A town that seats
    no province keeps its point: its countryside is close by.
    """
    moved = {}
    for mention, place in places.items():
        bearing = told_side(text, mention.start, mention.end, language) if place.geonameid is not None else None
        found = _division_and_seat(place, gazetteer) if bearing is not None else None
        point = side_point(*found, bearing, gazetteer) if found is not None else None
        if point is None:
            moved[mention] = place
            continue
        moved[mention] = place.model_copy(update={"latitude": round(point[0], 4), "longitude": round(point[1], 4),
                                                  "geo_precision": max(place.geo_precision, 2)})
    return moved
