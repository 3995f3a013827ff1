"""Scope, enforced where the ledger is built: what is an incident, a tally, or no harm at all.

The extractor marks a claim ``incident`` or ``cumulative``; the ledger checks it again, from
the claim's own sentence, because one misread total becomes an "incident" of thousands:

- a **running total** — the harm counted over a period ("68 civilians have been killed since
  Saturday", "Since Thursday bombing has killed 44", "350 killed since the ceasefire
  collapsed", "so far", "to date", "over the past three weeks", "for the first six months of
  2016", "in this month alone") — is cumulative: it goes to
  the tallies with its period, never to an incident. A period of a day ("since dawn",
  "since this morning") is one day's attack and stays an incident; "the first since a
  chemical attack that killed 87" is about that attack, not a total since it.
- a figure of people **displaced, fleeing, refugees, arrested, detained, missing or
  abducted** ("three million have become refugees") is no casualty: it is in neither an
  incident nor a tally.
"""
from __future__ import annotations

import re

from ..records import Claim

_DAY = (r"(?:dawn|daybreak|(?:this |early )?(?:morning|afternoon|evening)|midnight|noon|"
        r"(?:early )?today|last night|overnight)")
# before the figure, a stretch longer than one attack's few days: "Seven days of air strikes across
# the province had left 75 dead", "weeks of shelling" (after it, "the worst in five years of war"
# names no period of the count)
_LONG = (r"(?:(?:four|five|six|seven|eight|nine|ten|eleven|twelve|fourteen|fifteen|twenty|thirty|"
         r"several|[4-9]|[1-9]\d+)[- ]days?|(?:\w+[- ])?(?:weeks?|months?|years?)) of (?:\w+ ){0,2}?"
         r"(?:air ?strikes|air ?raids|raids|strikes|bombing|bombardment|shelling|fighting|clashes|"
         r"infighting|attacks|violence|war|conflict|siege|offensive|combat)")
# after the figure, in its clause: "... killed since <period>", "so far", "to date"
_AFTER = re.compile(
    r"\b(?:since\s+(?!" + _DAY + r"\b)|so far\b|to date\b|in total\b|"
    r"(?:over|in|during) the (?:past|last) (?:\w+ )?(?:weeks?|months?|years?)\b|"
    r"(?:over|in|for|during) the (?:first|last|past) (?:\w+ )?(?:days?|weeks?|months?|years?|"
    r"half) of\b|(?:in|during|over|for) this (?:month|year)(?!['’]s)\b)",
    re.IGNORECASE)
_PERIOD_BEFORE = re.compile(r"\b(?:(?:over|in|during) the (?:past|last) (?:\w+ )?"
                            r"(?:weeks?|months?|years?)|so far|to date|" + _LONG + r"|"
                            r"(?:over|in|for|during) the (?:first|last|past) (?:\w+ )?"
                            r"(?:days?|weeks?|months?|years?|half) of|"
                            r"(?:in|during|over|for) this (?:month|year)(?!['’]s))\b", re.IGNORECASE)
# "Since <period>, ... have killed <figure>" (the sentence opens on the period)
_BEFORE = re.compile(r"^\W*since\s+(?!" + _DAY + r"\b)", re.IGNORECASE)
_NOT_HARM = re.compile(
    r"\b(?:refugees?|displaced|displacement|fled|fleeing|flee|sought refuge|seeking refuge|"
    r"asylum|homeless|arrested|arrests?|detained|detention|missing|disappeared|abducted|"
    r"kidnapped|evacuated|evacuees)\b", re.IGNORECASE)

# "three million Syrians have become refugees": the verb right after the figure
_NOT_HARM_AFTER = re.compile(r"^\s*(?:(?!and\b|or\b|but\b|while\b|after\b)\w+\s+){0,2}?"
                             r"(?:(?:have|has|had|were|was|are|is)\s+)?"
                             r"(?:(?:been|become|became|now)\s+)?" + _NOT_HARM.pattern, re.IGNORECASE)
_CLAUSE_END = re.compile(r"[.;:]|\bwhile\b|\bbut\b")

_HARM = re.compile(r"\b(?:kill\w*|dead|deaths?|died|die|wounded|injur\w*|casualt\w*|lives|"
                   r"bodies|massacred|perished|toll)\b", re.IGNORECASE)


def _around(c: Claim, before: int, after: int) -> tuple[str, str, str]:
    """(text before the span, the span, text after it) within the sentence."""
    s = c.sentence
    a = max(0, c.span[0] - c.sentence_start)
    b = max(a, c.span[1] - c.sentence_start)
    return s[max(0, a - before):a], s[a:b], s[b:b + after]


def not_harm(c: Claim) -> str | None:
    """Why the claim counts no casualty (displaced, refugees, arrested, missing...), or None."""
    _, span, after = _around(c, 0, 45)
    if _HARM.search(span):
        return None  # "killed 9 displaced people": harm, of displaced people
    m = _NOT_HARM.search(span)
    if m is None:
        # "three million Syrians have become refugees": the verb right after the figure
        m = _NOT_HARM_AFTER.match(after)
    if m is None:
        return None
    return f"counts people {m.group(0).split()[-1].lower()}, not casualties"


def running_total(c: Claim) -> bool:
    """The claim's figure counts harm over a period (the module docstring's rules)."""
    if c.scope == "cumulative":
        return True
    before, span, after = _around(c, 160, 110)
    text = span + after
    end = _CLAUSE_END.search(text)  # the figure's clause
    if _AFTER.search(text if end is None else text[:end.start()]):
        return True
    # "Shelling over the past three weeks killed": after the last stop or comma before it
    opening = before[max(before.rfind(";"), before.rfind("."), before.rfind(":"),
                         before.rfind(",")) + 1:]
    if _PERIOD_BEFORE.search(opening):
        return True
    # the sentence opens on the period and the figure follows in its first clause
    return len(before) < 150 and "." not in before and ";" not in before and bool(
        _BEFORE.match(c.sentence))


def cumulative(c: Claim) -> bool:
    """A tally, not an incident: marked so by the extractor, or a running total."""
    return c.scope == "cumulative" or running_total(c)
