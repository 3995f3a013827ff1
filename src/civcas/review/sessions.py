"""Review-app logins held on the server, so that they can end before the cookie does.

A login makes a random id (32 bytes, URL-safe); the signed session cookie
carries it and the ledger keeps only its SHA-256 with the user, when it was
made and last used, when it ends and whether it was revoked. A session ends
at logout, when its user is changed (``civcas user add --update``), after
``idle`` without a request, or ``max_age`` after login; then the id in the
cookie is worth nothing, even to someone who copied it.

:class:`Throttle` slows and then refuses password guessing: failed logins
are counted in the ledger (so every process sees them) under the user name
tried and under the client address; ``limit`` failures of either within
``window`` refuse further logins of that name or from that address until the
oldest falls out of the window, whether or not the user exists.
"""
from __future__ import annotations

import hashlib
import logging
import secrets
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

from ..store import Ledger
from ..store import sessions as _store

log = logging.getLogger(__name__)

TOUCH = timedelta(seconds=60)  # last_seen is written at most this often per session


def utcnow() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


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


class Throttle:
    """Failed-login counting by user name and client address (see the module doc)."""

    def __init__(self, ledger: Ledger, *, limit: int, window: timedelta,
                 clock: Callable[[], datetime] = utcnow, slow_after: int = 2,
                 step: float = 0.5) -> None:
        self.ledger, self.limit, self.window, self.clock = ledger, max(1, limit), window, clock
        self.slow_after, self.step = slow_after, step  # seconds added per failure beyond

    @staticmethod
    def keys(name: str, address: str) -> list[str]:
        """The name is kept hashed (people type passwords into the name field too)."""
        folded = (name or "").strip().casefold()[:100]
        return ["user:" + digest(folded), "addr:" + (address or "?")[:100].replace("\x00", "?")]

    def refused(self, name: str, address: str) -> int:
        """Seconds until a login of ``name`` from ``address`` may be tried (0: now)."""
        now = self.clock()
        seen = _store.failures(self.ledger, self.keys(name, address), now - self.window)
        wait = 0.0
        for times in seen.values():
            if len(times) >= self.limit:  # the one that must leave the window first
                free = times[len(times) - self.limit] + self.window
                wait = max(wait, (free - now).total_seconds())
        return max(1, int(wait + 0.999)) if wait > 0 else 0

    def failed(self, name: str, address: str) -> float:
        """Count a failure; the seconds to wait before answering it (slowing guessers)."""
        now = self.clock()
        keys = self.keys(name, address)
        _store.add_failure(self.ledger, keys, now, now - self.window)
        seen = _store.failures(self.ledger, keys, now - self.window)
        most = max(len(t) for t in seen.values())
        if most >= self.limit:
            log.warning("review: logins of %r or from %s refused for a while after %d failures",
                        name[:100], address, most)
        return min(3.0, self.step * max(0, most - self.slow_after))

    def succeeded(self, name: str) -> None:
        """A correct password resets the user name's count (not the address's)."""
        _store.clear_failures(self.ledger, self.keys(name, "")[0])
