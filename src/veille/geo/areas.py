"""Named areas the gazetteer lacks ("Eastern Ghouta", "Sinai") and the peoples of provinces and towns ("Sicilian")."""

from __future__ import annotations

import zlib
from functools import lru_cache

from veille.geo.gazetteer import Gazetteer, GazetteerEntry
from veille.geo.normalise import normalise_name
from veille.resources import load_yaml


@lru_cache(maxsize=1)
def _areas() -> dict[str, dict]:
    """Normalised name -> the area's entry in resources/geo/areas.yaml."""
    table: dict[str, dict] = {}
    for item in load_yaml("geo", "areas.yaml") or ():
        for name in [item["name"], *(item.get("names") or ())]:
            table[normalise_name(str(name))] = item
    return table


@lru_cache(maxsize=1)
def _homes() -> dict[str, list[tuple[str, str]]]:
    """Normalised local demonym -> [(place name, country code)], several for a word shared by namesakes."""
    table: dict[str, list[tuple[str, str]]] = {}
    for item in load_yaml("geo", "local_demonyms.yaml") or ():
        for name in item.get("names") or ():
            table.setdefault(normalise_name(str(name)), []).append((str(item["place"]), str(item["country"])))
    return table


def named_area(text: str, gazetteer: Gazetteer) -> GazetteerEntry | None:
    """The area of resources/geo/areas.yaml a name stands for, as a region of its country, else None.

    An area marked `shared` (a county named like towns abroad: "Cheshire") is left to shared_area.
    """
    item = _areas().get(normalise_name(text.strip()))
    return None if item is None or item.get("shared") else _area_entry(item, gazetteer)


def shared_area(text: str, gazetteer: Gazetteer) -> GazetteerEntry | None:
    """The area marked `shared` a name may stand for, to be weighed against the gazetteer's namesakes, else None."""
    item = _areas().get(normalise_name(text.strip()))
    return _area_entry(item, gazetteer) if item is not None and item.get("shared") else None


def _area_entry(item: dict, gazetteer: Gazetteer) -> GazetteerEntry:
    code = str(item.get("country") or "")
    country = gazetteer.country(code) if code else None
    return GazetteerEntry(geonameid=-zlib.crc32(f"area.{item['name']}".encode()), name=str(item["name"]),
                          country_code=code, iso3=country.iso3 if country else "", admin1_code="", admin1=None,
                          latitude=float(item["lat"]), longitude=float(item["lon"]), population=0, feature="region")


def demonym_homes(text: str, gazetteer: Gazetteer) -> list[GazetteerEntry]:
    """The provinces, regions or towns a local demonym may name ("Sicilians" -> Sicily), else [].

    A place is an area of areas.yaml, else the most populous entry of that name in its country
    (a province outweighs its namesake town). A word shared by namesake towns ("Novocastrian")
    names each of them, for the article's context to choose.
    """
    key = normalise_name(text.strip())
    found = _homes().get(key) or (_homes().get(key[:-1]) if key.endswith("s") else None) or ()
    homes = []
    for place, code in found:
        area = named_area(place, gazetteer)
        entries = [entry for entry in gazetteer.candidates(place) if entry.country_code == code]
        home = area or max(entries, key=lambda entry: entry.population, default=None)
        if home is not None:
            homes.append(home)
    return homes
