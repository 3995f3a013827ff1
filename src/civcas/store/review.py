"""What the review app needs from the database beyond :class:`~civcas.store.Ledger`'s reads.

Users (name, role, password hash), the ledger's revision (a number that grows
with every write, so readers can cache), and the audit entries of given
judgements. Functions over an open :class:`~civcas.store.Ledger`.
"""
from __future__ import annotations

import logging
from collections.abc import Iterable
from datetime import UTC, datetime
from typing import Any, cast

from sqlalchemy import func, select, update
from sqlalchemy.exc import IntegrityError, SQLAlchemyError

from ..errors import ConfigError, NotFound, StoreError
from ..records import Claim, Document, Role, User
from . import convert
from . import engine as _engine
from .ledger import Ledger
from .models import AuditRow, ClaimRow, DocumentRow, PlaceRow, SessionRow, UserRow
from .reading import chunks as _chunks

log = logging.getLogger(__name__)


def _user(row: UserRow) -> User:
    return User(name=row.name, role=cast(Role, row.role), created_at=row.created_at,
                password_hash=row.password_hash)


def add_user(ledger: Ledger, user: User, *, replace: bool = False, by: str = "") -> User:
    """Store ``user`` (ConfigError when the name is taken, unless ``replace``); audited.

    Replacing a user (new role or password) ends their review-app sessions."""
    now = datetime.now(UTC).replace(tzinfo=None)
    try:
        with ledger._session() as s, s.begin():
            row = s.scalar(select(UserRow).where(UserRow.name == user.name))
            if row is not None and not replace:
                raise ConfigError("E131", name=user.name)
            if row is None:
                row = UserRow(name=user.name, created_at=user.created_at or now)
                s.add(row)
            row.role, row.password_hash = user.role, user.password_hash
            if replace:
                s.execute(update(SessionRow).where(SessionRow.user == user.name,
                                                   SessionRow.revoked_at.is_(None))
                          .values(revoked_at=now))
            s.add(AuditRow(at=now, action="user:update" if replace else "user:add",
                           target=user.name, user=by, detail={"role": user.role}))
            s.flush()
            return _user(row)
    except IntegrityError:
        raise ConfigError("E131", name=user.name) from None
    except SQLAlchemyError as exc:
        raise StoreError("E411", url=_engine.describe(ledger.url), action="store the user",
                         reason=_engine._short(exc)) from None


def remove_user(ledger: Ledger, name: str, *, by: str = "") -> None:
    """Remove the user ``name`` (NotFound when there is none) and end their sessions; their
    judgements keep their name. Audited."""
    now = datetime.now(UTC).replace(tzinfo=None)
    try:
        with ledger._session() as s, s.begin():
            row = s.scalar(select(UserRow).where(UserRow.name == name))
            if row is None:
                raise NotFound("E405", name=name)
            role = row.role
            s.delete(row)
            s.execute(update(SessionRow).where(SessionRow.user == name,
                                               SessionRow.revoked_at.is_(None))
                      .values(revoked_at=now))
            s.add(AuditRow(at=now, action="user:remove", target=name, user=by,
                           detail={"role": role}))
    except SQLAlchemyError as exc:
        raise StoreError("E411", url=_engine.describe(ledger.url), action="remove the user",
                         reason=_engine._short(exc)) from None


def _sane(value: str) -> bool:
    """False for text PostgreSQL cannot hold (NUL): such an id matches nothing."""
    return isinstance(value, str) and "\x00" not in value


def get_user(ledger: Ledger, name: str) -> User:
    if not _sane(name):
        raise NotFound("E405", name="")
    with ledger._session() as s:
        row = s.scalar(select(UserRow).where(UserRow.name == name))
        if row is None:
            raise NotFound("E405", name=name)
        return _user(row)


def users(ledger: Ledger) -> list[User]:
    with ledger._session() as s:
        return [_user(r) for r in s.scalars(select(UserRow).order_by(UserRow.name))]


_REVISION = select(func.max(AuditRow.pk))


def revision(ledger: Ledger) -> int:
    """A number that changes whenever the ledger does (every write adds an audit entry).

    Asked on every page of the review app: one Core statement on a pooled connection (no ORM
    session), so the answer costs a round trip and little else."""
    with ledger.engine.connect() as conn:
        return int(conn.execute(_REVISION).scalar() or 0)


def audit_since(ledger: Ledger, after: int, limit: int = 1000) -> list[tuple[str, str, dict]]:
    """(action, target, detail) of the audit entries after revision ``after``, oldest first
    (at most ``limit``)."""
    with ledger._session() as s:
        q = (select(AuditRow.action, AuditRow.target, AuditRow.detail)
             .where(AuditRow.pk > after).order_by(AuditRow.pk).limit(limit))
        return [(a, t or "", d or {}) for a, t, d in s.execute(q)]


def judgement_audit(ledger: Ledger, judgement_ids: Iterable[str]) -> list[dict[str, Any]]:
    """Audit entries of these judgements, oldest first."""
    wanted = set(judgement_ids)
    if not wanted:
        return []
    with ledger._session() as s:
        q = select(AuditRow).where(AuditRow.action.like("judge:%")).order_by(AuditRow.pk)
        return [{"at": r.at, "action": r.action, "target": r.target, "user": r.user,
                 "detail": r.detail}
                for r in s.scalars(q) if (r.detail or {}).get("judgement") in wanted]


def claims_by_id(ledger: Ledger, claim_ids: Iterable[str]) -> dict[str, Claim]:
    """The stored claims with these ids (as extracted: no judgement applied)."""
    ids = sorted({c for c in claim_ids if _sane(c)})
    out: dict[str, Claim] = {}
    with ledger._session() as s:
        for chunk in _chunks(ids, 500):
            q = (select(ClaimRow, DocumentRow.doc_id)
                 .join(DocumentRow, DocumentRow.pk == ClaimRow.document_pk)
                 .where(ClaimRow.claim_id.in_(chunk)))
            rows = list(s.execute(q))
            pks = sorted({r.place_pk for r, _ in rows if r.place_pk is not None})
            places = convert.entries_of(s.scalars(select(PlaceRow).where(PlaceRow.pk.in_(pks))))
            for row, doc_id in rows:
                out[row.claim_id] = convert.claim_record(
                    row, doc_id, convert.place_at(places, row.place_pk, row, "geo"))
    return out


def documents_by_id(ledger: Ledger, doc_ids: Iterable[str]) -> dict[str, Document]:
    """The current version of each of these documents."""
    ids = sorted({d for d in doc_ids if _sane(d)})
    with ledger._session() as s:
        return {d.id: d for chunk in _chunks(ids, 500)
                for d in (convert.document_record(r) for r in s.scalars(
                    select(DocumentRow).where(DocumentRow.doc_id.in_(chunk),
                                              DocumentRow.is_current.is_(True))))}


def claim_ids(ledger: Ledger) -> list[str]:
    """Ids of the claims of current documents, in ingestion order."""
    with ledger._session() as s:
        q = (select(ClaimRow.claim_id).join(DocumentRow, DocumentRow.pk == ClaimRow.document_pk)
             .where(DocumentRow.is_current.is_(True)).order_by(ClaimRow.pk))
        return list(s.scalars(q))

