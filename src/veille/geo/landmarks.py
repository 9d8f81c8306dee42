"""Landmarks and seats of power ("White House", "Kremlin", "Heathrow") and the towns they stand for."""

from __future__ import annotations

from functools import lru_cache

from veille.geo.gazetteer import Gazetteer, GazetteerEntry
from veille.geo.normalise import normalise_name
from veille.resources import load_yaml


@lru_cache(maxsize=1)
def _table() -> dict[str, tuple[str, str, str | None]]:
    """Normalised landmark name -> (town, country code, admin1 code or None)."""
    table: dict[str, tuple[str, str, str | None]] = {}
    for item in load_yaml("geo", "landmarks.yaml") or ():
        admin1 = item.get("admin1")
        for name in item.get("names") or ():
            table[normalise_name(str(name))] = (str(item["town"]), str(item["country"]),
                                                None if admin1 is None else str(admin1))
    return table


def landmark_town(text: str, gazetteer: Gazetteer) -> GazetteerEntry | None:
    """The town a landmark's name stands for (the most populous town so named in its country), else None."""
    found = _table().get(normalise_name(text.strip()))
    if found is None:
        return None
    town, country, admin1 = found
    towns = [entry for entry in gazetteer.candidates(town)
             if entry.feature == "city" and entry.country_code == country
             and (admin1 is None or entry.admin1_code == admin1)]
    return max(towns, key=lambda entry: entry.population, default=None)
