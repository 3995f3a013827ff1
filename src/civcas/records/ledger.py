"""What the ledger keeps and derives: incidents, estimates, stances, tallies, the gap, judgements, users."""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from .claims import Claim, Document, Place, ReadFailure
from .kinds import DatePrecision, Grade, JudgementKind, Outcome, Role, StanceKind, VictimGroup
from .places import Feature


@dataclass(frozen=True)
class Estimate:
    """Low / best / high for one (outcome, victim group) of an incident.

    ``rule`` says in words how ``best`` was chosen (and low/high); figures of
    claims about the same incident are never added up.
    """

    outcome: Outcome  # killed | injured
    victims: VictimGroup  # civilians | children | women | ...
    low: int | None
    best: int | None
    high: int | None
    rule: str
    claim_ids: tuple[str, ...] = ()

@dataclass(frozen=True)
class Stance:
    """What one belligerent said about an incident, with the claim that shows it."""

    belligerent: str
    stance: StanceKind
    claim_id: str | None = None

@dataclass(frozen=True)
class Assessment:
    """The computed (or overridden) view of an incident: grade, reasons, ranges, stances."""

    grade: Grade
    reasons: tuple[str, ...]
    estimates: tuple[Estimate, ...] = ()
    stances: tuple[Stance, ...] = ()
    sources: tuple[str, ...] = ()  # independent source groups, one name each
    overridden_by: str | None = None  # judgement id when a reviewer set the grade

@dataclass(frozen=True)
class Incident:
    """One harm event (one attack at one place and time) and the claims about it."""

    id: str
    claim_ids: tuple[str, ...]
    event_date: str | None  # ISO date or start/end interval
    date_precision: DatePrecision = "unknown"
    place: Place | None = None
    perpetrators: tuple[str, ...] = ()
    document_ids: tuple[str, ...] = ()
    title: str = ""
    assessment: Assessment | None = None

@dataclass(frozen=True)
class Tally:
    """A cumulative figure: who asserted what total, for which belligerent, as of when."""

    asserter: str
    belligerent: str | None
    victims: VictimGroup
    outcome: Outcome
    low: int | None
    high: int | None
    as_of: str | None  # ISO date the figure stands at (publication date when not said)
    period: str | None = None  # "since 2014", an ISO interval, ...
    claim_id: str = ""
    document_id: str = ""

@dataclass(frozen=True)
class AcknowledgmentGap:
    """One belligerent's own cumulative figures against the monitors', and its incidents.

    ``admitted``: tallies asserted by the belligerent or a body speaking for it;
    ``monitors``: tallies of independent asserters (no belligerent's voice), both by
    date. ``gap_low``/``gap_high`` = the latest monitor figure's low/high minus the
    latest admitted high/low (None when a side is missing or open-ended); ``gap_rule``
    says which figures. Incident fields (methodology 10.2 (a)-(e)) are filled on the
    civilians/killed entry: incidents graded fair or confirmed that blame it, its
    acknowledged and denied incidents, and those fair or confirmed it has not
    acknowledged.
    """

    belligerent: str
    victims: VictimGroup = "civilians"
    outcome: Outcome = "killed"
    admitted: tuple[Tally, ...] = ()
    monitors: tuple[Tally, ...] = ()
    gap_low: int | None = None
    gap_high: int | None = None
    gap_rule: str = ""
    graded_incidents: tuple[str, ...] = ()  # (a) fair or confirmed, blaming it
    graded_killed_low: int | None = None
    graded_killed_high: int | None = None
    acknowledged_incidents: tuple[str, ...] = ()  # (b) it conceded civilian harm
    conceded_low: int | None = None
    conceded_high: int | None = None
    denied_incidents: tuple[str, ...] = ()  # (c) it denied civilian harm
    acknowledged_already_fair: int = 0  # (d) conceded ones with >= 2 independent sources
    unacknowledged: tuple[str, ...] = ()  # fair or confirmed, not acknowledged by it

@dataclass(frozen=True)
class Judgement:
    """A reviewer's decision, applied on top of the machine's result on every run."""

    id: str
    kind: JudgementKind
    target: str  # claim id or incident id (merge: comma-separated incident ids)
    # what the judgement says, by name, names sorted: "fields" (a correction: field -> value),
    # "grade", "claims" (merged, split off or graded), "incident" and "context" (where the
    # reviewer stood); lists are kept as tuples
    payload: Mapping[str, Any]
    user: str
    at: datetime
    reason: str = ""

@dataclass(frozen=True)
class LedgerSnapshot:
    """Everything the outputs (exports, report, web pages) read, in one value."""

    documents: tuple[Document, ...] = ()
    claims: tuple[Claim, ...] = ()
    incidents: tuple[Incident, ...] = ()
    tallies: tuple[Tally, ...] = ()
    judgements: tuple[Judgement, ...] = ()

@dataclass(frozen=True)
class User:
    """A user of the review app: a name, a role (one of :data:`ROLES`), a password hash."""

    name: str
    role: Role
    created_at: datetime | None = None
    password_hash: str = field(default="", repr=False)  # argon2; never shown


# ------------------------------------------------------------ geocoding

@dataclass(frozen=True)
class Resolution:
    """What one resolution run made of the stored claims."""

    incidents: tuple[Incident, ...]
    tallies: tuple[Tally, ...]
    claims: tuple[Claim, ...]  # every claim, with reviewers' corrections applied
    rejected: frozenset[str] = frozenset()
    features: tuple[Feature, ...] = ()  # every claim as compared (resolve_items)

@dataclass(frozen=True)
class IngestSummary:
    """What one ``ingest`` run did."""

    new: int = 0
    changed: int = 0
    unchanged: int = 0
    failed: int = 0
    claims: int = 0  # claims of the new and changed documents
    incidents: int = 0  # incidents in the ledger after resolution
    tallies: int = 0
    failures: tuple[ReadFailure, ...] = field(default_factory=tuple)

    @property
    def documents(self) -> int:
        return self.new + self.changed + self.unchanged


# ------------------------------------------------------------ review
