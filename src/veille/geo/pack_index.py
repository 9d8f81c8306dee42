"""Add a stored gazetteer pack's places to the index being built, with their source."""

from __future__ import annotations

import math
import zlib
from collections import defaultdict
from pathlib import Path

from veille.geo.packs import read_pack

CELL_DEGREES = 0.5


class NearestTown:
    """The admin1 code of the nearest known town of the same country, on a coarse grid."""

    def __init__(self, cities) -> None:
        self._cells: dict[tuple[str, int, int], list[tuple[float, float, str]]] = defaultdict(list)
        for city in cities:
            if city["admin1code"]:
                self._cells[(city["countrycode"], *self._cell(city["latitude"], city["longitude"]))].append(
                    (city["latitude"], city["longitude"], city["admin1code"]))

    @staticmethod
    def _cell(lat: float, lon: float) -> tuple[int, int]:
        return math.floor(lat / CELL_DEGREES), math.floor(lon / CELL_DEGREES)

    def admin1_code(self, country_code: str, lat: float, lon: float) -> str:
        row, column = self._cell(lat, lon)
        best, best_distance = "", math.inf
        for d_row in (-1, 0, 1):
            for d_column in (-1, 0, 1):
                for town_lat, town_lon, code in self._cells.get((country_code, row + d_row, column + d_column), ()):
                    distance = (town_lat - lat) ** 2 + ((town_lon - lon) * math.cos(math.radians(lat))) ** 2
                    if distance < best_distance:
                        best, best_distance = code, distance
        return best


def add_pack(builder, path: Path, cities, sources: list[str], source_of: dict[int, int]) -> int:
    """Index the places of one pack not already in the index (by GeoNames id); returns how many."""
    from veille.geo.gazetteer_build import CITY  # the builder's module imports this one

    header, places = read_pack(path)
    source_index = len(sources)
    sources.append(header.get("source") or path.stem)
    known = set(builder.geonameids)
    nearest = None
    added = 0
    for place in places:
        geonameid = int(place.place_id) if place.place_id.isdigit() else -zlib.crc32(place.place_id.encode())
        if geonameid in known:
            continue
        admin1_code = place.admin1_code
        if not admin1_code:
            nearest = nearest or NearestTown(cities)
            admin1_code = nearest.admin1_code(place.country_code, place.latitude, place.longitude)
        row = builder.add_row(geonameid, place.name, place.country_code, admin1_code, place.latitude,
                              place.longitude, place.population, CITY)
        builder.add_names(row, [place.name], list(place.alternates))
        source_of[row] = source_index
        known.add(geonameid)
        added += 1
    return added
