"""Find the vocabulary's names in a text: word by word, leftmost-longest, in time linear in the text.

A spelling is a sequence of words; it matches the same words in the text, case-insensitively, where
a space also matches a hyphen or a line break ("US-led" = "US led") and apostrophes are ignored
("Assad's" = "Assads", as in copy whose punctuation was stripped). An all-capitals spelling ("AP",
"UN", "IS") matches only in capitals. ``re:`` patterns of a row are regular expressions, run
separately (there are few). Arabic words match with an attached proclitic (و ف ب ل ك) and the
article (ال, or "لل" after ل) taken off or put on: see :func:`arabic_forms`.

Each text word is looked up once in a table keyed by the first word of every spelling, so the cost
is linear in the text whatever the size of the vocabulary.
"""
from __future__ import annotations

import re
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from typing import TypeVar

from .arabic import fold
from .gates import gates as _gates
from .gates import needle as _needle

_AR_LETTER = "\u0621-\u064a\u066e-\u06d3\u06fa-\u06ff"
_AR = re.compile(f"[{_AR_LETTER}]")
# a word: letters, digits and the dots and apostrophes inside names ("U.S.", "Assad's"); hyphens split
_AR_MARK = "\u064b-\u065f\u0670\u0640"  # harakat, dagger alef, tatweel: inside a word ("قوّات")
# (a final dot belongs to a Latin abbreviation only: "غزة." at a sentence's end is the word "غزة")
# (written as runs of word letters joined by inner dots: the same words as "(?:[...]|\.(?=\w))*", faster)
_WORD = re.compile(rf"[\w{_AR_LETTER}][\w{_AR_LETTER}{_AR_MARK}'’]*(?:\.(?=\w)[\w{_AR_LETTER}{_AR_MARK}'’]*)*"
                   rf"(?:(?<![{_AR_LETTER}{_AR_MARK}])\.)?")
_SPACE = re.compile(r"[\s\-–]+")  # what may stand between the words of a name
_ARABIC_BLOCK = re.compile("[\u0600-\u06ff]")  # what :func:`_arabic` tests a word's first letter for
_DIACRITICS = re.compile("[\u064b-\u0652\u0670\u0640]")  # harakat, dagger alef, tatweel


@dataclass(frozen=True)
class Entry:
    """One spelling of one row: where it applies (``theatre``: empty is everywhere)."""

    row: str
    theatre: tuple[str, ...] = ()
    local: bool = False


def norm_ar(word: str) -> str:
    """An Arabic word folded (:func:`civcas.vocab.arabic.fold`): no diacritics, one alef, hamza
    seats, ta marbuta as ha, alef maqsura as ya, Persian letters as Arabic ones."""
    return fold(word)


def arabic_forms(word: str) -> list[str]:
    """The forms an Arabic text word may take in a spelling: itself, and without its proclitics and
    article ("والتحالف" -> "التحالف", "تحالف"; "للتحالف" -> "التحالف")."""
    w = norm_ar(word)
    out = [w]
    rest = w
    if len(rest) > 3 and rest[0] in "وف":
        rest = rest[1:]
        out.append(rest)
    if len(rest) > 3 and rest[0] in "بكل":
        if rest.startswith("لل") and len(rest) > 4:
            out.append("ال" + rest[2:])
        rest = rest[1:]
        out.append(rest)
    if rest.startswith("ال") and len(rest) > 4:
        out.append(rest[2:])
    return out


def _arabic(word: str) -> bool:
    return "\u0600" <= word[0] <= "\u06ff"


def _key(word: str) -> str:
    """A text or spelling word as the table keys it."""
    if _arabic(word):
        return norm_ar(word)
    if "'" in word or "’" in word:
        word = re.sub(r"['’]s$", "", word).replace("’", "").replace("'", "")  # "Syria's" is "Syria"
    return word.lower().rstrip(".") or word.lower()


class _Scanned:
    """A text's words (start, end, word) and their keys, read once per text for every table, with
    what :meth:`Matcher._walk` asks of them indexed: where each key occurs, the all-capitals words
    (also keyed as written, "=IS"), the capitalised words that may be possessives without their
    apostrophe ("Observatorys": "~observatory"), the Arabic words."""

    __slots__ = ("words", "keys", "at", "caps", "caps_at", "lost", "arabic")

    def __init__(self, text: str):
        ws = _WORD.findall(text)
        words = []
        find = text.find
        end = 0
        for w in ws:  # each word found again from the last one's end (nothing between two words starts one)
            start = find(w, end)
            end = start + len(w)
            words.append((start, end, w))
        # rare cases (apostrophes, a final dot, Arabic) keyed by _key, the rest lower-cased
        keys = [_key(w) if "'" in w or "’" in w or w[-1] == "." or "\u0600" <= w[0] <= "\u06ff" else w.lower()
                for w in ws]
        at: dict[str, list[int]] = {}
        for i, k in enumerate(keys):
            hit = at.get(k)
            if hit is None:
                at[k] = [i]
            else:
                hit.append(i)
        self.words = words
        self.keys = keys
        self.at = at
        # (a second letter in lower case says at once that a word is not all capitals)
        self.caps = [(i, "=" + c) for i, w in enumerate(ws)
                     if w[:1].isupper() and not w[1:2].islower() and (c := _cap_stem(w))]
        self.caps_at = dict(self.caps)
        # (a word whose tail is lower case is never all capitals: no word is in both)
        self.lost = {i: "~" + w[:-1].lower() for i, w in enumerate(ws)
                     if len(w) > 4 and w[-1] == "s" and w[-2] != "s" and w[0].isupper() and w[1:].islower()}
        self.arabic = tuple(j for j, w in enumerate(ws) if _arabic(w)) if _ARABIC_BLOCK.search(text) else ()


def _cap_stem(word: str) -> str | None:
    """An all-capitals word as written, a possessive's stem included ("SANA's" is "SANA"); else None."""
    stem = word[:-2] if word.endswith(("'s", "’s")) else word
    return stem.rstrip(".") if len(stem) > 1 and stem.isupper() else None


def _scanned(text: str) -> _Scanned:
    s = scratch()
    if s is None:
        return _scanned_kept(text)
    return remember_in(s, ("scanned", text), lambda: _Scanned(text))


@lru_cache(maxsize=32)
def _scanned_kept(text: str) -> _Scanned:
    """A text's words, for the matchers that read it one after another (a few texts deep: what each
    matcher found is kept on the matcher, 2,048 texts deep). Kept 2,048 deep, a report's scans (some
    fifty objects a sentence) outlived it and every collection of the young objects walked them:
    half of what extraction leaves behind (decisions §15.14)."""
    return _Scanned(text)


_STATE = threading.local()
_INSIDE = [0]  # how many threads are inside transient(): none, and no thread has a scratch memo (a quick test)
_INSIDE_LOCK = threading.Lock()
T = TypeVar("T")


def scratch() -> dict | None:
    """Inside :func:`transient` (in this thread), the memo that lives as long as it; else None."""
    if not _INSIDE[0]:
        return None
    return getattr(_STATE, "scratch", None)


def remembering() -> bool:
    """Whether texts read now are kept in the per-text caches (not inside :func:`transient`)."""
    return scratch() is None


def remember_in(memo: dict, key: object, compute: Callable[[], T]) -> T:
    """``memo[key]``, computed when missing."""
    if key not in memo:
        memo[key] = compute()
    return memo[key]


@contextmanager
def transient() -> Iterator[None]:
    """Texts read inside (in this thread) are kept in a scratch memo dropped at the end, not in
    the per-text caches (and evict none of them): a whole report read once (resolution's
    country of a document, some 3,000 characters) would otherwise hold its words in every
    cache, some hundred kilobytes per text, 2,048 texts deep. The answers are the same."""
    before = getattr(_STATE, "scratch", None)
    _STATE.scratch = {}
    with _INSIDE_LOCK:
        _INSIDE[0] += 1
    try:
        yield
    finally:
        _STATE.scratch = before
        with _INSIDE_LOCK:
            _INSIDE[0] -= 1


def _all_held(gates: list[tuple[bool, tuple[str, ...]]], text: str, low: str) -> bool:
    """Whether ``text`` (``low``: lower-cased) holds one of the strings of every gate (loops, not
    generators: this runs for every text and pattern)."""
    for exact, words in gates:
        hay = text if exact else low
        for w in words:
            if w in hay:
                break
        else:
            return False
    return True


def _caps(word: str) -> bool:
    """An all-capitals word of two letters or more ("IS", "U.S.", "SANA") is matched as written."""
    letters = [c for c in word if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters) and not _AR.search(word)


def _variants(words: list[str]) -> list[tuple[str, ...]]:
    """The keys of a spelling's words; an all-capitals word ("IS", "AP") is keyed as written (matched only
    so), and a possessive ("Assad's") also as copy without apostrophes writes it ("Assads")."""
    out: list[list[str]] = [[]]
    for i, w in enumerate(words):
        if _caps(w):
            forms = ["=" + w.rstrip(".")]
            if i == len(words) - 1 and len(w) > 2:
                forms.append(w.rstrip(".").lower() + "s")  # "SANAs correspondent": the apostrophe lost
        elif re.search(r"['’]s$", w):
            forms = [_key(w), _key(w) + "s"]
        else:
            forms = [_key(w)]
            if i == len(words) - 1 and len(w) > 3 and not w.endswith("s"):
                forms.append("~" + _key(w))  # "the Observatorys director": a capitalised word, its apostrophe lost
        out = [prefix + [f] for prefix in out for f in forms]
    return [tuple(keys) for keys in out]


def _words(text: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group()) for m in _WORD.finditer(text)]


_END = ""  # the key under which a trie node keeps the entries of a name that ends there


class Matcher:
    """Leftmost-longest matching of many spellings at once (see module doc)."""

    def __init__(self, spellings: list[tuple[str, Entry]]):
        self._trie: dict = {}
        patterns: dict[str, list[Entry]] = {}
        for spelling, entry in spellings:
            if spelling.startswith("re:"):
                patterns.setdefault(spelling[3:], []).append(entry)
                continue
            words = [w for _s, _e, w in _words(spelling)]
            if len(words) > 1 and words[0].lower() == "the":
                words = words[1:]  # "the coalition": matched from "coalition" (an article is no part of a name)
            if not words:
                continue
            for keys in _variants(words):
                node = self._trie
                for k in keys:
                    node = node.setdefault(k, {})
                entries = node.setdefault(_END, [])
                if entry not in entries:
                    entries.append(entry)
        self._firsts = frozenset(k for k in self._trie if not k.startswith("="))
        self._arabic_firsts = any(k and _arabic(k) for k in self._trie)
        # each pattern runs only on texts that hold its longest plain word (a cheap test first)
        self._patterns = [(re.compile(p, re.I), _needle(p), entries) for p, entries in patterns.items()]
        self._gates = [_gates(p) for p in patterns]
        # (an OrderedDict: a plain dict's oldest key is found by walking past every key deleted before it)
        self._cache: OrderedDict[str, list[tuple[int, int, list[Entry]]]] = OrderedDict()

    def find(self, text: str, country: str | None = None) -> list[tuple[int, int, Entry]]:
        """(start, end, entry) of every name in ``text``; a local spelling counts only in its theatre."""
        return self._finish(self._found(text), country)

    def _found(self, text: str) -> list[tuple[int, int, list[Entry]]]:
        """The names of ``text`` with every entry of each, whatever the report's country (cached per
        text: a sentence is read for several countries and by several callers)."""
        memo = scratch()
        if memo is not None:
            return remember_in(memo, ("found", id(self), text), lambda: self._walk(text))
        cache = self._cache
        hit = cache.get(text)
        if hit is None:
            hit = self._walk(text)
            if len(cache) >= 2048:  # the oldest text goes: the cache serves one report at a time
                cache.popitem(last=False)
            cache[text] = hit
        return hit

    def _walk(self, text: str) -> list[tuple[int, int, list[Entry]]]:
        sc = _scanned(text)
        words, keys, lost = sc.words, sc.keys, sc.lost
        found: list[tuple[int, int, list[Entry]]] = []
        trie = self._trie
        n = len(words)
        at = sc.at
        firsts = self._firsts.intersection(at)
        if not firsts and not self._arabic_firsts and not sc.caps and not lost:
            return self._with_patterns(text, found) if self._patterns else found
        starts: set[int] = set()
        for k in firsts:
            starts.update(at[k])
        caps_at = sc.caps_at
        starts.update(i for i, k in sc.caps if k in trie)
        starts.update(i for i, k in lost.items() if k in trie)
        if self._arabic_firsts:
            starts.update(sc.arabic)
        i = 0
        for i0 in sorted(starts):
            if i0 < i:
                continue
            i = i0
            w = words[i][2]
            begins = [trie.get(k) for k in arabic_forms(w)] if _arabic(w) else (
                trie.get(keys[i]), trie.get(caps_at.get(i, "")), trie.get(lost.get(i, "")))
            best = None
            for node in begins:
                j = i
                while node is not None:
                    if _END in node:
                        if best is None or j + 1 > best[0]:
                            best = (j + 1, node[_END])
                    j += 1
                    if j >= n or (words[j][0] - words[j - 1][1] != 1 or text[words[j][0] - 1] != " ") \
                            and not _SPACE.fullmatch(text, words[j - 1][1], words[j][0]):  # (one space: no regex)
                        break
                    nxt = node.get(keys[j])
                    if nxt is None and j in caps_at:
                        nxt = node.get(caps_at[j])
                    node = nxt if nxt is not None or j not in lost else node.get(lost[j])
            if best is None:
                i += 1
                continue
            found.append((words[i][0], words[best[0] - 1][1], best[1]))
            i = best[0]
        return self._with_patterns(text, found) if self._patterns else found

    def _finish(self, found: list[tuple[int, int, list[Entry]]], country: str | None):
        out = []
        for s, e, entries in found:
            if len(entries) == 1:  # (most names: the two choices below, without a generator each)
                x = entries[0]
                if (country in x.theatre) if x.local else not x.theatre:
                    out.append((s, e, x))
                continue
            chosen = next((x for x in entries if not x.theatre and not x.local), None)
            local = next((x for x in entries if x.local and country in x.theatre), None)
            pick = local or chosen
            if pick is not None:
                out.append((s, e, pick))
        return out

    def _with_patterns(self, text: str, found: list[tuple[int, int, list[Entry]]]):
        extra = []
        low = text.lower()
        # the gates hold for a lower-cased text unless it has a letter that only matches by case folding
        gated = "\u0130" not in text and "\u0131" not in text and "\u017f" not in text
        for (rx, needle, entries), gates in zip(self._patterns, self._gates):
            if needle and needle not in low:
                continue
            if gated and not _all_held(gates, text, low):
                continue  # a string the pattern must match is not there
            for m in rx.finditer(text):
                if m.start() > 0 and (text[m.start() - 1].isalnum() or _AR.match(text[m.start() - 1])):
                    continue  # names start at a word boundary
                if m.end() < len(text) and m.group()[-1:].isalnum() and text[m.end()].isalnum():
                    continue
                extra.append((m.start(), m.end(), entries))
        if not extra:
            return found
        out = []
        for s, e, entries in sorted(found + extra, key=lambda x: (x[0], -(x[1] - x[0]))):
            if out and s < out[-1][1]:
                continue  # overlaps a longer or earlier name
            out.append((s, e, entries))
        return out
