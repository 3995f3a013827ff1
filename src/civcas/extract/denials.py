"""Explicit statements that nobody was harmed: zero claims ("denied any civilian casualties")."""
from __future__ import annotations

import re

_DENIAL = re.compile(
    r"(?:"
    r"(?:denied|denies|deny|denying|dismissed|rejected|refuted)\s+(?:that\s+)?(?:any|the\s+existence\s+of|reports\s+of|claims\s+of|allegations\s+of|causing|there\s+were|there\s+had\s+been)?\s*(?:any\s+)?"
    r"|(?:not|wasn't|weren't|isn't)\s+aware\s+of\s+(?:any\s+)?"
    r"|(?:no|found\s+no|had\s+no|has\s+no|have\s+no|saw\s+no|without)\s+(?:credible\s+)?(?:evidence|indication|reports?|information|sign)\s+(?:of|that)\s+(?:any\s+)?"
    r"|(?:caused|causing|resulted\s+in)\s+no\s+"
    r"|\bno\s+"
    r")"
    r"(?P<victims>civilian|civilians|people|children|one)\s*(?P<noun>casualties|deaths|victims|were\s+(?:killed|hurt|injured|harmed|wounded)|had\s+been\s+(?:killed|hurt|injured|harmed|wounded)|was\s+(?:killed|hurt|injured|harmed)|harm|injuries)",
    re.I,
)


def find_denials(sentence: str) -> list[tuple[int, int, str, str]]:
    """(start, end, outcome, victims) of each zero claim in a sentence (offsets within it)."""
    out = []
    for m in _DENIAL.finditer(sentence):
        noun = m.group("noun").lower()
        v = m.group("victims").lower()
        if v in ("people", "one") and not re.search(r"\b(?:no|not|denied|denies)\b", m.group(), re.I):
            continue
        victims = "civilians" if v.startswith("civilian") else "children" if v == "children" else "people"
        if "killed" in noun or "deaths" in noun:
            outcome = "killed"
        elif any(w in noun for w in ("hurt", "injur", "wound")):
            outcome = "injured"
        else:
            outcome = "casualties"
        out.append((m.start(), m.end(), outcome, victims))
    return out
