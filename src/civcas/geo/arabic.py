"""Place names in Arabic text: word sequences the gazetteer knows by an Arabic name.

Arabic has no capitals to show where a name is, so every run of one to four words is looked up
(longest first), as written and without an attached proclitic ("وبحلب", "للرقة" -> "الرقة"), at
the strict key levels only (a consonant skeleton alone is too loose to find names in running
text). Words that are place names and also common words ("الجيش", "المرج" as "the meadow") are
only names after a kind of place ("بلدة المرج") or a preposition of place.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache
from typing import TypeVar

from ..vocab.arabic import Folded

Found = TypeVar("Found")  # what a lookup finds for a name

_WORD = re.compile(r"[\u0621-\u064a]+")
_GAP = re.compile(r"\s+")
MAX_WORDS = 4
PROCLITICS = ("وب", "ول", "وك", "فب", "فل", "و", "ف", "ب", "ل", "ك")


@lru_cache(maxsize=65536)
def variants(phrase: str) -> tuple[str, ...]:
    """``phrase`` as written and without its proclitic: "وبحلب" -> ["وبحلب", "بحلب", "حلب"];
    "للرقه" -> ["للرقه", "الرقه"]."""
    out = [phrase]
    if phrase.startswith(("لل", "ولل", "فلل")):
        out.append("ال" + phrase[phrase.index("لل") + 2:])
    for p in PROCLITICS:
        if phrase.startswith(p) and len(phrase) - len(p) >= 3:
            out.append(phrase[len(p):])
    return tuple(dict.fromkeys(out))


def word_runs(folded: str) -> list[tuple[int, int]]:
    """(start, end) of each Arabic word of a folded text."""
    return [m.span() for m in _WORD.finditer(folded)]


def scan_names(text: str, lookup: Callable[[str, bool], Found | None],
               max_words: int = MAX_WORDS) -> list[tuple[int, int, str, Found]]:
    """(start, end, name looked up, what ``lookup`` found) for each known name in ``text``,
    leftmost-longest, spans in the original text; ``lookup(name, stripped)`` returns something or
    None (``stripped``: a proclitic was taken off, so the name is less sure)."""
    f = Folded(text)
    words = word_runs(f.text)
    out: list[tuple[int, int, str, Found]] = []
    i = 0
    while i < len(words):
        for j in range(min(len(words), i + max_words), i, -1):
            if any(not _GAP.fullmatch(f.text[words[k][1]:words[k + 1][0]]) for k in range(i, j - 1)):
                continue  # a name does not run over punctuation
            phrase = " ".join(f.text[s:e] for s, e in words[i:j])
            hit = None
            for k, v in enumerate(variants(phrase)):
                hit = lookup(v, k > 0)
                if hit:
                    break
            if hit:
                s, e = f.span(words[i][0], words[j - 1][1])
                out.append((s, e, v, hit))
                i = j
                break
        else:
            i += 1
    return out
