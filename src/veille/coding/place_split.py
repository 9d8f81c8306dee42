"""One event per place: an event told at several listed places ("clashes in X, Y and Z") becomes one event each."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from functools import lru_cache

from veille.coding.event_place import PlaceRole
from veille.extract.mentions import PlaceMention
from veille.geo.cues import place_words
from veille.records import Event, Place, Span
from veille.resources import lexicon

# ACLED codes one event per location and, when a report gives one toll for several places, divides
# it evenly between them, the remainder going to the first places named (10 over 3 places: 4, 3, 3).
COUNTS = ("fatalities", "injured", "arrested")
_BRACKETED = re.compile(r"\([^()]*\)|\[[^\[\]]*\]")
_WORD = re.compile(r"[^\W\d_][\w'’-]*|,")


@lru_cache(maxsize=None)
def _list_vocabulary(language: str) -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """(words joining a list of event places, words that may follow each name, words making it no list)."""
    section = lexicon(language, "places").get("event_place_lists") or {}
    joiners = frozenset(str(w).lower() for w in section.get("joiners") or ())
    kinds = frozenset().union(*(place_words(language, s) for s in ("place_type_words", "front_words", "quarter_words")))
    blockers = frozenset(str(w).lower() for w in section.get("not_a_list_after") or ())
    return joiners, kinds, blockers


@lru_cache(maxsize=None)
def _item_openers(language: str) -> frozenset[str]:
    """Words that may open each entry of a list, before its name ("in X, and on the Y front")."""
    section = lexicon(language, "places").get("event_place_lists") or {}
    return frozenset(str(w).lower() for w in section.get("item_openers") or ())


def _joins(gap: str, language: str) -> bool:
    """Whether the text between two names of a list only joins them: ", ", " and ", "front (A, B), ",
    " governorate, and on the "."""
    joiners, kinds, _ = _list_vocabulary(language)
    words = [w.lower() for w in _WORD.findall(_BRACKETED.sub(" ", gap))]
    if "".join(words) != re.sub(r"\s+", "", _BRACKETED.sub("", gap)).lower():
        return False  # digits, dashes or other marks: not a plain list
    while words and words[0] in kinds:
        words.pop(0)  # "X front, Y" / "X district and Y"
    openers = _item_openers(language)
    while len(words) > 1 and words[-1] in openers:
        words.pop()  # "..., and on the Y front": the next entry's own preposition and article
    if not words or words[0] not in {",", *joiners}:
        return False
    return all(w in {",", *joiners} for w in words)


@dataclass(frozen=True)
class _Slot:
    """One entry of a list of places: a name, and the names bracketed after it ("X (District, Province)")."""

    start: int
    end: int
    name: PlaceMention | None  # None when the gazetteer did not find the name, only its bracketed area
    bracketed: tuple[PlaceMention, ...]


def _inside_brackets(text: str, mention: PlaceMention) -> bool:
    before = text[:mention.start]
    return before.rfind("(") > before.rfind(")") or before.rfind("[") > before.rfind("]")


_BRACKET_AFTER = re.compile(r"[^\S\n]*(?:[^\W\d_][\w'’-]*[^\S\n]+){0,2}?[(\[]([^()\[\]]*)[)\]]")
_NAME_BEFORE = re.compile(r"(?:[A-Z][\w'’-]*[^\S\n]+)*[A-Z][\w'’-]*[^\S\n]*(?:[a-z]+[^\S\n]+)?$")


def _slots(text: str, sentence: list[PlaceMention]) -> list[_Slot]:
    """The sentence's names with what is bracketed after each; a bracket after an unknown name is a slot too."""
    ordered = sorted(sentence, key=lambda m: m.start)
    slots, taken = [], set()
    for mention in ordered:
        if _inside_brackets(text, mention):
            continue
        match = _BRACKET_AFTER.match(text, mention.end)
        inner = tuple(m for m in ordered if match and match.start(1) <= m.start and m.end <= match.end(1))
        taken.update(inner)
        slots.append(_Slot(mention.start, match.end() if match else mention.end, mention, inner))
    for mention in ordered:
        if mention in taken or not _inside_brackets(text, mention):
            continue
        opening = max(text.rfind("(", 0, mention.start), text.rfind("[", 0, mention.start))
        closing = re.compile(r"[)\]]").search(text, mention.end)
        inner = tuple(m for m in ordered if opening < m.start and closing and m.end <= closing.start())
        taken.update(inner)
        owner = _NAME_BEFORE.search(text, max(0, opening - 80), opening)
        slots.append(_Slot(owner.start() if owner else opening, closing.end() if closing else mention.end, None, inner))
    return sorted(slots, key=lambda slot: slot.start)


def listed_slots(text: str, mention: PlaceMention, sentence: list[PlaceMention], language: str) -> list[_Slot]:
    """The entries of the list `mention` belongs to in its sentence ("in X, Y and Z"), in text order."""
    slots = _slots(text, sentence)
    at = next((i for i, slot in enumerate(slots) if slot.name is mention or mention in slot.bracketed), None)
    if at is None:
        return []
    first = last = at
    while first > 0 and _joins(text[slots[first - 1].end:slots[first].start], language):
        first -= 1
    while last + 1 < len(slots) and _joins(text[slots[last].end:slots[last + 1].start], language):
        last += 1
    chain = slots[first:last + 1]
    joiners, _, blockers = _list_vocabulary(language)
    gaps = " ".join(text[a.end:b.start].lower() for a, b in zip(chain, chain[1:]))
    if not any(re.search(rf"\b{re.escape(word)}\b", gaps) for word in joiners):
        return chain[at - first:at - first + 1]  # "X, Y" with no "and" names a place and its area
    previous = re.search(r"(\w+)\W*$", text[:chain[0].start])
    if previous is not None and previous.group(1).lower() in blockers:
        return chain[at - first:at - first + 1]  # "between X and Y": one place between two, not two places
    return chain


def _sound(role: PlaceRole | None) -> bool:
    """A reading its surroundings do not put in doubt (no fragment of a longer name, no namesake abroad)."""
    return role is not None and not (role.partial or role.misplaced or role.foreign or role.origin
                                     or role.thoroughfare)


def _slot_place(slot: _Slot, places: dict[PlaceMention, Place],
                roles: dict[PlaceMention, PlaceRole]) -> tuple[PlaceMention, Place] | None:
    """The place of one entry: its name's reading when sound, else the first area bracketed after it."""
    role = roles.get(slot.name) if slot.name is not None else None
    if role is not None and (role.origin or role.foreign):
        return None
    if slot.name in places and _sound(role):
        return slot.name, places[slot.name]
    area = next((m for m in slot.bracketed if m in places and _sound(roles.get(m))), None)
    if area is None:
        return None
    # the entry lies in (or is) the bracketed area: ACLED's precision 2, "part of" a named place
    return area, places[area].model_copy(update={"geo_precision": max(places[area].geo_precision, 2)})


def _holds_previous(place: Place, previous: Place) -> bool:
    return place.geo_precision >= 3 and place.iso3 == previous.iso3 and place.admin1 is not None \
        and place.admin1 == previous.admin1


def _share(total: int | None, index: int, parts: int) -> int | None:
    if total is None:
        return None
    return total // parts + (1 if index < total % parts else 0)


def _sibling_id(event_id: str, mention: PlaceMention) -> str:
    return hashlib.sha256(f"{event_id}:{mention.start}:{mention.end}".encode()).hexdigest()[:32]


def _located_at(event: Event, index: int, parts: int, mention: PlaceMention, place: Place, keep_id: bool) -> Event:
    evidence = dict(event.evidence)
    evidence["location"] = Span(start=mention.start, end=mention.end, text=mention.text)
    update = {"location": place, "evidence": evidence, **{c: _share(getattr(event, c), index, parts) for c in COUNTS}}
    if not keep_id:
        update["id"] = _sibling_id(event.id, mention)
    return event.model_copy(update=update)


def split_listed_places(text: str, events: list[Event], mentions: list[PlaceMention],
                        places: dict[PlaceMention, Place], roles: dict[PlaceMention, PlaceRole],
                        sentence_of, language: str) -> list[Event]:
    """Each event placed at a name of a list of places, repeated at every place of the list (its toll divided).

    The event keeps its id and its own place; its copies at the other places follow it, in text order.
    `sentence_of(offset)` gives the (start, end) characters of the sentence holding an offset.
    """
    by_span = {(m.start, m.end): m for m in mentions}
    result: list[Event] = []
    for event in events:
        span = event.evidence.get("location")
        chosen = by_span.get((span.start, span.end)) if span is not None else None
        if chosen is None or event.location is None:
            result.append(event)
            continue
        first, last = sentence_of(chosen.start)
        sentence = [m for m in mentions if first <= m.start and m.end <= last]
        located = []
        for slot in listed_slots(text, chosen, sentence, language):
            own = slot.name is chosen or chosen in slot.bracketed
            found = (chosen, event.location) if own else _slot_place(slot, places, roles)
            if found is None:
                continue
            if located and _holds_previous(found[1], located[-1][2]):
                continue  # "X, Y and Z" where Y is the province holding X: Y is no place of its own
            located.append((own, *found))
        at = next((i for i, (own, _, _) in enumerate(located) if own), None)
        if len(located) < 2 or at is None:
            result.append(event)
            continue
        parts = len(located)
        result.append(_located_at(event, at, parts, chosen, event.location, keep_id=True))
        for index, (own, mention, place) in enumerate(located):
            if index != at:
                result.append(_located_at(event, index, parts, mention, place, keep_id=False))
    return result
