"""What one sentence tells the next: the context a report builds up, and the cues that every pass reads."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..records import Claim


@dataclass
class Context:
    """What earlier sentences established: carried to claims that do not restate it."""

    place: str | None = None
    place_rank: int = -1
    region: str | None = None  # the last province or city named (rank 2)
    last_named: str | None = None  # the last place the previous sentence named (for "killed there")
    place_from_strike: bool = False  # ``place`` was named as the place hit, in a sentence with no toll
    kinds: dict[str, str] = field(default_factory=dict)  # the last place named of each kind ("quarter": "Akrameh")
    last_actor: str | None = None  # the one belligerent the previous sentence named as acting
    country: str = "Syria"
    perpetrator: str | None = None
    event_date: str | None = None
    named_source: str | None = None
    last_source: str | None = None
    claims: list[Claim] = field(default_factory=list)
    # per sentence: (start, first event date it names or None, opens a new event)
    sentences: list[tuple[int, str | None, bool]] = field(default_factory=list)
    province_only: set[int] = field(default_factory=set)  # claims placed only "in X province"
    region_only: set[int] = field(default_factory=set)  # claims placed only in a city or region
    no_place: set[int] = field(default_factory=set)  # claims over several places: none to look for
    # per sentence: (start, the one village or town it names, if any)
    # (named with its kind: "the village of X", "the X neighbourhood")
    sentence_places: list[tuple[int, str | None, bool]] = field(default_factory=list)


# a toll of the whole war: "the conflict has claimed", "killed in the war", "since the uprising began"
WHOLE_WAR = re.compile(r"\b(?:the|this|syria'?s|iraq'?s|six-year|five-year|\w+-year)\s+(?:civil\s+|military\s+)?"
                       r"(?:war|conflict|uprising|crisis)\b", re.I)
# totals of a campaign of attacks ("killed in the bombing campaign") can take the report's perpetrator
CAMPAIGN = re.compile(r"\b(?:bombing|air|strikes?|raids?|shelling|bombardment|campaign|airstrikes?)\b", re.I)
# "killed in clashes": harm done in fighting between sides, which no side alone is said to have done
FIGHTING = re.compile(r"\b(?:in|during|amid)\s+(?:the\s+)?(?:\w+\s+)?(?:clashes|fighting|battles|skirmishes)\b", re.I)
COUNTRIES = {"Syria", "Iraq", "Turkey", "Lebanon", "Jordan", "Yemen", "Libya", "Afghanistan", "Israel", "Iran"}
LOOKAHEAD = 3  # sentences after an undated claim searched for the event's date
PLACE_LOOKAHEAD = 5  # sentences after a toll placed only in a region or country searched for its village


def fighting(claim: Claim) -> bool:
    """Whether the claim's sentence tells of harm done in fighting ("killed in clashes")."""
    return bool(FIGHTING.search(claim.sentence))
