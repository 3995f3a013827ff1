"""The figures of one sentence that are casualty claims: what, whom, how many — before who says so,
where, when and by whom are chosen (:mod:`candidates`)."""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover - types only
    from .report import Sentence


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
