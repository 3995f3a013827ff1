"""Lookup keys of a place name: the spelling variants reporters use fold to one key.

Three levels, from strict to loose; a mention is looked up level by level and
the first level with a hit wins:

- ``exact`` (``=``): ASCII-folded, lower-cased, spaces/hyphens/apostrophes gone
  ("Deir ez-Zor", "Deir Ezzor", "Deir ez Zor" -> ``=deirezzor``).
- ``fold`` (``~``): also drops Arabic articles (al-/el-/ar-/as-/ad-/ash-/az-/ez-...,
  hyphenated, spaced, or assimilated as in "Ezzor"), folds a final -ah/-eh/-a/-e,
  a final -y/-i, ee/i, ou/oo/o/u, ei/ey/ai/ay, aw before a consonant, q/k, kh/h, dh/d, th/t,
  dj/j, -iyah/-ia, and doubled letters ("Dayr az Zawr" and "Deir ez-Zor" ->
  ``~dayrzur``; "Raqa", "Raqqa", "Ar-Raqqah" -> ``~raka``; "Idleb" -> ``~idlib``).
- ``skel`` (``#``): the fold key without its vowels after the first letter, for
  vowel spellings the fold does not cover; only keys of 3+ consonants.

Arabic names get keys of their own at the same levels: ``exact`` is the name
folded (:mod:`civcas.vocab.arabic`: vowel marks, alef and hamza forms, ta
marbuta, alef maqsura) without spaces, ``fold`` also drops each word's article
("الرقّة", "رقه" -> ``~رقه``), and ``skel`` is the consonant skeleton of its
Latin transliteration, the same key as the name's English spellings ("سقبا" and
"Saqba" -> ``#skb``), so a village GeoNames lists only in Latin letters is found.

The rules are systematic (no name is typed in here); the build script applies
the same functions to every gazetteer name, so both sides meet on the keys.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from ..vocab.arabic import fold as arabic_fold
from ..vocab.arabic import has_arabic, to_latin, word_key

EXACT, FOLD, SKEL = "=", "~", "#"
WORD = "^"  # an Arabic name that is mostly a common word: looked up only where a place is expected
LEVELS = (EXACT, FOLD, SKEL)
MIN_FOLD = 4  # a shorter fold key is only used when it is the exact key
LEVEL_NAMES = {EXACT: "exact", FOLD: "spelling variant", SKEL: "vowel variant"}

# Arabic definite article in its sun-letter forms, and Turkish/French-style spellings
ARTICLES = frozenset(
    "al el ar as ad ash az ez an at ath adh es ed en er et ul il ad-".split()
)
_SPECIAL = str.maketrans({
    "ı": "i", "ł": "l", "ø": "o", "ß": "ss", "æ": "ae", "œ": "oe", "đ": "d", "ħ": "h",
    "ð": "d", "þ": "th", "ŧ": "t", "ŀ": "l",
})
_DROP = re.compile(r"[’‘'`´ʿʾʼʻ\u02bc\u02bf\u02be\"]")
_SPLIT = re.compile(r"[^a-z0-9]+")
# assimilated article glued to a later word: "Ezzor", "Assusah", "Arraqqa"
_GLUED = re.compile(r"^[ae](sh|th|dh|[tdrszn])(?=\1)")
_FINAL = re.compile(r"(?<=..)(?:[ae]h?)$")
_FINAL_Y = re.compile(r"(?<=[^aeiou])y$")  # Qamishly / Qamishli
_DIGRAPHS = (
    ("iy", "i"), ("dj", "j"), ("kh", "h"), ("dh", "d"), ("th", "t"), ("ph", "f"),
    ("q", "k"), ("ck", "k"),
    ("ee", "i"), ("ie", "i"), ("ou", "u"), ("oo", "u"),
    ("ei", "ay"), ("ey", "ay"), ("ai", "ay"),
)
_AW = re.compile(r"aw(?![aeiou])")
_DOUBLE = re.compile(r"(.)\1+")
_VOWELS = re.compile(r"(?<=.)[aeiouyw]+")


def ascii_fold(text: str) -> str:
    """Lower-case ASCII letters/digits of ``text``; diacritics and apostrophes dropped."""
    text = _DROP.sub("", text.lower().translate(_SPECIAL))
    if text.isascii():
        return text  # nothing to decompose
    text = unicodedata.normalize("NFKD", text)
    return "".join(c for c in text if not unicodedata.combining(c))


def tokens(text: str) -> list[str]:
    """Words of ``text`` after :func:`ascii_fold` (non-Latin letters drop out)."""
    return list(_tokens(text))


@lru_cache(maxsize=65536)  # a name's exact and fold keys both start from its words
def _tokens(text: str) -> tuple[str, ...]:
    return tuple(t for t in _SPLIT.split(ascii_fold(text)) if t)


def exact_key(text: str) -> str:
    return "".join(_tokens(text))


def _fold_token(tok: str, first: bool) -> str:
    # (each expression runs only on a word it can change: _GLUED needs a first "a" or "e", _FINAL_Y a
    # final "y", after which _FINAL, which needs a final "a", "e" or "h", cannot match)
    if not first and tok[:1] in ("a", "e"):
        tok = _GLUED.sub("", tok)
    if len(tok) > 3:
        last = tok[-1]
        if last == "y":
            tok = _FINAL_Y.sub("i", tok)
        elif last in ("a", "e", "h"):
            tok = _FINAL.sub("a", tok)
    return tok


@lru_cache(maxsize=65536)
def fold_key(text: str) -> str:
    """The spelling-variant key of ``text`` (cached: the same names recur across a corpus)."""
    words = _tokens(text)
    kept = [w for w in words if w not in ARTICLES] or words
    s = "".join([_fold_token(w, i == 0) for i, w in enumerate(kept)])
    s = _undouble(s)
    for a, b in _DIGRAPHS:
        if a in s:  # (most keys hold few of them)
            s = s.replace(a, b)
    s = s.replace("o", "u").replace("e", "i")
    if "aw" in s:  # (in every match)
        s = _AW.sub("u", s)
    return _undouble(s)


def _undouble(s: str) -> str:
    """``s`` with each run of one letter as one ("raqqa" -> "raqa")."""
    return _DOUBLE.sub(_first, s) if _DOUBLE.search(s) else s  # (a search is cheaper than a sub)


def _first(m: re.Match[str]) -> str:
    """A match's first group: what a replacement template "\\1" gives, with no template to expand
    (Python 3.11 expands a template in Python code, twice as slow on these short keys)."""
    return m.group(1)


def skel_key(fold: str) -> str:
    """Consonant skeleton of a fold key ("" when it would be too short to trust)."""
    s = _undouble(_VOWELS.sub("", fold))
    return s if len(s) >= 3 and not s.isdigit() else ""


def keys(text: str) -> list[str]:
    """Every lookup key of ``text``, level-prefixed, strictest first, no duplicates (cached)."""
    return list(_keys(text))


@lru_cache(maxsize=65536)
def _keys(text: str) -> tuple[str, ...]:
    if has_arabic(text):
        return _arabic_keys(text)
    exact = exact_key(text)
    if not exact:
        return ()
    fold = fold_key(text)
    out = [EXACT + exact]
    if fold and (len(fold) >= MIN_FOLD or fold == exact):  # "Aaaa Bbbb" must not fold to "ab"
        out.append(FOLD + fold)
        skel = skel_key(fold)
        if skel:
            out.append(SKEL + skel)
    return tuple(out)


_NOT_KEY = re.compile(r"[^\w]|[_\d]")


def _arabic_keys(text: str) -> tuple[str, ...]:
    """The keys of an Arabic name (see module doc); a name of fewer than three letters has none."""
    exact = _NOT_KEY.sub("", arabic_fold(text))
    if len(exact) < 3:
        return ()
    out = [EXACT + exact]
    fold = _NOT_KEY.sub("", word_key(text))
    if len(fold) >= 3:
        out.append(FOLD + fold)
    skel = skel_key(fold_key(to_latin(text)))
    if skel:
        out.append(SKEL + skel)
    return tuple(out)


def word_level_key(text: str) -> str:
    """The ``^`` key of an Arabic name that is mostly a common word ("التحالف", "شمال"): the
    gazetteer build indexes such a name under it alone."""
    return WORD + _NOT_KEY.sub("", arabic_fold(text))
