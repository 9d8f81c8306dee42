"""Places told as lying in another ("X in Y", "X (District, Y)"): find the pairs, and keep X inside Y."""

from __future__ import annotations

import re
from functools import lru_cache

from spacy.tokens import Doc

from veille.extract.mentions import PlaceMention
from veille.geo.cues import cue_at, list_words, place_words, spaced_name_articles
from veille.geo.gazetteer import Gazetteer, GazetteerEntry
from veille.geo.normalise import ARTICLE_WORDS, normalise_name
from veille.geo.resolve import distance_km as point_distance_km
from veille.records import Place, Span
from veille.resources import lexicon

CONTAINER_MAX_KM = 200.0  # a place lying farther than this from the area named as holding it was misread
TOWN_MAX_KM = 60.0  # ... or than this from the town named as holding it
NOTABLE_TOWN = 50_000  # people: a town this big is not mistaken for a village of another province


def _alternatives(words: list[str]) -> str:
    """A regex alternation of the words, longest first, spaces matching any run of blanks."""
    ordered = sorted((str(word) for word in words), key=len, reverse=True)
    return "|".join(re.escape(word).replace(r"\ ", r"\s+") for word in ordered)


def _optional(words: list[str], after: str = r"\s+") -> str:
    """An optional group matching one of the words, case-insensitively, then `after`."""
    return rf"(?:(?i:{_alternatives(words)}){after})?" if words else ""


@lru_cache(maxsize=None)
def _container_gap(language: str) -> re.Pattern:
    """What may stand between a place and the area named as holding it: names, articles, words for kinds of
    places, then a comma, an opening parenthesis or a connector ("X, Y", "X in Y", "X town of Y",
    "X area (District, Y", "X in the north of Y"); the words come from the language's places.yaml."""
    gap = lexicon(language, "places").get("container_gap") or {}
    kinds = sorted(place_words(language, "place_type_words"))
    word = rf"(?:[A-Z][\w'’-]*|(?i:{_alternatives([*ARTICLE_WORDS, *kinds, *gap.get('fillers', [])])}))"
    connector = rf"(?:,|\(|\b(?i:{_alternatives(gap.get('connectors', []))})\b)" if gap.get("connectors") \
        else r"(?:,|\()"
    sides = gap.get("sides", [])
    side = (rf"(?:{_optional(gap.get('side_articles', []))}(?i:{_alternatives(sides)})\s+"
            rf"{_optional(gap.get('side_nouns', []))}{_optional(gap.get('side_links', []))})?") if sides else ""
    article = rf"(?:(?i:{_alternatives(list(ARTICLE_WORDS))})[- ])?"  # an article the next mention left out
    return re.compile(rf"\s*(?:(?:{word}|\(|\))\s*){{0,6}}?{connector}\s*{side}{article}|\s*-\s*")


@lru_cache(maxsize=None)
def _list_gap(language: str) -> re.Pattern:
    words = "|".join(re.escape(word) for word in list_words(language))
    return re.compile(rf"\s*,?\s*(?:{words})\s*" if words else r"(?!)")


def distance_km(a: Place, b: Place) -> float:
    """Great-circle distance between two places with coordinates."""
    return point_distance_km(a.latitude, a.longitude, b.latitude, b.longitude)


def holds(outer: Place, inner: Place) -> bool:
    """Whether `inner` can lie in the area `outer` names: same country, and the same province or not far off
    (a town holds less than a province, or than a town named like its province, which may stand for it)."""
    if outer.iso3 and inner.iso3 and outer.iso3 != inner.iso3:
        return False
    if outer.admin1 is None or (inner.admin1 is not None and inner.admin1 == outer.admin1):
        return True  # a country holds all its places; a province all of its own
    if None in (outer.latitude, outer.longitude, inner.latitude, inner.longitude):
        return True
    names_area = outer.geo_precision >= 3 or normalise_name(outer.name) == normalise_name(outer.admin1 or "")
    return distance_km(outer, inner) <= (CONTAINER_MAX_KM if names_area else TOWN_MAX_KM)


def container_pairs(text: str, mentions: list[PlaceMention], places: dict[PlaceMention, Place],
                    language: str, resolved_only: bool = True) -> dict[PlaceMention, PlaceMention]:
    """Each mention told as lying in the next one -> that next one.

    With `resolved_only`, only mentions with a place count and a place resolved as an area holds in nothing.
    """
    ordered = sorted((m for m in mentions if m in places or not resolved_only), key=lambda m: m.start)
    return {inner: outer for index, (inner, outer) in enumerate(zip(ordered, ordered[1:]))
            if (not resolved_only or places[inner].geo_precision < 3)
            and _container_gap(language).fullmatch(text[inner.end:outer.start])
            and not (resolved_only and _in_list(text, ordered, index, language) and not holds(places[outer], places[inner]))}


def _in_list(text: str, ordered: list[PlaceMention], index: int, language: str) -> bool:
    """Whether "X, Y" at `index` opens a list ("X, Y and Z", "X, Y, Z and W") rather than a place and its area."""
    for first, second in zip(ordered[index:], ordered[index + 1:]):
        pieces = _list_pieces(text[first.end:second.start], language)
        if pieces is None:
            return False
        if any(piece in list_words(language) for piece in pieces):
            return True
    return False


_GAP_PIECE = re.compile(r",|[^\W\d_][\w'’-]*")


def _list_pieces(gap: str, language: str) -> list[str] | None:
    """The pieces of a gap that may join two names of a list: a comma or a list word first, then commas, list
    words and names the gazetteer did not place (", Y and "); None for any other gap."""
    pieces = _GAP_PIECE.findall(gap)
    if not pieces or "".join(pieces) != re.sub(r"\s+", "", gap):
        return None
    joiners, articles = {",", *list_words(language)}, spaced_name_articles(language)
    if pieces[0] not in joiners or not all(piece in joiners or piece in articles or piece[0].isupper()
                                           for piece in pieces):
        return None
    return pieces


def _entry_of(place: Place, gazetteer: Gazetteer) -> GazetteerEntry | None:
    if place.geonameid is None:
        return None
    return next((entry for entry in gazetteer.candidates(place.name) if entry.geonameid == place.geonameid), None)


def _place_from(entry: GazetteerEntry, mention: PlaceMention, precision: int, gazetteer: Gazetteer,
                like: Place | None) -> Place:
    country = gazetteer.country(entry.country_code)
    fields = {"name": entry.name, "admin1": entry.admin1, "iso3": entry.iso3 or None,
              "country": country.name if country is not None else None, "latitude": entry.latitude,
              "longitude": entry.longitude, "geonameid": entry.geonameid}
    if like is not None:
        return like.model_copy(update=fields)
    return Place(**fields, geo_precision=precision, mention=Span(start=mention.start, end=mention.end, text=mention.text))


def _areas(outer: PlaceMention, places: dict[PlaceMention, Place], gazetteer: Gazetteer) -> list[GazetteerEntry]:
    """What the outer name may be, the reading already chosen first, then provinces, then towns by size."""
    if outer in places:
        entry = _entry_of(places[outer], gazetteer)
        return [entry] if entry is not None else []
    found = [entry for entry in gazetteer.candidates(outer.text) if entry.feature in ("admin1", "city")]
    return sorted(found, key=lambda entry: (entry.feature != "admin1", -entry.population))


def fit_to_containers(mentions: list[PlaceMention], places: dict[PlaceMention, Place], text: str, language: str,
                      gazetteer: Gazetteer) -> dict[PlaceMention, Place]:
    """The places, each one told as lying in a province read as its namesake inside that province.

    A pair left unresolved (a village abroad and a province both dropped as strays) is read the
    same way when the gazetteer has a town of the first name inside a province of the second.
    """
    fitted = dict(places)
    for inner, outer in list_container_pairs(text, mentions, places, language, resolved_only=False).items():
        current = _entry_of(places[inner], gazetteer) if inner in places else None
        areas = [area for area in _areas(outer, places, gazetteer)
                 if area.feature not in ("country", "region") and area.admin1_code]
        for area in areas:
            region = (area.country_code, area.admin1_code)
            if current is not None and (current.country_code, current.admin1_code) == region:
                break
            inside = [entry for entry in gazetteer.candidates(inner.text)
                      if entry.feature == "city" and (entry.country_code, entry.admin1_code) == region]
            if not inside:
                continue
            entry = max(inside, key=lambda candidate: candidate.population)
            near = cue_at(text, inner.start, inner.end, language) == "near"
            like = places.get(inner)
            if like is not None and like.geo_precision >= 3:  # a country or province namesake read as the village
                like = like.model_copy(update={"geo_precision": 2 if near else 1})
            fitted[inner] = _place_from(entry, inner, 2 if near else 1, gazetteer, like)
            if outer not in fitted:
                fitted[outer] = _place_from(area, outer, 3 if area.feature == "admin1" else 1, gazetteer, None)
            break
        else:
            provinces = [area for area in areas if area.feature == "admin1"]
            if provinces and outer not in fitted:  # a province dropped as a stray for a misread village in it
                fitted[outer] = _place_from(provinces[0], outer, 3, gazetteer, None)
            if current is not None and provinces and _is_note(text, inner, outer) \
                    and (current.population < NOTABLE_TOWN or current.country_code != provinces[0].country_code) \
                    and _agrees_with_text(provinces[0].iso3, current.iso3, places, (inner, outer)):
                # "(X, Province)" with no X there: a village elsewhere, or a namesake abroad, is no reading of X (a
                # city of the same country is more likely filed under the wrong province by the note)
                fitted.pop(inner, None)
    return fitted


def _agrees_with_text(iso3: str, other_iso3: str, places: dict[PlaceMention, Place], pair) -> bool:
    """Whether no fewer of the text's other places lie in the country `iso3` than in `other_iso3` (a province
    is better known than a village: on a tie it is trusted)."""
    countries = [place.iso3 for mention, place in places.items() if mention not in pair]
    return countries.count(iso3) >= countries.count(other_iso3)


def _is_note(text: str, inner: PlaceMention, outer: PlaceMention) -> bool:
    """Whether the two names make a note "(X, Y)" on where something lies."""
    opening = re.search(rf"\(\s*(?:(?i:{_alternatives(list(ARTICLE_WORDS))})[- ])?$", text[max(0, inner.start - 8):inner.start])
    return opening is not None and re.fullmatch(r"\s*,\s*", text[inner.end:outer.start]) is not None \
        and text[outer.end:outer.end + 3].lstrip().startswith(")")


def list_container_pairs(text: str, mentions: list[PlaceMention], places: dict[PlaceMention, Place],
                         language: str, resolved_only: bool = True) -> dict[PlaceMention, PlaceMention]:
    """Container pairs, a list's earlier names sharing the container of its last ("X and Y in Z")."""
    pairs = container_pairs(text, mentions, places, language, resolved_only)
    ordered = sorted((m for m in mentions if m in places or not resolved_only), key=lambda m: m.start)
    for first, second in reversed(list(zip(ordered, ordered[1:]))):
        if first not in pairs and second in pairs and _list_gap(language).fullmatch(text[first.end:second.start]):
            pairs[first] = pairs[second]
    return pairs


_NAME = r"[^\W\d_][\w'’-]*(?:[ -][\w'’-]+){0,3}?"
_NOTE = re.compile(rf"\(\s*({_NAME})\s*,\s*({_NAME})\s*\)")


def _misspellings(name: str) -> list[str]:
    """Spellings one slip away: two letters swapped, one letter dropped, one vowel left out."""
    letters = range(len(name))
    swapped = [name[:i] + name[i + 1] + name[i] + name[i + 2:] for i in letters[:-1] if name[i:i + 2].isalpha()]
    dropped = [name[:i] + name[i + 1:] for i in letters if name[i].isalpha()]
    with_vowel = [name[:i] + vowel + name[i:] for i in range(1, len(name)) for vowel in "aeiou"
                  if name[i - 1].isalpha() and name[i].isalpha()]
    return [spelling for spelling in swapped + dropped + with_vowel if len(spelling) >= 4]


_RUN = r"[A-Z][\w'’-]*(?:[ ](?:[a-z]{1,3}[ ])?[A-Z][\w'’-]*){0,3}"


@lru_cache(maxsize=None)
def _kind_notes(language: str) -> tuple[re.Pattern, ...]:
    """ "X district (Province)", "the X front (Province)", "X district in the south of Y province": a name, the
    kind of area it is, then the province holding it (in parentheses, or after a connector and a side)."""
    units = place_words(language, "admin_unit_words")
    kinds = sorted(units | place_words(language, "front_words"), key=len, reverse=True)
    if not kinds:
        return ()
    head = rf"({_RUN})\s+(?:{'|'.join(map(re.escape, kinds))})"
    gap = lexicon(language, "places").get("container_gap") or {}
    patterns = [re.compile(rf"{head}\s*\(\s*({_NAME})\s*\)")]
    if gap.get("connectors") and gap.get("sides"):
        side = (rf"(?:{_optional(gap.get('side_articles', []))}(?i:{_alternatives(gap['sides'])})\s+"
                rf"{_optional(gap.get('side_nouns', []))}{_optional(gap.get('side_links', []))})?")
        patterns.append(re.compile(rf"{head}\s+(?:{_alternatives(gap['connectors'])})\s+{side}({_RUN})\s+"
                                   rf"(?:{_alternatives(sorted(units))})\b"))
    return tuple(patterns)


def noted_places(text: str, mentions: list[PlaceMention], gazetteer: Gazetteer,
                 language: str = "en") -> list[tuple[int, int, GazetteerEntry]]:
    """Names opening a note "(X, Province)", or told as an area of a province ("X district (Province)"), that no
    mention covers (`mentions`: those with a place), read as a town or district of that province.

    Such a note says where the place before it lies; when that place is unknown, the town or
    district named in the note (its seat) is the closest known place, as ACLED codes it. X is
    taken only when the gazetteer has it inside a province named like the note's second name,
    spelt as the gazetteer has it, loosely, or one slip away.
    """
    covered = [(mention.start, mention.end) for mention in mentions]
    found = []
    notes = [*_NOTE.finditer(text), *(note for pattern in _kind_notes(language) for note in pattern.finditer(text))]
    for note in notes:
        provinces = {(entry.country_code, entry.admin1_code) for entry in gazetteer.lookup(note.group(2))[0]
                     if entry.feature == "admin1"}
        run_start, end = note.span(1)
        # the name may be the run's last words only ("Mortars hit X district (Province)")
        starts = [run_start] + [run_start + match.end() for match in re.finditer(r" (?=[A-Z])", note.group(1))]
        for start in starts if provinces else ():
            if any(start < other_end and other_start < end for other_start, other_end in covered):
                continue
            inside = []
            for spelling in (text[start:end], *_misspellings(text[start:end])):
                inside = [entry for entry in gazetteer.lookup(spelling)[0] if entry.feature in ("city", "admin2")
                          and (entry.country_code, entry.admin1_code) in provinces]
                if inside:
                    break
            if inside:
                found.append((start, end, max(inside, key=lambda entry: (entry.feature == "city", entry.population))))
                break
    return found


def with_noted_places(doc: Doc, mentions: list[PlaceMention], places: dict[PlaceMention, Place],
                      gazetteer: Gazetteer) -> tuple[list[PlaceMention], dict[PlaceMention, Place]]:
    """The mentions and places plus those of noted_places: a town, or a district at its towns (geo_precision 2)."""
    mentions, places = list(mentions), dict(places)
    unplaced = [mention for mention in mentions if mention not in places]
    for start, end, entry in noted_places(doc.text, [mention for mention in mentions if mention in places], gazetteer,
                                          doc.lang_):
        mention = next((other for other in unplaced if start < other.end and other.start < end), None)
        if mention is None:  # a name the mention finder left out
            span = doc.char_span(start, end, alignment_mode="expand")
            mention = PlaceMention(start=start, end=end, text=doc.text[start:end], token_start=span.start,
                                   token_end=span.end)
            mentions.append(mention)
        place = _place_from(entry, mention, 1 if entry.feature == "city" else 2, gazetteer, None)
        places[mention] = place.model_copy(update={"admin2": entry.name}) if entry.feature == "admin2" else place
    return sorted(mentions, key=lambda mention: mention.start), places
