"""The review app's server-side state: logins (``sessions``) and failed logins
(``login_failures``, for rate limiting).

Functions over an open :class:`~civcas.store.Ledger`. A session is found by
the SHA-256 of its id (the id itself is only in the user's cookie). None of
these writes adds an audit entry, so they never change the ledger's revision
(the review desk's cache key).
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any, cast

from sqlalchemy import CursorResult, delete, select, update
from sqlalchemy.exc import SQLAlchemyError

from ..errors import StoreError
from . import engine as _engine
from .ledger import Ledger
from .models import LoginFailureRow, SessionRow


@dataclass(frozen=True)
class StoredSession:
    user: str
    created_at: datetime
    last_seen: datetime
    expires_at: datetime
    revoked_at: datetime | None


def _fail(ledger: Ledger, what: str, exc: SQLAlchemyError) -> StoreError:
    return StoreError("E411", url=_engine.describe(ledger.url), action=what,
                      reason=_engine._short(exc))


def create(ledger: Ledger, digest: str, user: str, now: datetime, expires: datetime) -> None:
    """Store a new session (and drop sessions that ended before ``now``)."""
    try:
        with ledger._session() as s, s.begin():
            s.execute(delete(SessionRow).where(SessionRow.expires_at < now))
            s.add(SessionRow(digest=digest, user=user, created_at=now, last_seen=now,
                             expires_at=expires))
    except SQLAlchemyError as exc:
        raise _fail(ledger, "store a session", exc) from None


def find(ledger: Ledger, digest: str) -> StoredSession | None:
    with ledger._session() as s:
        row = s.scalar(select(SessionRow).where(SessionRow.digest == digest))
        if row is None:
            return None
        return StoredSession(row.user, row.created_at, row.last_seen, row.expires_at,
                             row.revoked_at)


def touch(ledger: Ledger, digest: str, now: datetime) -> None:
    try:
        with ledger._session() as s, s.begin():
            s.execute(update(SessionRow).where(SessionRow.digest == digest)
                      .values(last_seen=now))
    except SQLAlchemyError as exc:
        raise _fail(ledger, "update a session", exc) from None


def revoke(ledger: Ledger, now: datetime, *, digest: str | None = None,
           user: str | None = None) -> int:
    """End one session (``digest``) or all of a ``user``'s; the number ended."""
    q = update(SessionRow).where(SessionRow.revoked_at.is_(None))
    if digest is not None:
        q = q.where(SessionRow.digest == digest)
    elif user is not None:
        q = q.where(SessionRow.user == user)
    else:
        raise ValueError("revoke: give a digest or a user")
    try:
        with ledger._session() as s, s.begin():
            result = cast(CursorResult[Any], s.execute(q.values(revoked_at=now)))
            return result.rowcount or 0
    except SQLAlchemyError as exc:
        raise _fail(ledger, "end sessions", exc) from None


def failures(ledger: Ledger, keys: list[str], since: datetime) -> dict[str, list[datetime]]:
    """The times of the failures under each of ``keys`` after ``since``, oldest first."""
    out: dict[str, list[datetime]] = {k: [] for k in keys}
    with ledger._session() as s:
        q = (select(LoginFailureRow.key, LoginFailureRow.at)
             .where(LoginFailureRow.key.in_(keys), LoginFailureRow.at > since)
             .order_by(LoginFailureRow.at))
        for key, at in s.execute(q):
            out[key].append(at)
    return out


def add_failure(ledger: Ledger, keys: list[str], now: datetime, forget: datetime) -> None:
    """Count a failure under each key (and forget failures from before ``forget``)."""
    try:
        with ledger._session() as s, s.begin():
            s.execute(delete(LoginFailureRow).where(LoginFailureRow.at < forget))
            s.add_all(LoginFailureRow(key=k, at=now) for k in keys)
    except SQLAlchemyError as exc:
        raise _fail(ledger, "count a failed login", exc) from None


def clear_failures(ledger: Ledger, key: str) -> None:
    try:
        with ledger._session() as s, s.begin():
            s.execute(delete(LoginFailureRow).where(LoginFailureRow.key == key))
    except SQLAlchemyError as exc:
        raise _fail(ledger, "reset failed logins", exc) from None
