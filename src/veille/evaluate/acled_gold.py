"""Read ACLED-format CSV exports (the 2020 31-column set and the 2022+ set) into gold rows."""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, timezone
from functools import lru_cache
from pathlib import Path

from veille.resources import load_yaml

REQUIRED_COLUMNS = {"notes", "event_type", "sub_event_type", "actor1"}
DATE_FORMATS = ("%d-%b-%y", "%d-%B-%y", "%Y-%m-%d", "%d %B %Y", "%d-%b-%Y", "%d/%m/%Y")
PERIOD_SUFFIX = re.compile(r"\s*\([^()]*\)\s*$")
PERIOD_ANYWHERE = re.compile(r"\s*\(\d{4}-(?:\d{4})?\)")  # "(2016-)", "(2012-2016)"


@dataclass(frozen=True)
class AcledGold:
    """One ACLED row, reduced to the fields veille is scored on."""

    row: int
    event_id: str
    notes: str
    event_date: date | None
    published: datetime | None
    region: str
    country: str
    iso3: str
    event_type: str
    sub_event_type: str
    actor1: str
    actor2: str
    inter1: int | None
    inter2: int | None
    interaction: int | None
    admin1: str
    location: str
    latitude: float | None
    longitude: float | None
    fatalities: int | None
    time_precision: int | None
    source: str = ""  # the outlets that reported the event, as ACLED lists them ("An-Nahar; Murr TV")


class AcledFormatError(ValueError):
    """The file is not an ACLED-format CSV."""


def parse_acled_date(value: str) -> date | None:
    """ACLED's event_date in any of its export spellings ("9-May-20", "2022-05-09", "09 May 2022")."""
    value = (value or "").strip()
    for fmt in DATE_FORMATS:
        try:
            return datetime.strptime(value, fmt).date()
        except ValueError:
            continue
    return None


def strip_period_suffix(name: str) -> str:
    """ACLED actor name without its trailing parenthesised period: "Military Forces of Syria (2000-)"."""
    name = PERIOD_ANYWHERE.sub("", (name or "").strip())
    while True:
        stripped = PERIOD_SUFFIX.sub("", name)
        if stripped == name:
            return name
        name = stripped


def comparable_actor(name: str | None) -> str:
    """An actor name folded for comparison: period suffixes removed, case folded, spaces collapsed."""
    return " ".join(strip_period_suffix(name or "").casefold().split())


@lru_cache(maxsize=1)
def _region_of_iso3() -> dict[str, str]:
    return {iso3: region for region, codes in load_yaml("acled_regions.yaml").items() for iso3 in codes}


def _int(value: str | None) -> int | None:
    try:
        return int(float(value)) if value not in (None, "") else None
    except ValueError:
        return None


@lru_cache(maxsize=1)
def _inter_by_label() -> dict[str, int]:
    return {str(label).casefold(): int(code) for code, label in load_yaml("acled_taxonomy.yaml")["inter_codes"].items()}


def _inter(value: str | None) -> int | None:
    """An inter code, numeric (2020 exports) or spelled out ("State forces", newer exports)."""
    code = _int(value)
    if code is None and value:
        code = _inter_by_label().get(value.strip().casefold())
    return code


def _float(value: str | None) -> float | None:
    try:
        return float(value) if value not in (None, "") else None
    except ValueError:
        return None


def _published(row: dict, event_date: date | None) -> datetime | None:
    stamp = _int(row.get("timestamp"))
    if stamp:
        return datetime.fromtimestamp(stamp, tz=timezone.utc)
    if event_date:
        return datetime(event_date.year, event_date.month, event_date.day, tzinfo=timezone.utc)
    return None


def read_acled_csv(path: str | Path) -> Iterator[AcledGold]:
    """Yield the rows of an ACLED CSV; raises AcledFormatError when required columns are missing."""
    with open(path, newline="", encoding="utf-8-sig") as handle:
        reader = csv.DictReader(handle)
        missing = REQUIRED_COLUMNS - set(reader.fieldnames or [])
        if missing:
            raise AcledFormatError(f"{path}: not an ACLED CSV, missing columns {sorted(missing)}")
        for number, row in enumerate(reader, start=2):
            event_date = parse_acled_date(row.get("event_date", ""))
            iso3 = (row.get("iso3") or "").strip()
            if not iso3 and len((row.get("iso") or "").strip()) == 3 and not row["iso"].strip().isdigit():
                iso3 = row["iso"].strip()
            region = (row.get("region") or "").strip() or _region_of_iso3().get(iso3, "")
            yield AcledGold(
                row=number,
                event_id=(row.get("event_id_cnty") or row.get("data_id") or str(number)).strip(),
                notes=(row.get("notes") or "").strip(),
                event_date=event_date,
                published=_published(row, event_date),
                region=region,
                country=(row.get("country") or "").strip(),
                iso3=iso3,
                event_type=row["event_type"].strip(),
                sub_event_type=row["sub_event_type"].strip(),
                actor1=row["actor1"].strip(),
                actor2=(row.get("actor2") or "").strip(),
                inter1=_inter(row.get("inter1")),
                inter2=_inter(row.get("inter2")),
                interaction=_int(row.get("interaction")),
                admin1=(row.get("admin1") or "").strip(),
                location=(row.get("location") or "").strip(),
                latitude=_float(row.get("latitude")),
                longitude=_float(row.get("longitude")),
                fatalities=_int(row.get("fatalities")),
                time_precision=_int(row.get("time_precision")),
                source=(row.get("source") or "").strip(),
            )


def select_rows(rows, region: str | None = None, country: str | None = None, limit: int | None = None):
    """Rows of one region and/or country (case-insensitive), at most `limit` of them."""
    chosen = []
    for gold in rows:
        if region and gold.region.casefold() != region.casefold():
            continue
        if country and country.casefold() not in (gold.country.casefold(), gold.iso3.casefold()):
            continue
        if not gold.notes:
            continue
        chosen.append(gold)
        if limit and len(chosen) >= limit:
            break
    return chosen
