"""Words around a place name that say what it is: a province, a town, near it; and demonyms."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from veille.geo.normalise import ARTICLE_WORDS, normalise_name
from veille.resources import lexicon

_WINDOW = 80
_SPACES = re.compile(r"\s+")
_APOSTROPHES = str.maketrans({"’": "'", "ʼ": "'", "`": "'"})


@dataclass(frozen=True)
class PlaceCues:
    """Compiled cue patterns of one language (resources/<lang>/places.yaml)."""

    admin1_before: re.Pattern | None
    admin1_after: re.Pattern | None
    town_before: re.Pattern | None
    near_before: re.Pattern | None
    locative_before: re.Pattern | None
    origin_before: re.Pattern | None
    range_after: re.Pattern | None
    surroundings_after: re.Pattern | None


def _compile(patterns: list[str] | None, anchor_end: bool) -> re.Pattern | None:
    if not patterns:
        return None
    alternatives = "|".join(f"(?:{pattern})" for pattern in patterns)
    return re.compile(f"(?<!\\w)(?:{alternatives})$" if anchor_end else f"^(?:{alternatives})")


@lru_cache(maxsize=None)
def place_cues(language: str) -> PlaceCues:
    """The cue patterns of a language."""
    cues = lexicon(language, "places").get("cues") or {}
    return PlaceCues(
        admin1_before=_compile(cues.get("admin1_before"), anchor_end=True),
        admin1_after=_compile(cues.get("admin1_after"), anchor_end=False),
        town_before=_compile(cues.get("town_before"), anchor_end=True),
        near_before=_compile(cues.get("near_before"), anchor_end=True),
        locative_before=_compile(cues.get("locative_before"), anchor_end=True),
        origin_before=_compile(cues.get("origin_before"), anchor_end=True),
        range_after=_compile(cues.get("range_after"), anchor_end=False),
        surroundings_after=_compile(cues.get("surroundings_after"), anchor_end=False),
    )


@lru_cache(maxsize=None)
def _parenthesis_area_before(language: str) -> re.Pattern:
    """ "Village (District, Province)", "X district (Province)": the last name of such a note is a province."""
    kinds = "|".join(re.escape(word) for word in sorted(place_words(language, "place_type_words"), key=len, reverse=True))
    after_kind = rf"|\b(?:{kinds}) \(" if kinds else ""
    return re.compile(rf"(?:\w[\w'.-]* ?\([^()]{{1,60}}, {after_kind})$")


def _clean(window: str) -> str:
    return _SPACES.sub(" ", window.translate(_APOSTROPHES).lower())


def cue_at(text: str, start: int, end: int, language: str) -> str | None:
    """The cue around text[start:end]: "admin1", "town", "near", or None."""
    cues = place_cues(language)
    before = _clean(text[max(0, start - _WINDOW):start])
    after = _clean(text[end:end + _WINDOW]).lstrip()
    if cues.admin1_before is not None and cues.admin1_before.search(before):
        return "admin1"
    if cues.admin1_after is not None and cues.admin1_after.search(after):
        return "admin1"
    if after.startswith(")") and _parenthesis_area_before(language).search(before):
        return "admin1"
    if cues.town_before is not None and cues.town_before.search(before):
        return "town"
    if cues.near_before is not None and cues.near_before.search(before):
        return "near"
    return None


def follows_locative(text: str, start: int, language: str) -> bool:
    """True when text[start:] comes right after a place cue or a locative preposition ("in", "à")."""
    before = _clean(text[max(0, start - _WINDOW):start])
    cues = place_cues(language)
    return any(pattern is not None and pattern.search(before) for pattern in
               (cues.locative_before, cues.near_before, cues.town_before, cues.admin1_before))


def is_locative_word(word: str, language: str) -> bool:
    """True for a lower-case locative preposition of the language ("in", "à")."""
    pattern = place_cues(language).locative_before
    return word.islower() and pattern is not None and pattern.search(_clean(word) + " ") is not None


def follows_origin(text: str, start: int, language: str) -> bool:
    """True when text[start:] names where someone or something came from ("reinforcements from X")."""
    pattern = place_cues(language).origin_before
    return pattern is not None and pattern.search(_clean(text[max(0, start - _WINDOW):start])) is not None


def surroundings_follow(text: str, end: int, language: str) -> bool:
    """True when text[:end] is followed by words for the land around a place ("X and its surroundings")."""
    pattern = place_cues(language).surroundings_after
    return pattern is not None and pattern.search(_clean(text[end:end + _WINDOW]).lstrip()) is not None


def opens_range(text: str, end: int, language: str) -> bool:
    """True when text[:end] is followed by the far end of a stretch ("from X to Y"): X is no origin then."""
    pattern = place_cues(language).range_after
    raw = _SPACES.sub(" ", text[end:end + _WINDOW].translate(_APOSTROPHES)).lstrip()
    first, _, rest = raw.partition(" ")
    if first.lower() in place_words(language, "place_type_words"):  # "from X airbase to ..."
        raw = rest
    match = pattern.search(raw.lower()) if pattern is not None else None
    if match is None:
        return False
    # the far end is named ("to Y", "to al Y"); "from X to spend the holiday" tells a purpose, X is an origin
    following = raw[match.end():].split(" ", 1)[0].lower()
    return not raw[match.end():match.end() + 1].islower() or following in ARTICLE_WORDS \
        or any(following.startswith(article) for article in place_words(language, "far_end_articles"))


@lru_cache(maxsize=None)
def spaced_name_articles(language: str) -> frozenset[str]:
    """Lower-case articles that open a place name even when spaced from it ("al Bab")."""
    return frozenset(str(word) for word in lexicon(language, "places").get("spaced_name_articles") or ())


@lru_cache(maxsize=None)
def place_words(language: str, section: str) -> frozenset[str]:
    """A lower-cased word list of the language's places.yaml: "place_type_words" ("governorate", "city"),
    "thoroughfare_words" ("street"), "organisation_heads"/"organisation_tails", "front_words", "quarter_words",
    "local_authority_words" ("Governorship"), "qualified_things" ("dollar": "US dollar" is no place)."""
    return frozenset(str(word).lower() for word in lexicon(language, "places").get(section) or ())


@lru_cache(maxsize=None)
def container_connectors(language: str) -> tuple[str, ...]:
    """Words between a place and the area holding it ("X in Y", "X dans Y"), longest first (container_gap)."""
    connectors = (lexicon(language, "places").get("container_gap") or {}).get("connectors") or ()
    return tuple(sorted((str(word) for word in connectors), key=len, reverse=True))


@lru_cache(maxsize=None)
def demonym_countries(language: str) -> dict[str, str]:
    """Normalised demonym -> ISO2 country code ("" for peoples without one country)."""
    table = lexicon(language, "places").get("demonyms") or {}
    return {normalise_name(word): str(code) for code, words in table.items() for word in words or ()}


@lru_cache(maxsize=None)
def stopword_keys(language: str) -> frozenset[str]:
    """Normalised capitalised words never taken as places."""
    return frozenset(normalise_name(word) for word in lexicon(language, "places").get("stopwords") or ())


@lru_cache(maxsize=None)
def list_words(language: str) -> tuple[str, ...]:
    """Words joining the names of a list ("and", "or")."""
    return tuple(str(word) for word in lexicon(language, "places").get("list_words") or ())


@lru_cache(maxsize=None)
def contracted_articles(language: str) -> dict[str, str]:
    """Contracted preposition -> the article it hides ("au" -> "le", as in "au Caire")."""
    return {str(key).lower(): str(value) for key, value in
            (lexicon(language, "places").get("contracted_articles") or {}).items()}


_LAST_WORD = re.compile(r"(\w+)\s+$")


def lookup_forms(text: str, start: int, end: int, language: str) -> list[str]:
    """Names to look up for text[start:end], best first: with a hidden article, then as written."""
    name = text[start:end]
    match = _LAST_WORD.search(text[max(0, start - 12):start])
    article = contracted_articles(language).get(match.group(1).lower()) if match else None
    return [f"{article} {name}", name] if article else [name]


@lru_cache(maxsize=None)
def elision_prefix(language: str) -> re.Pattern | None:
    """Elided articles a tokenizer may leave glued to a name ("d'" in "d'Idlib"), as a pattern."""
    prefixes = lexicon(language, "places").get("elisions") or []
    if not prefixes:
        return None
    alternatives = "|".join(re.escape(prefix).replace("'", "['’]") for prefix in prefixes)
    return re.compile(f"^(?i:{alternatives})(?=\\w)")
