"""Choose the place of an event among the place mentions around it, by the role each plays in the text."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace
from functools import lru_cache

from veille.extract.mentions import PlaceMention
from veille.geo.containment import distance_km, holds, list_container_pairs
from veille.geo.cues import (
    cue_at, follows_origin, list_words, opens_range, place_words, spaced_name_articles, stopword_keys,
)
from veille.geo.normalise import normalise_name
from veille.records import Place
from veille.resources import lexicon

SUPPORT_KM = 100.0  # a name fragment is trusted when it resolves this close to another place of the text
FOREIGN_KM = 1_000.0  # a lone place this far from the text's other places, in another country, is a namesake
BEARING_KM = 30.0  # a place told to lie west (north...) of another, with no distance given, lies this close to it
# ... a district, placed at the middle of its towns, within SUPPORT_KM
_NEXT_WORD = re.compile(r"^[ \t]+((?:(?:al|el|as|ad|ar|an|at|ash|az)[ -])?[^\W_][\w'’]*)")
_PREVIOUS_WORD = re.compile(r"([\w'’-]+)[ \t]+$")
_LIST_PIECE = re.compile(r",|[^\W\d_][\w'’-]*")
_SENTENCE_START = re.compile(r"(?:^|[.:;!?\n]\s*)$")
_OPENS_NOTE = re.compile(r"\s*\(\s*")


@dataclass(frozen=True)
class PlaceRole:
    """What a mention's surroundings say about it."""

    partial: bool  # a fragment of a longer name ("Tall" of "Tall Sakhr") resolved away from the text's other places
    thoroughfare: bool  # names a street or a road ("X Street", "the X-Y highway"), not where the event is
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
        article, _, rest = word.partition(" ")
        # "X el Ghazal": the name after a spaced article ("X at Y" is no article: "at" is an English word)
        name = rest if rest and article in spaced_name_articles(language) else word.split("-", 1)[-1]
        if (name[0].isupper() or name[0].isdigit()) and word.lower() not in place_words(language, "place_type_words") \
                and word.lower() not in place_words(language, "local_authority_words"):
            return True
    window = text[max(0, mention.start - 40):mention.start]
    preceding = _PREVIOUS_WORD.search(window)
    if preceding is None:
        return False
    word, word_start = preceding.group(1), mention.start - len(window) + preceding.start(1)
    if normalise_name(f"{word} x") == "x" and word.lower() not in list_words(language):
        # an Arabic article left out of the mention ("el X"): look before it; French "et" joins a list
        with_article = PlaceMention(start=word_start, end=mention.end, text=text[word_start:mention.end],
                                    token_start=mention.token_start, token_end=mention.token_end)
        return word_start > 0 and is_partial_name(text, with_article, language)
    if not word[0].isupper() or word_start == 0 or _SENTENCE_START.search(text[max(0, word_start - 3):word_start]):
        return False  # a lower-case word, or the sentence's first word, capitalised anyway
    if normalise_name(word) in stopword_keys(language):
        return False
    return cue_at(text, mention.start, mention.end, language) is None  # "Northern X" is a cue, not a name


def names_thoroughfare(text: str, mention: PlaceMention, language: str) -> bool:
    """True when a word for a street or a road follows the name, past other names joined by hyphens, or when
    the name is an end of a road named before it ("the road to X", "the highway linking Y to X")."""
    thoroughfare_after = _thoroughfare_after(language)
    if thoroughfare_after is not None and thoroughfare_after.match(text[mention.end:mention.end + 80]):
        return True
    road_end = _road_end(language)
    return road_end is not None and road_end.search(text[max(0, mention.start - 80):mention.start]) is not None


@lru_cache(maxsize=None)
def _thoroughfare_after(language: str) -> re.Pattern | None:
    """A road word right after a name, maybe past other names joined to it by a hyphen ("X - Al Y road")."""
    roads = place_words(language, "thoroughfare_words")
    if not roads:
        return None
    road = "|".join(re.escape(word) for word in sorted(roads, key=len, reverse=True))
    return re.compile(rf"^(?:\s*[-–]\s*[A-Z][\w'’-]*(?: [A-Za-z][\w'’-]*){{0,2}}?)?\s+(?i:{road})\b")


@lru_cache(maxsize=None)
def _road_end(language: str) -> re.Pattern | None:
    """A road word, a word leading to its end, then maybe the road's other end and a joining word."""
    roads, links = place_words(language, "thoroughfare_words"), place_words(language, "road_end_links")
    if not roads or not links:
        return None
    alternatives = "|".join(re.escape(word) for word in sorted(links, key=len, reverse=True))
    road = "|".join(re.escape(word) for word in sorted(roads, key=len, reverse=True))
    other_end = r"(?:[A-Z][\w'’-]*\s+(?:(?:[a-z]{1,3}[ -])?[A-Z][\w'’-]*\s+){0,3}(?:" + alternatives + r")\s+)?"
    return re.compile(rf"\b(?i:{road})\s+(?i:{alternatives})\s+{other_end}(?:(?:al|el|the)[ -])?$")


def _supported(place: Place, mention: PlaceMention, others: list[tuple[PlaceMention, Place]]) -> bool:
    """Whether another place of the text lies in the same division or close by."""
    for other_mention, other in others:
        if other_mention is mention or not other.iso3 or other.iso3 != place.iso3:
            continue
        if place.admin1 and other.admin1 == place.admin1:
            return True
        if None not in (place.latitude, other.latitude) and distance_km(place, other) <= SUPPORT_KM:
            return True
    return False


def _is_trusted(text: str, mention: PlaceMention, outer: Place, main_iso3: str | None, language: str) -> bool:
    """An area ("Y District", a province, a name in parentheses after X), or a place in the country most of the
    text's places are in, can tell a namesake from the place meant."""
    if outer.geo_precision >= 3 or (main_iso3 is not None and outer.iso3 == main_iso3):
        return True
    if _inside_parentheses(text, mention.start):
        return True  # "X (District, Province)": a note on where X lies
    following = _NEXT_WORD.match(text[mention.end:mention.end + 40])
    return following is not None and following.group(1).lower() in place_words(language, "place_type_words")


@lru_cache(maxsize=None)
def _bearing_gap(language: str) -> re.Pattern | None:
    patterns = lexicon(language, "places").get("bearing_gap") or []
    return re.compile("|".join(f"(?:{pattern})" for pattern in patterns), re.IGNORECASE) if patterns else None


def _off_bearing(text: str, ordered: list[PlaceMention], places: dict[PlaceMention, Place],
                 language: str) -> set[PlaceMention]:
    """Places told to lie beside the next one by a bare bearing ("X west of Y") that resolve far from it,
    in another province: a namesake read in place of a local name."""
    gap = _bearing_gap(language)
    if gap is None:
        return set()
    far = set()
    for mention, reference in zip(ordered, ordered[1:]):
        place, other = places[mention], places[reference]
        if other.geo_precision >= 3 or not gap.fullmatch(text[mention.end:reference.start]):
            continue
        if place.admin1 != other.admin1 and None not in (place.latitude, other.latitude) \
                and distance_km(place, other) > (SUPPORT_KM if is_district(place) else BEARING_KM):
            far.add(mention)
    return far


def _noted_area(text: str, outer: PlaceMention | None, ordered: list[PlaceMention],
                places: dict[PlaceMention, Place], container_of: dict[PlaceMention, PlaceMention]) -> PlaceMention | None:
    """The area a place is told to lie in. "X in [northern] Country (District, Province)": the note in
    parentheses right after the country says where X lies more closely than the country does."""
    if outer is None or places[outer].admin1 is not None or places[outer].iso3 is None:
        return outer
    following = next((m for m in ordered if m.start >= outer.end), None)
    if following is None or not _OPENS_NOTE.fullmatch(text[outer.end:following.start]):
        return outer
    noted = container_of.get(following, following)
    return noted if places[noted].iso3 == places[outer].iso3 else outer


def _far_abroad(place: Place, outer: Place) -> bool:
    """Told as lying in a place of another country a thousand kilometres off: no border town, a namesake."""
    return bool(place.iso3 and outer.iso3 and place.iso3 != outer.iso3) \
        and None not in (place.latitude, outer.latitude) and distance_km(place, outer) > FOREIGN_KM


def _names_a_part(text: str, mention: PlaceMention, language: str) -> bool:
    """ "X neighbourhood in Y", "X village of Y": X is told as a part of Y, so Y is the place to trust."""
    following = _NEXT_WORD.match(text[mention.end:mention.end + 40])
    return following is not None and following.group(1).lower() in place_words(language, "quarter_words")


def _joins_list(gap: str, language: str) -> bool:
    """Whether the text between two names only joins them in a list (", ", " and ", " governorate and ")."""
    pieces = _LIST_PIECE.findall(gap)
    if not pieces or "".join(pieces) != re.sub(r"\s+", "", gap):
        return False
    joiners = {",", *list_words(language)}
    if len(pieces) > 1 and pieces[0].lower() in place_words(language, "place_type_words"):
        pieces = pieces[1:]  # the kind of place the first name is ("from X governorate and Y")
    # past the first joiner, other names of the list the gazetteer does not know ("X, Y and Z")
    return pieces[0] in joiners and all(piece in joiners or piece[0].isupper() or piece in ("al", "el")
                                        for piece in pieces)


def _is_foreign(place: Place, mention: PlaceMention, main_iso3: str | None, main_count: int,
                ordered: list[PlaceMention], places: dict[PlaceMention, Place]) -> bool:
    """In another country than most of the text's places, which are several or all far from it."""
    if main_iso3 is None:  # too few places for a main country: the one all the others lie in, if any
        countries = {places[m].iso3 for m in ordered if m is not mention}
        main_iso3, main_count = (countries.pop(), 0) if len(countries) == 1 else (None, 0)
    if not place.iso3 or main_iso3 is None or place.iso3 == main_iso3:
        return False
    if main_count >= 2:
        return True
    return all(None in (place.latitude, places[m].latitude) or distance_km(place, places[m]) > FOREIGN_KM
               for m in ordered if m is not mention)


def place_roles(text: str, mentions: list[PlaceMention], places: dict[PlaceMention, Place],
                language: str) -> dict[PlaceMention, PlaceRole]:
    """The role of every resolved mention of an article."""
    ordered = sorted((m for m in mentions if m in places), key=lambda m: m.start)
    container_of = list_container_pairs(text, mentions, places, language)  # inner -> the area named right after it
    complete = [(m, places[m]) for m in ordered if not is_partial_name(text, m, language)]
    # The text's main country: the one holding most of its distinct towns and provinces, ahead of any other.
    countries = Counter(iso3 for iso3, _ in {(places[m].iso3, places[m].name) for m in ordered
                                             if places[m].iso3 and places[m].admin1})
    ranked = countries.most_common(2) + [("", 0)]
    main_iso3 = ranked[0][0] if ranked[0][1] >= 2 and ranked[0][1] > ranked[1][1] else None
    if main_iso3 is None:
        # too few towns to count: the provinces the text names as such ("X province", "(District, X)"), when
        # all in one country, say which country it is about (a bare name read as a province may be a namesake)
        provinces = {places[m].iso3 for m in ordered if places[m].geo_precision >= 3 and places[m].admin1
                     and cue_at(text, m.start, m.end, language) == "admin1"}
        main_iso3 = provinces.pop() if len(provinces) == 1 else None
    off_bearing = _off_bearing(text, ordered, places, language)
    roles = {}
    for mention in ordered:
        place = places[mention]
        outer = _noted_area(text, container_of.get(mention), ordered, places, container_of)
        roles[mention] = PlaceRole(
            partial=is_partial_name(text, mention, language) and not _supported(place, mention, complete),
            thoroughfare=names_thoroughfare(text, mention, language),
            misplaced=mention in off_bearing or (outer is not None and not holds(places[outer], place)
                                                 and (_is_trusted(text, outer, places[outer], main_iso3, language)
                                                      or _names_a_part(text, mention, language)
                                                      or _far_abroad(place, places[outer]))),
            foreign=_is_foreign(place, mention, main_iso3, countries[main_iso3], ordered, places),
            container=_inside_parentheses(text, mention.start),
            origin=follows_origin(text, mention.start, language) and not opens_range(text, mention.end, language),
        )
    # "from X, Y and Z": every name of the list is where someone came from.
    for previous, mention in zip(ordered, ordered[1:]):
        if roles[previous].origin and not roles[mention].origin \
                and _joins_list(text[previous.end:mention.start], language):
            roles[mention] = replace(roles[mention], origin=True)
    # An area holding a place worth choosing steps back for it; one holding only misread names does not.
    for inner, outer in container_of.items():
        role = roles[inner]
        if not (role.partial or role.misplaced or role.foreign or role.thoroughfare) and not roles[outer].container:
            roles[outer] = replace(roles[outer], container=True)
    return roles


def is_district(place: Place) -> bool:
    """A second-order division (a district, a county): placed at its towns, it is as precise as one."""
    return place.admin2 is not None and place.admin2 == place.name


def _rank(mention: PlaceMention, role: PlaceRole, place: Place, assigned: bool) -> tuple:
    # A town named as holding another still beats an area: "(District town, Province)" in a note
    # about "a village in western Yemen" places the event at the district's town. A district is
    # no such area: "shelling on X district (Province town)" is at the district, not at the town.
    # Where people came from is never where they acted, even when the alternative is only an area.
    # A district counts as precise as ACLED codes it, at its seat with geo_precision 2.
    precision = min(place.geo_precision, 2) if is_district(place) else place.geo_precision
    return (role.partial, role.misplaced, role.foreign, role.origin,
            place.geo_precision >= 3 and not is_district(place), place.admin1 is None,
            role.thoroughfare, role.container,
            precision, not assigned, mention.kind != "place", mention.start)


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
    if best is not None and not any(key(best, True)[:8]):
        return best
    pool = [(m, True) for m in tied] + [(m, False) for m in in_sentence if m in places and m in roles and m not in tied]
    if not pool:
        return None
    return min(pool, key=lambda item: key(*item))[0]
