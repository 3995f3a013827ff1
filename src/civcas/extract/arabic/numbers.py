"""Arabic numbers: Western, Arabic-Indic and Persian digits (folded to Western ones), thousands
separators, number words in every gender and case, compounds ("اثنين وعشرين" = 22, "ثلاثة عشر" =
13, "الف ومئة واربعين" = 1140) and mixed forms ("أربعة آلاف و312" = 4312, "12 ألفا و500" = 12500,
"300 ألف"), and the vague quantities ("عشرات", "مئات", "عدد من").

    >>> from civcas.extract.arabic.tokens import Sent
    >>> read_number(Sent("قتل اثنين وعشرين مدنيا").tokens, 1).value
    22
"""
from __future__ import annotations

from dataclasses import dataclass

from ..numbers import MAX_DIGITS, MAX_FIGURE
from .lexicon import HUNDREDS, TENS, THOUSANDS, UNITS, VAGUE_BEFORE, VAGUE_WORDS
from .tokens import Token

_ALONE = {k: v for k, v in UNITS.items() if k not in ("احد", "احدي", "اثنا", "اثنتا", "اثني")}
_TEEN = ("عشر", "عشره")


@dataclass(frozen=True)
class Number:
    """A number read at tokens first..last (inclusive); ``value`` None for a vague quantity."""

    value: int | None
    first: int
    last: int
    words: bool = False  # written in words (not digits)


def _word(tok: Token, article: bool = False) -> str | None:
    """The number word a token is (proclitic و taken off; the article only when ``article``)."""
    w = tok.text
    if not tok.word:
        return None
    if w.startswith("و") and len(w) > 3 and (w[1:] in _ALONE or w[1:] in TENS or w[1:] in HUNDREDS
                                              or w[1:] in THOUSANDS):
        w = w[1:]
    if article and w.startswith("ال") and w[2:] in _ALONE:
        w = w[2:]
    return w


def _term(toks: list[Token], i: int, first: bool) -> tuple[int, int] | None:
    """(value, last index) of one additive term at ``i``: digits, a unit (with "عشر": a teen, with
    "مئة": hundreds), tens or hundreds."""
    t = toks[i]
    if t.number:
        digits = t.text.replace(",", "").replace("٬", "").split(".")[0]
        if len(digits) > MAX_DIGITS:  # not a figure (and int() refuses > 4,300 digits)
            return None
        return int(digits), i
    w = _word(t)
    if w is None:
        return None
    nxt = toks[i + 1].text if i + 1 < len(toks) else ""
    if w in UNITS and (w in _ALONE or nxt in _TEEN):
        if nxt in _TEEN and UNITS[w] < 10:
            return UNITS[w] + 10, i + 1
        if nxt in ("ميه", "مايه") and UNITS[w] < 10:
            return UNITS[w] * 100, i + 1
        return UNITS[w], i
    if w in TENS:
        return TENS[w], i
    if w in HUNDREDS:
        return HUNDREDS[w], i
    if w in THOUSANDS and w != "الاف" and first:
        return 1, i - 1  # "الف" alone: one thousand (the multiplier is read next)
    return None


def read_number(toks: list[Token], i: int) -> Number | None:
    """The number that starts at token ``i`` (see module doc), or None."""
    if i >= len(toks):
        return None
    t = toks[i]
    if t.word and (t.text in VAGUE_WORDS or t.text[1:] in VAGUE_WORDS and t.text[0] in "وفبل"):
        return Number(None, i, i, True)
    total, current, j, words = 0, 0, i, False
    first = True
    while j < len(toks):
        term = _term(toks, j, first)
        if term is None:
            break
        value, last = term
        words = words or not toks[j].number
        first = False
        j = last + 1
        mult = _word(toks[j]) if j < len(toks) else None
        if mult in THOUSANDS:
            if mult == "الاف" or THOUSANDS[mult] > 1000 or mult in ("الف", "الفا"):
                total += (current + value) * THOUSANDS[mult]
            else:  # "الفان": two thousand
                total += (current + value) * THOUSANDS[mult] if value > 1 else THOUSANDS[mult]
            current = 0
            j += 1
        else:
            current += value
        # "و" + another term: attached ("وعشرين") or alone before digits ("و 500", "و500")
        if j < len(toks) and toks[j].text == "و" and j + 1 < len(toks) and toks[j + 1].number \
                and total and not current:
            j += 1  # "12 ألفا و500", "أربعة آلاف و312"; not "بين 10 و15"
            continue
        if j < len(toks) and toks[j].word and toks[j].text.startswith("و") and _term(toks, j, False) is not None \
                and toks[j].text[1:] not in ("احد",):
            continue
        break
    if j == i or total + current > MAX_FIGURE:
        return None
    return Number(total + current, i, j - 1, words)


def vague_before(text: str, at: int) -> bool:
    """Whether a vague quantity phrase ("عدد من", "العديد من") ends at folded offset ``at``."""
    head = text[max(0, at - 24):at].rstrip()
    return any(head.endswith(p) or head.endswith("و" + p) for p in VAGUE_BEFORE)
