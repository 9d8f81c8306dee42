"""Countries a text hints at by giving clock times in their time zones ("7 a.m. CT")."""

from __future__ import annotations

import re
from functools import lru_cache

from veille.resources import load_yaml


@lru_cache(maxsize=1)
def _time_zones() -> tuple[re.Pattern | None, dict[str, str]]:
    table = load_yaml("geo", "time_zones.yaml") or {}
    zones = {str(zone): str(code) for code, names in (table.get("zones") or {}).items() for zone in names or ()}
    return (re.compile(table["clock"]) if table.get("clock") else None), zones


def time_zone_countries(text: str) -> frozenset[str]:
    """ISO2 codes of the countries whose time zones the text gives clock times in ("7 a.m. CT")."""
    clock, zones = _time_zones()
    return frozenset(zones[zone] for zone in clock.findall(text) if zone in zones) if clock else frozenset()
