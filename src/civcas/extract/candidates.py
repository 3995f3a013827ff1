"""Candidates for a claim's source, place, perpetrator and event date, each with the features the
decision (:mod:`decide`) weighs.

A candidate is one value the report offers for a field — a name in the claim's own sentence, the
account the sentence continues, a later sentence, the headline, the report as a whole, or nothing —
with named features that say where it comes from and how it sits to the claim. The generators are
in ``cand_*`` modules, one per field.
"""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Candidate:
    """One value for one field, with the features that argue for or against it."""

    value: str | None
    origin: str  # where the value comes from, in words ("this sentence", "the account before", ...)
    features: dict[str, float] = field(default_factory=dict, hash=False, compare=False)
    evidence: str = ""  # the words that name it


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
