"""Counts of people killed, injured and arrested, from numbers and number words near casualty cues."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc, Span as SpacySpan

from veille.extract.lexicon_match import compiled_lexicon, fold, folded_words, token_keys
from veille.extract.mentions import QuantityMention
from veille.extract.quantity_syntax import (STOP, attempted, coordinated_cues, cue_by_token, natural_death,
                                            negated, single_victims, syntactic_cue, unnumbered_partners,
                                            syntax_rules, victim_rules)
from veille.resources import lexicon

_DIGITS = re.compile(r"^\d{1,3}(?:[ ,.\u202f\u00a0]\d{3})*$|^\d+$")
MAX_GAP_AFTER = 7  # number ... cue: "3 soldats de la garde ont été tués"
MAX_GAP_BEFORE = 4  # cue ... number: "tuant quatre officiers", "killing three"
BEFORE_PENALTY = 3


@dataclass(frozen=True)
class _Number:
    token_start: int
    token_end: int
    value: int
    ambiguous: bool
    vague: bool = False


def _digit_value(text: str) -> int | None:
    compact = re.sub(r"[ ,.\u202f\u00a0]", "", text)
    if _DIGITS.match(text) and compact.isdigit() and len(compact) <= 7:
        return int(compact)
    return None


@lru_cache(maxsize=None)
def _number_words(language: str) -> tuple[dict[str, int], frozenset[str], frozenset[str]]:
    """Folded number word -> value, the ambiguous ones and the vague ones, of a language (built once)."""
    table = lexicon(language, "quantities")
    words = {fold(k): int(v) for k, v in table["numbers"].items()}
    return (words, frozenset(fold(w) for w in table.get("ambiguous_numbers", [])),
            frozenset(fold(w) for w in table.get("vague_numbers", [])))


@lru_cache(maxsize=None)
def _parse_rules(language: str):
    """The language's syntax and single-victim rules, built once."""
    table = lexicon(language, "quantities")
    return syntax_rules(table), victim_rules(table)


def _numbers(doc: Doc, sent: SpacySpan, language: str) -> list[_Number]:
    """Numbers and number words of a sentence; a range ("between 2 and 4") counts as its lower end."""
    return _lower_ends(doc, _all_numbers(doc, sent, language), lexicon(language, "quantities").get("ranges") or {})


def _lower_ends(doc: Doc, numbers: list[_Number], rule: dict) -> list[_Number]:
    """Fold "between 2 and 4", "2 to 4", "2-4" into one number worth the lower end (ACLED's conservative count)."""
    openers = {fold(w) for w in rule.get("openers", [])}
    joiners = {fold(w) for w in rule.get("joiners", [])}
    opened_joiners = {fold(w) for w in rule.get("opened_joiners", [])} | joiners
    kept: list[_Number] = []
    for number in numbers:
        if kept:
            low = kept[-1]
            between = [fold(t.text) for t in doc[low.token_end : number.token_start]]
            if low.vague and low.token_end == number.token_start:  # "a group of 50 men": the number counts
                kept[-1] = number
                continue
            opened = low.token_start > 0 and fold(doc[low.token_start - 1].text) in openers
            if len(between) == 1 and between[0] in (opened_joiners if opened else joiners) and not low.ambiguous:
                kept[-1] = _Number(low.token_start, number.token_end, min(low.value, number.value), False, low.vague)
                continue
        kept.append(number)
    return kept


def _all_numbers(doc: Doc, sent: SpacySpan, language: str) -> list[_Number]:
    words, ambiguous, vague = _number_words(language)
    articles = folded_words(language, "quantities", "articles")
    found: list[_Number] = []
    for hit in compiled_lexicon(language, "quantities", "numbers").find(doc, sent.start, sent.end):
        key = fold(hit.entry)
        surface = fold(doc[hit.token_start : hit.token_end].text)
        if surface.replace(" ", "") != key.replace(" ", ""):
            if surface not in words:
                continue  # matched by lemma only: French "des" has the lemma "un" but counts nothing
            key = surface  # "une" matched through its lemma "un": take the word as written
        if key in articles and doc[hit.token_start].dep_ == "det":
            continue  # "une coalition", "un policier": an article, not a count (single victims are counted apart)
        found.append(_Number(hit.token_start, hit.token_end, words[key], key in ambiguous, key in vague))
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
    not_people = folded_words(language, "quantities", "not_people")
    cue_lexicon = compiled_lexicon(language, "quantities", "cues")
    none_lexicon = compiled_lexicon(language, "quantities", "none")
    attempts = folded_words(language, "quantities", "attempt_words")
    causes = folded_words(language, "quantities", "natural_causes")
    not_count_entities = set(table.get("not_count_entities", []))
    mentions: list[QuantityMention] = []
    for sent in doc.sents:
        zero_hits = none_lexicon.find(doc, sent.start, sent.end)
        for hit in zero_hits:
            kinds = ["fatalities", "injured"] if hit.label == "all" else [hit.label]
            for kind in kinds:
                mentions.append(_mention(doc, hit.token_start, hit.token_end, kind, 0, hit.token_start))
        zero_tokens = {i for h in zero_hits for i in range(h.token_start, h.token_end)}
        cues = [c for c in cue_lexicon.find(doc, sent.start, sent.end) if c.token_start not in zero_tokens
                and not attempted(doc[c.token_start], attempts) and not natural_death(doc, c, causes)]
        numbers = [n for n in _numbers(doc, sent, language) if not _counts_things(doc, n, not_people, sent)
                   and not _inside_name(doc, n, not_count_entities) and n.token_start not in zero_tokens
                   and not _refers_back(doc, n)]
        paired = _pair_numbers_with_cues(doc, numbers, cues, language)
        mentions.extend(paired)
        if not any(m.kind == "fatalities" for m in paired):
            victims = single_victims(doc, cues, _parse_rules(language)[1]) or _unknown_plural(doc, cues, numbers, table)
            if victims is not None:
                value, start, end, head = victims
                mentions.append(_mention(doc, start, end, "fatalities", value, head))
    return sorted(mentions, key=lambda m: (m.start, m.kind))


def _unknown_plural(doc: Doc, cues, numbers: list[_Number], table: dict) -> tuple[int, int, int, int] | None:
    """ACLED codes deaths reported without any number ("incurring fatalities") as a stand-in value."""
    rule = table.get("unknown_plural") or {}
    words = {fold(w) for w in rule.get("words", [])}
    negations = {fold(w) for w in rule.get("negations", [])}
    counted = {i for n in numbers for i in range(n.token_start, n.token_end)}
    for cue in cues:
        token = doc[cue.token_start]
        if cue.label != "fatalities" or cue.token_end - cue.token_start != 1 or fold(token.text) not in words:
            continue
        if negated(token, negations) or any(c.i in counted for c in token.children):
            continue
        return int(rule.get("value", 10)), token.i, token.i + 1, token.i
    return None


def _refers_back(doc: Doc, number: _Number) -> bool:
    """A count under a demonstrative ("these four killings", "ces quatre assassinats") sums up deaths already
    told: it is no new toll. Read from the parser's morphology, so it holds in every language."""
    token = doc[number.token_start]
    noun = token.head if token.dep_ == "nummod" else token
    determiners = [child for child in noun.children if child.dep_ == "det" and child.i < token.i]
    return any("Dem" in child.morph.get("PronType") for child in determiners)


def _counts_things(doc: Doc, number: _Number, not_people: set[str], sent: SpacySpan) -> bool:
    """True when the number counts tanks, days, kilometres... rather than people."""
    following = doc[number.token_end] if number.token_end < sent.end else None
    counted = doc[number.token_start].head if doc[number.token_start].dep_ == "nummod" else None
    return any(t is not None and bool(token_keys(t) & not_people) for t in (following, counted))


def _inside_name(doc: Doc, number: _Number, entity_types: set[str]) -> bool:
    """A number inside a name or date ("Colonia 21 de Marzo"), unless it visibly counts a common noun
    ("On 8 May, 3 TMF fighters": the parser may glue the count to the date or the group's name)."""
    token = doc[number.token_start]
    if token.ent_type_ not in entity_types:
        return False
    return not (token.head.pos_ == "NOUN" and token.head.i > token.i)


def _pair_numbers_with_cues(doc: Doc, numbers: list[_Number], cues, language: str) -> list[QuantityMention]:
    """Give each number the cue the parse ties it to, else the nearest plausible cue; then total each cue."""
    rules = _parse_rules(language)[0]
    cue_at = cue_by_token(cues)
    assigned: dict[int, list[_Number]] = {}
    index_of = {id(c): i for i, c in enumerate(cues)}
    for number in numbers:
        # a number right after a cue is its object ("killing 4", "en blessant un autre"): parses go wrong there
        bound = cue_at.get(number.token_start - 1) or syntactic_cue(doc, number.token_start, number.token_end,
                                                                   cue_at, rules)
        if bound is STOP:
            continue
        if bound is not None:
            assigned.setdefault(index_of[id(bound)], []).append(number)
            continue
        best, best_distance = None, None
        for c, cue in enumerate(cues):
            distance = _cue_distance(number, cue)
            if distance is not None and (best_distance is None or distance < best_distance):
                best, best_distance = c, distance
        if best is not None:
            assigned.setdefault(best, []).append(number)
    taken = set(cue_at) | {i for n in numbers for i in range(n.token_start, n.token_end)}
    mentions = []
    for c, group in assigned.items():
        mentions.extend(_cue_mentions(doc, cues, cues[c], sorted(group, key=lambda n: n.token_start),
                                      {id(cues[i]) for i in assigned}, language, taken))
    return mentions


def _cue_mentions(doc: Doc, cues, cue, group: list[_Number], counted: set[int], language: str,
                  taken: set[int]) -> list[QuantityMention]:
    """The counts one cue's numbers give: their total, spread over the fates listed with the cue."""
    group = _without_subsets(doc, group, folded_words(language, "quantities", "subset_markers"))
    start = min(group[0].token_start, cue.token_start)
    end = max(group[-1].token_end, cue.token_end)
    chain = coordinated_cues(doc, cue, cues, folded_words(language, "quantities", "list_joiners"))
    kinds = {c.label for c in chain}
    if len(kinds) == 1:
        value = _total(group) + unnumbered_partners(doc, [n.token_start for n in group], _parse_rules(language)[1],
                                                    taken)
        return [_mention(doc, start, end, cue.label, value, cue.token_start)]
    disjunctions = folded_words(language, "quantities", "disjunctions")
    listed = doc[min(c.token_start for c in chain) : max(c.token_end for c in chain)]
    if "arrested" in kinds or any(fold(t.text) in disjunctions for t in listed):
        return []  # "3 were killed, injured or captured", "killed or wounded 4": how many of each is unknown
    # "killing and injuring 20 fighters": ACLED counts half as killed; a vague "several" stays as it is.
    shared = not any(id(c) in counted for c in chain if c is not cue)
    if not shared:
        return [_mention(doc, start, end, cue.label, _total(group), cue.token_start)]
    value = _total(group)
    value = value if all(n.vague for n in group) else max(1, value // 2)
    return [_mention(doc, start, end, kind, value, cue.token_start) for kind in sorted(kinds)]


def _without_subsets(doc: Doc, group: list[_Number], markers: set[str]) -> list[_Number]:
    """Drop numbers that break down the first one: "12 killed, including 3 children", "4 dead: 1 officer and 3
    civilians"."""
    kept = [group[0]]
    for number in group[1:]:
        between = doc[kept[-1].token_end : number.token_start]
        if any(fold(t.text) in markers for t in between):
            break
        kept.append(number)
    if len(kept) >= 3 and kept[0].value == sum(n.value for n in kept[1:]):
        return kept[:1]
    return kept


def _total(group: list[_Number]) -> int:
    """Coordinated numbers add up ("3 soldiers and 2 civilians"); a long list is more likely a breakdown."""
    return sum(n.value for n in group) if len(group) <= 3 else max(n.value for n in group)


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
