"""What the extractor needs from a language: a :class:`Reader` per language, chosen per document.

A reader splits a report into sentences and says what each sentence names (places, times, actors,
speakers) and which of its figures are casualty claims (:class:`~civcas.extract.drafts.Draft`);
its :class:`Cues` are the phrases the candidate features look for ("in the same strike", "killed
in clashes"). Everything after that — candidates, the decisions, the passes — is shared, so an
Arabic and an English report of one strike come out as the same kind of claims with the same
canonical names. Readers register themselves in :data:`READERS`; :func:`detect` picks one offline
from the script of the text.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Protocol

from ..vocab.arabic import language_of

if TYPE_CHECKING:  # pragma: no cover - types only
    from datetime import date

    from .actors import ActorMention
    from .attribution import Attribution
    from .drafts import Draft
    from .report import Sentence
    from .timex import TimeMention

_NEVER = re.compile(r"(?!x)x")


@dataclass(frozen=True)
class Cues:
    """Phrases the candidate features look for, in one language (a pattern that never matches when a
    language has none)."""

    tied: re.Pattern = _NEVER  # ties harm to the harm told before: "in the same strike", "the dead"
    loose: re.Pattern = _NEVER  # moves on without tying: "meanwhile", "in the same context"
    adds: re.Pattern = _NEVER  # adds to the account before: "In addition, ...", "Also, ..."
    owned_deaths: re.Pattern = _NEVER  # a belligerent owning up to deaths: "acknowledged the deaths of"
    other_harm: re.Pattern = _NEVER  # a figure of another harm: "were also killed", "in a separate attack"
    attack_ref: re.Pattern = _NEVER  # the attack told before: "claimed responsibility for the attack"
    an_attack: re.Pattern = _NEVER  # an attack named anew: "where a chemical attack killed 90"
    by_air: re.Pattern = _NEVER  # harm from the air: "air strikes", "warplanes", "barrel bombs"
    fighting: re.Pattern = _NEVER  # harm in fighting between sides: "killed in clashes"
    the_attack: re.Pattern = _NEVER  # "killed in the attack": the attack told just before
    whole_war: re.Pattern = _NEVER  # the war as a whole: "the six-year conflict"
    campaign: re.Pattern = _NEVER  # a campaign of attacks: "the bombing campaign"
    rivals: re.Pattern = _NEVER  # rival candidates for an attack: "unclear whether X or Y"
    accusation: re.Pattern = _NEVER  # one side accusing another of the attack: "X accused Y of gassing ..."
    rebuttal: re.Pattern = _NEVER  # the accused rejecting it: "denied the allegations", "fabricated"
    across: re.Pattern = _NEVER  # harm spread over a named region, end-anchored: "strikes across the Gaza Strip"
    reference: re.Pattern = _NEVER  # a place beside another, end-anchored: "the region is adjacent to the city's X"
    unclaimed: re.Pattern = _NEVER  # no one has claimed the attack: "no immediate claim of responsibility"
    refers_back: re.Pattern = _NEVER  # a breakdown of the figure told before: "among those killed", "of the dead"
    blame: re.Pattern = _NEVER  # "blamed", "accused"
    near: re.Pattern = _NEVER  # a reference point before a place: "near", "10 km south of" (end-anchored)
    at: re.Pattern = _NEVER  # "in"/"at" before a place (end-anchored)
    nationwide: re.Pattern = _NEVER  # "across the country"
    two_parts: re.Pattern = _NEVER  # "in the north and east of the country"
    there: re.Pattern = _NEVER  # "killed there"
    war: re.Pattern = _NEVER  # a war word
    struck: re.Pattern = _NEVER  # a place hit: "shelled", "strikes on X"
    among: re.Pattern = _NEVER  # "among those killed"
    quote: re.Pattern = _NEVER  # quotation marks
    clause_break: re.Pattern = _NEVER  # where one clause ends: ";", " - ", "while"
    list_next: re.Pattern = _NEVER  # after a place, another of a list follows: ", Rastan", " and Rastan"
    list_prev: re.Pattern = _NEVER  # before a place, one of a list ends (end-anchored)
    frame: re.Pattern = _NEVER  # before the first place, the sentence opens on it: "In Daraa, ..." (whole prefix)
    incident_in: re.Pattern = _NEVER  # a sentence opening "The incident in X": it places the toll before
    credit: re.Pattern = _NEVER  # a page's credit line naming whose material it is: "(Source: X)" (group 1: X)
    anaphor: re.Pattern = _NEVER  # a sentence opening on the event told before: "The blast ..."
    planted: re.Pattern = _NEVER  # harm by a planted or carried bomb: "a car bomb", "a blast", "a landmine"
    backstory: re.Pattern = _NEVER  # a sentence opening on a past year: "In 2013, ..."
    body_after: re.Pattern = _NEVER  # after a place, a body of it: "the Anbar council" (start-anchored)
    both_countries: re.Pattern = _NEVER  # several countries told back: "in both countries"
    office: re.Pattern = _NEVER  # after a place, an office it heads: "Anbar deputy governor" (start-anchored)
    own_action: re.Pattern = _NEVER  # the speaker's own acts: "its campaign", "our strikes"
    # for a cue, words one of which its matches always hold: a sentence with none of them is not searched
    needles: dict[str, tuple[str, ...]] = field(default_factory=dict)
    # for a cue, a cheaper expression every text it matches also matches: searched first
    gates: dict[str, re.Pattern] = field(default_factory=dict)


class Reader(Protocol):
    """One language's readers (see module doc)."""

    code: str
    cues: Cues

    def casualty_hint(self, text: str) -> bool:
        """Whether the text may hold a casualty figure at all (a cheap first look)."""

    def sentences(self, text: str) -> list[tuple[int, int]]:
        """(start, end) of each sentence."""

    def times(self, text: str, published: date | None) -> list[TimeMention]:
        """Every time mention of the text, resolved against ``published``."""

    def event_times(self, times: list[TimeMention], text: str, start: int, end: int) -> list[TimeMention]:
        """The time mentions of sentence [start, end) that can date harm."""

    def places(self, sentence: str, country: str | None = None) -> list[tuple[int, int, str, int]]:
        """(start, end, name, rank) of each place the sentence names (in a report about ``country``);
        ``name`` in English when known."""

    def actors(self, sentence: str, country: str | None) -> list[ActorMention]:
        """Every actor the sentence names, with its role there."""

    def attributions(self, sentence: str, country: str | None) -> list[Attribution]:
        """Every reporting cue of the sentence and its speaker."""

    def flags(self, sentence: str) -> tuple[bool, bool, bool]:
        """(opens another event, moves elsewhere, continues the account) for a sentence."""

    def drafts(self, sentence: Sentence) -> list[Draft]:
        """The casualty figures of a sentence."""

    def kinds_named(self, sentence: str, places: list[tuple[int, int, str, int]]) -> dict[str, str]:
        """The places the sentence names with their kind ("the Akrameh neighbourhood" -> quarter)."""

    def kind_referred(self, sentence: str) -> str | None:
        """The kind of place a definite description points back to ("the district" -> quarter)."""


READERS: dict[str, Reader] = {}



def detect(text: str) -> str:
    """The language of a report, offline: ``ar`` when Arabic letters outnumber Latin ones (in its
    first 2,000 characters), else ``en``."""

    return language_of(text)


def reader_for(text: str) -> Reader:
    """The reader of the text's language (English when none is registered for it)."""
    return READERS.get(detect(text)) or READERS["en"]
