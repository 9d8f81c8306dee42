"""Put places known only at province level at the province's seat, as ACLED codes them."""

from __future__ import annotations

from functools import lru_cache

from veille.geo.gazetteer import Gazetteer, GazetteerEntry
from veille.geo.normalise import normalise_name
from veille.records import Place
from veille.resources import load_yaml


NAMESAKE_SEAT_SHARE = 0.05  # of the division's people (as the gazetteer counts them) living in the namesake town


@lru_cache(maxsize=1)
def _listed_seats() -> dict[tuple[str, str], str]:
    """(ISO2 country code, admin1 code) -> seat name, from resources/geo/admin1.yaml."""
    table = load_yaml("geo", "admin1.yaml") or {}
    return {(str(country), str(code)): str(info["seat"]) for country, divisions in table.items()
            for code, info in (divisions or {}).items() if isinstance(info, dict) and info.get("seat")}


def _division(place: Place, gazetteer: Gazetteer) -> GazetteerEntry | None:
    if place.geonameid is not None:
        for entry in gazetteer.candidates(place.name):
            if entry.geonameid == place.geonameid and entry.feature == "admin1":
                return entry
    return None


def division_seat(division: GazetteerEntry, gazetteer: Gazetteer) -> GazetteerEntry | None:
    """The town that seats a division: the listed seat, else the biggest town named like the division in it."""
    key = (division.country_code, division.admin1_code)
    listed = _listed_seats().get(key)
    name = listed or division.name
    towns = [entry for entry in gazetteer.candidates(name)
             if entry.feature == "city" and entry.country_code == division.country_code]
    inside = [entry for entry in towns if entry.admin1_code == division.admin1_code]
    if not inside and listed:
        inside = [entry for entry in towns if normalise_name(entry.name) == normalise_name(name)]
    if not listed:  # an unlisted namesake seats its division only when it is a real centre, not a hamlet
        inside = [entry for entry in inside if entry.population >= NAMESAKE_SEAT_SHARE * division.population]
    return max(inside, key=lambda entry: entry.population) if inside else None


def at_division_seats(places: dict, gazetteer: Gazetteer) -> dict:
    """The places, those that name a first-order division moved to its seat (their geo_precision kept)."""
    moved = {}
    for mention, place in places.items():
        division = _division(place, gazetteer) if place.geo_precision >= 2 else None
        seat = division_seat(division, gazetteer) if division is not None else None
        if seat is None:
            moved[mention] = place
            continue
        moved[mention] = place.model_copy(update={
            "name": seat.name, "latitude": seat.latitude, "longitude": seat.longitude, "geonameid": seat.geonameid,
            "admin1": division.admin1 or division.name})
    return moved
