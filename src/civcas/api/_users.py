"""Users of the review app, kept in the ledger (behind :mod:`civcas.api`)."""
from __future__ import annotations

import logging
from datetime import timedelta

from ..records import User
from ..review import users as _users
from ..review.sessions import Throttle
from ..review.users import can_judge
from ..store import Ledger
from ..store import review as _store
from . import _config

log = logging.getLogger(__name__)

__all__ = ["add_user", "can_judge", "check_password", "check_user", "remove_user",
           "unlock_user", "users"]


def add_user(name: str, role: str, password: str, db: str | None = None, *,
             update: bool = False, by: str = "") -> User:
    """Add a user (or with ``update`` change the role and password of one); audited.

    ConfigError on a bad name, role or password (at least 8 characters), or a name taken
    (without ``update``); NotFound when ``update`` names no user."""
    user = _users.new_user(name, role, password)
    with Ledger(_config.db_url(db)) as ledger:
        if update:
            _store.get_user(ledger, name)  # NotFound when there is none to update
        stored = _store.add_user(ledger, user, replace=update, by=by)
    log.info("user %s (%s) %s", name, role, "updated" if update else "added")
    return stored


def users(db: str | None = None) -> list[User]:
    """The users of the review app, by name."""
    with Ledger(_config.db_url(db)) as ledger:
        return _store.users(ledger)


def check_user(name: str, role: str) -> None:
    """ConfigError unless ``name`` is a valid user name and ``role`` one of the roles."""
    _users.check_name(name)
    _users.check_role(role)


def check_password(password: str) -> None:
    """ConfigError unless ``password`` is long enough (8 characters)."""
    _users.check_password(password)


def remove_user(name: str, db: str | None = None, *, by: str = "") -> None:
    """Remove a user of the review app and end their sessions (their judgements keep their
    name); audited. NotFound when there is no such user."""
    with Ledger(_config.db_url(db), create=False) as ledger:
        _store.remove_user(ledger, name, by=by)
    log.info("user %s removed", name)


def unlock_user(name: str, db: str | None = None, *, by: str = "") -> int:
    """End the lockout of an account after failed logins (forget its failures); audited.
    How many failures were forgotten. NotFound when there is no such user."""
    with Ledger(_config.db_url(db), create=False) as ledger:
        _store.get_user(ledger, name)
        n = Throttle(ledger, limit=1, window=timedelta(minutes=1)).unlock(name)
        ledger.audit("user:unlock", target=name, user=by, detail={"failures": n})
    log.info("user %s unlocked (%d failed logins forgotten)", name, n)
    return n
