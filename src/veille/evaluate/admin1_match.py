"""Decide whether two spellings name the same first-order division ("Idleb" / "Idlib", "Dahuk" / "Dohuk")."""

from __future__ import annotations

import re
from functools import lru_cache

from veille.geo.normalise import normalise_name
from veille.resources import lexicon

# Transliterations of one Arabic, Persian or Kurdish name differ in vowels, in doubled letters, and
# in how a few consonants are written (q/k/c, v/w, th/dh for one letter): the consonant skeleton
# with those folded is stable across them.
_CONSONANT_FOLDS = (("th", "d"), ("dh", "d"), ("q", "k"), ("c", "k"), ("v", "w"))
_VOWELS = re.compile(r"[aeiouy]")


@lru_cache(maxsize=None)
def _unit_words() -> frozenset[str]:
    return frozenset(normalise_name(word) for word in lexicon("en", "places").get("admin_unit_words") or ())


@lru_cache(maxsize=20_000)
def admin1_skeleton(name: str) -> str:
    """A key of an admin1 name that folds transliteration variants and drops words like "Governorate"."""
    words = [word for word in normalise_name(name).split() if word not in _unit_words()]
    key = "".join(words)
    for old, new in _CONSONANT_FOLDS:
        key = key.replace(old, new)
    return _VOWELS.sub("", key) or key


def _gazetteer_names(name: str, iso3: str | None) -> list[str]:
    """Names of the divisions the gazetteer knows under `name` ("Rural Damascus" -> "Rif Dimashq")."""
    from veille.geo.gazetteer import default_gazetteer

    return [entry.name for entry in default_gazetteer().candidates(name)
            if entry.feature == "admin1" and (not iso3 or entry.iso3 == iso3.upper())]


def same_admin1(predicted: str | None, gold: str | None, predicted_iso3: str | None = None,
                gold_iso3: str | None = None, use_gazetteer: bool = True) -> bool:
    """True when both name one division (same skeleton, or one is a gazetteer alias of the other),
    in the same country when both countries are known."""
    if not predicted or not gold:
        return False
    if predicted_iso3 and gold_iso3 and predicted_iso3.upper() != gold_iso3.upper():
        return False
    if predicted.casefold() == gold.casefold() or admin1_skeleton(predicted) == admin1_skeleton(gold):
        return True
    if not use_gazetteer:
        return False
    wanted = admin1_skeleton(predicted)
    return any(admin1_skeleton(name) == wanted for name in _gazetteer_names(gold, gold_iso3 or predicted_iso3))
