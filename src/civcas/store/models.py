"""The ledger's tables as ORM classes (SQLAlchemy 2 declarative, mapped onto the Core
tables of :mod:`.tables`, where the columns are declared).

Only :mod:`civcas.store` imports this module; rows never leave it (they are
turned into :mod:`civcas.records` records first). Every schema change needs an
Alembic migration in ``store/migrations/versions`` (and a change in :mod:`.tables`).

- ``documents``: one row per *version* of a document. A document is identified
  by its content hash; a changed text under the same id (or url) is a new
  version and the old one stays, with its claims, as history
  (``is_current`` false).
- ``claims``: every claim of every version, with span, sentence and fields.
- ``places``: gazetteer entries claims and incidents point to, one row per entry
  (migration 0009); how a text used one (mention, precision, confidence, note) is on
  the row that points to it (``claims.geo_*``, ``documents.focus_*``, ``incidents.place_*``).
- ``incidents``, ``incident_claims``, ``assessments``, ``tallies``: the
  machine's result, rebuilt on every resolution run (judgements applied).
- ``judgements``: reviewers' decisions (never rewritten by the machine).
- ``audit_log``: who did what when (ingest, resolve, judge).
- ``ingest_failures``: inputs that could not be read or extracted, with why.
- ``users``: who may use the review app, with a role and a password hash.
- ``resolve_items``: per current claim, what resolution compared it by at the last
  resolution (window, location, flags): a judgement re-resolves only the claims
  linked to the ones it touches (migration 0004).
- ``ledger_state``: one row whose update serialises writers of the resolution
  (judgements, resolution runs) across processes (migration 0004).
- ``sessions``: the review app's logins (the SHA-256 of a random id the cookie
  carries), so that logout or a changed user ends them on the server (migration 0005).
- ``login_failures``: failed review-app logins by user name and by client address,
  shared by every process, for slowing and refusing guessers (migration 0006).
- ``claims.confidence``: the extractor's calibrated confidence in each claim, for the
  review queue of claims the machine is least sure of (migration 0008; NULL = unknown,
  as for every claim stored before it).
"""
from __future__ import annotations

from datetime import date, datetime

from sqlalchemy.orm import DeclarativeBase, Mapped

from . import tables
from .tables import NAMING, Figure  # noqa: F401  (their home was here)


class Base(DeclarativeBase):
    metadata = tables.metadata


class PlaceRow(Base):
    __table__ = tables.places

    pk: Mapped[int]
    key: Mapped[str]
    name: Mapped[str]
    lat: Mapped[float | None]
    lon: Mapped[float | None]
    country: Mapped[str | None]
    admin1: Mapped[str | None]
    admin2: Mapped[str | None]
    geonames_id: Mapped[int | None]
    feature: Mapped[str | None]
    origin: Mapped[str]


class DocumentRow(Base):
    __table__ = tables.documents

    pk: Mapped[int]
    doc_id: Mapped[str]
    version: Mapped[int]
    content_hash: Mapped[str]
    title: Mapped[str]
    text: Mapped[str]
    published: Mapped[date | None]
    outlet: Mapped[str | None]
    url: Mapped[str | None]
    origin: Mapped[str | None]
    focus_pk: Mapped[int | None]
    is_current: Mapped[bool]
    ingested_at: Mapped[datetime]
    superseded_at: Mapped[datetime | None]
    pending: Mapped[bool]
    focus_precision: Mapped[str | None]
    focus_confidence: Mapped[float | None]
    focus_mention: Mapped[str | None]
    focus_note: Mapped[str | None]


class ClaimRow(Base):
    __table__ = tables.claims

    pk: Mapped[int]
    claim_id: Mapped[str]
    document_pk: Mapped[int]
    outcome: Mapped[str]
    victims: Mapped[str]
    low: Mapped[int | None]
    high: Mapped[int | None]
    qualifier: Mapped[str]
    text: Mapped[str]
    source: Mapped[str]
    place: Mapped[str | None]
    event_date: Mapped[str | None]
    perpetrator: Mapped[str | None]
    scope: Mapped[str]
    span_start: Mapped[int]
    span_end: Mapped[int]
    sentence: Mapped[str]
    sentence_start: Mapped[int]
    place_pk: Mapped[int | None]
    confidence: Mapped[float | None]
    geo_precision: Mapped[str | None]
    geo_confidence: Mapped[float | None]
    geo_mention: Mapped[str | None]
    geo_note: Mapped[str | None]


class FailureRow(Base):
    __table__ = tables.ingest_failures

    pk: Mapped[int]
    origin: Mapped[str]
    reason: Mapped[str]
    attempts: Mapped[int]
    first_seen: Mapped[datetime]
    last_seen: Mapped[datetime]
    resolved_at: Mapped[datetime | None]


class IncidentRow(Base):
    __table__ = tables.incidents

    id: Mapped[str]
    event_date: Mapped[str | None]
    date_precision: Mapped[str]
    place_pk: Mapped[int | None]
    perpetrators: Mapped[list]
    document_ids: Mapped[list]
    title: Mapped[str]
    position: Mapped[int]
    place_precision: Mapped[str | None]
    place_confidence: Mapped[float | None]
    place_mention: Mapped[str | None]
    place_note: Mapped[str | None]


class IncidentClaimRow(Base):
    __table__ = tables.incident_claims

    incident_id: Mapped[str]
    claim_id: Mapped[str]
    position: Mapped[int]


class AssessmentRow(Base):
    __table__ = tables.assessments

    incident_id: Mapped[str]
    grade: Mapped[str]
    reasons: Mapped[list]
    estimates: Mapped[list]
    stances: Mapped[list]
    sources: Mapped[list]
    overridden_by: Mapped[str | None]
    killed_low: Mapped[int | None]
    killed_best: Mapped[int | None]
    killed_high: Mapped[int | None]


class TallyRow(Base):
    __table__ = tables.tallies

    pk: Mapped[int]
    asserter: Mapped[str]
    belligerent: Mapped[str | None]
    victims: Mapped[str]
    outcome: Mapped[str]
    low: Mapped[int | None]
    high: Mapped[int | None]
    as_of: Mapped[str | None]
    period: Mapped[str | None]
    claim_id: Mapped[str]
    document_id: Mapped[str]


class JudgementRow(Base):
    __table__ = tables.judgements

    pk: Mapped[int]
    id: Mapped[str]
    kind: Mapped[str]
    target: Mapped[str]
    payload: Mapped[dict]
    user: Mapped[str]
    at: Mapped[datetime]
    reason: Mapped[str]


class AuditRow(Base):
    __table__ = tables.audit_log

    pk: Mapped[int]
    at: Mapped[datetime]
    action: Mapped[str]
    target: Mapped[str]
    detail: Mapped[dict]
    user: Mapped[str]


class UserRow(Base):
    __table__ = tables.users

    pk: Mapped[int]
    name: Mapped[str]
    role: Mapped[str]
    password_hash: Mapped[str]
    created_at: Mapped[datetime]


class ResolveItemRow(Base):
    """A claim as resolution last saw it (corrections applied); rebuilt with the incidents."""

    __table__ = tables.resolve_items

    claim_id: Mapped[str]
    doc_id: Mapped[str]
    active: Mapped[bool]
    cumulative: Mapped[bool]
    start: Mapped[int | None]
    end: Mapped[int | None]
    name: Mapped[str | None]
    key: Mapped[str | None]
    tokens: Mapped[list | None]
    precision: Mapped[str | None]
    country: Mapped[str | None]
    admin1: Mapped[str | None]
    lat: Mapped[float | None]
    lon: Mapped[float | None]
    geonames_id: Mapped[int | None]


class StateRow(Base):
    """One row (id 1): ``revision`` grows with every resolution write; updating it first
    takes the ledger's write lock for the rest of the transaction."""

    __table__ = tables.ledger_state

    id: Mapped[int]
    revision: Mapped[int]


class SessionRow(Base):
    """A review-app login: the cookie holds the id, this row only its SHA-256 (migration 0005)."""

    __table__ = tables.sessions

    pk: Mapped[int]
    digest: Mapped[str]
    user: Mapped[str]
    created_at: Mapped[datetime]
    last_seen: Mapped[datetime]
    expires_at: Mapped[datetime]
    revoked_at: Mapped[datetime | None]


class LoginFailureRow(Base):
    """One failed login, counted under one key (``user:NAME`` or ``addr:IP``; migration 0006)."""

    __table__ = tables.login_failures

    pk: Mapped[int]
    key: Mapped[str]
    at: Mapped[datetime]
