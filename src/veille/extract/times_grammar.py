"""Compile a language's date tables and phrase patterns (resources/<lang>/dates.yaml) into regexes."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from veille.resources import lexicon

# Shapes that carry no language words, so they are built here rather than in the YAML files.
_YEAR = r"(?:19|20)\d{2}(?!\d)"
_NUMERIC = r"(?<!\d)(?:(?:19|20)\d{2}-\d{1,2}-\d{1,2}|\d{1,2}[/.]\d{1,2}[/.](?:19|20)\d{2})(?!\d)"
_DAY = r"(?<!\d)(?:3[01]|[12]\d|0?[1-9])(?!\d)"
_SLOT = re.compile(r"\{([a-z_]+)\}")
_APOSTROPHES = "'’"
_HYPHENS = "-‐‑"


def normalise_phrase(text: str) -> str:
    """Lower-case a phrase and unify its whitespace, apostrophes and hyphens, for table look-ups."""
    text = re.sub(r"\s+", " ", text.strip().lower())
    text = re.sub(f"[{_APOSTROPHES}]", "'", text)
    return re.sub(f"[{_HYPHENS}]", "-", text)


def phrase_regex(phrase: str) -> str:
    """Regex for one table phrase: any whitespace between words, any apostrophe or hyphen form."""
    parts = []
    for char in phrase:
        if char.isspace():
            if not parts or parts[-1] != r"\s+":
                parts.append(r"\s+")
        elif char in _APOSTROPHES:
            parts.append(f"[{_APOSTROPHES}]")
        elif char in _HYPHENS:
            parts.append(f"[{_HYPHENS}]")
        else:
            parts.append(re.escape(char))
    return "".join(parts)


def alternation(phrases: list[str], case_sensitive: bool = False) -> str:
    """Regex matching any of the phrases, longest first so "avant-hier" wins over "hier"."""
    if not phrases:
        return "(?!)"  # an empty table matches nothing
    body = "|".join(phrase_regex(p) for p in sorted(set(phrases), key=len, reverse=True))
    return f"(?-i:{body})" if case_sensitive else f"(?:{body})"


@dataclass(frozen=True)
class DatePattern:
    """One compiled phrase pattern and how to resolve what it matches."""

    regex: re.Pattern[str]
    resolve: str = "tables"  # tables | dateparser
    anchor: str = "publication"  # publication | previous
    direction: int = -1
    day_shift: int = 0  # "nuit de samedi à dimanche 19": the day-month read is one day after the date meant


@dataclass(frozen=True)
class DateGrammar:
    """Everything the date finder needs for one language."""

    language: str
    date_order: str
    patterns: tuple[DatePattern, ...]
    tables: dict[str, dict[str, Any]] = field(default_factory=dict)
    anchor_words: re.Pattern[str] | None = None  # full names and relative words, to vet spaCy DATE entities

    def lookup(self, table: str, text: str) -> Any:
        """Value of a matched phrase in one of the tables (None when absent)."""
        return self.tables[table].get(normalise_phrase(text))


def _normalised_table(mapping: dict[str, Any] | None) -> dict[str, Any]:
    return {normalise_phrase(str(key)): value for key, value in (mapping or {}).items()}


def _slot_regexes(data: dict[str, Any]) -> tuple[dict[str, str], dict[str, dict[str, Any]]]:
    """Build the regex of every slot and the look-up tables behind them."""
    case = bool(data.get("names_case_sensitive", False))
    weekdays = data.get("weekdays") or {}
    months = data.get("months") or {}
    abbreviations = data.get("month_abbreviations") or {}
    only_with_day = set(data.get("months_only_with_day") or [])
    numbers = data.get("numbers") or {}
    suffixes = data.get("day_suffixes") or []
    suffix = f"(?:{alternation(suffixes)})?" if suffixes else ""
    tables = {
        "weekday": _normalised_table(weekdays),
        "month": _normalised_table({**months, **abbreviations}),
        "shift": _normalised_table(data.get("weekday_shifts")),
        "relative_day": _normalised_table(data.get("relative_days")),
        "relative_period": _normalised_table(data.get("relative_periods")),
        "month_part": _normalised_table(data.get("month_parts")),
        "anchored_day": _normalised_table(data.get("anchored_days")),
        "unit": _normalised_table(data.get("units")),
        "number": _normalised_table(numbers),
    }
    slots = {
        "weekday": alternation(list(weekdays), case),
        "month": alternation([*months, *abbreviations], case),
        "month_alone": alternation([m for m in months if m not in only_with_day], case),
        "part": alternation(data.get("day_parts") or []),
        "day": _DAY + suffix,
        "year": _YEAR,
        "numeric": _NUMERIC,
        "amount": f"(?:\\d{{1,3}}|{alternation(list(numbers))})",
    }
    for name in ("shift", "relative_day", "relative_period", "month_part", "anchored_day", "unit"):
        slots[name] = alternation(list(data.get(_TABLE_KEYS[name]) or {}))
    return slots, tables


_TABLE_KEYS = {
    "shift": "weekday_shifts",
    "relative_day": "relative_days",
    "relative_period": "relative_periods",
    "month_part": "month_parts",
    "anchored_day": "anchored_days",
    "unit": "units",
}


def _template_regex(template: str) -> str:
    """Turn the literal spaces and apostrophes of a pattern template into their regex forms."""
    template = re.sub(r" +", r"\\s+", template)
    return template.replace("'", f"[{_APOSTROPHES}]")


def compile_pattern(template: str, fragments: dict[str, str], slots: dict[str, str]) -> re.Pattern[str]:
    """Expand fragments and slots; the first occurrence of a slot is a named group, later ones are not."""
    for _ in range(3):  # fragments may use slots or (rarely) other fragments
        template = _SLOT.sub(lambda m: fragments.get(m.group(1), m.group(0)), template)
    template = _template_regex(template)
    seen: set[str] = set()

    def expand(match: re.Match[str]) -> str:
        name = match.group(1)
        if name not in slots:
            raise KeyError(f"unknown date pattern slot {{{name}}}")
        if name in seen:
            return f"(?:{slots[name]})"
        seen.add(name)
        return f"(?P<{name}>{slots[name]})"

    body = _SLOT.sub(expand, template)
    return re.compile(rf"(?<!\w)(?:{body})(?!\w)", re.IGNORECASE)


@lru_cache(maxsize=None)
def load_grammar(language: str) -> DateGrammar:
    """Read and compile resources/<language>/dates.yaml (once per process)."""
    data = lexicon(language, "dates")
    slots, tables = _slot_regexes(data)
    fragments = {name: str(text) for name, text in (data.get("fragments") or {}).items()}
    patterns = tuple(
        DatePattern(
            regex=compile_pattern(str(entry["pattern"]), fragments, slots),
            resolve=entry.get("resolve", "tables"),
            anchor=entry.get("anchor", "publication"),
            direction=int(entry.get("direction", -1)),
            day_shift=int(entry.get("day_shift", 0)),
        )
        for entry in data.get("patterns") or []
    )
    anchors = "|".join(slots[name] for name in ("weekday", "month_alone", "relative_day", "relative_period"))
    anchor_words = re.compile(rf"(?<!\w)(?:{anchors})(?!\w)", re.IGNORECASE)
    return DateGrammar(
        language=language,
        date_order=str(data.get("date_order", "DMY")),
        patterns=patterns,
        tables=tables,
        anchor_words=anchor_words,
    )
