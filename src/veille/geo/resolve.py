"""Resolve place mentions to gazetteer places, ranking candidates with the article's context."""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass

from veille.extract.mentions import PlaceMention
from veille.geo.abbreviations import abbreviated_places
from veille.geo.areas import demonym_homes, named_area, shared_area
from veille.geo.candidate_filters import plausible_candidates, without_namesake_divisions
from veille.geo.cues import cue_at, demonym_countries, lookup_forms
from veille.geo.distance import distance_km
from veille.geo.fallback import (focus, local_campus, pick_inner_name, respanned as fallback_place, town_after,
                                 town_in_sentence, seat_of_government)
from veille.geo.gazetteer import Gazetteer, GazetteerEntry
from veille.geo.landmarks import landmark_town
from veille.geo.namesakes import (country_named_in_full, province_containers, take_divisions_named_in_full,
                                  take_divisions_named_otherwise, take_kind_of_list, well_known)
from veille.geo.normalise import normalise_name
from veille.geo.strays import is_far_from_all, is_lone_town, may_stray
from veille.geo.time_zones import time_zone_countries
from veille.records import Place, Span

# Score weights, in units of log10(population).
COUNTRY_PRIOR = 2.0  # a bare name that is a country's is nearly always the country
ADMIN1_CUED = 4.0  # "province of X"
ADMIN1_UNCUED = -1.5  # a bare "Idlib" is the town more often than the province
ADMIN1_BARE = -0.5  # ... but a bare "Ohio", with no namesake town inside, is the state
ADMIN2_UNCUED = -0.5  # a county's people are summed from its towns: worth less than a town's own
CAPITAL = 1.0  # a national capital is what its bare name means far more often than its namesakes
PRIMARY_NAME = 0.3  # the mention spells the place's own GeoNames name (a tie-breaker)
LOOSE_MATCH = -1.0  # matched only on the vowel-folded key
COUNTRY_CONTEXT = 2.0  # the place's country is named elsewhere in the article
DEMONYM_CONTEXT = 1.0  # ... or only hinted at ("syriennes")
ADMIN1_CONTEXT = 1.5  # the place's province is named or holds another resolved place
PROXIMITY = 1.5  # at most, for a place right next to another resolved place
PROXIMITY_KM = 250.0
CONFIDENT_MARGIN = 1.5
INSTALLED_PACK = 1.0  # a place from a pack the user installed, against a namesake of the embedded GeoNames data
SITES_SOURCE = "veille sites"
LOOSE_MIN_POPULATION = 10_000  # a vowel-folded spelling match must name a place at least this big
NAMESAKE_MIN_POPULATION = 50_000  # a province's namesake capital stands in for a bare province name
AREAS = frozenset({"country", "region"})  # places that hold countries or are one
DIVISIONS = frozenset({"admin1", "admin2"})
LISTED_TOWN_POPULATION = 500
VILLAGE_POPULATION = 100
_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
KNOWN = "|known"  # group key suffix of a name a resource places (landmark, named area, local demonym)


@dataclass
class _Group:
    """All mentions of one name read the same way ("admin1", "town" or plain), with candidates."""

    key: str  # name key and reading: "idlib|admin1"
    name_key: str
    mentions: list[PlaceMention]
    candidates: list[GazetteerEntry]
    strict: bool
    reading: str  # admin1 | town | ""

    def towns(self) -> frozenset[tuple[str, str]]:
        """(country, admin1 code) of the towns among the candidates."""
        if not hasattr(self, "_towns"):
            self._towns = frozenset((entry.country_code, entry.admin1_code)
                                    for entry in self.candidates if entry.feature == "city")
        return self._towns


@dataclass(frozen=True)
class _Context:
    countries: Counter
    hinted_countries: frozenset[str]
    admin1s: Counter
    points: tuple[tuple[str, str, float, float], ...]  # (name key, country code, lat, lon)


def _prior(entry: GazetteerEntry, group: _Group) -> float:
    # GeoNames lists some towns without a count; cities500 holds none below 500, packs' villages ~100.
    floor = LISTED_TOWN_POPULATION if entry.source == "geonames" else VILLAGE_POPULATION
    score = math.log10(max(entry.population, floor if entry.feature == "city" else 0) + 1)
    if entry.source != "geonames" and entry.source != SITES_SOURCE:
        score += INSTALLED_PACK  # the user installed this region's villages: they are what its texts name
    if entry.feature in AREAS:
        score += COUNTRY_PRIOR
    elif entry.feature == "admin1":
        if group.reading == "admin1":
            score += ADMIN1_CUED
        else:
            score += ADMIN1_UNCUED if (entry.country_code, entry.admin1_code) in group.towns() else ADMIN1_BARE
    elif entry.feature == "admin2":
        score += ADMIN1_CUED if group.reading == "admin1" else ADMIN2_UNCUED
    elif entry.capital:
        score += CAPITAL
    if normalise_name(entry.name) == group.name_key:
        score += PRIMARY_NAME
    if not group.strict:
        score += LOOSE_MATCH
    return score


def _contextual(entry: GazetteerEntry, group: _Group, context: _Context) -> float:
    score = _prior(entry, group)
    if context.countries[entry.country_code]:
        score += COUNTRY_CONTEXT + well_known(entry, group.name_key, group.strict)
    elif entry.country_code in context.hinted_countries:
        score += DEMONYM_CONTEXT
    if entry.feature not in AREAS and context.admin1s[(entry.country_code, entry.admin1_code)]:
        score += ADMIN1_CONTEXT
    others = [(country, lat, lon) for key, country, lat, lon in context.points if key != group.name_key]
    if entry.feature in AREAS:  # a country is as close as can be to the places inside it
        nearest = 0.0 if any(country == entry.country_code for country, _, _ in others) else None
    else:
        nearest = min((distance_km(entry.latitude, entry.longitude, lat, lon) for _, lat, lon in others),
                      default=None)
    if nearest is not None:
        score += PROXIMITY * math.exp(-nearest / PROXIMITY_KM)
    return score


def _ranked(group: _Group, scorer) -> list[tuple[float, GazetteerEntry]]:
    return sorted(((scorer(entry), entry) for entry in group.candidates), key=lambda item: -item[0])


def _is_confident(ranked: list[tuple[float, GazetteerEntry]]) -> bool:
    best_score, best = ranked[0]
    if best.feature in AREAS:
        return True
    rivals = [score for score, entry in ranked[1:]
              if distance_km(entry.latitude, entry.longitude, best.latitude, best.longitude) > 100]
    return not rivals or best_score - rivals[0] >= CONFIDENT_MARGIN


def _context(choices: dict[str, tuple[GazetteerEntry, int]], hinted: frozenset[str],
             home: frozenset[str] = frozenset()) -> _Context:
    countries: Counter = Counter(home)  # the outlet's country counts as named once, by no place of the text
    admin1s: Counter = Counter()
    points = []
    for key, (entry, weight) in choices.items():
        if entry.feature == "region":
            continue
        countries[entry.country_code] += weight
        if entry.feature != "country":
            admin1s[(entry.country_code, entry.admin1_code)] += weight
            points.append((key.split("|")[0], entry.country_code, entry.latitude, entry.longitude))
    return _Context(countries, hinted, admin1s, tuple(points))


def _without(context: _Context, group: _Group, entry: GazetteerEntry | None) -> _Context:
    """The context minus what one group contributed to it."""
    if entry is None:
        return context
    countries, admin1s = Counter(context.countries), Counter(context.admin1s)
    countries[entry.country_code] -= len(group.mentions)
    admin1s[(entry.country_code, entry.admin1_code)] -= len(group.mentions)
    return _Context(+countries, context.hinted_countries, +admin1s, context.points)


def _lookup(mention: PlaceMention, text: str, language: str, gazetteer: Gazetteer):
    abbreviated = abbreviated_places(mention.text, gazetteer)
    if abbreviated:
        return abbreviated, True
    if (whole := country_named_in_full(text, mention.start, mention.end, gazetteer)) is not None:
        return [whole], True
    code = mention.text.strip()
    if len(code) == 3 and code.isupper() and (country := gazetteer.country(code)) is not None:
        return [country], True  # "USA", "DRC": a country's ISO 3166 code written as its name
    found, strict = [], True
    for form in lookup_forms(text, mention.start, mention.end, language):
        found, strict = gazetteer.lookup(form)
        if not strict:
            found = [entry for entry in found if entry.feature != "city" or entry.population >= LOOSE_MIN_POPULATION]
        if found:
            break
    return plausible_candidates(found, mention.text), strict


def _namesake_capitals(found: list[GazetteerEntry], gazetteer: Gazetteer) -> list[GazetteerEntry]:
    """Cities named like a province among the candidates and lying in it ("Racca" -> Raqqa city)."""
    seen = {entry.geonameid for entry in found}
    capitals = []
    for region in found:
        if region.feature != "admin1":
            continue
        for entry in gazetteer.candidates(region.name):
            if (entry.feature == "city" and entry.population >= NAMESAKE_MIN_POPULATION
                    and (entry.country_code, entry.admin1_code) == (region.country_code, region.admin1_code)
                    and entry.geonameid not in seen):
                seen.add(entry.geonameid)
                capitals.append(entry)
    return capitals


def _demonym_country(name_key: str, text: str, language: str, gazetteer: Gazetteer) -> str | None:
    """The country code a demonym names ("" for peoples without one country), or None."""
    code = demonym_countries(language).get(name_key)
    return code if code is not None else gazetteer.demonym_country(text)


def _groups(mentions: list[PlaceMention], text: str, language: str, gazetteer: Gazetteer,
            demonyms_as_places: bool) -> list[_Group]:
    groups: dict[str, _Group] = {}
    for mention in mentions:
        name_key = normalise_name(mention.text)
        known = landmark_town(mention.text, gazetteer) or named_area(mention.text, gazetteer)
        homes = [known] if known is not None else demonym_homes(mention.text, gazetteer) if demonyms_as_places else []
        if homes:  # a people's home is read like any demonym, only where a place is known to be
            key = f"{name_key}{KNOWN}"  # "the White House", "Eastern Ghouta", "Sicilians": a resource says where
            groups.setdefault(key, _Group(key, name_key, [], homes, True, "")).mentions.append(mention)
            continue
        demonym_code = _demonym_country(name_key, mention.text, language, gazetteer)
        region = gazetteer.demonym_region(mention.text)
        if demonym_code is not None or region is not None:
            # "Syrian" qualifies a noun and places nothing, unless the caller says the span is a place.
            country = gazetteer.country(demonym_code) if demonym_code else region
            if demonyms_as_places and country is not None:
                key = f"{name_key}|demonym"
                groups.setdefault(key, _Group(key, name_key, [], [country], True, "")).mentions.append(mention)
            continue
        cue = cue_at(text, mention.start, mention.end, language)
        reading = "admin1" if cue == "admin1" or mention.kind == "admin1" else "town" if cue == "town" else ""
        key = f"{name_key}|{reading}"
        group = groups.get(key)
        if group is None:
            found, strict = _lookup(mention, text, language, gazetteer)
            if reading == "admin1" and any(entry.feature in DIVISIONS for entry in found):
                found = [entry for entry in found if entry.feature in DIVISIONS]
                provinces = {(entry.country_code, entry.admin1_code) for entry in found if entry.feature == "admin1"}
                # "X governorate" is the province, not the district named like it inside it
                found = [entry for entry in found if entry.feature == "admin1"
                         or (entry.country_code, entry.admin1_code) not in provinces]
            elif reading == "town" and any(entry.feature == "city" for entry in found):
                found = [entry for entry in found if entry.feature == "city"]
            if reading != "admin1":
                found = without_namesake_divisions(found) + _namesake_capitals(found, gazetteer)
            if reading != "town" and (area := shared_area(mention.text, gazetteer)) is not None:
                found = [*found, area]  # "Cheshire": the English county or a namesake town abroad
            group = groups[key] = _Group(key, name_key, [], found, strict, reading)
        group.mentions.append(mention)
    return [group for group in groups.values() if group.candidates]


def _hinted_countries(text: str, language: str) -> frozenset[str]:
    demonyms = demonym_countries(language)
    codes = {demonyms.get(normalise_name(word)) for word in set(_WORD.findall(text))}
    return frozenset(code for code in codes if code) | time_zone_countries(text)


def _to_place(mention: PlaceMention, entry: GazetteerEntry, cue: str | None, gazetteer: Gazetteer,
              wanted_admin1: bool) -> Place:
    country = gazetteer.country(entry.country_code) if entry.country_code else None
    if entry.feature == "city" and wanted_admin1:
        region = gazetteer.admin1(entry.country_code, entry.admin1_code)
        if region is not None and normalise_name(region.name) == normalise_name(entry.name):
            entry = region
    if entry.feature in AREAS:
        precision = 3
    elif entry.feature in DIVISIONS or wanted_admin1:
        precision = 2 if cue == "near" else 3
    else:
        precision = 2 if cue == "near" else 1
    return Place(
        name=entry.name,
        admin1=entry.admin1 if entry.feature not in AREAS else None,
        admin2=entry.name if entry.feature == "admin2" else None,
        country=country.name if country is not None else None,
        iso3=entry.iso3 or None,
        latitude=entry.latitude,
        longitude=entry.longitude,
        geonameid=entry.geonameid,
        geo_precision=precision,
        mention=Span(start=mention.start, end=mention.end, text=mention.text),
    )


def _lean_on_doubtful_readings(groups: list[_Group], anchors: dict[str, tuple[GazetteerEntry, int]],
                               chosen: dict[str, GazetteerEntry], hinted: frozenset[str], home: frozenset[str]) -> None:
    """A name still in doubt also leans on the countries of the other names' best readings, confident or not.

    Only for mentions known to be toponyms: in running text a doubtful reading is often a misread
    word. Not on their points: two doubtful namesakes across a border would prop each other up.
    """
    settled = _context(anchors, hinted, home)
    readings = _context({group.key: (chosen[group.key], len(group.mentions)) for group in groups}, hinted, home)
    for group in groups:
        if group.key not in anchors:
            countries = +(readings.countries - Counter({chosen[group.key].country_code: len(group.mentions)}))
            own = _Context(countries, hinted, settled.admin1s, settled.points)
            chosen[group.key] = _ranked(group, lambda entry, group=group, own=own: _contextual(entry, group, own))[0][1]


def _may_stray(entry: GazetteerEntry, group: _Group, context: _Context) -> bool:
    own = _without(context, group, entry)
    return may_stray(entry, group.strict, own.countries, own.hinted_countries)


def resolve_places(mentions: list[PlaceMention], text: str, language: str,
                   gazetteer: Gazetteer, demonyms_as_places: bool = False,
                   place_unlisted: bool = True, actor_countries: frozenset[str] = frozenset(),
                   outlet_countries: frozenset[str] = frozenset()) -> dict[PlaceMention, Place]:
    """Map each mention with at least one candidate to its most likely place.

    `actor_countries` (ISO codes of the countries the text's named actors belong to: a country's
    army, a group active in one country) hint at where the places are, as a demonym does.
    `outlet_countries` (ISO2 codes of the countries the article's outlet reports from) count as
    countries the text names: a "Tripoli" in a Lebanese daily is Lebanon's unless the text says otherwise.

    With `demonyms_as_places` (mentions known to be toponyms, as in gold spans), a demonym
    resolves to its country, and (unless `place_unlisted` is off) a toponym the gazetteer lacks
    ("Elm Street") takes the place named inside it, else the town or county named right after it,
    else the town its sentence is set in, else the article's focus; otherwise such mentions are skipped.
    """
    hints = _actor_hints(actor_countries, gazetteer)
    places = _resolve(mentions, text, language, gazetteer, demonyms_as_places, hints, outlet_countries)
    if not demonyms_as_places or not place_unlisted:
        return places
    missing = [mention for mention in mentions if mention not in places]
    if not missing:
        return places
    named = {normalise_name(mention.text) for mention in places}
    countries = frozenset(place.iso3 for place in places.values() if place.iso3)
    inner = {mention: run for mention in missing
             if (run := pick_inner_name(mention, language, gazetteer, named, countries)) is not None}
    if inner:
        known = set(mentions)
        places = _resolve([*mentions, *(set(inner.values()) - known)], text, language, gazetteer, True, hints,
                          outlet_countries)
        for mention, run in inner.items():
            place = places.get(run)
            if place is not None and mention not in places:
                place = seat_of_government(place, mention, language, gazetteer)
                places[mention] = fallback_place(place, mention, place.geo_precision)
        for run in set(inner.values()) - known:
            places.pop(run, None)
    placed = {mention: place for mention, place in places.items() if mention not in inner}
    for mention in inner:
        if mention in places:
            places[mention] = local_campus(places[mention], mention, language, placed)
    for mention in missing:
        if mention not in places and (centre := town_after(placed, mention, text, language)
                                            or town_in_sentence(placed, mention, text, language)
                                            or focus(placed, mention.start)):
            places[mention] = fallback_place(centre, mention, 2)
    return places


def _actor_hints(codes: frozenset[str], gazetteer: Gazetteer) -> frozenset[str]:
    """ISO2 codes of the actors' countries."""
    return frozenset(country.country_code for code in codes if (country := gazetteer.country(code)) is not None)


def _resolve(mentions: list[PlaceMention], text: str, language: str,
             gazetteer: Gazetteer, demonyms_as_places: bool, actor_hints: frozenset[str],
             home: frozenset[str]) -> dict[PlaceMention, Place]:
    groups = _groups(mentions, text, language, gazetteer, demonyms_as_places)
    hinted = _hinted_countries(text, language) | actor_hints

    # Only confidently placed names feed the context, so that two wrong guesses near each
    # other cannot prop each other up; each round may make more names confident.
    anchors: dict[str, tuple[GazetteerEntry, int]] = {}
    for group in groups:
        ranked = _ranked(group, lambda entry, group=group: _prior(entry, group))
        if _is_confident(ranked):
            anchors[group.key] = (ranked[0][1], len(group.mentions))
    chosen: dict[str, GazetteerEntry] = {}
    for _ in range(3):
        context = _context(anchors, hinted, home)
        confident: dict[str, tuple[GazetteerEntry, int]] = {}
        for group in groups:
            own = _without(context, group, anchors.get(group.key, (None, 0))[0])
            ranked = _ranked(group, lambda entry, group=group, own=own: _contextual(entry, group, own))
            chosen[group.key] = ranked[0][1]
            if _is_confident(ranked):
                confident[group.key] = (ranked[0][1], len(group.mentions))
        if confident == anchors:
            break
        anchors = confident
    if demonyms_as_places:
        _lean_on_doubtful_readings(groups, anchors, chosen, hinted, home)

    take_divisions_named_in_full(groups, chosen, language)
    take_kind_of_list(groups, chosen, text, language)
    take_divisions_named_otherwise(groups, chosen)
    containers = province_containers(groups, chosen, text, language)
    places: dict[PlaceMention, Place] = {}
    final = _context({key: (entry, len(group.mentions)) for group in groups
                      for key, entry in [(group.key, chosen[group.key])]}, hinted, home)
    doubtful = frozenset(group.name_key for group in groups if _may_stray(chosen[group.key], group, final))
    if len(doubtful) > 2:  # many small towns scattered abroad: misread common words, not a pair in doubt
        doubtful = frozenset()
    for group in groups:
        entry = chosen[group.key]
        known = group.key.endswith(KNOWN)  # a landmark or an area a resource places is no misread name
        if not known and ((_may_stray(entry, group, final)
                           and is_far_from_all(entry, group.name_key, final.points, doubtful))
                          or (demonyms_as_places and is_lone_town(entry, group.name_key, final.points))):
            continue
        for mention in group.mentions:
            cue = cue_at(text, mention.start, mention.end, language)
            entry = containers.get(mention, chosen[group.key])
            as_admin1 = group.reading == "admin1" or entry.feature in DIVISIONS
            places[mention] = _to_place(mention, entry, cue, gazetteer, as_admin1)
    return places
