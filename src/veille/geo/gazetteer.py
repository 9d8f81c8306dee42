"""The embedded gazetteer: GeoNames places by normalised name, cached on disk after one build."""

from __future__ import annotations

import gc
import hashlib
import os
import pickle
import tempfile
import threading
from dataclasses import dataclass
from pathlib import Path

from veille.geo.gazetteer_build import INDEX_VERSION, FEATURES, IndexTables, build_tables, source_fingerprint
from veille.geo.normalise import loose_name, normalise_name
from veille.geo.packs import installed_packs


@dataclass(frozen=True)
class GazetteerEntry:
    """One place of the gazetteer: a populated place, a first- or second-order division, a country or a region."""

    geonameid: int
    name: str
    country_code: str
    iso3: str
    admin1_code: str
    admin1: str | None
    latitude: float
    longitude: float
    population: int
    feature: str  # city | admin1 | admin2 | country | region (continent or multi-country region)
    source: str = "geonames"
    capital: bool = False  # a national capital


def default_cache_dir() -> Path:
    """Return $VEILLE_CACHE_DIR, or ~/.cache/veille."""
    configured = os.environ.get("VEILLE_CACHE_DIR")
    return Path(configured) if configured else Path.home() / ".cache" / "veille"


class Gazetteer:
    """Name lookups over the compiled index, with country and admin1 tables."""

    def __init__(self, tables: IndexTables) -> None:
        self._t = tables
        self._entries: dict[int, GazetteerEntry] = {}
        self._towns_by_region: dict[tuple[str, str], list[int]] | None = None
        self._capitals: dict[str, GazetteerEntry] | None = None

    @classmethod
    def load(cls, cache_dir: Path | None = None) -> Gazetteer:
        """Load the cached index, building and caching it first when absent or stale."""
        directory = Path(cache_dir) if cache_dir is not None else default_cache_dir()
        packs = installed_packs(directory)
        path = directory / f"gazetteer-{INDEX_VERSION}-{source_fingerprint()}{_packs_fingerprint(packs)}.pickle"
        if path.exists():
            try:
                return cls(_read(path))
            except Exception:  # noqa: BLE001 - any unreadable cache (truncated, older classes) is rebuilt
                pass
        tables = build_tables(packs) if packs else build_tables()
        _write_atomically(path, tables)
        return cls(tables)

    def __len__(self) -> int:
        return len(self._t.geonameids)

    def candidates(self, name: str) -> list[GazetteerEntry]:
        """All entries one of whose names has the same key as `name` (loose key as fallback)."""
        return self.lookup(name)[0]

    def lookup(self, name: str) -> tuple[list[GazetteerEntry], bool]:
        """Candidates of `name` and whether they matched on the strict key (False: loose key)."""
        key = normalise_name(name)
        if not key:
            return [], True
        found = self._t.strict.get(key)
        strict = found is not None
        if not strict:
            found = self._t.loose.get(loose_name(key))
            if found is None:
                return [], True
        if isinstance(found, int):
            return [self.entry(found)], strict
        return [self.entry(row) for row in found], strict

    def entry(self, row: int) -> GazetteerEntry:
        """The entry stored at one row of the index."""
        cached = self._entries.get(row)
        if cached is None:
            cached = self._entries[row] = self._make_entry(row)
        return cached

    def demonym_country(self, word: str) -> str | None:
        """ISO2 code of the country a demonym names ("Russian", "Russians" -> RU), from the index."""
        key = normalise_name(word)
        demonyms = getattr(self._t, "demonyms", None) or {}
        code = demonyms.get(key)
        if code is None and key.endswith("s"):
            code = demonyms.get(key[:-1])
        if code is None and key and not key.endswith("s"):  # "Philippine" is the adjective of the Philippines
            found, strict = self.lookup(key + "s")
            code = next((entry.country_code for entry in found if strict and entry.feature == "country"), None)
        return code

    def demonym_region(self, word: str) -> GazetteerEntry | None:
        """The continent or region a demonym names ("European", "Kurdish"), or None."""
        demonyms = getattr(self._t, "region_demonyms", None) or {}
        key = normalise_name(word)
        row = demonyms.get(key)
        if row is None and key.endswith("s"):
            row = demonyms.get(key[:-1])
        return None if row is None else self.entry(row)

    def country(self, iso2_or_iso3: str) -> GazetteerEntry | None:
        """The country entry of an ISO 3166 alpha-2 or alpha-3 code."""
        row = self._t.country_rows.get(iso2_or_iso3.upper())
        return None if row is None else self.entry(row)

    def capital(self, country_code: str) -> GazetteerEntry | None:
        """The national capital of a country (ISO 3166 alpha-2), or None."""
        if self._capitals is None:
            self._capitals = {}
            for row in self._t.capitals:
                entry = self.entry(row)
                self._capitals.setdefault(entry.country_code, entry)
        return self._capitals.get(country_code.upper())

    def admin1(self, country_code: str, admin1_code: str) -> GazetteerEntry | None:
        """The first-order division entry of a country and GeoNames admin1 code."""
        row = self._t.admin1_rows.get((country_code.upper(), admin1_code))
        return None if row is None else self.entry(row)

    def towns_in(self, country_code: str, admin1_code: str) -> list[GazetteerEntry]:
        """The populated places of one first-order division."""
        if self._towns_by_region is None:
            city, by_region = FEATURES.index("city"), {}
            for row, (feature, region) in enumerate(zip(self._t.features, self._t.region_of)):
                if feature == city:
                    by_region.setdefault(tuple(self._t.regions[region]), []).append(row)
            self._towns_by_region = by_region
        return [self.entry(row) for row in self._towns_by_region.get((country_code.upper(), admin1_code), ())]

    def _make_entry(self, row: int) -> GazetteerEntry:
        t = self._t
        country_code, admin1_code = t.regions[t.region_of[row]]
        return GazetteerEntry(
            geonameid=t.geonameids[row],
            name=t.names[row],
            country_code=country_code,
            iso3=t.iso3.get(country_code, ""),
            admin1_code=admin1_code,
            admin1=t.admin1_names.get((country_code, admin1_code)),
            latitude=t.latitudes[row],
            longitude=t.longitudes[row],
            population=t.populations[row],
            feature=FEATURES[t.features[row]],
            source=t.sources[t.source_of[row]] if row in t.source_of else "geonames",
            capital=row in getattr(t, "capitals", ()),
        )


def _packs_fingerprint(packs: list[Path]) -> str:
    """"" without packs, else a hash of their names, sizes and modification times."""
    if not packs:
        return ""
    digest = hashlib.sha1()
    for pack in packs:
        stat = pack.stat()
        digest.update(f"{pack.name}:{stat.st_size}:{stat.st_mtime_ns};".encode())
    return "-" + digest.hexdigest()[:8]


def _read(path: Path) -> IndexTables:
    was_enabled = gc.isenabled()
    gc.disable()  # unpickling a million strings triggers the cycle collector for nothing
    try:
        with path.open("rb") as handle:
            return pickle.load(handle)
    finally:
        if was_enabled:
            gc.enable()


def _write_atomically(path: Path, tables: IndexTables) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile("wb", dir=path.parent, delete=False, suffix=".tmp") as handle:
            pickle.dump(tables, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(handle.name, path)
        for stale in path.parent.glob("gazetteer-*.pickle"):
            if stale != path:
                stale.unlink(missing_ok=True)  # built from older data or resources
    except OSError:
        pass  # a read-only cache directory only costs a rebuild next time


_default: Gazetteer | None = None
_default_lock = threading.Lock()


def default_gazetteer() -> Gazetteer:
    """The process-wide gazetteer, loaded on first use."""
    global _default
    with _default_lock:
        if _default is None:
            _default = Gazetteer.load()
        return _default


__all__ = ["Gazetteer", "GazetteerEntry", "default_cache_dir", "default_gazetteer"]
