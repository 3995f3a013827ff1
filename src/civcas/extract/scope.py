"""Incident or cumulative: one attack, or a total over a campaign, period or war."""
from __future__ import annotations

import re

_CUMULATIVE = re.compile(
    r"\bsince\s+(?:(?:jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\.?\s+\d|the\s+(?:start|beginning|outbreak|onset)|then|\d{4}|(?:january|february|march|april|may|june|july|august|september|october|november|december)|it\s+began|last\s+year|the\s+war|the\s+conflict|its\s+start|peace\s+talks|the\s+operation|the\s+campaign|the\s+battle|\d{1,2}\s+[A-Z])"
    r"|\bsince\s+(?:the\s+|its\s+)?(?:[\w'-]+\s+){0,6}?(?:began|started|erupted|launched|was\s+launched|got\s+under\s+way)\b"
    r"|\bso\s+far\b|\bto\s+date\b|\bin\s+total\b|\baltogether\b|\boverall\b"
    r"|\b(?:over|in|during)\s+the\s+(?:past|last)\s+(?:(?:few|several|two|three|four|five|six|\d+)\s+)?(?:years?|months?|weeks?|days|decade)\b"
    r"|\b(?:past|last)\s+(?:\d+|two|three|four|five|six|seven|ten|fifteen)\s+(?:days|weeks|months|years)\b"
    r"|\b(?:the|this|a|its)\s+(?:\w+-year|\w+-month|month-long|year-long|week-long)\s+(?:conflict|war|campaign|battle|siege|offensive)"
    r"|\b(?:the|this|syria's|syrias|iraq's)\s+(?:civil\s+)?(?:war|conflict|uprising|revolution|crisis)\s+(?:has|have|had|that\s+has|which\s+has|began|erupted|started|broke)"
    r"|\b(?:in|since|throughout|during|of)\s+the\s+(?:civil\s+)?(?:war|conflict|uprising)\b"
    r"|\b(?:death\s+)?toll\s+(?:from|in|of)\s+the\s+(?:\w+-year\s+)?(?:war|conflict)"
    r"|\bin\s+(?:the\s+)?(?:battle|fight|campaign|offensive|operation|siege)\s+(?:for|since|against|to)"
    r"|\bthis\s+year\b|\blast\s+year\b|\bin\s+20\d\d\b|\bduring\s+20\d\d\b"
    r"|\beach\s+day\b|\bevery\s+day\b|\bper\s+day\b|\ba\s+day\b(?!\s+(?:earlier|later|after|before|ago))|\bdaily\b"
    r"|\bthe\s+number\s+of\s+civilians?\b|\bcumulative\b|\bin\s+all\b|\btotal\s+(?:number|toll)\b"
    r"|\bhave\s+been\s+killed\s+in\s+(?:syria|iraq|the\s+country)\b|\bdur(?:ing|ed)\s+its\s+(?:air\s+)?(?:raids|campaign|strikes)\b",
    re.I,
)
_INCIDENT_OVERRIDE = re.compile(r"\bpast\s+24\s+hours\b|\blast\s+24\s+hours\b|\bsince\s+(?:dawn|the\s+morning|morning|midnight|friday|saturday|sunday|monday|tuesday|wednesday|thursday)\b", re.I)


# "the deadliest attack in the capital this year" compares one attack with a period
_SUPERLATIVE = re.compile(
    r"\b(?:deadliest|worst|bloodiest|biggest|largest|heaviest|most\s+\w+)\b[^.;]{0,60}?"
    r"\b(?:this|last)\s+(?:year|month|week)\b"
    r"|\b(?:deadliest|worst|bloodiest)\b[^.;]{0,60}?\bsince\b[^.;,]*", re.I)


# where one clause of a sentence ends and another, with its own figure, begins
_CLAUSE_BREAK = re.compile(r";|,?\s+(?:and|but)\s+that\b|,\s+while\b|\s+whereas\b|,\s+but\b", re.I)


def clause_at(sentence: str, at: int) -> str:
    """The clause of ``sentence`` holding offset ``at``."""
    start, end = 0, len(sentence)
    for m in _CLAUSE_BREAK.finditer(sentence):
        if m.end() <= at:
            start = m.end()
        elif m.start() > at:
            end = m.start()
            break
    return sentence[start:end]


def scope_of(sentence: str, low: int | None, high: int | None, at: int | None = None) -> str:
    """'cumulative' when the sentence (or the clause at offset ``at``) speaks of a total over a period."""
    value = low if low is not None else high
    if at is not None:
        sentence = clause_at(sentence, at)
    sentence = _SUPERLATIVE.sub(" ", sentence)
    if _INCIDENT_OVERRIDE.search(sentence) and not re.search(r"\bsince\s+\d{4}|\bwar\b|\bconflict\b", sentence, re.I):
        return "incident"
    if _CUMULATIVE.search(sentence):
        return "cumulative"
    if value is not None and value >= 5000:
        return "cumulative"
    return "incident"
