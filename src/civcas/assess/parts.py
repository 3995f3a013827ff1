"""A figure that is part of a toll told beside it ("two medics were among the dead").

A part is never a rival estimate of the whole: resolution does not hold it against other
figures (:mod:`civcas.resolve.cluster`), and the civilian estimate leaves it out when a
claim gives the whole (:mod:`.estimates`).
"""
from __future__ import annotations

import re

from ..records import Claim

_WORDS = {w: n for n, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen twenty".split())}
_NUMBER = re.compile(r"\b(?:\d[\d,]*|" + "|".join(_WORDS) + r")\b", re.IGNORECASE)
# "two medics were among ...", "five of the dead", "12 of them", "at least two of the killed"
_PART_AFTER = re.compile(r"^\s+(?:[\w-]+\s+)?(?:(?:were|was|are|is)\s+)?"
                         r"(?:among (?!them\b|whom\b)|of (?:them|whom)\b|of (?:the|those)\s+"
                         r"(?:[\w-]+\s+)?(?:dead|killed|slain|victims|casualties|wounded|"
                         r"injured)\b)", re.IGNORECASE)
# "including three children", "among them seven children", "another 10 bodies", "among the
# dead were four staff"
_PART_BEFORE = re.compile(r"\b(?:including|among them|among whom|of whom|another|a further|"
                          r"among (?:the|those) (?:[\w-]+\s+)?(?:dead|killed|slain|victims|"
                          r"casualties|wounded|injured)\s+(?:were|was|are|is))\s+"
                          r"(?:(?:at least|about|some|more than|over|nearly|almost)\s+)?$",
                          re.IGNORECASE)


def part_figure(claim: Claim) -> bool:
    """The claim's figure is a part of a toll told beside it, not a toll of its own: "two medics
    were among at least 31 people killed", "five of the dead were children", "12 of them",
    "including three children", "another 10 bodies", "among the dead were four staff". A part
    never rivals a whole: resolution does not hold it
    against other figures, and the civilian estimate leaves it out when a whole is told.
    Read from the words around the first number of the claim's span."""
    if claim.qualifier in ("vague", "none") or (claim.low is None and claim.high is None):
        return False
    if not claim.text:
        return False
    pos = claim.span[0] - claim.sentence_start
    if claim.sentence[pos:pos + len(claim.text)] != claim.text:
        pos = claim.sentence.find(claim.text)
        if pos < 0:
            return False
    m = _NUMBER.search(claim.text)
    if m is None:
        return False
    start, end = pos + m.start(), pos + m.end()
    return bool(_PART_AFTER.match(claim.sentence[end:]) or _listed_part(claim.sentence, start))


# between two items of a breakdown: words only ("in the Ansari district, ", " children and ")
_LIST_GAP = re.compile(r"^[\s,]+(?:[^\W\d_][\w'-]*[\s,]+){0,6}?(?:and\s+)?$")
_OUTCOME_WORD = re.compile(r"\b(?:kill|dead|die|wound|injur|hurt|death|toll|bod(?:y|ies)|casualt|"
                           r"missing|rose|reached)", re.IGNORECASE)
MAX_LIST = 12  # items of one breakdown followed back


def _listed_part(sentence: str, start: int) -> bool:
    """The number at ``start`` opens a part ("including 9 in ...") or is a later item of the
    same breakdown ("including 9 in Salihin, 8 in Ansari and 5 in Mashhad": each is a part)."""
    for _ in range(MAX_LIST):
        if _PART_BEFORE.search(sentence[:start]):
            return True
        prev = None
        for m in _NUMBER.finditer(sentence, max(0, start - 80), start):
            prev = m
        if prev is None:
            return False
        gap = sentence[prev.end():start]
        if not _LIST_GAP.match(gap) or _OUTCOME_WORD.search(gap):
            return False
        start = prev.start()
    return False
