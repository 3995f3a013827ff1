"""The victims noun phrase after a figure: "15 civilians", "four children", "civilian casualties".

:func:`read_np` reads it token by token and says which victim group it names
(:func:`forces_group` settles "forces", "members", "militiamen" by their
modifiers), or that the figure counts something else ("four air strikes").
"""
from __future__ import annotations

import re

from .lexicon import (
    AUX, CLAUSE_BREAKS, INJURED_AFTER, KILLED_AFTER, NON_VICTIM, NOUN_MODIFIERS, VICTIM_NOUNS,
)
from .tokens import Token

QUOTES = {'"', "“", "”", "'", "‘", "’"}
OUTCOME_NOUNS = {
    "casualties": "casualties", "deaths": "killed", "dead": "killed", "fatalities": "killed",
    "lives": "killed", "injuries": "injured", "wounded": "injured", "injured": "injured",
    "killed": "killed",
}
PREP = {
    "in", "on", "at", "near", "by", "from", "across", "after", "during", "when", "while", "including",
    "among", "and", "or", "with", "as", "since", "so", "over", "inside", "outside", "following", "were",
    "was", "have", "had", "has", "are", "is", "more", "according", "said", "the", "a", "to", "this",
    "that", "who", "which", "of", "amid", "around", "within", "under", "due", "there",
}

def forces_group(toks: list[Token], j: int, start: int) -> str:
    """'forces', 'militiamen', 'members' and similar take their group from their modifiers."""
    mods = {t.lower for t in toks[max(start, j - 3):j]}
    w = toks[j].lower
    if w in ("forces", "army", "members", "militiamen", "militiaman", "units", "personnel"):
        if mods & {"kurdish", "rebel", "opposition", "is", "isis", "isil", "daesh", "nusra", "al-nusra",
                   "jihadist", "islamist", "militant", "ypg", "sdf", "fsa", "al-qaeda", "insurgent",
                   "terrorist", "armed", "tribal"}:
            return "combatants"
        if mods & {"regime", "pro-regime", "pro-government", "government", "army", "security",
                   "syrian", "iraqi", "russian", "turkish", "military", "pro-assad", "loyalist", "police",
                   "hezbollah", "iranian"}:
            return "security_forces"
        if w == "members":
            nxt = " ".join(t.lower for t in toks[j + 1:j + 8])
            if re.search(r"\b(islamic state|is|isis|isil|daesh|nusra|qaeda|democratic forces|sdf|ypg|ahrar|jaish|jabhat|hayat|militia|group)\b", nxt):
                return "combatants"
            if re.search(r"\b(army|security|police|government|regime)\b", nxt):
                return "security_forces"
            return "people"
        if w.startswith("militia") and {t.lower for t in toks[:j]} & {"pro-regime", "pro-government", "pro-assad", "loyalist"}:
            return "security_forces"  # "attacked a pro-regime militia checkpoint, killing ... five militiamen"
        return "combatants" if w.startswith("militia") else "security_forces"
    return VICTIM_NOUNS[w]


def read_np(toks: list[Token], i: int, limit: int = 6) -> tuple[str, str | None, int, str | None]:
    """The victims noun phrase at token i: (status, group, end, outcome-from-noun).

    status: "victim" (a victim noun found), "bare" (no noun: a cue, punctuation
    or preposition follows), "non" (a noun that is not people: "four air strikes").
    """
    n = len(toks)
    j = i
    while j < n and j - i < limit:
        w = toks[j].lower
        if w in QUOTES:
            j += 1
            continue
        if w in VICTIM_NOUNS and not (w in ("dead", "casualties", "lives") and j == i):
            group = forces_group(toks, j, i)
            end = j + 1
            # "civilian casualties", "civilian deaths", "civilian victims"
            if end < n and toks[end].lower in VICTIM_NOUNS and w in ("civilian", "civilians", "child", "children"):
                nxt = toks[end].lower
                if nxt in OUTCOME_NOUNS or VICTIM_NOUNS[nxt] == "people":
                    end += 1
            noun_outcome = OUTCOME_NOUNS.get(toks[end - 1].lower) if toks[end - 1].lower in ("casualties", "deaths", "fatalities", "lives") \
                or (toks[end - 1].lower == "dead" and end - 1 > j) else None  # "civilians dead"
            if end < n and toks[end].lower in ("casualties", "deaths", "fatalities", "dead"):
                noun_outcome = OUTCOME_NOUNS[toks[end].lower]
                end += 1
            among = _among(toks, end) if noun_outcome and group == "people" else None
            if among:  # "dozens of casualties among civilians"
                group, end = among
            return "victim", group, end, noun_outcome
        if w in ("deaths", "fatalities", "casualties", "lives", "dead") and j == i:
            among = _among(toks, j + 1)  # "numerous deaths among the civilians"
            if among:
                return "victim", among[0], among[1], OUTCOME_NOUNS[w]
            return "victim", "people", j + 1, OUTCOME_NOUNS[w]
        if w in NON_VICTIM and w not in NOUN_MODIFIERS:
            return "non", None, j, None
        if w in NOUN_MODIFIERS or w in ("a", "an") or ("-" in w and j > i) or (toks[j].is_title and j > i and w not in PREP):
            j += 1
            continue
        if re.match(r"^\d+-year-old$", w) or w in ("year-old", "years-old"):
            j += 1
            continue
        if w == "and" and j > i + 1 and toks[i].lower == "of" and j + 1 < n and (
                toks[j + 1].lower in NOUN_MODIFIERS or toks[j + 1].lower in VICTIM_NOUNS):
            j += 1
            continue
        break
    first = toks[i].lower if i < n else ""
    if i >= n or not first[:1].isalnum() or first in PREP or first in AUX or first in KILLED_AFTER \
            or first in INJURED_AFTER or first in OUTCOME_NOUNS or first in CLAUSE_BREAKS \
            or toks[i].is_title:
        return "bare", None, i, None
    return "non", None, i, None


def _among(toks: list[Token], k: int) -> tuple[str, int] | None:
    """(group, end) of "among (the) [modifiers] <victims>" at token k, else None."""
    n = len(toks)
    if k >= n or toks[k].lower != "among":
        return None
    j = k + 1
    while j < n and j - k <= 4 and (toks[j].lower in ("the", "them", "local") or toks[j].lower in NOUN_MODIFIERS):
        j += 1
    if j < n and toks[j].lower in VICTIM_NOUNS and toks[j].lower not in ("dead", "casualties", "lives", "deaths"):
        return forces_group(toks, j, k + 1), j + 1
    return None
