"""Resolve a short date span with dateparser: explicit language, anchored on publication, cached."""

from __future__ import annotations

from datetime import date, datetime
from functools import lru_cache

from veille.extract.times_calendar import DAY, MONTH, WEEK

_PRECISION_OF_PERIOD = {"day": DAY, "time": DAY, "week": WEEK, "month": MONTH}


@lru_cache(maxsize=64)
def _parser(language: str, base: date | None, date_order: str):
    """One DateDataParser per (language, publication date, date order): building one is cheap, parsing is not."""
    from dateparser.date import DateDataParser

    settings = {"PREFER_DATES_FROM": "past", "DATE_ORDER": date_order}
    if base is not None:
        settings["RELATIVE_BASE"] = datetime(base.year, base.month, base.day)
    return DateDataParser(languages=[language], settings=settings)


@lru_cache(maxsize=8192)
def parse_span(text: str, language: str, base: date | None, date_order: str) -> tuple[date, int] | None:
    """(date, ACLED precision) of a short span, or None when dateparser cannot read it or it is vaguer than a month."""
    try:
        data = _parser(language, base, date_order).get_date_data(text)
    except (ValueError, KeyError):  # dateparser knows no such language, or chokes on the span
        return None
    if data is None or data.date_obj is None:
        return None
    precision = _PRECISION_OF_PERIOD.get(data.period or "day")
    if precision is None:  # a bare year
        return None
    return data.date_obj.date(), precision
