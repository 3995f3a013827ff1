"""Incident or cumulative: one attack, or a total over a campaign, period or war."""
from __future__ import annotations

import re
from functools import lru_cache

from .quick import led

_CUMULATIVE = led(
    r"\bsince\s+(?:(?:jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\.?\s+\d|the\s+(?:start|beginning|outbreak|onset)|then|\d{4}|(?:january|february|march|april|may|june|july|august|september|october|november|december)|it\s+began|last\s+year|the\s+war|the\s+conflict|its\s+start|peace\s+talks|the\s+operation|the\s+campaign|the\s+battle|\d{1,2}\s+[A-Z])"
    r"|\bsince\s+(?:the\s+|its\s+)?(?:[\w'-]+\s+){0,6}?(?:began|started|erupted|launched|was\s+launched|got\s+under\s+way|"
    r"intervened|entered|joined|arrived|took\s+(?:power|control|over)|seized|captured|stormed)\b"
    r"|\bso\s+far\s+(?:this|in|during|since)\b|\b(?:have|has)\s+so\s+far\b|\bto\s+date\b"
    r"|\b(?:have|has)\s+(?:so\s+far\s+|now\s+|also\s+)?been\s+killed\s+in\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?"
    r"(?:campaign|offensive|war|conflict|bombardment|siege|battle|fighting)\b|\bin\s+total\b|\baltogether\b|\boverall\b"
    r"|\b(?:in|during|across)\s+(?:various|several|multiple|a\s+series\s+of|a\s+wave\s+of|numerous|repeated)\s+"
    r"(?:\w+\s+)?(?:attacks|strikes|raids|air\s*strikes|bombings|incidents|clashes)\b"
    r"|\b(?:over|in|during)\s+the\s+(?:past|last)\s+(?:(?:few|several|two|three|four|five|six|\d+)\s+)?(?:years?|months?|weeks?|days|decade)\b"
    r"|\b(?:past|last)\s+(?:\d+|two|three|four|five|six|seven|ten|fifteen)\s+(?:days|weeks|months|years)\b"
    r"|\b(?:the|this|a|its)\s+(?:\w+-year|\w+-month|month-long|year-long|week-long)\s+(?:conflict|war|campaign|battle|siege|offensive)"
    r"|\b(?:the|this|syria's|syrias|iraq's)\s+(?:civil\s+)?(?:war|conflict|uprising|revolution|crisis)\s+(?:has|have|had|that\s+has|which\s+has|began|erupted|started|broke)"
    r"|\b(?:in|since|throughout|during|of)\s+the\s+(?:civil\s+)?(?:war|conflict|uprising)\b"
    r"|\b(?:death\s+)?toll\s+(?:from|in|of)\s+the\s+(?:\w+-year\s+)?(?:war|conflict)"
    r"|\bin\s+(?:the\s+)?(?:battle|fight|campaign|offensive|operation|siege)\s+(?:for|since|against|to)"
    r"|\bthis\s+year\b|\blast\s+year\b|\bin\s+20\d\d\b|\bduring\s+20\d\d\b"
    r"|\b(?:in|during|over)\s+the\s+period\s+(?:from|between|since|of)\b"
    r"|\beach\s+day\b|\bevery\s+day\b|\bper\s+day\b|\ba\s+day\b(?!\s+(?:earlier|later|after|before|ago))|\bdaily\b(?!\s+(?:newspapers?|paper|(?-i:[A-Z])))"
    r"|\bthe\s+number\s+of\s+civilians?\b|\bcumulative\b|\bin\s+all\b|\btotal\s+(?:number|toll)\b"
    r"|\bhave\s+been\s+killed\s+in\s+(?:syria|iraq|the\s+country)\b|\bdur(?:ing|ed)\s+its\s+(?:air\s+)?(?:raids|campaign|strikes)\b",
    re.I,
)
# "Errant strikes have killed hundreds of civilians", "The fighting has killed tens of thousands", "Hundreds
# of people have been killed in attacks": a total of many attacks over time
_PERFECT_TOTAL = led(
    r"\b(?:strikes|air\s*strikes|raids|attacks|bombings|bombardments|shelling|fighting|clashes|violence|campaign|"
    r"war|conflict|offensive|operations|siege)\s+(?:\w+\s+){0,4}?(?:have|has)\s+(?:also\s+|now\s+)?"
    r"(?:killed|claimed|left|led\s+to|caused|resulted\s+in)\b"
    r"|\b(?:hundreds|thousands|tens\s+of\s+thousands|hundreds\s+of\s+thousands|millions)\s+(?:of\s+\w+\s+)?(?:\w+\s+)?"
    r"(?:have|has)\s+(?:been\s+|also\s+been\s+)?(?:killed|died|wounded|injured)\b"
    r"|\b(?:have|has)\s+(?:also\s+)?(?:killed|claimed|left)\s+(?:the\s+lives\s+of\s+)?(?:hundreds|thousands|tens\s+of\s+thousands)\b",
    re.I)
# "Last month nearly 1200 civilians were killed": a period's total when the figure is large
_PERIOD = led(r"\b(?:last|this|past|previous)\s+(?:month|year|week)\b|\bin\s+(?:january|february|march|april|may|june|"
                     r"july|august|september|october|november|december)\b|\bthis\s+week\b|\bthe\s+previous\s+week\b",
                     re.I)
# "from the end of March to Sept. 24", "between January and June": a span of months (two different months)
_MONTH = (r"(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|"
          r"oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?")
_MONTH_SPAN = led(rf"\b(?:from|between)\s+(?:the\s+(?:end|start|beginning|middle)\s+of\s+|(?:early|mid|late)[-\s])?"
                         rf"{_MONTH}\b[^.;]{{0,30}}?\b(?:to|until|till|through|and)\s+"
                         rf"(?:the\s+(?:end|start|beginning|middle)\s+of\s+|(?:early|mid|late)[-\s])?{_MONTH}\b", re.I)


def _months_apart(clause: str) -> bool:
    """Whether the clause gives a span from one month to another ("from March to Sept. 24")."""
    return any(m.group(1)[:3].lower() != m.group(2)[:3].lower() for m in _MONTH_SPAN.finditer(clause))


_ONE_ATTACK = re.compile(r"\b(?:a|an|one|the)\s+(?:[\w-]+\s+){0,3}?(?:air\s*strike|airstrike|strike|attack|bombing|"
                         r"explosion|blast|raid|missile|car\s+bomb|massacre)\b", re.I)
_INCIDENT_OVERRIDE = led(r"\bpast\s+24\s+hours\b|\blast\s+24\s+hours\b|\bsince\s+(?:dawn|the\s+morning|morning|midnight|friday|saturday|sunday|monday|tuesday|wednesday|thursday)\b", re.I)


# "the deadliest attack in the capital this year" compares one attack with a period
_SUPERLATIVE = re.compile(
    r"\b(?:deadliest|worst|bloodiest|biggest|largest|heaviest|most\s+\w+)\b[^.;]{0,60}?"
    r"\b(?:this|last)\s+(?:year|month|week)\b"
    r"|\b(?:deadliest|worst|bloodiest|largest|highest|biggest)\b[^.;]{0,60}?\bsince\b[^.;,]*", re.I)


# one of them is in every match of _SUPERLATIVE, lower-cased (with the letters re.I takes for "i" and "s": "ı",
# "İ" lower-cased, "ſ")
_SUPERLATIVE_WORDS = ("deadliest", "worst", "bloodiest", "biggest", "largest", "heaviest", "most", "highest",
                      "\u0131", "\u0307", "\u017f")


# where one clause of a sentence ends and another, with its own figure, begins
_CLAUSE_BREAK = led(r";|,?\s+(?:and|but)\s+that\b|,\s+while\b|\s+whereas\b|,\s+but\b", re.I)


def clause_at(sentence: str, at: int) -> str:
    """The clause of ``sentence`` holding offset ``at``."""
    start, end = 0, len(sentence)
    for m_start, m_end in _clause_breaks(sentence):
        if m_end <= at:
            start = m_end
        elif m_start > at:
            end = m_start
            break
    return sentence[start:end]


@lru_cache(maxsize=64)
def _clause_breaks(sentence: str) -> tuple[tuple[int, int], ...]:
    """Where the clauses of ``sentence`` break (once per sentence: each of its figures asks)."""
    return tuple((m.start(), m.end()) for m in _CLAUSE_BREAK.finditer(sentence))


def scope_of(sentence: str, low: int | None, high: int | None, at: int | None = None) -> str:
    """'cumulative' when the sentence (or the clause at offset ``at``) speaks of a total over a period."""
    value = low if low is not None else high
    if at is not None:
        sentence = clause_at(sentence, at)
    cues = _cues_of(sentence)
    if cues.override:
        return "incident"
    if cues.cumulative:
        return "cumulative"
    many = value is None or value >= 100  # "hundreds", "1,200": a total, not one attack's toll
    if many and cues.perfect:
        return "cumulative"
    if value is not None and value >= 100 and cues.period and not cues.one_attack:
        return "cumulative"
    if value is not None and value >= 5000:
        return "cumulative"
    return "incident"


class _Cues:
    """What a clause says of its scope, each cue searched for when first asked (most figures are small:
    the cues of a total over a period are asked of few)."""

    __slots__ = ("clause", "_override", "_cumulative", "_perfect", "_period", "_one_attack")

    def __init__(self, clause: str):
        low = clause.lower()
        superlative = any(w in low for w in _SUPERLATIVE_WORDS)
        self.clause = _SUPERLATIVE.sub(" ", clause) if superlative else clause
        self._override = self._cumulative = self._perfect = self._period = self._one_attack = None

    @property
    def override(self) -> bool:
        if self._override is None:
            clause = self.clause
            self._override = bool(_INCIDENT_OVERRIDE.search(clause)) and not re.search(
                r"\bsince\s+\d{4}|\bwar\b|\bconflict\b", clause, re.I)
        return self._override

    @property
    def cumulative(self) -> bool:
        if self._cumulative is None:
            self._cumulative = bool(_CUMULATIVE.search(self.clause)) or _months_apart(self.clause)
        return self._cumulative

    @property
    def perfect(self) -> bool:  # a perfect-tense total
        if self._perfect is None:
            self._perfect = bool(_PERFECT_TOTAL.search(self.clause))
        return self._perfect

    @property
    def period(self) -> bool:
        if self._period is None:
            self._period = bool(_PERIOD.search(self.clause))
        return self._period

    @property
    def one_attack(self) -> bool:
        if self._one_attack is None:
            self._one_attack = bool(_ONE_ATTACK.search(self.clause))
        return self._one_attack


@lru_cache(maxsize=4096)
def _cues_of(clause: str) -> _Cues:
    """What a clause says of its scope (:class:`_Cues`), read once."""
    return _Cues(clause)
