"""Arabic time mentions resolved against the publication date (GUIDE-ar.md, "published and event_date").

Both month-name series and the Algerian names ("12 أبريل/نيسان 2017", "آب/ أغسطس"), numeric dates
("2018/03/17", "16/سبتمبر/2016م"), weekdays ("يوم الأربعاء", "مساء أمس السبت"), اليوم / أمس /
فجر اليوم / مساء أمس, "ليل الجمعة السبت" (a two-day interval) and "خلال الـ24 ساعة الماضية" (an
interval ending on the publication day). A date without a year fixes nothing, and neither does a
weekday or "today" without a publication date. Kinds are those of :mod:`..timex`.
"""
from __future__ import annotations

import re
from datetime import date, timedelta

from ...vocab.arabic import MONTHS, WEEKDAYS, Folded
from ..dayspans import weekday_back  # the last such weekday on or before publication
from ..timex import TimeMention

_MONTH = "(?:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + ")"
_WD = "(?:" + "|".join(sorted(WEEKDAYS, key=len, reverse=True)) + ")"
_DAY_PART = r"(?:فجر|صباح|مساء|ظهر|ليل|ليله|عصر|منتصف\s+ليل)"
_PATTERN = re.compile(
    rf"(?P<iso>(?P<iy>(?:19|20)\d\d)[/-](?P<im>[01]?\d)[/-](?P<id>[0-3]?\d))(?!\d)"
    rf"|(?P<dmy>(?P<dd>[0-3]?\d)\s*/\s*(?:(?P<dm>[01]?\d)|(?P<dmn>{_MONTH}))\s*/\s*(?P<dy>(?:19|20)\d\d))"
    rf"|(?P<over>ليل(?:ه)?\s+(?P<w1>{_WD})\s*(?:و|-|/)?\s*(?P<w2>{_WD}))"
    rf"|(?P<ex>(?:(?:يوم\s+)?{_WD}\s+)?(?P<d>[0-3]?\d)\s+(?:من\s+)?(?P<m>{_MONTH})(?:\s*(?:/|-)\s*{_MONTH})?"
    rf"(?:\s*(?:من\s+)?(?:العام|عام|سنه)?\s*(?P<y>(?:19|20)\d\d))?)"
    rf"|(?P<hours>خلال\s+(?:ال)?[-ـ]?\s*(?P<h>\d+)\s+ساعه\s+(?:الماضيه|الاخيره))"
    rf"|(?P<rel>(?:(?P<part>{_DAY_PART})\s+)?(?P<when>امس\s+الاول|اليوم|امس|البارحه)(?:\s+(?P<w3>{_WD}))?)"
    rf"|(?P<wd>(?:(?P<part2>{_DAY_PART})\s+)?(?:يوم\s+)?(?P<w4>{_WD}))(?!\s+[0-3]?\d)"
)


def find_times(text: str, published: date | None) -> list[TimeMention]:
    """Every time mention of an Arabic text (offsets in ``text``)."""
    f = Folded(text)
    out = []
    for m in _PATTERN.finditer(f.text):
        s, e = f.span(m.start(), m.end())
        value, kind = _value(m, published)
        out.append(TimeMention(s, e, text[s:e], value, kind))
    return out


def _value(m: re.Match, published: date | None) -> tuple[str | None, str]:
    g = m.groupdict()
    try:
        if g["iso"]:
            return date(int(g["iy"]), int(g["im"]), int(g["id"])).isoformat(), "explicit"
        if g["dmy"]:
            month = int(g["dm"]) if g["dm"] else MONTHS[g["dmn"]]
            return date(int(g["dy"]), month, int(g["dd"])).isoformat(), "explicit"
        if g["over"]:
            return _night(g["w1"], g["w2"], m, published), "overnight"
        if g["ex"]:
            if not g["y"]:
                return None, "explicit"  # "الثلاثاء 15 نوفمبر": no year, no date
            return date(int(g["y"]), MONTHS[g["m"]], int(g["d"])).isoformat(), "explicit"
    except ValueError:
        return None, "explicit"
    if published is None:
        return None, "relative" if g["rel"] else "weekday" if g["wd"] else "period"
    if g["hours"]:
        days = max(1, int(g["h"]) // 24)
        return f"{(published - timedelta(days=days)).isoformat()}/{published.isoformat()}", "period"
    if g["rel"]:
        back = {"اليوم": 0, "امس": 1, "البارحه": 1, "امس الاول": 2}[re.sub(r"\s+", " ", g["when"])]
        return (published - timedelta(days=back)).isoformat(), "relative"
    if g["wd"]:
        return weekday_back(published, WEEKDAYS[g["w4"]]).isoformat(), "weekday"
    return None, "period"


def _night(w1: str, w2: str, m: re.Match, published: date | None) -> str | None:
    """ "ليل الجمعة السبت": the night from the first day to the second; the second is the explicit
    date in brackets right after ("(23 أغسطس / آب 2014)"), else resolved against publication."""
    after = m.string[m.end():m.end() + 40]
    ex = re.match(rf"\s*\(?\s*([0-3]?\d)\s+({_MONTH})(?:\s*/\s*{_MONTH})?\s*((?:19|20)\d\d)", after)
    if ex:
        second = date(int(ex.group(3)), MONTHS[ex.group(2)], int(ex.group(1)))
    elif published is not None:
        second = weekday_back(published, WEEKDAYS[w2])
    else:
        return None
    return f"{(second - timedelta(days=1)).isoformat()}/{second.isoformat()}"


_SAID_PLAIN = re.compile(r"(?:قال|قالت|اعلن|اعلنت|افاد|افادت|ذكر|ذكرت|اكد|اكدت|نفي|نفت|اوضح|اوضحت|صرح|صرحت|اشار|اشارت)"
                         r"\S*(?:\s+\S+){0,6}?[،,]?\s*$")


def event_times(times: list[TimeMention], text: str, s: int, e: int) -> list[TimeMention]:
    """The time mentions of sentence [s, e) that can date harm: not the day of a statement ("قالت
    الوزارة، اليوم الخميس، إن"), not a dateline standing alone on its line."""
    out = []
    for t in times:
        if not (s <= t.start and t.end <= e and t.value):
            continue
        if t.kind == "explicit" and text[t.start - 1:t.start] in ("\n", "[", "") and \
                re.fullmatch(r"[\s\]\[م]*", text[t.end:text.find("\n", t.end) if "\n" in text[t.end:] else len(text)]):
            continue  # a dateline
        head = Folded(text[max(s, t.start - 60):t.start]).text
        tail = Folded(text[t.end:t.end + 12]).text
        if t.kind != "overnight" and _SAID_PLAIN.search(head) and re.match(r"\s*[،,]?\s*(?:ان|إن|أن|بان|:)", tail):
            continue
        out.append(t)
    return out
