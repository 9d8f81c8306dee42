"""Choose the place of an event among the place mentions around it, by the role each plays in the text."""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass

from veille.extract.mentions import PlaceMention
from veille.geo.cues import cue_at, follows_origin, opens_range, place_type_words, stopword_keys
from veille.geo.normalise import normalise_name
from veille.records import Place

CONTAINER_MAX_KM = 200.0  # a place lying farther than this from the area named as holding it was misread
SUPPORT_KM = 100.0  # a name fragment is trusted when it resolves this close to another place of the text
# "X, Y", "X in Y", "X (Y", and "X (District, Y" where the district was not recognised
CONTAINER_GAP = re.compile(r"\s*(?:,|\([^()]*?,|\(|-|in|in the|in rural|of|within|dans|à|en)\s*", re.IGNORECASE)
_NEXT_WORD = re.compile(r"^[ \t]+((?:(?:al|el|as|ad|ar|an|at|ash|az)[ -])?[^\W_][\w'’]*)")
_PREVIOUS_WORD = re.compile(r"([\w'’]+)[ \t]+$")
_SENTENCE_START = re.compile(r"(?:^|[.:;!?\n]\s*)$")


@dataclass(frozen=True)
class PlaceRole:
    """What a mention's surroundings say about it."""

    partial: bool  # a fragment of a longer name ("Tall" of "Tall Sakhr") resolved away from the text's other places
    misplaced: bool  # its resolution lies outside the area the text puts it in
    foreign: bool  # in another country than all the article's other places, which agree on one
    container: bool  # it names the area holding another place ("X in Y", "X (Y)")
    origin: bool  # where someone came from ("reinforcements from X")


def _inside_parentheses(text: str, start: int) -> bool:
    opened = text.rfind("(", max(0, start - 120), start)
    return opened != -1 and ")" not in text[opened:start]


def is_partial_name(text: str, mention: PlaceMention, language: str) -> bool:
    """True when capitalised words glued to the mention make it part of a longer name ("Maaret X", "X Street")."""
    following = _NEXT_WORD.match(text[mention.end:mention.end + 40])
    if following is not None:
        word = following.group(1)
        if (word[0].isupper() or word[0].isdigit()) and word.lower() not in place_type_words(language):
            return True
    preceding = _PREVIOUS_WORD.search(text[max(0, mention.start - 40):mention.start])
    if preceding is None or not preceding.group(1)[0].isupper():
        return False
    word_start = mention.start - len(text[max(0, mention.start - 40):mention.start]) + preceding.start(1)
    if _SENTENCE_START.search(text[max(0, word_start - 3):word_start]) or word_start == 0:
        return False  # the sentence's first word is capitalised anyway
    word = preceding.group(1)
    if normalise_name(word) in stopword_keys(language) or normalise_name(f"{word} x") == "x":
        return False  # a listed common word, or an Arabic article left out of the mention ("At X")
    return cue_at(text, mention.start, mention.end, language) is None  # "Northern X" is a cue, not a name


def _distance_km(a: Place, b: Place) -> float:
    p1, p2 = math.radians(a.latitude), math.radians(b.latitude)
    dp, dl = p2 - p1, math.radians(b.longitude - a.longitude)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(min(1.0, math.sqrt(h)))


def _holds(outer: Place, inner: Place) -> bool:
    """Whether `inner` can lie in the area `outer` names: same country and not far off."""
    if outer.iso3 and inner.iso3 and outer.iso3 != inner.iso3:
        return False
    if None in (outer.latitude, outer.longitude, inner.latitude, inner.longitude):
        return True
    return _distance_km(outer, inner) <= CONTAINER_MAX_KM


def _supported(place: Place, mention: PlaceMention, others: list[tuple[PlaceMention, Place]]) -> bool:
    """Whether another place of the text lies in the same division or close by."""
    for other_mention, other in others:
        if other_mention is mention or not other.iso3 or other.iso3 != place.iso3:
            continue
        if place.admin1 and other.admin1 == place.admin1:
            return True
        if None not in (place.latitude, other.latitude) and _distance_km(place, other) <= SUPPORT_KM:
            return True
    return False


def place_roles(text: str, mentions: list[PlaceMention], places: dict[PlaceMention, Place],
                language: str) -> dict[PlaceMention, PlaceRole]:
    """The role of every resolved mention of an article."""
    ordered = sorted((m for m in mentions if m in places), key=lambda m: m.start)
    container_of: dict[PlaceMention, PlaceMention] = {}  # inner -> the area named right after it
    contained: set[PlaceMention] = set()
    for inner, outer in zip(ordered, ordered[1:]):
        if places[inner].geo_precision < 3 and CONTAINER_GAP.fullmatch(text[inner.end:outer.start]):
            container_of[inner] = outer
            contained.add(outer)
    complete = [(m, places[m]) for m in ordered if not is_partial_name(text, m, language)]
    countries = Counter(places[m].iso3 for m in ordered if places[m].iso3)
    roles = {}
    for mention in ordered:
        place = places[mention]
        outer = container_of.get(mention)
        others = countries - Counter([place.iso3])
        roles[mention] = PlaceRole(
            partial=is_partial_name(text, mention, language) and not _supported(place, mention, complete),
            misplaced=outer is not None and not _holds(places[outer], place),
            foreign=bool(place.iso3) and len(others) == 1 and sum(others.values()) >= 2 and place.iso3 not in others,
            container=mention in contained or _inside_parentheses(text, mention.start),
            origin=follows_origin(text, mention.start, language) and not opens_range(text, mention.end, language),
        )
    return roles


def _rank(mention: PlaceMention, role: PlaceRole, place: Place, assigned: bool) -> tuple:
    # A town named as holding another still beats an area: "(District town, Province)" in a note
    # about "a village in western Yemen" places the event at the district's town.
    return (role.partial, role.misplaced, role.foreign, place.geo_precision >= 3, place.admin1 is None,
            role.container, role.origin,
            place.geo_precision, not assigned, mention.kind != "place", mention.start)


def choose_event_place(assigned: list[PlaceMention], in_sentence: list[PlaceMention],
                       places: dict[PlaceMention, Place],
                       roles: dict[PlaceMention, PlaceRole]) -> PlaceMention | None:
    """The mention that places the event: a clean, precise place tied to its trigger, else one of its sentence.

    Mentions tied to the trigger come first unless the best of them is only an area or a doubtful
    reading; then the sentence's other places compete too (an event "in Lebanon ... in Tyre" is in Tyre).
    """
    def key(mention: PlaceMention, tied: bool) -> tuple:
        return _rank(mention, roles[mention], places[mention], tied)

    tied = [m for m in assigned if m in places and m in roles]
    best = min(tied, key=lambda m: key(m, True)) if tied else None
    if best is not None and not any(key(best, True)[:7]):
        return best
    pool = [(m, True) for m in tied] + [(m, False) for m in in_sentence if m in places and m in roles and m not in tied]
    if not pool:
        return None
    return min(pool, key=lambda item: key(*item))[0]
