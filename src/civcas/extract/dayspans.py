"""Calendar spans for relative dates: a day or interval as text, a month's or year's days, parts of
them ("early March", "late 2015"), the start of a week, month or year, the latest year a date of the
year falls in — what an English or Arabic date reads into (:mod:`timex`, :mod:`arabic.times`)."""
from __future__ import annotations

import calendar
import datetime as dt

D = dt.timedelta


def fmt(a: dt.date | None, b: dt.date | None = None) -> str | None:
    """A day ("2016-10-27") or an interval ("2016-10-24/2016-10-26"), in order; None without a day."""
    if a is None or b is None or a == b:
        return a and a.isoformat()
    return f"{min(a, b).isoformat()}/{max(a, b).isoformat()}"


def month_range(y: int, m: int) -> tuple[dt.date, dt.date]:
    return dt.date(y, m, 1), dt.date(y, m, calendar.monthrange(y, m)[1])


def add_months(d: dt.date, n: int) -> dt.date:
    y, m = divmod(d.year * 12 + d.month - 1 + n, 12)
    return dt.date(y, m + 1, min(d.day, calendar.monthrange(y, m + 1)[1]))


def weekday_back(p: dt.date, weekday: int, pre: str = "") -> dt.date:
    """The last day ``weekday`` (0 = Monday) on or before ``p``; "next" a week on, "last"/"past" a
    week back when that day is ``p`` itself."""
    d = p - D((p.weekday() - weekday) % 7)
    if pre == "next":
        return d + D(7)
    return d - D(7) if pre in ("last", "past") and d == p else d


MONTH_PARTS = {"early": (1, 10), "beginning": (1, 10), "start": (1, 10), "mid": (11, 20),
                "middle": (11, 20), "late": (21, 31), "end": (21, 31), "first half": (1, 15),
                "second half": (16, 31)}
YEAR_PARTS = {"early": (1, 4), "beginning": (1, 3), "start": (1, 3), "mid": (5, 8), "middle": (5, 8),
               "late": (9, 12), "end": (10, 12), "first half": (1, 6), "second half": (7, 12),
               "spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "fall": (9, 11)}


def part_key(part: str | None) -> str:
    return " ".join((part or "").lower().split()).removeprefix("the ").removesuffix(" of")


def month_part(y: int, m: int, part: str | None) -> tuple[dt.date, dt.date]:
    d1, d2 = MONTH_PARTS.get(part_key(part), (1, 31))
    return dt.date(y, m, d1), dt.date(y, m, min(d2, calendar.monthrange(y, m)[1]))


def year_part(y: int, part: str | None) -> tuple[dt.date, dt.date]:
    m1, m2 = YEAR_PARTS.get(part_key(part), (1, 12))
    return dt.date(y, m1, 1), month_range(y, m2)[1]


def period_start(p: dt.date, unit: str) -> dt.date:
    unit = unit.lower()
    return p - D(p.weekday()) if unit == "week" else p.replace(day=1, month=1 if unit == "year" else p.month)


def latest_year(p: dt.date | None, y: int | None, start_of) -> int | None:
    """The year given, else the latest year whose ``start_of(year)`` is not after p."""
    if y is not None:
        return y
    if p is None:
        return None
    return p.year if start_of(p.year) <= p else p.year - 1
