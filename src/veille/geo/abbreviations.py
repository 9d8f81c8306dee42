"""Abbreviated division names ("Calif.", "B.C.", "Herts") and the divisions they stand for."""

from __future__ import annotations

from functools import lru_cache

from veille.resources import load_yaml


@lru_cache(maxsize=1)
def _table() -> dict[str, tuple[str, str]]:
    table: dict[str, tuple[str, str]] = {}
    for country, abbreviations in (load_yaml("geo", "abbreviations.yaml") or {}).items():
        for abbreviation, name in (abbreviations or {}).items():
            table[str(abbreviation).casefold()] = (str(country), str(name))
    return table


def expand_abbreviation(text: str) -> tuple[str, str] | None:
    """(country code, full division name) of an abbreviation spelled exactly so, dots included, else None."""
    return _table().get(text.strip().casefold())
