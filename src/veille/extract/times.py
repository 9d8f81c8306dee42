"""Find date mentions in a parsed article and resolve them against its publication date."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from spacy.tokens import Doc

from veille.extract.mentions import TimeMention
from veille.extract.times_calendar import (
    DAY,
    MIDDLE_OF_MONTH,
    MONTH,
    PRECISION_OF_UNIT,
    infer_year,
    last_weekday,
    month_date,
    period_date,
    safe_date,
    shift_by_unit,
)
from veille.extract.times_dateparser import parse_span
from veille.extract.times_grammar import DateGrammar, DatePattern, load_grammar

# A resolution: (date or None when it needs a publication date we lack, precision); or None = not a date.
Resolution = tuple[date | None, int] | None
Anchor = tuple[date, int] | None  # the last date resolved earlier in the article, with its precision


@dataclass(frozen=True)
class _Candidate:
    start: int
    end: int
    pattern: DatePattern | None  # None: a spaCy DATE entity handed to dateparser whole
    match: re.Match[str] | None


def find_time_mentions(doc: Doc, language: str, published: datetime | date | None) -> list[TimeMention]:
    """Date expressions of the article, each resolved to (date, ACLED time precision), sorted by start."""
    grammar = load_grammar(language)
    base = published.date() if isinstance(published, datetime) else published
    text = doc.text  # spaCy rebuilds it on every access
    candidates = _pattern_candidates(text, grammar)
    candidates = _add_entity_candidates(doc, grammar, candidates)
    mentions: list[TimeMention] = []
    previous: Anchor = None  # anchor of "le lendemain", "four days later"
    for candidate in candidates:
        resolved = _resolve(candidate, text, grammar, base, previous)
        if resolved is None:
            continue
        when, precision = resolved
        span = doc.char_span(candidate.start, candidate.end, alignment_mode="expand")
        if span is None:
            continue
        mentions.append(
            TimeMention(
                start=candidate.start,
                end=candidate.end,
                text=text[candidate.start : candidate.end],
                token_start=span.start,
                token_end=span.end,
                date=when,
                precision=precision,
            )
        )
        if when is not None:
            previous = (when, precision)
    return mentions


def _pattern_candidates(text: str, grammar: DateGrammar) -> list[_Candidate]:
    """All pattern matches, overlaps settled longest first (then earliest pattern), sorted by start."""
    found = [
        (match.start(), match.end(), order, pattern, match)
        for order, pattern in enumerate(grammar.patterns)
        for match in pattern.regex.finditer(text)
        if match.end() > match.start()
    ]
    found.sort(key=lambda item: (item[0] - item[1], item[2], item[0]))
    kept: list[_Candidate] = []
    for start, end, _, pattern, match in found:
        if all(end <= other.start or start >= other.end for other in kept):
            kept.append(_Candidate(start, end, pattern, match))
    return sorted(kept, key=lambda c: c.start)


def _add_entity_candidates(doc: Doc, grammar: DateGrammar, kept: list[_Candidate]) -> list[_Candidate]:
    """Add spaCy DATE entities the patterns missed, when they hold a month, weekday or relative word."""
    extra = []
    for entity in doc.ents:
        if entity.label_ != "DATE":
            continue
        start, end = entity.start_char, entity.end_char
        if any(start < other.end and other.start < end for other in kept):
            continue
        if grammar.anchor_words is None or not grammar.anchor_words.search(entity.text):
            continue
        extra.append(_Candidate(start, end, None, None))
    return sorted(kept + extra, key=lambda c: c.start) if extra else kept


def _resolve(
    candidate: _Candidate, text: str, grammar: DateGrammar, base: date | None, previous: Anchor
) -> Resolution:
    pattern, match = candidate.pattern, candidate.match
    if pattern is None or match is None:
        if base is None:
            return None  # an entity we cannot vouch for: keep only what resolves
        span = text[candidate.start : candidate.end]
        return _month_middle(parse_span(span, grammar.language, base, grammar.date_order), base)
    groups = {name: value for name, value in match.groupdict().items() if value is not None}
    if pattern.resolve == "dateparser":
        resolved = _resolve_with_dateparser(groups, match.group(0), grammar, base)
        if resolved is not None:
            return resolved
    return _resolve_from_tables(groups, pattern, grammar, base, previous)


def _resolve_with_dateparser(groups: dict[str, str], span: str, grammar: DateGrammar, base: date | None) -> Resolution:
    """Hand the short span (the bare numeric date when there is one) to dateparser."""
    if "numeric" in groups:
        # A full numeric date does not depend on publication: one cache entry serves every article.
        return parse_span(groups["numeric"], grammar.language, None, grammar.date_order)
    if base is None and "year" not in groups:
        return None
    return _month_middle(parse_span(span, grammar.language, base, grammar.date_order), base)


def _month_middle(resolved: Resolution, base: date | None) -> Resolution:
    """dateparser puts a month-only date on the publication's day of month: use the month's middle instead."""
    if resolved is None or resolved[0] is None or resolved[1] != MONTH:
        return resolved
    when = resolved[0]
    return month_date(when.month, when.year, MIDDLE_OF_MONTH, base), MONTH


def _resolve_from_tables(
    groups: dict[str, str], pattern: DatePattern, grammar: DateGrammar, base: date | None, previous: Anchor
) -> Resolution:
    """Resolve a match from its named groups and the language tables."""
    year = int(groups["year"]) if "year" in groups else None
    weekday = grammar.lookup("weekday", groups["weekday"]) if "weekday" in groups else None
    if "month" in groups and "day" in groups:
        return _resolve_day_month(groups, pattern, grammar, base, year, weekday)
    if "month_alone" in groups or "month" in groups:
        month = grammar.lookup("month", groups.get("month_alone") or groups["month"])
        part = grammar.lookup("month_part", groups["month_part"]) if "month_part" in groups else None
        return month_date(month, year, part or MIDDLE_OF_MONTH, base), MONTH
    if weekday is not None:
        shift = grammar.lookup("shift", groups["shift"]) if "shift" in groups else 0
        return (last_weekday(weekday, base, shift or 0) if base else None), DAY
    if "relative_day" in groups:
        offset = grammar.lookup("relative_day", groups["relative_day"])
        return (shift_by_unit(base, "day", offset) if base else None), DAY
    if "relative_period" in groups:
        unit, offset = grammar.lookup("relative_period", groups["relative_period"])
        return (period_date(unit, int(offset), base) if base else None), PRECISION_OF_UNIT[unit]
    return _resolve_offset(groups, pattern, grammar, base, previous)


def _resolve_day_month(
    groups: dict[str, str], pattern: DatePattern, grammar: DateGrammar, base: date | None, year: int | None,
    weekday: int | None,
) -> Resolution:
    """A day and month, with the year written, inferred from publication, or unknown."""
    month, day = grammar.lookup("month", groups["month"]), _day_number(groups["day"])
    if weekday is not None:
        weekday = (weekday - pattern.day_shift) % 7  # the weekday of the day-month as written
    if year is not None:
        when = safe_date(year, month, day)
    elif base is not None:
        when = infer_year(month, day, base, weekday)
    else:
        return (None, DAY) if safe_date(2000, month, day) else None  # 2000: leap year, 29 Feb exists
    return (when + timedelta(days=pattern.day_shift), DAY) if when is not None else None


def _resolve_offset(
    groups: dict[str, str], pattern: DatePattern, grammar: DateGrammar, base: date | None, previous: Anchor
) -> Resolution:
    """"il y a trois jours", "four days later", "le lendemain": a count of units from an anchor."""
    if "anchored_day" in groups:
        unit, count, precision = "day", grammar.lookup("anchored_day", groups["anchored_day"]), DAY
    elif "amount" in groups and "unit" in groups:
        unit = grammar.lookup("unit", groups["unit"])
        count = _amount(groups["amount"], grammar) * pattern.direction
        precision = PRECISION_OF_UNIT[unit]
    else:
        return None
    if pattern.anchor == "previous":
        if previous is None:
            return None, precision  # nothing earlier in the article to count from
        anchor, precision = previous[0], max(precision, previous[1])
    elif base is None:
        return None, precision
    else:
        anchor = base
    when = shift_by_unit(anchor, unit, count)
    if base is not None and when > base:
        return None, precision  # counted past publication: the anchor was not the one meant
    return when, precision


def _day_number(text: str) -> int:
    return int(re.match(r"\d+", text).group(0))  # type: ignore[union-attr]


def _amount(text: str, grammar: DateGrammar) -> int:
    return int(text) if text.isdigit() else int(grammar.lookup("number", text))
