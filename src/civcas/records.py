"""The records civcas stages exchange: frozen dataclasses, standard library only.

No ORM row, database session or NLP object crosses a stage boundary; only these.
This module imports nothing from civcas.
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict, dataclass, field, fields, replace
from datetime import date, datetime
from pathlib import Path
from typing import Any, Literal, get_args

# The closed vocabularies of the records: a ``Literal`` type for the checker, and the tuple of
# its values (in that order) for code that lists or validates them.
Outcome = Literal["killed", "injured", "casualties"]
VictimGroup = Literal["people", "civilians", "children", "women", "men", "combatants",
                      "security_forces"]
Qualifier = Literal["exact", "at_least", "more_than", "up_to", "about", "range", "vague", "none"]
Scope = Literal["incident", "cumulative"]
# where precision of a resolved place, most to least precise (UCDP where_prec in spirit)
Precision = Literal["point", "village", "district", "governorate", "country"]
# Airwars grading scale, strongest first
Grade = Literal["confirmed", "fair", "weak", "contested", "discounted"]
StanceKind = Literal["acknowledged", "denied", "no_comment"]
DatePrecision = Literal["day", "days", "week", "month", "year", "unknown"]
JudgementKind = Literal["accept_claim", "reject_claim", "correct_claim", "merge", "split",
                        "set_grade", "undo"]
# what a user of the review app may do: read; and judge; and manage users
Role = Literal["viewer", "reviewer", "admin"]

OUTCOMES: tuple[Outcome, ...] = get_args(Outcome)
VICTIM_GROUPS: tuple[VictimGroup, ...] = get_args(VictimGroup)
QUALIFIERS: tuple[Qualifier, ...] = get_args(Qualifier)
SCOPES: tuple[Scope, ...] = get_args(Scope)
PRECISIONS: tuple[Precision, ...] = get_args(Precision)
GRADES: tuple[Grade, ...] = get_args(Grade)
STANCES: tuple[StanceKind, ...] = get_args(StanceKind)
DATE_PRECISIONS: tuple[DatePrecision, ...] = get_args(DatePrecision)
JUDGEMENT_KINDS: tuple[JudgementKind, ...] = get_args(JudgementKind)
ROLES: tuple[Role, ...] = get_args(Role)


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
    precision: Precision = "village"
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

    outcome: Outcome
    victims: VictimGroup
    low: int | None
    high: int | None
    qualifier: Qualifier
    text: str
    source: str
    place: str | None
    event_date: str | None
    perpetrator: str | None
    scope: Scope
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
    # with ``explain``: why each claim's fields hold their values
    explanations: tuple[ClaimExplanation, ...] = ()


# ------------------------------------------------------------ the ledger


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
class Candidate:
    """A gazetteer entry a mention may mean, with its score and the reasons for it."""

    place: Place
    score: float
    why: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        return {**self.place.to_dict(), "score": round(self.score, 3), "why": list(self.why)}


@dataclass(frozen=True)
class PlaceResolution:
    """The outcome of resolving a place mention: the place (or None) and why."""

    mention: str
    place: Place | None
    reason: str
    candidates: tuple[Candidate, ...] = ()


@dataclass(frozen=True)
class PlacesAdded:
    """What adding a CSV of the user's own places to the gazetteer did."""

    added: int
    replaced: int
    total: int
    path: Path


# ------------------------------------------------------------ resolution


@dataclass(frozen=True)
class Location:
    """Where a claim happened, as resolution compares places (a gazetteer entry or a name)."""

    name: str
    key: str  # normalised name
    tokens: frozenset[str]
    precision: Precision
    country: str | None
    admin1: str | None
    lat: float | None = None
    lon: float | None = None
    geonames_id: int | None = None
    place: Place | None = None  # the gazetteer entry, when there is one
    rank: int = 1  # the precision's rank in PRECISIONS (0 most precise); set from it

    def __post_init__(self) -> None:
        rank = PRECISIONS.index(self.precision) if self.precision in PRECISIONS else 1
        object.__setattr__(self, "rank", rank)


@dataclass(frozen=True)
class Feature:
    """A claim as resolution compares it (corrections applied); the store keeps one per
    current claim (table ``resolve_items``) so that a judgement re-resolves only its part."""

    claim_id: str
    doc_id: str
    active: bool  # not rejected
    cumulative: bool  # a tally claim: not clustered
    window: tuple[int, int] | None  # date ordinals, inclusive
    location: Location | None

    @property
    def item(self) -> bool:
        """Clustered into an incident."""
        return self.active and not self.cumulative

    @property
    def placed(self) -> bool:
        """Clustered by place and date (else only with its document's claims)."""
        return self.item and self.window is not None and self.location is not None


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


@dataclass(frozen=True)
class Filters:
    """Which incidents a list shows (every filter optional), and for a page of it the sort,
    order and page. The CLI (``civcas incidents``) and the review app build one each; the
    checks and the matching are :mod:`civcas.review.query`'s."""

    grade: Grade | None = None
    country: str | None = None  # ISO 3166-1 alpha-2, as in Place.country
    admin1: str | None = None
    place: str | None = None  # part of the place's name, admin1, admin2, country or the title
    since: str | None = None  # YYYY-MM-DD: incidents that end on or after
    until: str | None = None  # YYYY-MM-DD: incidents that start on or before
    perpetrator: str | None = None  # part of a perpetrator's name
    q: str | None = None  # words found in the title, place, perpetrators, sources or id
    reviewed: bool | None = None  # True: some reviewer judged it; False: none yet
    queue: str | None = None  # a review queue (civcas.review.query.QUEUES): what to check first
    sort: str = "date"
    order: str = "desc"
    page: int = 1
    per_page: int = 50

    def params(self, **changes: Any) -> dict[str, Any]:
        """The non-default values (with ``changes``), for links to other pages and sorts."""
        other = replace(self, **changes)
        default = Filters()
        return {f.name: getattr(other, f.name) for f in fields(self)
                if getattr(other, f.name) != getattr(default, f.name)}


@dataclass(frozen=True)
class Page:
    """One page of the incident list."""

    incidents: tuple[Incident, ...]
    total: int  # incidents that pass the filters
    all: int  # incidents in the ledger
    page: int
    pages: int
    filters: Filters


@dataclass(frozen=True)
class Facets:
    """Values present in the ledger, with counts, for the filter menus."""

    grades: tuple[tuple[str, int], ...]
    countries: tuple[tuple[str, int], ...]
    admin1: tuple[tuple[str, str, int], ...]  # country, admin1, count
    perpetrators: tuple[tuple[str, int], ...]


@dataclass(frozen=True)
class IncidentReview:
    """Everything the review app's incident page shows."""

    incident: Incident
    claims: tuple[Claim, ...]  # the incident's claims, corrections applied
    documents: dict[str, Document]  # the documents of those claims (and of ``rejected``)
    rejected: tuple[Claim, ...]  # claims rejected from this incident (may be accepted back)
    judgements: tuple[Judgement, ...]  # about this incident or its claims, oldest first
    audit: tuple[dict[str, Any], ...]  # audit entries of those judgements
    version: str  # send it back with a judgement: a stale one is a conflict
    corrected: dict[str, dict[str, Any]] = field(default_factory=dict)  # claim -> original values
