"""The figures of one sentence that are casualty claims: what, whom, how many — before who says so,
where, when and by whom are chosen (:mod:`candidates`)."""
from __future__ import annotations

from dataclasses import dataclass

from .denials import find_denials
from .figures import find_raw_claims
from .report import Sentence
from .scope import scope_of
from .tokens import tokenize


@dataclass(frozen=True)
class Draft:
    """A casualty figure found in a sentence; ``span`` is in the report, ``victim_span`` in the sentence."""

    outcome: str
    victims: str
    low: int | None
    high: int | None
    qualifier: str
    span: tuple[int, int]
    victim_span: tuple[int, int]
    sentence: Sentence
    scope: str
    how: str = ""  # how the outcome was read: verb, participle, toll, noun, coordination, breakdown, denial
    breakdown: bool = False  # a part of a figure before it ("including seven children")
    denier: tuple[int, int] | None = None  # a denial: the words before it that may name who denies
    orphan: bool = False  # "N others" whose sentence has no figure to take the group of
    definite: bool = False  # "the 36 dead": a figure told before

    @property
    def rel(self) -> tuple[int, int]:
        return self.span[0] - self.sentence.start, self.span[1] - self.sentence.start


def drafts_of(sentence: Sentence) -> list[Draft]:
    """Every casualty figure of a sentence, left to right."""
    if not sentence.casualty:
        return []
    s, sent = sentence.start, sentence.text
    toks = tokenize(sent, s)
    out = []
    for raw in find_raw_claims(toks):
        cs, ce = toks[raw.first].start, toks[raw.last - 1].end
        vs = toks[raw.fig.last].start - s if raw.fig.last < len(toks) else ce - s
        ve = toks[raw.np_end - 1].end - s if raw.np_end > raw.fig.last else vs
        scope = scope_of(sent, raw.fig.low, raw.fig.high, cs - s)
        out.append(Draft(raw.outcome or "killed", raw.victims or "people", raw.fig.low, raw.fig.high,
                         raw.fig.qualifier, (cs, ce), (vs, ve), sentence, scope, raw.how, raw.parent is not None,
                         orphan=raw.orphan, definite=raw.definite))
    for ds, de, outcome, victims in find_denials(sent):
        out.append(Draft(outcome, victims, 0, 0, "none", (s + ds, s + de), (0, 0), sentence,
                         scope_of(sent, 0, 0, ds), "denial", False, (max(0, ds - 80), ds)))
    return sorted(out, key=lambda d: d.span)
