"""Gazetteer packs: GeoNames dumps and OCHA/HDX community tables, read into rows stored beside the index."""

from __future__ import annotations

import csv
import io
import json
import re
import zipfile
from dataclasses import asdict, dataclass
from pathlib import Path

GEONAMES_COLUMNS = 19
# Populated places, and the spots news place events at (airbases, military bases, camps, crossings).
KEPT_FEATURE_CLASSES = frozenset({"P"})
KEPT_FEATURE_CODES = frozenset({"AIRB", "AIRF", "AIRP", "AIRH", "MILB", "INSM", "CMPRF", "CMP", "BDGQ", "PSTB",
                                "DAM", "OILF", "OILR", "PRT", "ADM2", "ADM3", "ADM4"})
_CSV_DIALECT_SAMPLE = 64 * 1024


class PackFormatError(ValueError):
    """A file that is not a GeoNames dump nor an OCHA/HDX places table."""


@dataclass(frozen=True)
class PackPlace:
    """One place of a pack, ready to index."""

    place_id: str  # GeoNames id or p-code
    name: str
    alternates: tuple[str, ...]
    country_code: str
    admin1_code: str  # GeoNames admin1 code when known, "" to be filled from the nearest town
    latitude: float
    longitude: float
    population: int
    feature_code: str


def _geonames_rows(lines) -> list[PackPlace]:
    places = []
    for number, line in enumerate(lines, 1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.rstrip("\n").split("\t")
        if len(cells) != GEONAMES_COLUMNS:
            raise PackFormatError(f"line {number}: {len(cells)} columns, a GeoNames dump has {GEONAMES_COLUMNS}")
        if cells[6] not in KEPT_FEATURE_CLASSES and cells[7] not in KEPT_FEATURE_CODES:
            continue
        try:
            places.append(PackPlace(
                place_id=cells[0], name=cells[1],
                alternates=tuple(name for name in {cells[2], *cells[3].split(",")} if name and name != cells[1]),
                country_code=cells[8].upper(), admin1_code=cells[10], latitude=float(cells[4]),
                longitude=float(cells[5]), population=int(cells[14] or 0), feature_code=cells[7],
            ))
        except ValueError as exc:
            raise PackFormatError(f"line {number}: {exc}") from exc
    return places


def read_geonames_dump(path: Path) -> list[PackPlace]:
    """Rows of a GeoNames country dump: XX.zip (holding XX.txt) or the .txt itself."""
    if path.suffix.lower() == ".zip":
        try:
            with zipfile.ZipFile(path) as archive:
                members = [name for name in archive.namelist()
                           if name.endswith(".txt") and not name.lower().startswith("readme")]
                if not members:
                    raise PackFormatError(f"{path}: no GeoNames .txt table in the archive")
                with archive.open(members[0]) as handle:
                    return _geonames_rows(io.TextIOWrapper(handle, encoding="utf-8", errors="replace"))
        except zipfile.BadZipFile as exc:
            raise PackFormatError(f"{path}: not a zip archive") from exc
    with path.open(encoding="utf-8", errors="replace") as handle:
        return _geonames_rows(handle)


def _field(record: dict, patterns: tuple[str, ...]) -> str | None:
    """The first non-empty value whose column name matches one of the patterns (case-insensitive)."""
    for pattern in patterns:
        regex = re.compile(pattern, re.IGNORECASE)
        for key, value in record.items():
            if regex.fullmatch(key) and value not in (None, ""):
                return str(value).strip()
    return None


_NAME_EN = (r"name_en", r"admin\d?name_en", r"featurename", r"name")
_NAME_AR = (r"name_ara?", r"admin\d?name_ar", r"name_ar\w*")
_OTHER_NAMES = (r"nam_en_ref", r"name_alt", r"alt_names?")
_PCODE = (r"pcode", r"admin\dpcode", r"p_code", r"code")
_ADMIN_PCODE = (r"admin1_cod", r"admin1pcode", r"adm1_pcode", r"admin\d_cod", r"admin\dpcode")
_LAT = (r"latitude", r"lat", r"y")
_LON = (r"longitude", r"lon", r"long", r"x")


def _community(record: dict, number: int) -> PackPlace | None:
    name = _field(record, _NAME_EN)
    pcode = _field(record, _PCODE) or f"row{number}"
    try:
        lat, lon = float(_field(record, _LAT)), float(_field(record, _LON))
    except (TypeError, ValueError):
        return None  # a community without a position cannot be placed
    if not name:
        return None
    country = (_field(record, _ADMIN_PCODE) or pcode)[:2].upper()
    alternates = tuple(dict.fromkeys(value for value in (_field(record, _NAME_AR), _field(record, _OTHER_NAMES))
                                     if value and value != name))
    return PackPlace(place_id=pcode, name=name, alternates=alternates, country_code=country, admin1_code="",
                     latitude=lat, longitude=lon, population=0, feature_code="PPL")


def read_community_table(path: Path) -> list[PackPlace]:
    """Rows of an OCHA/HDX places table: GeoJSON points or CSV with names, p-codes and positions."""
    raw = path.read_bytes().decode("utf-8-sig", errors="replace")  # a few OCHA names are not valid UTF-8
    if path.suffix.lower() in {".geojson", ".json"}:
        try:
            features = json.loads(raw)["features"]
        except (ValueError, KeyError, TypeError) as exc:
            raise PackFormatError(f"{path}: not a GeoJSON FeatureCollection") from exc
        records = []
        for feature in features:
            record = dict(feature.get("properties") or {})
            coordinates = (feature.get("geometry") or {}).get("coordinates")
            while isinstance(coordinates, list) and coordinates and isinstance(coordinates[0], list):
                coordinates = coordinates[0]  # MultiPoint: its first point
            if _field(record, _LAT) is None and coordinates and len(coordinates) >= 2:
                record["longitude"], record["latitude"] = coordinates[0], coordinates[1]
            records.append(record)
    else:
        dialect = csv.Sniffer().sniff(raw[:_CSV_DIALECT_SAMPLE], delimiters=",;\t")
        records = list(csv.DictReader(io.StringIO(raw), dialect=dialect))
        if records and str(records[0].get(next(iter(records[0])), "")).startswith("#"):
            records = records[1:]  # HXL hashtag row
    places = [place for number, record in enumerate(records, 1) if (place := _community(record, number))]
    if not places:
        raise PackFormatError(f"{path}: no row with a name and a latitude/longitude")
    return places


def read_pack_source(path: Path) -> list[PackPlace]:
    """A GeoNames dump (.zip, .txt) or an OCHA/HDX table (.geojson, .json, .csv)."""
    suffix = path.suffix.lower()
    if suffix in {".zip", ".txt", ".tsv"}:
        return read_geonames_dump(path)
    if suffix in {".geojson", ".json", ".csv"}:
        return read_community_table(path)
    raise PackFormatError(f"{path}: unknown gazetteer format (expected .zip, .txt, .geojson, .json or .csv)")


def packs_dir(cache_dir: Path) -> Path:
    """Where installed packs live."""
    return cache_dir / "packs"


def write_pack(places: list[PackPlace], name: str, source: str, cache_dir: Path) -> Path:
    """Store a pack as JSON Lines (a header line, then one place a line); returns its path."""
    directory = packs_dir(cache_dir)
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / f"{name}.jsonl"
    temporary = path.with_suffix(".tmp")
    with temporary.open("w", encoding="utf-8") as handle:
        handle.write(json.dumps({"pack": name, "source": source, "places": len(places)}, ensure_ascii=False) + "\n")
        for place in places:
            handle.write(json.dumps(asdict(place), ensure_ascii=False) + "\n")
    temporary.replace(path)
    return path


def read_pack(path: Path) -> tuple[dict, list[PackPlace]]:
    """The header and places of a stored pack."""
    with path.open(encoding="utf-8") as handle:
        header = json.loads(handle.readline())
        places = []
        for line in handle:
            row = json.loads(line)
            row["alternates"] = tuple(row["alternates"])
            places.append(PackPlace(**row))
    return header, places


def installed_packs(cache_dir: Path) -> list[Path]:
    """Stored packs, by name."""
    directory = packs_dir(cache_dir)
    return sorted(directory.glob("*.jsonl")) if directory.exists() else []
