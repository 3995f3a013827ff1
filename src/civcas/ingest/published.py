"""Publication dates: the one a text states near its start, and metadata values.

:func:`find_published` looks for a full date (day, month and year) in the
title line and the first few hundred characters of a text. A date with a
publication label ("Published", "Date of publication", "date", "Posted on")
wins over any other; otherwise the first full date near the start is taken,
whether unlabelled ("Sun 05 Jul 2015", "31-07-2015") or labelled as an
update ("Last updated at Aug 012016"). No full date there: ``None``; a date
is never guessed from a month alone, a weekday or "yesterday".

:func:`parse_date` reads a metadata value (a CSV or JSONL column, an HTML
meta tag): ISO dates and datetimes, ``month/day/year``, or any of the forms
:func:`find_published` knows.

Numeric dates: ``31-07-2015`` and ``21.02.2015`` are read day first;
``4/5/2017`` is read month first (the US form, as in spreadsheet exports)
unless the first number cannot be a month (``17/4/2017``).
"""
from __future__ import annotations

import re
from datetime import date, datetime, timedelta

from ..vocab.arabic import MONTHS, fold_text, has_arabic

__all__ = ["find_published", "find_dateline", "parse_date", "iter_dates"]

#: How far into the text (after a title line of at most the same length) an
#: unlabelled date may start.
WINDOW = 300
#: How far a labelled publication date may start.
LABELLED_WINDOW = 600

_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}
_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b\.?"
)
_WEEKDAY = r"(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\b\.?"
_YEAR = r"(?:19|20)\d{2}"
_ORD = r"(?:st|nd|rd|th)?"

_DATE = re.compile(
    "|".join(
        (
            # 2016-10-27, 2016/10/27, 2016-10-27T08:00
            rf"(?<![\d.\-/])(?P<iy>{_YEAR})(?P<isep>[-/.])(?P<im>\d{{1,2}})(?P=isep)(?P<id>\d{{1,2}})(?!\d)",
            # 12 February 2015, Sun 05 Jul 2015, 17-Aug-2013, 3rd of May 2017
            rf"(?<!\d)(?P<ad>\d{{1,2}}){_ORD}(?:\s+of)?[\s\-]+(?P<am>{_MONTH}),?[\s\-]+(?P<ay>{_YEAR})(?!\d)",
            # May 01, 2018; Dec 1, 2016; July 12 2016; Aug 012016
            rf"\b(?P<bm>{_MONTH})\s*(?:(?P<bd>\d{{1,2}}){_ORD}(?:,\s*|\s+)|(?P<bd2>\d{{2}}))(?P<by>{_YEAR})(?!\d)",
            # 31-07-2015, 21.02.2015 (day first); 4/5/2017 (month first)
            rf"(?<![\d.\-/])(?P<n1>\d{{1,2}})(?P<nsep>[-./])(?P<n2>\d{{1,2}})(?P=nsep)(?P<ny>{_YEAR})(?![\d])",
        )
    ),
    re.IGNORECASE,
)

_PUB_LABEL = re.compile(
    r"(?:^|[^\w])(?:date(?:\s+of\s+publication)?|dated|publication\s+date|(?:first\s+)?published"
    r"|posted|released)(?:\s+(?:on|at))?\s*[:|\-\u2013\u2014]?\s*"
    rf"(?:{_WEEKDAY}\s*,?\s*)?$",
    re.IGNORECASE,
)
_UPDATE_LABEL = re.compile(
    r"(?:^|[^\w])(?:last\s+)?(?:updated|modified)(?:\s+(?:on|at))?\s*[:|\-\u2013\u2014]?\s*"
    rf"(?:{_WEEKDAY}\s*,?\s*)?$",
    re.IGNORECASE,
)
_LABEL_REACH = 40  # characters before a date searched for its label
# a date introduced by one of these words dates an event the text tells of ("On August 21
# 2013 the regime ..."), not the page
_EVENT_WORD = re.compile(
    r"(?:^|[^\w])(?:on|in|since|from|until|till|by|before|after|of|between|and|to|as\s+of)"
    rf"\s+(?:(?:the\s+)?{_WEEKDAY}\s*,?\s*)?$",
    re.IGNORECASE,
)


def _month(name: str) -> int:
    return _MONTHS[name[:3].lower()]


def _to_date(year: int, month: int, day: int) -> date | None:
    try:
        found = date(year, month, day)
    except ValueError:
        return None
    if found > date.today() + timedelta(days=2):  # a publication date is never in the future
        return None
    return found


def _match_date(m: re.Match[str]) -> date | None:
    g = m.groupdict()
    if g["iy"]:
        return _to_date(int(g["iy"]), int(g["im"]), int(g["id"]))
    if g["ay"]:
        return _to_date(int(g["ay"]), _month(g["am"]), int(g["ad"]))
    if g["by"]:
        return _to_date(int(g["by"]), _month(g["bm"]), int(g["bd"] or g["bd2"]))
    first, second, year = int(g["n1"]), int(g["n2"]), int(g["ny"])
    if g["nsep"] == "/" and first <= 12:
        return _to_date(year, first, second)
    return _to_date(year, second, first)


def iter_dates(text: str):
    """``(start, end, date)`` of every full date in ``text``, in order."""
    for m in _DATE.finditer(text):
        found = _match_date(m)
        if found is not None:
            yield m.start(), m.end(), found


def _label(text: str, start: int) -> str | None:
    before = text[max(0, start - _LABEL_REACH) : start]
    if _PUB_LABEL.search(before):
        return "published"
    if _UPDATE_LABEL.search(before):
        return "updated"
    return None


def _arabic_dates(text: str):
    """``(start, date)`` of Arabic-script datelines: "السبت 2018/03/17", "[16/سبتمبر/2016م ]",
    "12 أبريل/نيسان 2017" (both month series, Algerian names; digits of any script)."""

    folded, pos = fold_text(text)
    months = "|".join(sorted(MONTHS, key=len, reverse=True))
    rx = re.compile(rf"(?<!\d)(?:(?P<y1>(?:19|20)\d\d)/(?P<m1>[01]?\d)/(?P<d1>[0-3]?\d)"
                    rf"|(?P<d2>[0-3]?\d)\s*/\s*(?:(?P<m2>[01]?\d)|(?P<n2>{months}))\s*/\s*(?P<y2>(?:19|20)\d\d)"
                    rf"|(?P<d3>[0-3]?\d)\s+(?P<n3>{months})(?:\s*/\s*(?:{months}))?\s+(?P<y3>(?:19|20)\d\d))(?!\d)")
    for m in rx.finditer(folded):
        g = m.groupdict()
        try:
            if g["y1"]:
                found = date(int(g["y1"]), int(g["m1"]), int(g["d1"]))
            elif g["y2"]:
                found = date(int(g["y2"]), int(g["m2"]) if g["m2"] else MONTHS[g["n2"]], int(g["d2"]))
            else:
                found = date(int(g["y3"]), MONTHS[g["n3"]], int(g["d3"]))
        except ValueError:
            continue
        yield (pos[m.start()] if pos else m.start()), found


def _arabic_published(text: str) -> date | None:
    """The first Arabic dateline standing on a line of its own near the start ("السبت 2018/03/17",
    "[16/سبتمبر/2016م ]"): a date inside a sentence dates the events, not the page."""
    for start, found in _arabic_dates(text[:LABELLED_WINDOW + 40]):
        if start >= LABELLED_WINDOW:
            break
        line_start = text.rfind("\n", 0, start) + 1
        line_end = text.find("\n", start)
        line = text[line_start:line_end if line_end >= 0 else len(text)]
        if len(line.split()) <= 4:
            return found
    return None


def find_published(text: str) -> date | None:
    """The publication date ``text`` states near its start, or ``None``.

    ``text`` is typically the title line followed by the body. A labelled
    publication date within the first :data:`LABELLED_WINDOW` characters wins;
    else the first full date starting within :data:`WINDOW` characters after
    the title line.
    """
    return _stated_date(text, events=True)


def find_dateline(text: str) -> date | None:
    """The date a text states as its own: :func:`find_published`, except that an unlabelled
    date introduced as an event's ("On August 21 2013 the regime ...", "since 1 May 2016") is
    no dateline. Used to check a metadata date against the page (:func:`civcas.ingest.document`)."""
    return _stated_date(text, events=False)


def _stated_date(text: str, events: bool) -> date | None:
    """The labelled publication date near the start, else the first date after the title line;
    with ``events=False`` an unlabelled date an event word introduces is passed over."""
    if not text:
        return None
    text = text.lstrip()
    if has_arabic(text[:LABELLED_WINDOW]):
        found = _arabic_published(text)
        if found is not None:
            return found
    first_line = text.split("\n", 1)[0]
    window = min(len(first_line), WINDOW) + WINDOW
    first: date | None = None
    for start, _end, found in iter_dates(text[: LABELLED_WINDOW + 40]):
        if start >= LABELLED_WINDOW:
            break
        label = _label(text, start)
        if label == "published":
            return found
        before = text[max(0, start - _LABEL_REACH):start]
        event = not events and label != "updated" and _EVENT_WORD.search(before)
        if first is None and start < window and not event:
            first = found
    return first


_ISO_DATE = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})(?:$|[T\s])")
_SLASH_DATE = re.compile(r"^\s*(\d{1,2})/(\d{1,2})/(\d{4})(?:$|\s)")


def parse_date(value: object) -> date | None:
    """A date from a metadata value, or ``None`` when it holds no full date.

    Accepts ``date``/``datetime`` objects, ISO strings (``2017-04-05``,
    ``2017-04-05T10:00:00Z``), ``month/day/year`` (``4/5/2017``; day first
    when the first number exceeds 12) and the textual forms of
    :func:`find_published`, when the value starts with one.
    """
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if not isinstance(value, str):
        return None
    s = value.strip()
    if not s:
        return None
    m = _ISO_DATE.match(s)
    if m:
        try:
            return date(int(m[1]), int(m[2]), int(m[3]))
        except ValueError:
            return None
    m = _SLASH_DATE.match(s)
    if m:
        a, b, year = int(m[1]), int(m[2]), int(m[3])
        month, day = (a, b) if a <= 12 else (b, a)
        try:
            return date(year, month, day)
        except ValueError:
            return None
    head = re.sub(rf"^\s*{_WEEKDAY}\s*,?\s*", "", s, flags=re.IGNORECASE)
    for start, _end, found in iter_dates(head):
        return found if start == 0 else None
    return None
