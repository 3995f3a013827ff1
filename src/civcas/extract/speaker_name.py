"""The name a recorder writes for a speaker's words, or None when the words name no speaker.

"The Turkish broadcaster Haberturk" is Haberturk, "the Houthis" speak through their own voice, "initial
reports" are media reports, "Syrian" alone or a place ("the city of Tabqa") is nobody; otherwise the
phrase is named as a recorder writes it down (:func:`speakers.name_source`).
"""
from __future__ import annotations

import re

from ..vocab import vocabulary
from .known import is_named_place
from .speakers import name_source

_DATE_LEAD = re.compile(r"^(?:(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|"
                        r"apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|"
                        r"dec(?:ember)?|\d{1,4})\.?,?\s+)+", re.I)
# a description of a body's kind before its name ("pro-government daily Al-Watan", "Lebanese Shiite group Hezbollah")
DESCRIBED_NAME = re.compile(r"(?:[\w'-]+\s+){0,3}?(?:broadcaster|channel|television|newspaper|daily|agency|group|"
                            r"movement|militia|network|outlet|website|station|organi[sz]ation)\s+"
                            r"((?:[A-Z]|(?:al|el)-[A-Z])[\w'-]*(?:\s+(?:[A-Z]|(?:al|el)-[A-Z])[\w'-]*){0,3})")
_NOT_A_SPEAKER = re.compile(
    r"^(?:january|february|march|april|may|june|july|august|september|october|november|december|monday|tuesday|"
    r"wednesday|thursday|friday|saturday|sunday|the|it|this|that|there|photo|tags|print|tweet|share|reportedly|"
    r"i|we|you)$",
    re.I)
_BODY_WORD = re.compile(r"\b(?:governorate|council|command|directorate|police|office|ministry|administration|"
                        r"authorities|municipality|governor|mayor)\b", re.I)
# words before "reports" that make the reports a source ("initial reports", "unconfirmed reports")
REPORT_WORDS = "initial|unverified|unconfirmed|early|first|media|news|press|local|other|some|several|conflicting"
_REPORTS = re.compile(rf"(?:(?:{REPORT_WORDS})\s+)*reports?", re.I)


def _plausible(name: str) -> bool:
    words = name.split()
    if not words or len(words) > 8 or _NOT_A_SPEAKER.match(name):
        return False
    return not all(_NOT_A_SPEAKER.match(w) for w in words)


def _voice(name: str, country: str | None) -> str | None:
    """A belligerent named as a speaker ("the Houthis said", "Syrian opposition forces stated") is
    recorded by the source that is its voice."""
    v = vocabulary()
    acts = v.actor_mentions(name, country)
    if not acts or acts[0].end - acts[0].start < len(name) - 8 or v.source_mentions(name, country):
        return None
    actor = v.actors[acts[0].id]
    own = [s for s in v.sources.values() if s.speaks_for == actor.id]
    same = [s for s in own if s.label == actor.label]
    if same or own:
        return (same or own)[0].label
    return actor.label if actor.kind != "generic" else None


def speaker_of(raw: str, country: str | None) -> tuple[str, bool] | None:
    """(the name a recorder writes, whether the vocabulary knows the source) for a speaker's words."""
    raw = re.sub(r"^(?:The|A|An)\s+", "", _DATE_LEAD.sub("", raw.strip(" ,")))
    raw = re.sub(r"(?<=[A-Za-z]{2})\.$", "", raw)
    if not raw or not _plausible(raw):
        return None
    raw = raw.replace("’", "'")
    if re.fullmatch(r"[\w'.-]+-based", raw) or (" " not in raw and _demonym(raw)):
        return None  # "Syrian", "Britain-based": a word about the speaker, not one
    described = DESCRIBED_NAME.fullmatch(raw)
    if described:  # "Turkish broadcaster Haberturk", "the Lebanese group Hezbollah": the name, not its description
        raw = described.group(1)
    v = vocabulary()
    voice = _voice(raw, country)
    if voice:
        return voice, True
    if _REPORTS.fullmatch(raw):
        return raw.lower() if " " in raw else "media reports", False  # "Initial reports indicated that"
    if is_named_place(raw, country) and not _BODY_WORD.search(raw):
        return None  # "... in the city of Tabqa": a place, not a speaker (but "Deir Ezzor governorate" speaks)
    known = bool(v.source_mentions(raw, country))
    return name_source(raw, country), known


def _demonym(word: str) -> bool:
    """A people's adjective alone ("Syrian"): no speaker ("Syria said" is a country's voice)."""
    return bool(vocabulary().demonym_of(word))
