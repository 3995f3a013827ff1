"""Review-app logins held on the server, so that they can end before the cookie does.

A login makes a random id (32 bytes, URL-safe); the signed session cookie
carries it and the ledger keeps only its SHA-256 with the user, when it was
made and last used, when it ends and whether it was revoked. A session ends
at logout, when its user is changed (``civcas user add --update``), after
``idle`` without a request, or ``max_age`` after login; then the id in the
cookie is worth nothing, even to someone who copied it.

:class:`Throttle` slows and then refuses password guessing: failed logins
are counted in the ledger (so every process sees them) under the user name
tried and under the client address. ``limit`` failures of a name lock that
account (whether or not the user exists) with exponential back-off; a much
higher ``address_limit`` within ``window`` refuses an address (a shared proxy's
address must not lock every user out).
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
    """Failed-login counting per account and per client address (see the module doc).

    An account is locked after ``limit`` failures since its last success (within
    ``MEMORY``): for ``window`` after the failure that locked it, then twice as long after
    each further failure once the lock has passed (exponential back-off, at most
    ``LONGEST``). Another account's correct password from the same address still logs in.
    An address is refused only after ``address_limit`` failures within ``window`` (high:
    behind a reverse proxy every user shares the proxy's address).
    """

    MEMORY = timedelta(hours=24)
    LONGEST = timedelta(hours=24)

    def __init__(self, ledger: Ledger, *, limit: int, window: timedelta,
                 address_limit: int = 100, clock: Callable[[], datetime] = utcnow,
                 slow_after: int = 2, step: float = 0.5) -> None:
        self.ledger, self.limit, self.window, self.clock = ledger, max(1, limit), window, clock
        self.address_limit = max(1, address_limit)
        self.slow_after, self.step = slow_after, step  # seconds added per failure beyond

    @staticmethod
    def keys(name: str, address: str) -> list[str]:
        """The name is kept hashed (people type passwords into the name field too)."""
        folded = (name or "").strip().casefold()[:100]
        return ["user:" + digest(folded), "addr:" + (address or "?")[:100].replace("\x00", "?")]

    def _lock(self, failures: int) -> timedelta:
        """How long an account with ``failures`` failures (>= limit) stays locked."""
        return min(self.window * 2 ** min(failures - self.limit, 20), self.LONGEST)

    def refused(self, name: str, address: str) -> int:
        """Seconds until a login of ``name`` from ``address`` may be tried (0: now)."""
        now = self.clock()
        user_key, addr_key = self.keys(name, address)
        seen = _store.failures(self.ledger, [user_key, addr_key], now - self.MEMORY)
        wait = 0.0
        mine = seen[user_key]
        if len(mine) >= self.limit:
            wait = (mine[-1] + self._lock(len(mine)) - now).total_seconds()
        recent = [t for t in seen[addr_key] if t > now - self.window]
        if len(recent) >= self.address_limit:  # the one that must leave the window first
            free = recent[len(recent) - self.address_limit] + self.window
            wait = max(wait, (free - now).total_seconds())
        return max(1, int(wait + 0.999)) if wait > 0 else 0

    def locked(self, name: str) -> int:
        """Seconds the account ``name`` stays locked (0: not locked)."""
        now = self.clock()
        key = self.keys(name, "")[0]
        mine = _store.failures(self.ledger, [key], now - self.MEMORY)[key]
        if len(mine) < self.limit:
            return 0
        wait = (mine[-1] + self._lock(len(mine)) - now).total_seconds()
        return max(1, int(wait + 0.999)) if wait > 0 else 0

    def failed(self, name: str, address: str) -> float:
        """Count a failure; the seconds to wait before answering it (slowing guessers)."""
        now = self.clock()
        keys = self.keys(name, address)
        _store.add_failure(self.ledger, keys, now, now - self.MEMORY)
        seen = _store.failures(self.ledger, keys, now - self.MEMORY)
        mine = len(seen[keys[0]])
        if mine >= self.limit:
            log.warning("review: account %r locked for %s after %d failed logins",
                        name[:100], self._lock(mine), mine)
        return min(3.0, self.step * max(0, mine - self.slow_after))

    def succeeded(self, name: str) -> None:
        """A correct password resets the account's count (not the address's)."""
        _store.clear_failures(self.ledger, self.keys(name, "")[0])

    def unlock(self, name: str) -> int:
        """Forget the account's failures (``civcas user unlock``); how many there were."""
        key = self.keys(name, "")[0]
        n = len(_store.failures(self.ledger, [key], datetime(1970, 1, 1))[key])
        _store.clear_failures(self.ledger, key)
        return n
