"""Figures in text: digits, number words and vague amounts, with their qualifiers.

A figure becomes ``low``/``high``/``qualifier`` by the guide's arithmetic:
"more than 50" -> (51, None, more_than), "nearly 30" -> (None, 29, up_to) ...
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .tokens import Token

UNITS = {
    "zero": 0, "no": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19,
}
TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fourty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90,
}
SCALES = {"hundred": 100, "thousand": 1000, "million": 1_000_000, "billion": 1_000_000_000}
VAGUE = {
    "dozens", "scores", "hundreds", "thousands", "several", "many", "numerous", "tens",
    "tenths", "countless", "multiple",
}
# Tokens that may sit between a vague word and its noun ("hundreds of", "several dozen").
_VAGUE_LINK = {"of", "dozen", "more", "other", "others"}

# Qualifiers that precede a figure, longest first, as token tuples.
_PREFIX = [
    (("no", "fewer", "than"), "at_least"), (("not", "less", "than"), "at_least"),
    (("no", "less", "than"), "at_least"), (("a", "minimum", "of"), "at_least"),
    (("at", "least"), "at_least"),
    (("more", "than"), "more_than"), (("upwards", "of"), "more_than"), (("in", "excess", "of"), "more_than"),
    (("over",), "more_than"), (("well", "over"), "more_than"), (("well", "above"), "more_than"),
    (("just", "over"), "more_than"), (("exceeded",), "more_than"), (("exceeding",), "more_than"),
    (("surpassed",), "more_than"), (("topped",), "more_than"), (("above",), "more_than"),
    (("up", "to"), "up_to"), (("as", "many", "as"), "up_to"), (("as", "high", "as"), "up_to"),
    (("nearly",), "nearly"), (("almost",), "nearly"), (("close", "to"), "nearly"), (("just", "under"), "nearly"),
    (("about",), "about"), (("around",), "about"), (("roughly",), "about"), (("approximately",), "about"),
    (("an", "estimated"), "about"), (("estimated",), "about"), (("some",), "about"), (("approx",), "about"),
    (("a", "total", "of"), "exact"),
]
_QUOTES = {'"', "“", "”", "'", "‘", "’"}
# The largest figure read: ten billion, more than anyone's toll; a number with more digits
# (or above it after "million"/"billion") is not a figure, and no claim is made of it.
MAX_DIGITS = 15
MAX_FIGURE = 10_000_000_000

_DIGITS = re.compile(r"^\d{1,3}(?:,\d{3})+$|^\d+(?:\.\d+)?$")


_RANGE = re.compile(r"^(\d[\d,]*)[-–](\d[\d,]*)$")


@dataclass(frozen=True, slots=True)
class Figure:
    """A figure spanning tokens [first, last) (qualifier included)."""

    first: int
    last: int
    low: int | None
    high: int | None
    qualifier: str
    value: int | None  # the number as written (None when vague)
    num_first: int    # index of the number's first token (after the qualifier)


def _digit_value(tok: str) -> float | None:
    t = tok.split("-")[0]
    if not _DIGITS.match(t):
        return None
    t = t.replace(",", "")
    if len(t.split(".")[0]) > MAX_DIGITS:
        return None
    try:
        return float(t)
    except ValueError:
        return None


def _word_number(toks: list[Token], i: int) -> tuple[int | None, int]:
    """Number words starting at i ("twenty-two", "two hundred and five") -> (value, next index)."""
    total = 0
    current = 0
    j = i
    seen = False
    while j < len(toks):
        w = toks[j].lower
        parts = w.split("-")
        if len(parts) == 2 and parts[0] in TENS and parts[1] in UNITS:
            current += TENS[parts[0]] + UNITS[parts[1]]
        elif w in UNITS and w != "no":
            current += UNITS[w]
        elif w in TENS:
            current += TENS[w]
        elif w in SCALES and seen:
            scale = SCALES[w]
            if scale == 100:
                current = max(current, 1) * 100
            else:
                total += max(current, 1) * scale
                current = 0
        elif w == "and" and seen and j + 1 < len(toks) and (
            toks[j + 1].lower in UNITS or toks[j + 1].lower.split("-")[0] in TENS
        ) and current >= 100:
            j += 1
            continue
        else:
            break
        seen = True
        j += 1
    if not seen or total + current > MAX_FIGURE:
        return None, i
    return total + current, j


def _number_at(toks: list[Token], i: int) -> tuple[int | None, int, bool]:
    """(value, next index, vague) of a number starting at token i, or (None, i, False)."""
    w = toks[i].lower
    n = len(toks)
    nxt = toks[i + 1].lower if i + 1 < n else ""
    # digits, with an optional scale word: "1.9 million", "230000"
    v = _digit_value(w)
    if v is not None:
        if "-" in w:  # "5-year-old", "10-15" handled by the caller
            return None, i, False
        j = i + 1
        if nxt in ("million", "billion", "thousand"):
            v *= SCALES[nxt]
            j += 1
        if v != int(v) or v > MAX_FIGURE:
            return None, i, False
        return int(v), j, False
    # "a dozen", "two dozen", "half a dozen", "a quarter of a million", "half a million"
    if w in ("a", "an") and nxt == "dozen":
        return 12, i + 2, False
    if w == "half" and nxt == "a" and i + 2 < n and toks[i + 2].lower in ("dozen", "million"):
        return (6 if toks[i + 2].lower == "dozen" else 500_000), i + 3, False
    if w in ("a", "one") and nxt in ("quarter", "third") and i + 4 < n and toks[i + 2].lower == "of" \
            and toks[i + 3].lower in ("a", "one") and toks[i + 4].lower in ("million", "thousand"):
        frac = 4 if nxt == "quarter" else 3
        return SCALES[toks[i + 4].lower] // frac, i + 5, False
    if w in ("a", "one") and nxt in ("hundred", "thousand", "million"):
        return SCALES[nxt], i + 2, False
    value, j = _word_number(toks, i)
    if value is not None:
        if j < n and toks[j].lower == "dozen":
            return value * 12, j + 1, False
        return value, j, False
    # vague amounts
    if w in VAGUE or w == "dozen":
        j = i + 1
        while j < n and toks[j].lower in ("dozen", "dozens", "hundreds", "thousands", "of") and j - i < 4:
            if toks[j].lower == "of" and not (j + 1 < n and toks[j + 1].lower in ("thousands", "millions")):
                break
            j += 1
        return None, j, True
    if w in ("a", "an") and nxt in ("number", "handful") or (w == "a" and nxt in ("large", "big", "great", "small", "larger", "huge", "significant") and i + 2 < n and toks[i + 2].lower == "number"):
        j = i + 2 if nxt in ("number", "handful") else i + 3
        if j < n and toks[j].lower == "of":
            return None, j, True  # the noun phrase reads "of terrorists", "of them"
    if w in ("big", "large", "great", "huge") and nxt in ("numbers", "number") and i + 2 < n and toks[i + 2].lower == "of":
        return None, i + 2, True  # "killing big numbers of terrorists"
    if w == "numbers" and nxt == "of" and (i == 0 or toks[i - 1].lower in ("leaving", "killing", "left", "killed", "wounding")):
        return None, i + 1, True  # "leaving numbers of terrorists dead", "Numbers of terrorists were killed"
    return None, i, False


_PREFIX_BY_FIRST: dict[str, list] = {}
for _words, _qual in _PREFIX:
    _PREFIX_BY_FIRST.setdefault(_words[0], []).append((_words, _qual))


def _match_prefix(toks: list[Token], i: int) -> tuple[str | None, int]:
    for words, qual in _PREFIX_BY_FIRST.get(toks[i].lower, ()):
        k = len(words)
        if tuple(t.lower for t in toks[i:i + k]) == words:
            j = i + k
            while j < len(toks) and toks[j].text in _QUOTES:
                j += 1
            return qual, j
    return None, i


def _bounds(value: int | None, qualifier: str) -> tuple[int | None, int | None, str]:
    if value is None:
        return None, None, "vague"
    if qualifier == "at_least":
        return value, None, "at_least"
    if qualifier == "more_than":
        return value + 1, None, "more_than"
    if qualifier == "up_to":
        return None, value, "up_to"
    if qualifier == "nearly":
        return None, value - 1, "up_to"
    if qualifier == "about":
        return value, value, "about"
    return value, value, "exact"


def find_figures(toks: list[Token]) -> list[Figure]:
    """Every figure in a token list, left to right, non-overlapping."""
    out: list[Figure] = []
    i = 0
    n = len(toks)
    while i < n:
        w = toks[i].lower
        if w not in _STARTS and not w[:1].isdigit():  # most words start no figure: a set test first
            i += 1
            continue
        qual, j = _match_prefix(toks, i)
        if qual == "about" and toks[i].lower == "some" and j < n and _number_at(toks, j)[2]:
            qual = None  # "some dozens" stays vague
        start = i
        k = j if qual else i
        if k >= n:  # a qualifier at the very end ("... killed, at least")
            break
        # "between X and Y", "X to Y", "X-Y", "X or Y"
        if toks[k].lower == "between" and k + 1 < n:
            a, ka, va = _number_at(toks, k + 1)
            if a is not None and ka + 1 < n and toks[ka].lower == "and":
                b, kb, vb = _number_at(toks, ka + 1)
                if b is not None and b > a:
                    out.append(Figure(start, kb, a, b, "range", a, k + 1))
                    i = kb
                    continue
        rng = _RANGE.match(toks[k].text)
        if rng:
            a, b = (int(x.replace(",", "")) if len(x.replace(",", "")) <= MAX_DIGITS
                    else MAX_FIGURE + 1 for x in rng.groups())
            if a < b <= MAX_FIGURE:
                out.append(Figure(start, k + 1, a, b, "range", a, k))
            i = k + 1
            continue
        if _clock(toks, k):  # "as of 16:45": a time of day
            i = k + 1
            continue
        if toks[k].lower in ("one", "a", "an") and k + 1 < n and toks[k + 1].lower in ("family", "household"):
            i = k + 1  # "one family", "a family": not one person (a family OF four is read by the caller)
            continue
        if toks[k].lower == "from" and k > 0 and toks[k - 1].lower in ("ranging", "ranged", "range", "varying"):
            q = k + 1
            while q < n and toks[q].lower in ("about", "around", "some", "roughly", "approximately", "nearly"):
                q += 1
            a, ka, _va = _number_at(toks, q) if q < n else (None, k, False)
            if a is not None and ka + 1 < n and toks[ka].lower == "to":
                b, kb, _vb = _number_at(toks, ka + 1)
                if b is not None and b > a:
                    out.append(Figure(start, kb, a, b, "range", a, k + 1))  # "tolls ranging from 500 to 1300"
                    i = kb
                    continue
        value, end, vague = _number_at(toks, k)
        if value is None and not vague:
            i = (j if qual else i) + 1 if not qual else i + 1
            continue
        if value is not None and end + 1 < n and toks[end].lower in ("to", "or") :
            b, kb, vb = _number_at(toks, end + 1)
            if b is not None and b > value and not (qual and qual != "exact"):
                out.append(Figure(start, kb, value, b, "range", value, k))
                i = kb
                continue
        if value is not None and end + 2 < n and toks[end].lower == "or" and toks[end + 1].lower in ("more",):
            out.append(Figure(start, end + 2, value, None, "at_least", value, k))
            i = end + 2
            continue
        low, high, q = _bounds(value, qual or "exact")
        out.append(Figure(start, end, low, high, q, value, k))
        i = max(end, i + 1)
    return out


def _clock(toks: list[Token], k: int) -> bool:
    """Whether the digits at ``k`` are part of a time of day ("16:45", "0147 PM", "1130 GMT")."""
    t = toks[k].text
    if not t.isdigit():
        return False
    after = k + 2 < len(toks) and toks[k + 1].text == ":" and toks[k + 2].text.isdigit()
    before = k >= 2 and toks[k - 1].text == ":" and toks[k - 2].text.isdigit()
    marked = len(t) in (3, 4) and int(t[:-2]) < 24 and int(t[-2:]) < 60 and k + 1 < len(toks) \
        and toks[k + 1].text in _CLOCK_MARKS
    return after or before or marked


_CLOCK_MARKS = frozenset({"AM", "PM", "am", "pm", "GMT", "UTC", "hrs", "a.m.", "p.m.", "a.m", "p.m"})


# every word a figure (or its qualifier) can start with; digits start one too
_STARTS = frozenset(set(UNITS) | set(TENS) | set(SCALES) | VAGUE | {w for words, _q in _PREFIX for w in words[:1]}
                    | {"a", "an", "half", "between", "from", "dozen", "big", "large", "great", "huge", "numbers"}
                    | {f"{t}-{u}" for t in TENS for u in UNITS})
