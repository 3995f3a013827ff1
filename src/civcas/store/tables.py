"""The ledger's tables, as SQLAlchemy Core (no ORM): the one statement of the schema.

:mod:`.models` maps its ORM classes onto these tables (writers use them); :mod:`.reading`
reads through them without loading the ORM, so that ``civcas show`` and ``civcas incidents``
start without it (decisions §15.7). Every schema change needs an Alembic migration in
``store/migrations/versions``; what each table holds is told in :mod:`.models`.
"""
from __future__ import annotations

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    false,
)

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

metadata = MetaData(naming_convention=NAMING)

# figures: 64-bit on PostgreSQL (migration 0007); SQLite's INTEGER is 64-bit already
Figure = BigInteger().with_variant(Integer(), "sqlite")


def _pk() -> Column:
    return Column("pk", Integer, primary_key=True)


def _required(name: str, kind: object, **kw: object) -> Column:
    return Column(name, kind, nullable=False, **kw)  # type: ignore[arg-type]


places = Table(
    "places", metadata,
    _pk(),
    _required("key", String(40), unique=True),  # sha1 of the entry's fields
    _required("name", String(300)),
    Column("lat", Float),
    Column("lon", Float),
    Column("country", String(8)),
    Column("admin1", String(200)),
    Column("admin2", String(200)),
    Column("geonames_id", Integer),
    Column("feature", String(20)),
    _required("origin", String(20)),
)

documents = Table(
    "documents", metadata,
    _pk(),
    _required("doc_id", String(300)),
    _required("version", Integer, default=1),
    _required("content_hash", String(64), unique=True),
    _required("title", Text, default=""),
    _required("text", Text),
    Column("published", Date),
    Column("outlet", String(300)),
    Column("url", String(2000), index=True),
    Column("origin", String(2000)),
    Column("focus_pk", ForeignKey("places.pk")),
    _required("is_current", Boolean, default=True),
    _required("ingested_at", DateTime),
    Column("superseded_at", DateTime),
    # stored, not yet resolved (migration 0007): cleared by the resolution that includes it
    _required("pending", Boolean, default=True, server_default=false(), index=True),
    # how the text used its focus place (migration 0009; see places)
    Column("focus_precision", String(20)),
    Column("focus_confidence", Float),
    Column("focus_mention", String(300)),
    Column("focus_note", Text),
    Index("ix_documents_doc_id_current", "doc_id", "is_current"),
)

claims = Table(
    "claims", metadata,
    _pk(),
    _required("claim_id", String(64), unique=True),
    Column("document_pk", ForeignKey("documents.pk"), nullable=False, index=True),
    _required("outcome", String(20)),
    _required("victims", String(30)),
    Column("low", Figure),
    Column("high", Figure),
    _required("qualifier", String(20)),
    _required("text", Text),
    _required("source", String(300)),
    Column("place", String(300)),
    Column("event_date", String(30)),
    Column("perpetrator", String(300)),
    _required("scope", String(20)),
    _required("span_start", Integer),
    _required("span_end", Integer),
    _required("sentence", Text),
    _required("sentence_start", Integer, default=0),
    Column("place_pk", ForeignKey("places.pk")),
    # the extractor's calibrated confidence (0-1; migration 0008): NULL = unknown
    Column("confidence", Float, nullable=True),
    # how the claim's text used its place (migration 0009; see places)
    Column("geo_precision", String(20)),
    Column("geo_confidence", Float),
    Column("geo_mention", String(300)),
    Column("geo_note", Text),
)

ingest_failures = Table(
    "ingest_failures", metadata,
    _pk(),
    _required("origin", String(2000), unique=True),
    _required("reason", Text),
    _required("attempts", Integer, default=1),
    _required("first_seen", DateTime),
    _required("last_seen", DateTime),
    Column("resolved_at", DateTime),
)

incidents = Table(
    "incidents", metadata,
    Column("id", String(40), primary_key=True),
    Column("event_date", String(30), index=True),
    _required("date_precision", String(20)),
    Column("place_pk", ForeignKey("places.pk")),
    _required("perpetrators", JSON),
    _required("document_ids", JSON),
    _required("title", Text, default=""),
    _required("position", Integer, default=0, index=True),
    # the place as its claim used it (migration 0009; see places)
    Column("place_precision", String(20)),
    Column("place_confidence", Float),
    Column("place_mention", String(300)),
    Column("place_note", Text),
)

incident_claims = Table(
    "incident_claims", metadata,
    Column("incident_id", ForeignKey("incidents.id", ondelete="CASCADE"), primary_key=True),
    Column("claim_id", String(64), primary_key=True, index=True),
    _required("position", Integer, default=0),
)

assessments = Table(
    "assessments", metadata,
    Column("incident_id", ForeignKey("incidents.id", ondelete="CASCADE"), primary_key=True),
    _required("grade", String(20), index=True),
    _required("reasons", JSON),
    _required("estimates", JSON),
    _required("stances", JSON),
    _required("sources", JSON),
    Column("overridden_by", String(40)),
    Column("killed_low", Figure),
    Column("killed_best", Figure),
    Column("killed_high", Figure),
)

tallies = Table(
    "tallies", metadata,
    _pk(),
    _required("asserter", String(300)),
    Column("belligerent", String(300)),
    _required("victims", String(30)),
    _required("outcome", String(20)),
    Column("low", Figure),
    Column("high", Figure),
    Column("as_of", String(30)),
    Column("period", Text),  # the sentence's own words (migration 0010; was 60 characters)
    _required("claim_id", String(64)),
    _required("document_id", String(300)),
)

judgements = Table(
    "judgements", metadata,
    _pk(),
    _required("id", String(40), unique=True),
    _required("kind", String(20)),
    _required("target", Text),
    _required("payload", JSON),
    _required("user", String(200)),
    _required("at", DateTime),
    _required("reason", Text, default=""),
)

audit_log = Table(
    "audit_log", metadata,
    _pk(),
    _required("at", DateTime, index=True),
    _required("action", String(40)),
    _required("target", Text, default=""),
    _required("detail", JSON),
    _required("user", String(200), default=""),
)

users = Table(
    "users", metadata,
    _pk(),
    _required("name", String(100), unique=True),
    _required("role", String(20)),
    _required("password_hash", String(300)),
    _required("created_at", DateTime),
)

# a claim as resolution last saw it (corrections applied); rebuilt with the incidents
resolve_items = Table(
    "resolve_items", metadata,
    Column("claim_id", String(64), primary_key=True),
    _required("doc_id", String(300), index=True),
    _required("active", Boolean),  # not rejected
    _required("cumulative", Boolean),  # a tally claim, not an incident claim
    Column("start", Integer, index=True),  # window, date ordinals
    Column("end", Integer, index=True),
    Column("name", String(300)),  # None: no location
    Column("key", String(300)),
    Column("tokens", JSON),
    Column("precision", String(20)),
    Column("country", String(8)),
    Column("admin1", String(200)),
    Column("lat", Float),
    Column("lon", Float),
    Column("geonames_id", Integer),
)

# one row (id 1): ``revision`` grows with every resolution write; updating it first takes the
# ledger's write lock for the rest of the transaction
ledger_state = Table(
    "ledger_state", metadata,
    Column("id", Integer, primary_key=True),
    _required("revision", Integer, default=0),
)

# a review-app login: the cookie holds the id, this row only its SHA-256 (migration 0005)
sessions = Table(
    "sessions", metadata,
    _pk(),
    _required("digest", String(64), unique=True),  # sha256 hex of the id
    _required("user", String(100), index=True),
    _required("created_at", DateTime),
    _required("last_seen", DateTime),
    _required("expires_at", DateTime, index=True),  # absolute end
    Column("revoked_at", DateTime),
)

# one failed login, counted under one key (``user:NAME`` or ``addr:IP``; migration 0006)
login_failures = Table(
    "login_failures", metadata,
    _pk(),
    _required("key", String(200), index=True),
    _required("at", DateTime, index=True),
)
