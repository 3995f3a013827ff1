"""Explicit statements that nobody was harmed: zero claims ("denied any civilian casualties", "no civilians
were harmed", "caused no casualties", "with no injuries reported")."""
from __future__ import annotations

import re

_HARM = r"(?:killed|hurt|injured|harmed|wounded|dead)"
_DENIAL = re.compile(
    r"(?:"
    r"(?:denied|denies|deny|denying|dismissed|rejected|refuted)\s+(?:that\s+)?(?:any|the\s+existence\s+of|reports\s+of|"
    r"claims\s+of|allegations\s+of|causing|there\s+were|there\s+had\s+been)?\s*(?:any\s+)?"
    r"|(?:not|wasn't|weren't|isn't)\s+aware\s+of\s+(?:any\s+)?"
    r"|(?:no|found\s+no|had\s+no|has\s+no|have\s+no|saw\s+no|without)\s+(?:credible\s+)?(?:evidence|indication|reports?|"
    r"information|sign|basis\s+(?:for|to)\s+(?:the\s+)?(?:reports?|claims?|allegations?))\s+(?:of|that)\s+(?:any\s+)?"
    r"|(?:caused|causing|resulted\s+in)\s+no\s+"
    r"|\bno\s+"
    r")"
    rf"(?P<victims>civilian|civilians|people|children|one)\s*(?P<noun>casualties|deaths|victims|(?:were|was|had\s+been|"
    rf"have\s+been)\s+{_HARM}(?:\s+or\s+{_HARM})?|harm|injuries)",
    re.I,
)
# "caused no casualties", "with no injuries reported", "no deaths were recorded", "nobody was hurt"
_NONE = re.compile(
    r"(?:\b(?:caused|causing|resulted\s+in|resulting\s+in|with|without\s+causing|without|there\s+were|there\s+was|"
    r"reported|reporting|recorded|leaving)\s+no\s+(?P<n1>casualties|injuries|deaths|fatalities|loss\s+of\s+life|"
    r"human\s+losses|victims)\b(?P<among>\s+(?:among|to)\s+(?:the\s+)?civilians\b)?"
    r"|\bno\s+(?P<n2>casualties|injuries|deaths|fatalities)\s+(?:were\s+|was\s+|have\s+been\s+|had\s+been\s+)?"
    r"(?:reported|recorded|registered|caused|immediately\s+reported)\b"
    rf"|\b(?:no\s+one|nobody|no-one)\s+(?:was|were|had\s+been|has\s+been)\s+(?P<h>{_HARM}(?:\s+or\s+{_HARM})?))",
    re.I,
)


def _outcome(words: str) -> str:
    w = words.lower()
    killed = any(x in w for x in ("killed", "death", "dead", "fatalit", "loss of life"))
    injured = any(x in w for x in ("hurt", "injur", "wound"))
    if killed and injured or not (killed or injured):
        return "casualties"
    return "killed" if killed else "injured"


_NEGATIONS = ("no ", "not ", "deni", "deny", "dismiss", "reject", "refut", "nobody", "no-one", "without")


def find_denials(sentence: str) -> list[tuple[int, int, str, str]]:
    """(start, end, outcome, victims) of each zero claim in a sentence (offsets within it)."""
    low = sentence.lower()
    if not any(n in low for n in _NEGATIONS):
        return []
    out = []
    for m in _DENIAL.finditer(sentence):
        noun = m.group("noun").lower()
        v = m.group("victims").lower()
        if v in ("people", "one") and not re.search(r"\b(?:no|not|denied|denies)\b", m.group(), re.I):
            continue
        victims = "civilians" if v.startswith("civilian") else "children" if v == "children" else "people"
        out.append((m.start(), m.end(), _outcome(noun), victims))
    taken = [(s, e) for s, e, _o, _v in out]
    for m in _NONE.finditer(sentence):
        if any(s < m.end() and m.start() < e for s, e in taken):
            continue
        words = m.group("n1") or m.group("n2") or m.group("h") or ""
        outcome = "casualties" if words.lower() in ("victims", "human losses") else _outcome(words)
        out.append((m.start(), m.end(), outcome, "civilians" if m.group("among") else "people"))
    return sorted(out)
