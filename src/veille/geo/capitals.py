"""Put events known only at country level at the country's capital, as ACLED codes national-level events."""

from __future__ import annotations

from veille.geo.gazetteer import Gazetteer


def events_at_capitals(events: list, gazetteer: Gazetteer) -> list:
    """The events, those placed only in a country moved to its capital (geo_precision 3 kept), as ACLED codes
    national-level events."""
    moved = []
    for event in events:
        place = event.location
        country = gazetteer.country(place.iso3) if place is not None and place.iso3 else None
        capital = gazetteer.capital(country.country_code) if country is not None \
            and country.geonameid == place.geonameid else None
        if capital is None:
            moved.append(event)
            continue
        moved.append(event.model_copy(update={"location": place.model_copy(update={
            "name": capital.name, "admin1": capital.admin1, "latitude": capital.latitude,
            "longitude": capital.longitude, "geonameid": capital.geonameid, "geo_precision": 3})}))
    return moved
