"""The countries an article's outlet reports from: a cue to where the article's places are."""

from __future__ import annotations

import re
from functools import lru_cache
from urllib.parse import urlsplit

from veille.geo.cues import demonym_countries
from veille.geo.gazetteer import Gazetteer
from veille.geo.normalise import normalise_name
from veille.resources import SUPPORTED_LANGUAGES, load_yaml

_SEVERAL = re.compile(r"\s*;\s*")  # ACLED's source column lists its outlets so: "An-Nahar; Murr TV"
_WORDS = re.compile(r"[^\W_]+", re.UNICODE)
_MAX_NAME_WORDS = 3
_MIN_NAME_LETTERS = 4


@lru_cache(maxsize=1)
def _table() -> tuple[frozenset[str], dict[str, str], frozenset[str]]:
    """(international outlet keys, outlet key -> ISO3 code, country-code domains used worldwide)."""
    table = load_yaml("geo", "outlets.yaml")
    international = frozenset(normalise_name(name) for name in table.get("international") or ())
    homes = {normalise_name(name): str(code) for code, names in (table.get("countries") or {}).items()
             for name in names or ()}
    return international, homes, frozenset(str(tld) for tld in table.get("worldwide_domains") or ())


@lru_cache(maxsize=1)
def _demonyms() -> dict[str, str]:
    """Normalised demonym -> ISO2 code, over every supported language ("" for peoples without one country)."""
    merged: dict[str, str] = {}
    for language in SUPPORTED_LANGUAGES:
        merged.update(demonym_countries(language))
    return merged


def _named_countries(name: str, gazetteer: Gazetteer) -> set[str]:
    """ISO2 codes of the countries whose name or demonym is a word run of an outlet's name ("Yemen Monitor")."""
    words = _WORDS.findall(name)
    found = set()
    for size in range(1, _MAX_NAME_WORDS + 1):
        for start in range(len(words) - size + 1):
            run = " ".join(words[start:start + size])
            if size == 1 and (code := _demonyms().get(normalise_name(run))):
                found.add(code)
            if len(run) >= _MIN_NAME_LETTERS:  # not "The" read as a country code
                found.update(entry.country_code for entry in gazetteer.candidates(run) if entry.feature == "country")
    return found


def _one_outlet(name: str, gazetteer: Gazetteer) -> set[str] | None:
    """The outlet's countries; None for an outlet reporting on the whole world."""
    international, homes, _ = _table()
    key = normalise_name(name)
    if key in international:
        return None
    if key in homes:
        country = gazetteer.country(homes[key])
        return {country.country_code} if country is not None else set()
    return _named_countries(name, gazetteer) if key else set()


def _domain_country(url: str | None, gazetteer: Gazetteer) -> set[str]:
    """The country of a URL's two-letter top-level domain, unless that domain is sold worldwide (.io, .tv)."""
    host = urlsplit(url).hostname if url and "//" in url else None
    tld = host.rsplit(".", 1)[-1] if host and "." in host else ""
    if len(tld) != 2 or not tld.isalpha() or tld in _table()[2]:
        return set()
    country = gazetteer.country("GB" if tld == "uk" else tld)
    return {country.country_code} if country is not None else set()


def outlet_countries(outlet: str | None, url: str | None, gazetteer: Gazetteer) -> frozenset[str]:
    """ISO2 codes of the countries the article's outlet(s) report from, by name, else by the URL's domain.

    An outlet reporting on the whole world (a wire, a global broadcaster) adds no country, and when
    it is the only one named the URL is not read either (bbc.co.uk reports on the world).
    """
    found: set[str] = set()
    worldwide = False
    for name in _SEVERAL.split(outlet or ""):
        countries = _one_outlet(name, gazetteer)
        worldwide |= countries is None
        found |= countries or set()
    if found or worldwide:
        return frozenset(found)
    return frozenset(_domain_country(url, gazetteer))
