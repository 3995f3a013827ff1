"""The record of one reporting cue and its speaker (read by :mod:`attribution` and
:mod:`speaker_after`, used by every stage of extraction that weighs sources)."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Attribution:
    """A reporting cue and its speaker; offsets within the sentence."""

    name: str  # as a recorder writes it down
    cue_start: int
    cue_end: int
    raw: str = ""  # the speaker's words as written
    pronoun: bool = False  # "he said", "the source added": the speaker named before
    forward: bool = False  # "according to X"
    known: bool = False  # a source of the vocabulary
    cited: bool = False  # "X said, citing medical sources": the sources X relays, not the speaker
    person: str = ""  # the person's name given beside an office ("Jasim al-Halbusi, the council chairman")
    also: str = ""  # a second source speaking with it ("the civil defence and the Observatory said")
