"""Counts of people killed, injured and arrested, from numbers and number words near casualty cues."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc, Span as SpacySpan

from veille.extract.lexicon_match import compiled_lexicon, fold, token_keys
from veille.extract.mentions import QuantityMention
from veille.resources import lexicon

_DIGITS = re.compile(r"^\d{1,3}(?:[ ,.\u202f\u00a0]\d{3})*$|^\d+$")
MAX_GAP_AFTER = 7  # number ... cue: "4 officiers russes ont été tués"
MAX_GAP_BEFORE = 4  # cue ... number: "tuant quatre officiers", "killing three"
BEFORE_PENALTY = 3


@dataclass(frozen=True)
class _Number:
    token_start: int
    token_end: int
    value: int
    ambiguous: bool


def _digit_value(text: str) -> int | None:
    compact = re.sub(r"[ ,.\u202f\u00a0]", "", text)
    if _DIGITS.match(text) and compact.isdigit() and len(compact) <= 7:
        return int(compact)
    return None


@lru_cache(maxsize=None)
def _number_words(language: str) -> tuple[dict[str, int], frozenset[str]]:
    """Folded number word -> value, and the ambiguous ones, of a language (built once)."""
    table = lexicon(language, "quantities")
    words = {fold(k): int(v) for k, v in table["numbers"].items()}
    return words, frozenset(fold(w) for w in table.get("ambiguous_numbers", []))


def _numbers(doc: Doc, sent: SpacySpan, language: str) -> list[_Number]:
    words, ambiguous = _number_words(language)
    found: list[_Number] = []
    for hit in compiled_lexicon(language, "quantities", "numbers").find(doc, sent.start, sent.end):
        key = fold(hit.entry)
        found.append(_Number(hit.token_start, hit.token_end, words[key], key in ambiguous))
    taken = {i for n in found for i in range(n.token_start, n.token_end)}
    i = sent.start
    while i < sent.end:
        value = _digit_value(doc[i].text) if i not in taken else None
        if value is None:
            i += 1
            continue
        end = i + 1
        # "20 000" is tokenised as two tokens in French.
        while end < sent.end and re.fullmatch(r"\d{3}", doc[end].text) and doc[end - 1].whitespace_:
            value = value * 1000 + int(doc[end].text)
            end += 1
        if not _is_date_or_code(doc, i, end, language):
            found.append(_Number(i, end, value, False))
        i = end
    return sorted(found, key=lambda n: n.token_start)


def _is_date_or_code(doc: Doc, start: int, end: int, language: str) -> bool:
    """Numbers that are days of a month, years, or parts of codes like T-4 or S-400."""
    before = doc[start - 1] if start > 0 else None
    after = doc[end] if end < len(doc) else None
    if before is not None and before.text in {"-", "/"} and not before.whitespace_:
        return True
    if after is not None and after.text in {"-", "/", ":", "h"} and not doc[end - 1].whitespace_:
        return True
    if after is not None and (after.ent_type_ == "DATE" or fold(after.text) in _month_names(language)):
        return True
    value = _digit_value(doc[start].text) or 0
    return 1900 <= value <= 2100 and end - start == 1


@lru_cache(maxsize=None)
def _month_names(language: str) -> frozenset[str]:
    """Folded month names and abbreviations of the language's date resource ("18 janvier" is a date)."""
    return frozenset(fold(str(name)).rstrip(".") for name in lexicon(language, "dates").get("months", {}))


def find_quantity_mentions(doc: Doc, language: str) -> list[QuantityMention]:
    """Return fatality, injury and arrest counts found in the Doc, sorted by position."""
    table = lexicon(language, "quantities")
    not_people = {fold(w) for w in table.get("not_people", [])}
    cue_lexicon = compiled_lexicon(language, "quantities", "cues")
    none_lexicon = compiled_lexicon(language, "quantities", "none")
    mentions: list[QuantityMention] = []
    for sent in doc.sents:
        zero_hits = none_lexicon.find(doc, sent.start, sent.end)
        for hit in zero_hits:
            kinds = ["fatalities", "injured"] if hit.label == "all" else [hit.label]
            for kind in kinds:
                mentions.append(_mention(doc, hit.token_start, hit.token_end, kind, 0, hit.token_start))
        zero_tokens = {i for h in zero_hits for i in range(h.token_start, h.token_end)}
        cues = [c for c in cue_lexicon.find(doc, sent.start, sent.end) if c.token_start not in zero_tokens]
        numbers = [n for n in _numbers(doc, sent, language) if not _counts_things(doc, n, not_people, sent)]
        paired = _pair_numbers_with_cues(doc, numbers, cues)
        mentions.extend(paired)
        if not any(m.kind == "fatalities" for m in paired):
            mentions.extend(_single_victims(doc, cues, table.get("single_victim") or {}))
    return sorted(mentions, key=lambda m: (m.start, m.kind))


def _single_victims(doc: Doc, cues, rule: dict) -> list[QuantityMention]:
    """A fatality verb whose victim is one person named without a number counts 1."""
    deps = set(rule.get("deps", []))
    tags = set(rule.get("noun_tags", []))
    pronouns = {fold(w) for w in rule.get("pronouns", [])}
    for cue in cues:
        if cue.label != "fatalities":
            continue
        verb = doc[cue.token_start]
        if verb.pos_ != "VERB":
            continue
        for child in verb.children:
            if child.dep_ not in deps:
                continue
            numbered = any(c.like_num or c.dep_ == "nummod" for c in child.children)
            if (child.tag_ in tags and not numbered) or fold(child.text) in pronouns:
                start, end = min(child.left_edge.i, cue.token_start), max(child.i + 1, cue.token_end)
                return [_mention(doc, start, end, "fatalities", 1, cue.token_start)]
    return []


def _counts_things(doc: Doc, number: _Number, not_people: set[str], sent: SpacySpan) -> bool:
    """True when the number counts tanks, days, kilometres... rather than people."""
    following = doc[number.token_end] if number.token_end < sent.end else None
    return following is not None and bool(token_keys(following) & not_people)


def _pair_numbers_with_cues(doc: Doc, numbers: list[_Number], cues) -> list[QuantityMention]:
    """Give each cue the nearest plausible number; numbers coordinated before one cue are summed."""
    assigned: dict[int, list[_Number]] = {}
    used: set[int] = set()
    for index, number in enumerate(numbers):
        best, best_distance = None, None
        for c, cue in enumerate(cues):
            distance = _cue_distance(number, cue)
            if distance is not None and (best_distance is None or distance < best_distance):
                best, best_distance = c, distance
        if best is not None and index not in used:
            assigned.setdefault(best, []).append(number)
            used.add(index)
    mentions = []
    for c, group in assigned.items():
        cue = cues[c]
        start = min(group[0].token_start, cue.token_start)
        end = max(group[-1].token_end, cue.token_end)
        value = sum(n.value for n in group) if len(group) <= 3 else max(n.value for n in group)
        mentions.append(_mention(doc, start, end, cue.label, value, cue.token_start))
    return mentions


def _cue_distance(number: _Number, cue) -> int | None:
    """Token distance from a number to a cue, None when too far; cues after the number are preferred."""
    if cue.token_start >= number.token_end:
        distance = cue.token_start - number.token_end
        return distance if distance <= (1 if number.ambiguous else MAX_GAP_AFTER) else None
    distance = number.token_start - cue.token_end
    if distance < 0 or distance > (2 if number.ambiguous else MAX_GAP_BEFORE):
        return None
    return distance + BEFORE_PENALTY  # "killed 2 and 12 were wounded": 12 belongs to what follows


def _mention(doc: Doc, token_start: int, token_end: int, kind: str, value: int, head: int) -> QuantityMention:
    span = doc[token_start:token_end]
    return QuantityMention(
        start=span.start_char,
        end=span.end_char,
        text=span.text,
        token_start=token_start,
        token_end=token_end,
        kind=kind,
        value=value,
        head=head,
    )
