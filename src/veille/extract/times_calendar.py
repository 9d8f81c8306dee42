"""Calendar arithmetic for date mentions: weekdays, year inference, weeks, months, offsets."""

from __future__ import annotations

import calendar
from datetime import date, timedelta

DAY, WEEK, MONTH = 1, 2, 3  # ACLED time_precision
PRECISION_OF_UNIT = {"day": DAY, "week": WEEK, "weekend": WEEK, "month": MONTH}
SATURDAY = 5
MIDDLE_OF_MONTH = 15
# A day-month without a year further than this after publication belongs to the year before.
FUTURE_TOLERANCE = timedelta(days=61)


def safe_date(year: int, month: int, day: int) -> date | None:
    """A date, or None when the day does not exist (31 February)."""
    try:
        return date(year, month, day)
    except ValueError:
        return None


def infer_year(month: int, day: int, published: date, weekday: int | None = None) -> date | None:
    """Date of a day-month without year: the publication year, or the year before if too far ahead.

    When a weekday is named too ("samedi 18 janvier"), a year where it fits is preferred.
    """
    candidates = [safe_date(published.year, month, day), safe_date(published.year - 1, month, day)]
    plausible = [c for c in candidates if c is not None and c <= published + FUTURE_TOLERANCE]
    if not plausible:
        return None
    if weekday is not None:
        fitting = [c for c in plausible if c.weekday() == weekday]
        if fitting:
            return fitting[0]
    return plausible[0]


def last_weekday(weekday: int, published: date, shift: int = 0) -> date:
    """Weekday relative to publication: 0 = on or before it, -1 = strictly before, 1 = strictly after."""
    if shift > 0:
        return published + timedelta(days=(weekday - published.weekday() - 1) % 7 + 1)
    if shift < 0:
        return published - timedelta(days=(published.weekday() - weekday - 1) % 7 + 1)
    return published - timedelta(days=(published.weekday() - weekday) % 7)


def add_months(day: date, months: int) -> date:
    """Shift a date by whole months, keeping the day where the month allows it."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(day.day, last))


def shift_by_unit(day: date, unit: str, count: int) -> date:
    """Move a date by count days, weeks or months."""
    if unit == "month":
        return add_months(day, count)
    return day + timedelta(days=count * (7 if unit == "week" else 1))


def period_date(unit: str, offset: int, published: date) -> date:
    """Representative date of a week, weekend or month counted from publication, never after it.

    A week is coded on its middle day (Thursday of a Monday-Sunday week), a month on its 15th,
    a weekend on its Saturday: ACLED codes an event known to the week or month on the middle of it.
    """
    if unit == "week":
        monday = published - timedelta(days=published.weekday()) + timedelta(weeks=offset)
        return min(monday + timedelta(days=3), published)
    if unit == "weekend":
        # "last weekend" said on a Saturday or Sunday is the weekend before, hence the 2-day step back.
        reference = published if offset >= 0 else published - timedelta(days=2)
        saturday = last_weekday(SATURDAY, reference) + timedelta(weeks=offset + (1 if offset < 0 else 0))
        return min(saturday, published)
    middle = add_months(published.replace(day=1), offset).replace(day=MIDDLE_OF_MONTH)
    return min(middle, published)


def month_date(month: int, year: int | None, day: int, published: date | None) -> date | None:
    """Representative date of a month (or part of it), never after publication.

    Without a year, a month that has not begun by publication is last year's: reports tell the past.
    """
    if year is None:
        if published is None:
            return None
        year = published.year if month <= published.month else published.year - 1
        resolved = safe_date(year, month, day)
    else:
        resolved = safe_date(year, month, day)
    if resolved is None:
        return None
    if published is not None and (resolved.year, resolved.month) == (published.year, published.month):
        return min(resolved, published)
    return resolved
