"""What a report has established so far, sentence by sentence: the account a later figure continues.

The account holds the last source named, the place and day of the harm being told, the actor
blamed for it, and who holds which office (so that "Obeid said" is the Anbar deputy governor named
earlier). Candidates for a claim's attributes are drawn from it (:mod:`candidates`).
"""
from __future__ import annotations

from dataclasses import dataclass, field

from .attribution import Attribution
from .speakers import person_in


@dataclass
class Held:
    """A value the account holds, where it was established, and how."""

    value: str
    sentence: int  # index of the sentence that established it
    rank: int = 0  # places: how specific
    how: str = ""
    place: str | None = None  # perpetrators and dates: the place of the claim that established it
    day: str | None = None  # perpetrators: the event date of the claim that established it


@dataclass
class Account:
    """See module doc. Mutable: updated as the report is read."""

    source: Held | None = None  # the last speaker named (not a pronoun)
    source_also: str = ""  # a second source that spoke with it ("the civil defence and the Observatory said")
    claim_source: Held | None = None  # the source of the last claim
    place: Held | None = None  # the place of the harm being told
    region: Held | None = None  # the last province named
    city: str | None = None  # the last city named (a province's namesake: "the provincial governor" of Marib)
    previous_places: list[str] = field(default_factory=list)  # named by the sentence before
    kinds: dict[str, str] = field(default_factory=dict)  # "quarter" -> "Akrameh"
    perpetrator: Held | None = None  # blamed for the last incident claim
    last_actor: Held | None = None  # the one actor the sentence before named as acting
    date: Held | None = None  # the day of the harm being told
    offices: dict[str, str] = field(default_factory=dict)  # a person's name -> the office named with it
    named: dict[str, Held] = field(default_factory=dict)  # a kind of source -> the last body of that kind named
    last_group: Held | None = None  # the victim group of the last claim that is no breakdown
    claims: int = 0  # claims so far
    new_event_at: int = -1  # index of the last sentence that opened another event

    def learn_offices(self, atts: list[Attribution]) -> None:
        """Remember "Anbar Deputy Gov. Saadoun Obeid" so that a later "Obeid said" is that office."""
        for a in atts:
            person = None if a.pronoun or a.known else a.person or person_in(a.raw)
            if person:
                words = person.split()
                for n in range(1, len(words) + 1):
                    self.offices.setdefault(" ".join(words[-n:]), a.name)
