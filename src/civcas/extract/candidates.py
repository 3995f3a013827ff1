"""Candidates for a claim's source, place, perpetrator and event date, each with the features the
decision (:mod:`decide`) weighs.

A candidate is one value the report offers for a field — a name in the claim's own sentence, the
account the sentence continues, a later sentence, the headline, the report as a whole, or nothing —
with named features that say where it comes from and how it sits to the claim. The generators are
in ``cand_*`` modules, one per field.
"""
from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, field

from ..vocab import fold
from .known import inside

_NO_FEATURES: dict[str, float] = {}  # a candidate built without features gets a dict of its own


@dataclass(frozen=True)
class Candidate:
    """One value for one field, with the features that argue for or against it."""

    value: str | None
    origin: str  # where the value comes from, in words ("this sentence", "the account before", ...)
    features: dict[str, float] = field(default_factory=dict, hash=False, compare=False)
    evidence: str = ""  # the words that name it

    def __init__(self, value: str | None, origin: str, features: dict[str, float] = _NO_FEATURES,
                 evidence: str = "") -> None:
        # (the generated __init__ of a frozen dataclass sets each field through object.__setattr__, twice
        # as slow as writing the instance's dict; every claim builds dozens of candidates)
        d = self.__dict__
        d["value"] = value
        d["origin"] = origin
        d["features"] = {} if features is _NO_FEATURES else features
        d["evidence"] = evidence


def distance(a: tuple[int, int], b: tuple[int, int]) -> int:
    """Characters between two spans (0 when they overlap)."""
    if a[1] <= b[0]:
        return b[0] - a[1]
    if b[1] <= a[0]:
        return a[0] - b[1]
    return 0


def bucket(n: int, edges: tuple[int, ...] = (1, 2, 3)) -> str:
    """A small count as a feature name part: "1", "2", "3+" ..."""
    for edge in edges:
        if n <= edge:
            return str(edge)
    return f"{edges[-1]}+"


def merge(candidates: list[Candidate]) -> list[Candidate]:
    """One candidate per value: the features of every origin that offers it, together ("named in the
    sentence and in the headline"), the strongest value of each; origins joined in words."""
    by_value: dict[str | None, list[Candidate]] = {}
    for c in candidates:
        by_value.setdefault(None if c.value is None else fold(c.value), []).append(c)
    out = []
    for group in by_value.values():
        if len(group) == 1:
            out.append(group[0])
            continue
        features: dict[str, float] = {}
        get = features.get
        for c in group:
            for k, x in c.features.items():
                old = get(k)
                if old is None or x > old:  # (what max(old, x) keeps, without a call per feature)
                    features[k] = x
        features["origins"] = float(len(group))
        out.append(Candidate(group[0].value, " + ".join(dict.fromkeys(c.origin for c in group)), features,
                             " | ".join(c.evidence for c in group if c.evidence)))
    return out


def in_language(candidates: list[Candidate], language: str) -> list[Candidate]:
    """The candidates with, for a report not in English, a copy of each feature under the language's
    prefix ("ar|acc.back.1"): one set of weights for what all readers share, and the offsets one
    language's reader needs learnt apart, so that it does not bend the weights of the others."""
    if language == "en":
        return candidates
    return [dataclasses.replace(c, features={**c.features, **{f"{language}|{k}": x for k, x in c.features.items()}})
            for c in candidates]


def moved(place: str | None, before: str | None) -> bool:
    """Whether a claim's place is another place than the one an earlier value came with (neither holds
    the other): a sign of another incident."""
    if not place or not before or fold(place) == fold(before):
        return False
    return not (inside(place, before) or inside(before, place))


def speaker_spans(sentence) -> list[tuple[int, int]]:
    """Where the sentence names who speaks, descriptions included ("Al-Masirah, the TV station of the
    Houthi movement, said"): an actor named there describes a voice, not who acted."""
    text = sentence.text
    out = []
    for a in sentence.attributions:
        if a.pronoun or not a.raw:
            continue
        if a.forward:
            at = text.find(a.raw, a.cue_end)
            if at >= 0:
                out.append((a.cue_end, at + len(a.raw)))
        else:
            at = text.rfind(a.raw, 0, a.cue_start)
            if at >= 0:
                out.append((at, a.cue_start))
    return out


_WHOLE_MONTH = re.compile(r"\d{4}-\d\d-01/\d{4}-\d\d-(?:2[89]|3[01])$")
_WHOLE_YEAR = re.compile(r"\d{4}-01-01/\d{4}-12-31$")


def whole_month(value: str | None) -> bool:
    """Whether a date is a whole calendar month ("last month")."""
    return bool(value and _WHOLE_MONTH.match(value))


def background_time(t) -> bool:
    """Whether a time mention is a month or a year ("in August", "last month", "in 2015"): a sentence told
    of it, after a claim of one day, is background to that claim."""
    return t.kind in ("year", "month") or whole_month(t.value) or bool(t.value and _WHOLE_YEAR.match(t.value))
