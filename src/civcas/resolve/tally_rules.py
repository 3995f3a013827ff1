"""Who a running total belongs to and what it covers, read from its sentence and document.

- **Its own figure.** "That increased its overall death toll ... to at least 883", "brings to
  N the number of civilians the alliance has admitted killing": an unattributed total that the
  sentence calls the perpetrator's own ("its toll", "its count", "has admitted", "it
  acknowledged") is asserted by that perpetrator: an admission.
- **Whose campaign.** A total that names no perpetrator ("the true toll of the bombing
  campaign is at least 6,259") is about the one belligerent its document's other totals
  blame, when they blame exactly one; a belligerent's own voice owning the harm ("its
  strikes have caused at least N") names itself; else it stays unassigned.
- **Subsets are labelled.** A total for one year ("in 2017") or for some attacks ("300
  civilians ... in 11 attacks") is a subset of the campaign: its period is marked
  ``subset: ...`` and the gap never shows it as the latest campaign total.
"""
from __future__ import annotations

import re
from collections.abc import Iterable

from ..assess.grade import ADMISSION
from ..records import Claim
from .features import known_actor

_OWN = re.compile(r"\b(?:its|their) (?:own |overall |official |total |cumulative )*"
                  r"(?:death )?(?:toll|count|tally|figure|estimate)\b"
                  r"|\b(?:it|they|(?:has|have|had))\s+(?:so far\s+|now\s+|since\s+)?"
                  r"(?:admitted|acknowledged|conceded)\b", re.IGNORECASE)
_NUMBER_WORDS = ("two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|"
                 "fifteen|twenty|thirty|forty|fifty|dozens of|several|a few")
_ATTACKS = re.compile(rf"\b(\d+|{_NUMBER_WORDS}) (?:separate |specific |of its |of the )?"
                      r"(?:attacks|strikes|air ?strikes|raids|incidents|operations)\b",
                      re.IGNORECASE)
_YEAR = re.compile(r"\b(?:in|during|throughout|for) (?:the year )?((?:19|20)\d\d)(?: alone)?\b"
                   r"|\b(?:last|this) year(?: alone)?\b", re.IGNORECASE)
_SINCE = re.compile(r"\bsince\b|\bso far\b|\bto date\b|\boverall\b|\bin total\b", re.IGNORECASE)


def own_figure(c: Claim) -> bool:
    """The sentence calls the total the perpetrator's own figure."""
    return bool(_OWN.search(c.sentence))


def owns(c: Claim) -> bool:
    """The sentence has its asserter own the harm ("its strikes have caused", "it admitted"):
    a belligerent's voice giving such a total names itself as the perpetrator."""
    return bool(ADMISSION.search(c.sentence) or _OWN.search(c.sentence)
                or re.search(r"\bit (?:has |had )?caused\b", c.sentence, re.IGNORECASE))


def subset(c: Claim) -> str | None:
    """"subset: 11 attacks" / "subset: in 2017" when the total covers part of a campaign."""
    m = _ATTACKS.search(c.sentence)
    if m:
        return f"subset: {m.group(0)}"
    m = _YEAR.search(c.sentence)
    if m and not _SINCE.search(c.sentence):
        return f"subset: {m.group(0)}"
    return None


def document_belligerents(claims: Iterable[Claim]) -> dict[str, str]:
    """Document id -> the one belligerent its claims blame (documents blaming several, or
    none, are left out)."""
    seen: dict[str, set[str]] = {}
    for c in claims:
        p = known_actor(c.perpetrator)
        if p and p != "contested":
            seen.setdefault(c.document_id, set()).add(p)
    return {d: next(iter(ps)) for d, ps in seen.items() if len(ps) == 1}
