"""Find the vocabulary's names in a text: one compiled pattern per table, leftmost-longest.

A spelling matches case-insensitively as whole words, a space also matching a hyphen or a line
break ("US-led" = "US led"); an all-capitals spelling ("AP", "UN", "IS") matches only in capitals.
``re:`` patterns of a row are used as written. Arabic spellings match with an attached proclitic
(و ف ب ل ك) and the article assimilated after ل ("للتحالف").
"""
from __future__ import annotations

import re
from dataclasses import dataclass

_AR_LETTER = "\u0621-\u064a\u066e-\u06d3\u06fa-\u06ff"
_AR = re.compile(f"[{_AR_LETTER}]")


@dataclass(frozen=True)
class Entry:
    """One spelling of one row: where it applies (``theatre``: empty is everywhere)."""

    row: str
    theatre: tuple[str, ...] = ()
    local: bool = False


def literal(spelling: str) -> str:
    """The regular expression of a plain spelling."""
    words = re.split(r"[\s\-]+", spelling.strip())
    parts = []
    for w in words:
        p = re.escape(w).replace("'", "['’]?").replace("’", "['’]?")
        parts.append(p)
    body = r"[\s\-]*".join(parts) if len(words) > 1 and any(len(w) <= 1 for w in words) else r"[\s\-]+".join(parts)
    letters = [c for c in spelling if c.isalpha()]
    if len(letters) >= 2 and all(c.isupper() for c in letters) and not _AR.search(spelling):
        return f"(?-i:{body})"
    return body


def arabic(spelling: str) -> str:
    """The regular expression of an Arabic spelling: proclitics attached, the article assimilated."""
    words = spelling.split()
    body = r"\s+".join(re.escape(w) for w in words)
    if spelling.startswith("ال"):
        rest = r"\s+".join(re.escape(w) for w in [words[0][2:]] + words[1:])
        return f"(?:[وف]?[بك]?(?:{body})|[وف]?لل{rest})"
    return f"(?:[وف]?[بلك]?{body})"


class Matcher:
    """Leftmost-longest matching of many spellings at once."""

    def __init__(self, spellings: list[tuple[str, Entry]]):
        by_pattern: dict[str, list[Entry]] = {}
        for spelling, entry in spellings:
            if spelling.startswith("re:"):
                pattern = spelling[3:]
            elif _AR.search(spelling):
                pattern = arabic(spelling)
            else:
                pattern = literal(spelling)
            entries = by_pattern.setdefault(pattern, [])
            if entry not in entries:
                entries.append(entry)
        ordered = sorted(by_pattern, key=lambda p: (-len(p), p))
        self._entries = [by_pattern[p] for p in ordered]
        alternation = "|".join(f"(?P<g{i}>{p})" for i, p in enumerate(ordered))
        boundary_before = rf"(?<![\w{_AR_LETTER}])(?=[\w\u0600-\u06ff])"
        self._re = re.compile(rf"{boundary_before}(?:{alternation})(?![\w{_AR_LETTER}])", re.I)

    def find(self, text: str, country: str | None = None) -> list[tuple[int, int, Entry]]:
        """(start, end, entry) of every name in ``text``; a local spelling counts only in its theatre."""
        out = []
        for m in self._re.finditer(text):
            assert m.lastgroup is not None
            entries = self._entries[int(m.lastgroup[1:])]
            chosen = next((e for e in entries if not e.theatre and not e.local), None)
            local = next((e for e in entries if e.local and country in e.theatre), None)
            pick = local or chosen
            if pick is not None:
                out.append((m.start(), m.end(), pick))
        return out
