"""Review-app logins held on the server, so that they can end before the cookie does.

A login makes a random id (32 bytes, URL-safe); the signed session cookie
carries it and the ledger keeps only its SHA-256 with the user, when it was
made and last used, when it ends and whether it was revoked. A session ends
at logout, when its user is changed (``civcas user add --update``), after
``idle`` without a request, or ``max_age`` after login; then the id in the
cookie is worth nothing, even to someone who copied it.
"""
from __future__ import annotations

import hashlib
import logging
import secrets
from collections.abc import Callable
from datetime import datetime, timedelta, timezone

from ..store import Ledger
from ..store import sessions as _store

log = logging.getLogger(__name__)

TOUCH = timedelta(seconds=60)  # last_seen is written at most this often per session


def utcnow() -> datetime:
    return datetime.now(timezone.utc).replace(tzinfo=None)


def digest(session_id: str) -> str:
    return hashlib.sha256(session_id.encode("utf-8", "surrogatepass")).hexdigest()


class Sessions:
    """Start, check and end logins in ``ledger`` (``clock`` gives naive UTC; tests swap it)."""

    def __init__(self, ledger: Ledger, *, idle: timedelta, max_age: timedelta,
                 clock: Callable[[], datetime] = utcnow) -> None:
        self.ledger, self.idle, self.max_age, self.clock = ledger, idle, max_age, clock

    def start(self, user: str) -> str:
        """A new session for ``user``: its id (for the cookie only)."""
        session_id = secrets.token_urlsafe(32)
        now = self.clock()
        _store.create(self.ledger, digest(session_id), user, now, now + self.max_age)
        return session_id

    def user(self, session_id: str) -> str | None:
        """The user of a live session, else None (unknown, revoked, idle too long, expired)."""
        if not isinstance(session_id, str) or not 20 <= len(session_id) <= 100:
            return None
        key = digest(session_id)
        found = _store.find(self.ledger, key)
        now = self.clock()
        if (found is None or found.revoked_at is not None or now >= found.expires_at
                or now - found.last_seen >= self.idle):
            return None
        if now - found.last_seen >= TOUCH:
            _store.touch(self.ledger, key, now)
        return found.user

    def end(self, session_id: str) -> None:
        if isinstance(session_id, str) and session_id:
            _store.revoke(self.ledger, self.clock(), digest=digest(session_id))

    def end_user(self, user: str) -> int:
        """End every session of ``user``; how many were live."""
        n = _store.revoke(self.ledger, self.clock(), user=user)
        log.info("review: ended %d session(s) of %s", n, user)
        return n
