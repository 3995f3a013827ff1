"""The ledger's tables (SQLAlchemy 2 declarative models).

Only :mod:`civcas.store` imports this module; rows never leave it (they are
turned into :mod:`civcas.records` records first). Every schema change needs an
Alembic migration in ``store/migrations/versions``.

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

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    false,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


# figures: 64-bit on PostgreSQL (migration 0007); SQLite's INTEGER is 64-bit already
Figure = BigInteger().with_variant(Integer(), "sqlite")


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class PlaceRow(Base):
    __tablename__ = "places"

    pk: Mapped[int] = mapped_column(Integer, primary_key=True)
    key: Mapped[str] = mapped_column(String(40), unique=True)  # sha1 of the entry's fields
    name: Mapped[str] = mapped_column(String(300))
    lat: Mapped[float | None] = mapped_column(Float)
    lon: Mapped[float | None] = mapped_column(Float)
    country: Mapped[str | None] = mapped_column(String(8))
    admin1: Mapped[str | None] = mapped_column(String(200))
    admin2: Mapped[str | None] = mapped_column(String(200))
    geonames_id: Mapped[int | None] = mapped_column(Integer)
    feature: Mapped[str | None] = mapped_column(String(20))
    origin: Mapped[str] = mapped_column(String(20))


class DocumentRow(Base):
    __tablename__ = "documents"
    __table_args__ = (Index("ix_documents_doc_id_current", "doc_id", "is_current"),)

    pk: Mapped[int] = mapped_column(Integer, primary_key=True)
    doc_id: Mapped[str] = mapped_column(String(300))
    version: Mapped[int] = mapped_column(Integer, default=1)
    content_hash: Mapped[str] = mapped_column(String(64), unique=True)
    title: Mapped[str] = mapped_column(Text, default="")
    text: Mapped[str] = mapped_column(Text)
    published: Mapped[date | None] = mapped_column(Date)
    outlet: Mapped[str | None] = mapped_column(String(300))
    url: Mapped[str | None] = mapped_column(String(2000), index=True)
    origin: Mapped[str | None] = mapped_column(String(2000))
    focus_pk: Mapped[int | None] = mapped_column(ForeignKey("places.pk"))
    is_current: Mapped[bool] = mapped_column(Boolean, default=True)
    ingested_at: Mapped[datetime] = mapped_column(DateTime)
    superseded_at: Mapped[datetime | None] = mapped_column(DateTime)
    # stored, not yet resolved (migration 0007): cleared by the resolution that includes it
    pending: Mapped[bool] = mapped_column(Boolean, default=True, server_default=false(),
                                          index=True)
    # how the text used its focus place (migration 0009; see places)
    focus_precision: Mapped[str | None] = mapped_column(String(20))
    focus_confidence: Mapped[float | None] = mapped_column(Float)
    focus_mention: Mapped[str | None] = mapped_column(String(300))
    focus_note: Mapped[str | None] = mapped_column(Text)


class ClaimRow(Base):
    __tablename__ = "claims"

    pk: Mapped[int] = mapped_column(Integer, primary_key=True)
    claim_id: Mapped[str] = mapped_column(String(64), unique=True)
    document_pk: Mapped[int] = mapped_column(ForeignKey("documents.pk"), index=True)
    outcome: Mapped[str] = mapped_column(String(20))
    victims: Mapped[str] = mapped_column(String(30))
    low: Mapped[int | None] = mapped_column(Figure)
    high: Mapped[int | None] = mapped_column(Figure)
    qualifier: Mapped[str] = mapped_column(String(20))
    text: Mapped[str] = mapped_column(Text)
    source: Mapped[str] = mapped_column(String(300))
    place: Mapped[str | None] = mapped_column(String(300))
    event_date: Mapped[str | None] = mapped_column(String(30))
    perpetrator: Mapped[str | None] = mapped_column(String(300))
    scope: Mapped[str] = mapped_column(String(20))
    span_start: Mapped[int] = mapped_column(Integer)
    span_end: Mapped[int] = mapped_column(Integer)
    sentence: Mapped[str] = mapped_column(Text)
    sentence_start: Mapped[int] = mapped_column(Integer, default=0)
    place_pk: Mapped[int | None] = mapped_column(ForeignKey("places.pk"))
    # the extractor's calibrated confidence (0-1; migration 0008): NULL = unknown
    confidence: Mapped[float | None] = mapped_column(Float, nullable=True)
    # how the claim's text used its place (migration 0009; see places)
    geo_precision: Mapped[str | None] = mapped_column(String(20))
    geo_confidence: Mapped[float | None] = mapped_column(Float)
    geo_mention: Mapped[str | None] = mapped_column(String(300))
    geo_note: Mapped[str | None] = mapped_column(Text)


class FailureRow(Base):
    __tablename__ = "ingest_failures"

    pk: Mapped[int] = mapped_column(Integer, primary_key=True)
    origin: Mapped[str] = mapped_column(String(2000), unique=True)
    reason: Mapped[str] = mapped_column(Text)
    attempts: Mapped[int] = mapped_column(Integer, default=1)
    first_seen: Mapped[datetime] = mapped_column(DateTime)
    last_seen: Mapped[datetime] = mapped_column(DateTime)
    resolved_at: Mapped[datetime | None] = mapped_column(DateTime)


class IncidentRow(Base):
    __tablename__ = "incidents"

    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    event_date: Mapped[str | None] = mapped_column(String(30), index=True)
    date_precision: Mapped[str] = mapped_column(String(20))
    place_pk: Mapped[int | None] = mapped_column(ForeignKey("places.pk"))
    perpetrators: Mapped[list] = mapped_column(JSON)
    document_ids: Mapped[list] = mapped_column(JSON)
    title: Mapped[str] = mapped_column(Text, default="")
    position: Mapped[int] = mapped_column(Integer, default=0, index=True)
    # the place as its claim used it (migration 0009; see places)
    place_precision: Mapped[str | None] = mapped_column(String(20))
    place_confidence: Mapped[float | None] = mapped_column(Float)
    place_mention: Mapped[str | None] = mapped_column(String(300))
    place_note: Mapped[str | None] = mapped_column(Text)


class IncidentClaimRow(Base):
    __tablename__ = "incident_claims"

    incident_id: Mapped[str] = mapped_column(
        ForeignKey("incidents.id", ondelete="CASCADE"), primary_key=True
    )
    claim_id: Mapped[str] = mapped_column(String(64), primary_key=True, index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)


class AssessmentRow(Base):
    __tablename__ = "assessments"

    incident_id: Mapped[str] = mapped_column(
        ForeignKey("incidents.id", ondelete="CASCADE"), primary_key=True
    )
    grade: Mapped[str] = mapped_column(String(20), index=True)
    reasons: Mapped[list] = mapped_column(JSON)
    estimates: Mapped[list] = mapped_column(JSON)
    stances: Mapped[list] = mapped_column(JSON)
    sources: Mapped[list] = mapped_column(JSON)
    overridden_by: Mapped[str | None] = mapped_column(String(40))
    killed_low: Mapped[int | None] = mapped_column(Figure)
    killed_best: Mapped[int | None] = mapped_column(Figure)
    killed_high: Mapped[int | None] = mapped_column(Figure)


class TallyRow(Base):
    __tablename__ = "tallies"

    pk: Mapped[int] = mapped_column(Integer, primary_key=True)
    asserter: Mapped[str] = mapped_column(String(300))
    belligerent: Mapped[str | None] = mapped_column(String(300))
    victims: Mapped[str] = mapped_column(String(30))
    outcome: Mapped[str] = mapped_column(String(20))
    low: Mapped[int | None] = mapped_column(Figure)
    high: Mapped[int | None] = mapped_column(Figure)
    as_of: Mapped[str | None] = mapped_column(String(30))
    period: Mapped[str | None] = mapped_column(String(60))
    claim_id: Mapped[str] = mapped_column(String(64))
    document_id: Mapped[str] = mapped_column(String(300))


class JudgementRow(Base):
    __tablename__ = "judgements"

    pk: Mapped[int] = mapped_column(Integer, primary_key=True)
    id: Mapped[str] = mapped_column(String(40), unique=True)
    kind: Mapped[str] = mapped_column(String(20))
    target: Mapped[str] = mapped_column(Text)
    payload: Mapped[dict] = mapped_column(JSON)
    user: Mapped[str] = mapped_column(String(200))
    at: Mapped[datetime] = mapped_column(DateTime)
    reason: Mapped[str] = mapped_column(Text, default="")


class AuditRow(Base):
    __tablename__ = "audit_log"

    pk: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime, index=True)
    action: Mapped[str] = mapped_column(String(40))
    target: Mapped[str] = mapped_column(Text, default="")
    detail: Mapped[dict] = mapped_column(JSON)
    user: Mapped[str] = mapped_column(String(200), default="")


class UserRow(Base):
    __tablename__ = "users"

    pk: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    role: Mapped[str] = mapped_column(String(20))
    password_hash: Mapped[str] = mapped_column(String(300))
    created_at: Mapped[datetime] = mapped_column(DateTime)


class ResolveItemRow(Base):
    """A claim as resolution last saw it (corrections applied); rebuilt with the incidents."""

    __tablename__ = "resolve_items"

    claim_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    doc_id: Mapped[str] = mapped_column(String(300), index=True)
    active: Mapped[bool] = mapped_column(Boolean)  # not rejected
    cumulative: Mapped[bool] = mapped_column(Boolean)  # a tally claim, not an incident claim
    start: Mapped[int | None] = mapped_column(Integer, index=True)  # window, date ordinals
    end: Mapped[int | None] = mapped_column(Integer, index=True)
    name: Mapped[str | None] = mapped_column(String(300))  # None: no location
    key: Mapped[str | None] = mapped_column(String(300))
    tokens: Mapped[list | None] = mapped_column(JSON)
    precision: Mapped[str | None] = mapped_column(String(20))
    country: Mapped[str | None] = mapped_column(String(8))
    admin1: Mapped[str | None] = mapped_column(String(200))
    lat: Mapped[float | None] = mapped_column(Float)
    lon: Mapped[float | None] = mapped_column(Float)
    geonames_id: Mapped[int | None] = mapped_column(Integer)


class StateRow(Base):
    """One row (id 1): ``revision`` grows with every resolution write; updating it first
    takes the ledger's write lock for the rest of the transaction."""

    __tablename__ = "ledger_state"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    revision: Mapped[int] = mapped_column(Integer, default=0)


class SessionRow(Base):
    """A review-app login: the cookie holds the id, this row only its SHA-256 (migration 0005)."""

    __tablename__ = "sessions"

    pk: Mapped[int] = mapped_column(Integer, primary_key=True)
    digest: Mapped[str] = mapped_column(String(64), unique=True)  # sha256 hex of the id
    user: Mapped[str] = mapped_column(String(100), index=True)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    last_seen: Mapped[datetime] = mapped_column(DateTime)
    expires_at: Mapped[datetime] = mapped_column(DateTime, index=True)  # absolute end
    revoked_at: Mapped[datetime | None] = mapped_column(DateTime)


class LoginFailureRow(Base):
    """One failed login, counted under one key (``user:NAME`` or ``addr:IP``; migration 0006)."""

    __tablename__ = "login_failures"

    pk: Mapped[int] = mapped_column(Integer, primary_key=True)
    key: Mapped[str] = mapped_column(String(200), index=True)
    at: Mapped[datetime] = mapped_column(DateTime, index=True)
