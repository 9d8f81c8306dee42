"""Put events known only at country level at the country's capital, as ACLED codes national-level events."""

from __future__ import annotations

from veille.geo.gazetteer import Gazetteer, GazetteerEntry
from veille.records import Place


def moved_to(place: Place, town: GazetteerEntry, precision: int) -> Place:
    """`place` set at a town's point and name, its mention (the text's words) kept."""
    return place.model_copy(update={"name": town.name, "admin1": town.admin1, "latitude": town.latitude,
                                    "longitude": town.longitude, "geonameid": town.geonameid,
                                    "geo_precision": precision})


def events_at_capitals(events: list, gazetteer: Gazetteer) -> list:
    """The events, those placed only in a country moved to its capital (geo_precision 3 kept), as ACLED codes
    national-level events."""
    moved = []
    for event in events:
        place = event.location
        country = gazetteer.country(place.iso3) if place is not None and place.iso3 else None
        capital = gazetteer.capital(country.country_code) if country is not None \
            and country.geonameid == place.geonameid else None
        moved.append(event if capital is None else event.model_copy(update={"location": moved_to(place, capital, 3)}))
    return moved
