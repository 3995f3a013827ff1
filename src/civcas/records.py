"""The records civcas stages exchange: frozen dataclasses, standard library only.

No ORM row, database session or NLP object crosses a stage boundary; only these.
This module imports nothing from civcas.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date, datetime
from typing import Any

OUTCOMES = ("killed", "injured", "casualties")
VICTIM_GROUPS = ("people", "civilians", "children", "women", "men", "combatants", "security_forces")
QUALIFIERS = ("exact", "at_least", "more_than", "up_to", "about", "range", "vague", "none")
SCOPES = ("incident", "cumulative")
# where precision of a resolved place, most to least precise (UCDP where_prec in spirit)
PRECISIONS = ("point", "village", "district", "governorate", "country")
# Airwars grading scale, strongest first
GRADES = ("confirmed", "fair", "weak", "contested", "discounted")
STANCES = ("acknowledged", "denied", "no_comment")
DATE_PRECISIONS = ("day", "days", "week", "month", "year", "unknown")
JUDGEMENT_KINDS = ("accept_claim", "reject_claim", "correct_claim", "merge", "split", "set_grade")
# what a user of the review app may do: read; and judge; and manage users
ROLES = ("viewer", "reviewer", "admin")


@dataclass(frozen=True)
class Document:
    """One article: cleaned body text plus what is known about it.

    ``text`` is the cleaned body; every claim span is an offset into it.
    ``published`` is the publication date, from metadata when given, else
    from the text. ``content_hash`` is the SHA-256 of title and body.
    """

    id: str
    title: str
    text: str
    published: date | None = None
    outlet: str | None = None
    url: str | None = None
    origin: str | None = None  # file path (and row) it was read from
    content_hash: str = ""
    language: str = ""  # "en", "ar": detected offline from the script at ingest ("" when not known)

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["published"] = self.published.isoformat() if self.published else None
        return d


@dataclass(frozen=True)
class Place:
    """A gazetteer entry a place mention resolved to (the ``geo`` of a claim).

    ``country`` is ISO 3166-1 alpha-2; ``feature`` the GeoNames class.code
    ("P.PPL", "A.ADM1"); ``precision`` one of :data:`PRECISIONS`;
    ``confidence`` in [0, 1]; ``mention`` the text as written in the article;
    ``origin`` "geonames" or "user" (added with ``civcas gazetteer add``);
    ``note`` says why when the mention itself was not found and a containing
    or nearby place stands in for it.
    """

    name: str
    lat: float | None
    lon: float | None
    country: str | None
    admin1: str | None
    admin2: str | None = None
    geonames_id: int | None = None
    feature: str | None = None
    precision: str = "village"
    confidence: float = 0.0
    mention: str | None = None
    origin: str = "geonames"
    note: str | None = None  # how it was placed when not by its own name (a fallback)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class Claim:
    """A casualty claim, with the fields of shared/gold/GUIDE.md plus its span.

    ``low``/``high`` follow the guide's arithmetic (strict bounds +/-1);
    ``event_date`` is ISO ``YYYY-MM-DD`` or an interval ``start/end``;
    ``span`` is ``(start, end)`` into the cleaned body and lies inside
    ``sentence``, which starts at ``sentence_start``.
    """

    outcome: str
    victims: str
    low: int | None
    high: int | None
    qualifier: str
    text: str
    source: str
    place: str | None
    event_date: str | None
    perpetrator: str | None
    scope: str
    span: tuple[int, int]
    sentence: str
    sentence_start: int = 0
    id: str = ""  # stable: derived from the document hash, span and fields
    document_id: str = ""
    geo: Place | None = None  # the resolved ``place`` (null when unresolved)
    confidence: float | None = None  # calibrated: claims given 0.9 are right about 90% of the time

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["span"] = list(self.span)
        return d


@dataclass(frozen=True)
class Considered:
    """One value a field's decision weighed: where it came from and how likely it was."""

    value: str | None
    origin: str  # "this sentence", "the account before", "the headline", ...
    probability: float
    evidence: str = ""  # the words that name it
    reasons: tuple[str, ...] = ()  # the features that moved it most ("+1.30 the nearest speaker")


@dataclass(frozen=True)
class FieldChoice:
    """Why a claim's field holds its value: the value, its probability, and every candidate considered."""

    field: str
    value: str | None
    probability: float
    considered: tuple[Considered, ...] = ()


@dataclass(frozen=True)
class ClaimExplanation:
    """A claim and the choice behind each of its fields (``civcas extract --explain``)."""

    claim: Claim
    fields: tuple[FieldChoice, ...] = ()


@dataclass(frozen=True)
class ReadFailure:
    """An input that could not be read: where, and why (one line)."""

    origin: str
    reason: str


@dataclass(frozen=True)
class ExtractionResult:
    """A document with the claims extracted from it."""

    document: Document
    claims: tuple[Claim, ...] = field(default_factory=tuple)
    focus: Place | None = None  # where the document's main incident happened
    explanations: tuple[ClaimExplanation, ...] = ()  # with ``explain``: why each claim's fields hold their values


# ------------------------------------------------------------ the ledger


@dataclass(frozen=True)
class Estimate:
    """Low / best / high for one (outcome, victim group) of an incident.

    ``rule`` says in words how ``best`` was chosen (and low/high); figures of
    claims about the same incident are never added up.
    """

    outcome: str  # killed | injured
    victims: str  # civilians | children | women | ...
    low: int | None
    best: int | None
    high: int | None
    rule: str
    claim_ids: tuple[str, ...] = ()


@dataclass(frozen=True)
class Stance:
    """What one belligerent said about an incident, with the claim that shows it."""

    belligerent: str
    stance: str  # one of STANCES
    claim_id: str | None = None


@dataclass(frozen=True)
class Assessment:
    """The computed (or overridden) view of an incident: grade, reasons, ranges, stances."""

    grade: str  # one of GRADES
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
    date_precision: str = "unknown"  # one of DATE_PRECISIONS
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
    victims: str
    outcome: str
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
    victims: str = "civilians"
    outcome: str = "killed"
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
    kind: str  # one of JUDGEMENT_KINDS
    target: str  # claim id or incident id (merge: comma-separated incident ids)
    payload: tuple[tuple[str, Any], ...]  # field -> value pairs (corrections, grade, split ids)
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
    role: str
    created_at: datetime | None = None
    password_hash: str = field(default="", repr=False)  # argon2; never shown
