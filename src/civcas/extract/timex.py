"""Time mentions in news text, resolved against the publication date.

``find_time_mentions(text, published)`` returns non-overlapping mentions with a
value (ISO ``YYYY-MM-DD``, an interval ``start/end``, or None when it cannot be
fixed) and a kind: weekday, relative, explicit, month, overnight, year, since,
period (cumulative spans: "over the past year"), anaphoric ("the previous day":
relative to another event, value None). One compiled alternation, ordered so
the longer form wins at a start, is tried only near anchor words. Stdlib only.
"""
from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

from .dayspans import (
    D,
    add_months,
    fmt,
    latest_year,
    month_part,
    month_range,
    period_start,
    weekday_back,
    year_part,
)

__all__ = ["TimeMention", "find_time_mentions"]


@dataclass(frozen=True)
class TimeMention:
    """A time expression: ``text == source[start:end]``; ``value`` as in the module doc."""

    start: int
    end: int
    text: str
    value: str | None
    kind: str


_MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
_MONTHS.update({"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8,
                "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12})
_WEEKDAYS = {d.lower(): i for i, d in enumerate(calendar.day_name)}
_UNITS = ("one two three four five six seven eight nine ten eleven twelve thirteen "
          "fourteen fifteen sixteen seventeen eighteen nineteen").split()
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60}
_NUMWORDS = {w: i + 1 for i, w in enumerate(_UNITS)} | _TENS | {"a": 1, "an": 1}

# ---------------------------------------------------------------- patterns
_MONTH_NAMES = "January|February|March|April|May|June|July|August|September|October|November|December"
_MONTH = r"(?-i:(?:" + _MONTH_NAMES + r")\b)"
_MON_ANY = r"(?-i:(?:" + _MONTH_NAMES + r")\b|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\b\.?)"
_WD = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b"
_DAY = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?![\w]|[.,]\d)"
_YEAR = r"(?:19|20)\d\d(?![\w]|[.,]\d)"
_NUM = (r"(?:\d{1,3}(?!\d)|(?:twenty|thirty|forty|fifty|sixty)(?:[-\s](?:" + "|".join(_UNITS[:9])
        + r"))?|" + "|".join(sorted(_UNITS, key=len, reverse=True))
        + r"|(?:a\s+)?couple\s+of|(?:a\s+)?few|several|an?)")
_UNIT = r"(?:hours?|days?|weeks?|months?|years?)\b"
_CONFLICT = (r"(?:war|conflict|crisis|uprising|revolution|revolt|campaign|offensive|operation|"
             r"intervention|siege|bombing|bombardment|air\s*strikes|strikes|fighting|battle|"
             r"clashes|violence|hostilities|insurgency|protests|ceasefire|truce|assault|incursion)s?\b")
# a following word that shows the number before it is a count, not a day or year
_COUNT_NOUNS = (r"people|persons|civilians|children|kids|women|men|soldiers|troops|fighters|militants|"
                r"rebels|jihadists|others|more|members|bodies|deaths|casualties|victims")
_NOT_COUNT = r"(?!\s+(?:" + _COUNT_NOUNS + r"|were|are|have|had|killed|dead|died|wounded|injured|of\s+them)\b)"
_NOT_COUNT_Y = r"(?!\s+(?:" + _COUNT_NOUNS + r")\b)"
_PART = (r"(?:early|mid|late|(?:the\s+)?(?:(?:end|beginning|start|middle|first\s+half|second\s+half)\s+of"
         r"|(?:spring|summer|autumn|fall|winter)(?:\s+of)?))")
_WD_PREFIX = r"(?:(?:on\s+)?" + _WD + r",?\s+(?:the\s+)?)?"
# a weekday, also in the possessive whose apostrophe the copy lost, before the attack it dates ("Saturdays convoy
# attack"; not "on Saturdays and", nor "Wednesdays claim": a statement's day does not date the harm)
_WD_OWN = (r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)(?:\b|(?=s\s+(?-i:(?:[a-z-]+\s+){0,2})"
           r"(?:attacks?|strikes?|airstrikes?|raids?|bombings?|blasts?|explosions?|shelling|massacre|assault|"
           r"clashes|fighting|offensive|ambush|bombardment)\b))")

_ALTS = [
    ("ex", rf"""(?:on\s+)?{_WD_PREFIX}(?:the\s+)?(?P<ex_d1>{_DAY})(?:\s*(?:-|–|to|and)\s*(?P<ex_d1b>{_DAY}))?
        \s+(?:of\s+)?(?P<ex_m1>{_MON_ANY})(?:,?\s+(?P<ex_y1>{_YEAR}))?
      | (?:on\s+)?{_WD_PREFIX}(?P<ex_m2>{_MON_ANY})\s+(?P<ex_d2>{_DAY})(?:\s*(?:-|–)\s*(?P<ex_d2b>{_DAY}))?
        (?:(?:,\s*|\s+)(?P<ex_y2>{_YEAR})|){_NOT_COUNT_Y}
      | (?P<ex_iy>{_YEAR})[-/](?P<ex_im>[01]\d)[-/](?P<ex_id>[0-3]\d)(?!\d)"""),
    ("sn", rf"""since\s+(?P<sn_t>
        (?P<sn_d>(?:{_PART}[-\s]\s*)?
          (?:(?:the\s+)?{_DAY}\s+(?:of\s+)?{_MON_ANY}(?:,?\s+{_YEAR})?|{_MON_ANY}\s+{_DAY}(?:,?\s+{_YEAR})?{_NOT_COUNT_Y}
          |{_MONTH}(?:,?\s+{_YEAR})?|{_YEAR}|{_WD}|yesterday\b|last\s+(?:week|month|year|night|weekend)\b))
      | (?:the\s+)?(?:start|beginning|outbreak|onset|launch)\s+of\s+(?:the\s+|this\s+)?(?P<sn_per>year|month|week)\b
      | (?:the\s+)?(?:start|beginning|outbreak|onset|launch|end)\s+of\s+(?:the\s+|its\s+|their\s+|this\s+)?
        (?:[\w'-]+\s+){{0,3}}?{_CONFLICT}
      | (?:the\s+|its\s+|their\s+)?(?!world\s)(?:[\w'-]+\s+){{0,3}}?{_CONFLICT}
        (?:\s+(?:began|started|erupted|broke\s+out|was\s+launched|commenced))?
      | (?:[\w'-]+\s+){{1,3}}?(?:began|started|launched|entered|intervened|joined)\b
        (?:\s+(?:its|their|the)\s+(?:[\w'-]+\s+){{0,2}}?{_CONFLICT})?
      | then\b|it\s+began\b|its\s+(?:start|launch|beginning)\b)"""),
    ("ov", rf"""(?:overnight|(?:on\s+)?the\s+night\s+(?P<ov_of>of|between|from))\s+(?:(?P<ov_into>from|on|into|to)\s+)?
        (?P<ov_a>{_WD})(?:\s+(?:to|into|and)\s+(?P<ov_b>{_WD}))?
      | (?P<ov_c>{_WD})\s+overnight\b | overnight\b"""),
    ("rl", rf"""(?:the\s+)?day\s+before\s+yesterday\b
      | (?:(?:late|early)\s+(?:on\s+)?)?yesterday(?:\s+(?:morning|afternoon|evening|night)\b|s(?=\s+[a-z])|\b)
      | (?:earlier|later|early|late)\s+today\b | today(?:s(?=\s+[a-z]))?\b | this\s+(?:morning|afternoon|evening)\b
      | (?:late\s+)?(?:tonight|last\s+night)(?:s(?=\s+[a-z]))?\b
      | (?P<rl_n>{_NUM})\s+(?P<rl_u>{_UNIT})\s+ago\b
      | (?:earlier\s+|later\s+)?this\s+week\b | last\s+week(?P<rl_we>end)?\b
      | (?:over\s+|at\s+)?(?:this|the)\s+weekend\b
      | earlier\s+this\s+(?P<rl_e>month|year)\b | last\s+(?P<rl_l>month|year)(?:s(?=\s+\w))?\b"""),  # "last months loss": a possessive whose apostrophe was stripped
    ("an", rf"""(?:on\s+)?(?:the\s+(?:previous|following|next|same)\s+(?:day|night|morning|evening)
      | the\s+(?:day|week|month|year)\s+(?:before|after) | {_NUM}\s+{_UNIT}\s+(?:earlier|later|before|after)
      | (?:earlier|later)\s+(?:in|on)\s+the\s+(?:day|morning|afternoon|evening)
      | that\s+(?:day|night|morning|evening))\b"""),
    ("pd", rf"""(?:(?:over|in|during|within|for|throughout|across)\s+)?
        (?:the\s+(?:past|last|previous|preceding)\s+(?:(?P<pd_n>{_NUM})[-\s]+)?|(?:past|last|previous)\s+(?P<pd_n2>{_NUM})[-\s]+)
        (?P<pd_u>{_UNIT})
      | (?:so\s+far\s+)?this\s+(?P<pd_t>year|month)\b
      | in\s+recent\s+(?:days|weeks|months|years)\b
      | (?:(?:during|in|throughout|over|of)\s+)?(?:the|a|an|its|their|this)\s+
        (?:{_NUM}[-\s](?:day|week|month|year)s?(?:[-\s]long|[-\s]old)?|(?:day|week|month|year)s?[-\s]long)\s+
        (?:[\w'-]+\s+){{0,2}}?{_CONFLICT}
      | (?:(?:during|in|over|after)\s+)?(?:{_NUM}|\d+)\s+(?:days|weeks|months|years)\s+of\s+(?:[\w'-]+\s+)?{_CONFLICT}
      | throughout\s+the\s+(?:entire\s+|whole\s+)?{_CONFLICT}"""),
    ("yr", rf"""(?:between|from)\s+(?P<yr_a>{_YEAR})\s*(?:and|to|until|-|–)\s*(?P<yr_b>{_YEAR})
      | (?:(?P<yr_prep>in|during|throughout|by|until|till|before|after|of|for|since)\s+)?
        (?:(?P<yr_part>{_PART})[-\s]\s*)?(?P<yr_the>(?:the|an?)\s+(?:year\s+)?)?
        (?P<yr_y>{_YEAR})(?:\s*[-–]\s*(?P<yr_y2>{_YEAR}|\d\d(?!\d)))?
        (?P<yr_noun>(?=\s+(?-i:[a-z])))?(?!\s+(?:deaths|casualties|dead|killed|wounded|injured)\b)"""),
    ("mo", rf"""(?:(?:(?P<mo_in>in|during|by|until|till)|(?P<mo_prep>throughout|from|before|after|of))\s+)?
        (?:(?P<mo_part>{_PART})[-\s]\s*)?(?:(?P<mo_rel>last|this|next)\s+)?(?P<mo_m>{_MONTH})
        (?:,?\s+(?P<mo_y>{_YEAR})|(?(mo_in)(?!\s+{_DAY}{_NOT_COUNT})|(?!\s+{_DAY}{_NOT_COUNT_Y})))"""),
    ("wd", rf"""(?:(?P<wd_pre>last|this|next|past|early|late|before\s+dawn(?:\s+on)?|(?:early|late)\s+on|on)\s+)?
        (?:(?:on\s+)?the\s+(?:morning|afternoon|evening|night)\s+of\s+(?:last\s+)?)?
        (?P<wd_n>{_WD_OWN})(?:\s+(?:morning|afternoon|evening|night|dawn|midday|noon)\b)?"""),
]
_RX = re.compile(r"(?<![\w-])(?:" + "|".join(f"(?P<{n}>{p})" for n, p in _ALTS) + ")",
                 re.IGNORECASE | re.VERBOSE)

# Every mention holds an anchor (a digit, a month, or one of these stems); the
# full pattern is tried only at likely first words shortly before an anchor.
_ANCHOR = re.compile(r"\d+|day|night|week|month|year|hour|ago\b|since|recent|morning|afternoon"
                     r"|evening|throughout")
_ANCHOR_MONTH = re.compile(r"[JFMASOND](?:an|eb|ar|pr|ay|un|ul|ug|ep|ct|ov|ec)")
_WORD = re.compile(r"(?<![\w-])\w+")
_STARTERS = frozenset(set(_NUMWORDS) | set(_WEEKDAYS) | set(_MONTHS) | set(_TENS) | set((
    "on since overnight the day late early earlier later today this tonight last yesterday over at "
    "yesterdays todays tonights "  # possessives whose apostrophe was stripped ("yesterdays attack")
    "in during within for throughout across so past previous preceding between from by until till "
    "before after of mid end beginning start middle first second spring summer autumn fall winter next "
    "its their that hours days couple few several").split()))
_CHAIN = _STARTERS | {"and", "to", "dawn", "far", "half"}
_BACK = 64


def _matches(text: str):
    low = text.lower()
    if len(low) != len(text):  # exotic case mapping: plain scan
        yield from _RX.finditer(text)
        return
    pos = 0
    anchors = {m.start() for m in _ANCHOR.finditer(low)}
    anchors.update(m.start() for m in _ANCHOR_MONTH.finditer(text))
    for a in sorted(anchors):
        if a < pos:
            continue
        words = []
        for w in _WORD.finditer(low, max(pos, a - _BACK)):
            if w.start() > a:
                break
            words.append(w)
        i = len(words) - 1  # walk back over the words a mention can hold before its anchor
        while i > 0 and (words[i - 1].group() in _CHAIN or words[i - 1].group()[0].isdigit()):
            i -= 1
        for j in range(max(i, 0), len(words)):
            s, word = words[j].start(), words[j].group()
            if s < pos or (j < len(words) - 1 and word not in _STARTERS and not word[0].isdigit()):
                continue
            m = _RX.match(text, s)
            if m:
                yield m
                pos = m.end()


# ------------------------------------------------------------------ helpers
def _num(s: str | None) -> int | None:
    parts = (s or "1").lower().replace("-", " ").split()
    if "couple" in parts:
        return 2
    if len(parts) == 1 and parts[0].isdecimal():
        return int(parts[0])
    return sum(_NUMWORDS[p] for p in parts) if all(p in _NUMWORDS for p in parts) else None


def _weekday(p: dt.date, name: str, pre: str = "") -> dt.date:
    return weekday_back(p, _WEEKDAYS[name.lower()], pre)


# ------------------------------------------------------------------ handlers
def _h_ex(g, p, t):
    if g["ex_iy"]:
        return fmt(dt.date(int(g["ex_iy"]), int(g["ex_im"]), int(g["ex_id"])))
    if g["ex_m1"]:
        day, day2, mon, yr = g["ex_d1"], g["ex_d1b"], g["ex_m1"], g["ex_y1"]
    else:
        day, day2, mon, yr = g["ex_d2"], g["ex_d2b"], g["ex_m2"], g["ex_y2"]
    m = _MONTHS[mon.lower().rstrip(".")]
    d1, d2 = int(day.rstrip("stndrh")), int((day2 or day).rstrip("stndrh"))
    dt.date(2000, m, max(d1, d2))  # validates the day (leap year allows Feb 29)
    y = latest_year(p, int(yr) if yr else None,
                     lambda yy: dt.date(yy, m, min(d1, calendar.monthrange(yy, m)[1])))
    return None if y is None else fmt(dt.date(y, m, d1), dt.date(y, m, d2))


def _h_mo(g, p, t):
    m = _MONTHS[g["mo_m"].lower()]
    if not (g["mo_y"] or g["mo_in"] or g["mo_prep"] or g["mo_part"] or g["mo_rel"]):
        raise ValueError("bare month")
    if (g["mo_rel"] or "").lower() == "next" and not g["mo_y"]:
        return None
    y = int(g["mo_y"]) if g["mo_y"] else None
    if y is None and p is not None and (g["mo_rel"] or "").lower() == "last" and m == p.month:
        y = p.year - 1
    y = latest_year(p, y, lambda yy: month_part(yy, m, g["mo_part"])[0])
    return None if y is None else fmt(*month_part(y, m, g["mo_part"]))


def _h_yr(g, p, t):
    if g["yr_a"]:
        return fmt(dt.date(int(g["yr_a"]), 1, 1), dt.date(int(g["yr_b"]), 12, 31))
    if not (g["yr_prep"] or g["yr_part"] or (g["yr_the"] and g["yr_noun"] is not None)):
        raise ValueError("bare year")
    y = int(g["yr_y"])
    a, b = year_part(y, g["yr_part"])
    if g["yr_y2"]:
        y2 = int(g["yr_y2"]) if len(g["yr_y2"]) == 4 else y // 100 * 100 + int(g["yr_y2"])
        if y2 <= y:
            raise ValueError("bad year range")
        b = dt.date(y2, 12, 31)
    return fmt(a, b)


def _h_wd(g, p, t):
    return None if p is None else fmt(_weekday(p, g["wd_n"], (g["wd_pre"] or "").lower()))


def _h_ov(g, p, t):
    if p is None:
        return None
    if g["ov_a"] is None and g["ov_c"] is None:
        return fmt(p - D(1), p)
    if g["ov_b"]:
        d2 = _weekday(p, g["ov_b"])
        return fmt(d2 - D((_WEEKDAYS[g["ov_b"].lower()] - _WEEKDAYS[g["ov_a"].lower()]) % 7), d2)
    d = _weekday(p, g["ov_a"] or g["ov_c"])
    if (g["ov_into"] or "").lower() == "into" or d + D(1) > p:
        return fmt(d - D(1), d)
    return fmt(d, d + D(1))


def _h_rl(g, p, t):
    if p is None:
        return None
    t = " ".join(t.lower().split())
    if g["rl_u"]:
        n, u = _num(g["rl_n"]), g["rl_u"].lower().rstrip("s")
        if n is None:
            return None
        if u in ("hour", "day"):
            return fmt(p - D(n if u == "day" else -(-n // 24)), None if u == "day" else p)
        if u == "week":
            return fmt(p - D(7 * n + 3), p - D(7 * n - 3))
        if u == "month":
            d = add_months(p, -n)
            return fmt(*month_range(d.year, d.month))
        return fmt(*year_part(p.year - n, None))
    if "before yesterday" in t:
        return fmt(p - D(2))
    if "yesterday" in t or "last night" in t:
        return fmt(p - D(1))
    if g["rl_e"]:
        return fmt(period_start(p, g["rl_e"]), p)
    if g["rl_l"]:
        d = p.replace(day=1) - D(1)
        return fmt(*(month_range(d.year, d.month) if g["rl_l"].lower() == "month"
                      else year_part(p.year - 1, None)))
    if "weekend" in t:
        sat = p - D((p.weekday() - 5) % 7)
        while g["rl_we"] and sat + D(1) >= p:
            sat -= D(7)
        return fmt(sat, min(sat + D(1), p))
    monday = period_start(p, "week")
    if "last week" in t:  # the seven days before: in news copy it reaches into this calendar week
        return fmt(p - D(7), p - D(1))
    if "this week" in t:  # GUIDE: "earlier this week" runs from the week's first day to the day before
        if "earlier" in t.lower():
            return fmt(monday, p - D(1)) if p > monday else fmt(p - D(7), p - D(1))
        return fmt(monday, p)
    return fmt(p)  # today, tonight, this morning ...


def _h_pd(g, p, t):
    if p is None:
        return None
    if g["pd_t"]:
        return fmt(period_start(p, g["pd_t"]), p)
    n = _num(g["pd_n"] or g["pd_n2"]) if g["pd_u"] else None
    if n is None:
        return None
    u = g["pd_u"].lower().rstrip("s")
    if u == "hour":
        return fmt(p - D(max(1, -(-n // 24))), p)
    if u in ("day", "week"):
        return fmt(p - D(n * (7 if u == "week" else 1)), p)
    return fmt(add_months(p, -n * (12 if u == "year" else 1)), p)


def _h_sn(g, p, t):
    if p is None:
        return None
    start = period_start(p, g["sn_per"]) if g["sn_per"] else None
    if g["sn_d"]:  # resolve the date after "since" as if it followed "in"
        frag = "in " + g["sn_d"]
        m = _RX.search(frag)
        v = _value(m, p) if m and m.lastgroup not in ("sn", "an") else None
        start = dt.date.fromisoformat(v.split("/")[0]) if v else None
    return fmt(start, p) if start and start <= p else None


_HANDLERS = {"ex": ("explicit", _h_ex), "mo": ("month", _h_mo), "yr": ("year", _h_yr),
             "wd": ("weekday", _h_wd), "ov": ("overnight", _h_ov), "rl": ("relative", _h_rl),
             "pd": ("period", _h_pd), "sn": ("since", _h_sn), "an": ("anaphoric", lambda g, p, t: None)}


def _value(m: re.Match, p: dt.date | None) -> str | None:
    return _HANDLERS[m.lastgroup][1](m.groupdict(), p, m.group(0))


def _coerce_date(published) -> dt.date | None:
    if isinstance(published, dt.datetime):
        return published.date()
    if isinstance(published, str):
        try:
            published = dt.date.fromisoformat(published.strip()[:10])
        except ValueError:
            return None
    return published if isinstance(published, dt.date) else None


def find_time_mentions(text: str, published: dt.date | None) -> list[TimeMention]:
    """Time mentions in ``text``, sorted by start and non-overlapping.

    Never raises: a match whose date is impossible ("February 30") is skipped.
    """
    if not isinstance(text, str) or not text:
        return []
    p = _coerce_date(published)
    out: list[TimeMention] = []
    for m in _matches(text):
        try:
            value = _value(m, p)
        except (ValueError, OverflowError, KeyError, AttributeError):
            continue
        out.append(TimeMention(m.start(), m.end(), m.group(0), value, _HANDLERS[m.lastgroup][0]))
    return _joined_spans(text, out)


# "between March 31 and October 22", "from 3 May to 9 May": two days that bound one span
_SPAN_OPEN = re.compile(r"\b(?:between|from)\s+$", re.I)
_SPAN_JOIN = re.compile(r"\s*,?\s*(?:and|to|until|till|through|-|–)\s*$", re.I)


def _joined_spans(text: str, found: list[TimeMention]) -> list[TimeMention]:
    """Two named days joined as the bounds of one span ("between March 31 and October 22") are one mention of
    the span, from the first day to the second: a period when longer than three days, not two days of harm."""
    out: list[TimeMention] = []
    i = 0
    while i < len(found):
        a = found[i]
        b = found[i + 1] if i + 1 < len(found) else None
        opened = _SPAN_OPEN.search(text, max(0, a.start - 10), a.start)
        if (b is not None and opened and a.kind == b.kind == "explicit" and a.value and b.value
                and "/" not in a.value and "/" not in b.value and a.value < b.value
                and _SPAN_JOIN.fullmatch(text, a.end, b.start)):
            days = (dt.date.fromisoformat(b.value) - dt.date.fromisoformat(a.value)).days
            start = opened.start()
            out.append(TimeMention(start, b.end, text[start:b.end], f"{a.value}/{b.value}",
                                   "explicit" if days <= 3 else "period"))
            i += 2
            continue
        out.append(a)
        i += 1
    return out
