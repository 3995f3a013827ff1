"""Arabic sentences and tokens: a report split where a sentence ends, a sentence folded and cut into
words, numbers and marks, with the word's proclitics and pronoun suffixes taken off on demand."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ...vocab.arabic import Folded

# a sentence ends at a full stop, question or exclamation mark (Arabic or Latin) or a line break,
# not inside a number ("2.5") or an abbreviation of one letter ("أ.ف.ب")
_END = re.compile(r"(?<=[.!?؟…])(?<!\s\w\.)(?<!\.\w\.)(?!\d)\s+|\n\s*")
_TOKEN = re.compile(r"\d+(?:[,٬]\d{3})*(?:\.\d+)?|[\u0621-\u064a]+|[A-Za-z]+|[^\s\w]|_")


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence of a report, whitespace trimmed."""
    out = []
    start = 0
    for m in _END.finditer(text):
        _add(text, start, m.start(), out)
        start = m.end()
    _add(text, start, len(text), out)
    return out


def _add(text: str, s: int, e: int, out: list) -> None:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    if e > s:
        out.append((s, e))


@dataclass(frozen=True)
class Token:
    """A word, number or mark of a folded sentence (offsets in the folded text)."""

    text: str
    start: int
    end: int
    i: int

    @property
    def number(self) -> bool:
        return self.text[:1].isdigit()

    @property
    def word(self) -> bool:
        return "\u0621" <= self.text[:1] <= "\u064a"


class Sent:
    """A sentence folded once and tokenised (see module doc)."""

    def __init__(self, text: str):
        self.folded = Folded(text)
        self.text = self.folded.text
        self.tokens = [Token(m.group(), m.start(), m.end(), i) for i, m in enumerate(_TOKEN.finditer(self.text))]

    def span(self, first: int, last: int) -> tuple[int, int]:
        """Original offsets of tokens first..last (inclusive)."""
        return self.folded.span(self.tokens[first].start, self.tokens[last].end)

    def original(self, s: int, e: int) -> tuple[int, int]:
        return self.folded.span(s, e)


_PRO = ("وب", "ول", "وك", "فب", "فل", "و", "ف", "ب", "ل", "ك")
_SUFFIXES = ("هما", "هم", "هن", "ها", "ه", "كم")


@lru_cache(maxsize=65536)
def stems(word: str) -> tuple[str, ...]:
    """``word`` and what is left of it without proclitics and the article: "وبالمدنيين" ->
    ["وبالمدنيين", "بالمدنيين", "المدنيين", "مدنيين"]; "للمدنيين" -> [..., "المدنيين", "مدنيين"]."""
    out = [word]
    for p in _PRO:
        if word.startswith(p) and len(word) - len(p) >= 2:
            rest = word[len(p):]
            out.append(rest)
            if p.endswith("ل") and rest.startswith("ل") and len(rest) > 3:
                out.append("ا" + rest)  # "للمدنيين": ل + المدنيين
    for w in list(out):
        if w.startswith("ال") and len(w) > 3:
            out.append(w[2:])
    return tuple(dict.fromkeys(out))


def bare(word: str, table) -> str | None:
    """The form of ``word`` found in ``table`` (a set or dict), proclitics and article taken off."""
    for s in stems(word):
        if s in table:
            return s
    return None


def unsuffixed(word: str, table) -> tuple[str, str] | None:
    """(form, suffix) of ``word`` found in ``table`` once a pronoun suffix is taken off
    ("قتلهما" -> ("قتل", "هما"), "مصرعهم" -> ("مصرع", "هم"))."""
    for s in stems(word):
        for suf in _SUFFIXES:
            if s.endswith(suf) and len(s) - len(suf) >= 2:
                stem = s[: -len(suf)]
                for cand in (stem, stem + "ه") if stem.endswith("ت") else (stem,):
                    if cand in table:
                        return cand, suf
                if stem.endswith("ت") and stem[:-1] + "ه" in table:
                    return stem[:-1] + "ه", suf
    return None
