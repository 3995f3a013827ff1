"""Users of the review app: names, roles, argon2 password hashes.

Roles (:data:`~civcas.records.ROLES`): a *viewer* reads; a *reviewer* also
judges (reject, accept, correct, merge, split, grade); an *admin* also
manages users. Users live in the ledger database (table ``users``).
"""
from __future__ import annotations

import logging
import re

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from .. import settings
from ..errors import ConfigError, NotFound
from ..records import ROLES, User
from ..store import Ledger
from ..store import review as _store

log = logging.getLogger(__name__)

HASHER = PasswordHasher()  # argon2id, the library's (RFC 9106) defaults
MIN_PASSWORD = 8
NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._@-]{0,99}")
_dummy: list[str] = []  # a hash to verify against when the user does not exist (same cost)

WRITERS = ("reviewer", "admin")


def can_judge(user: User | None) -> bool:
    return user is not None and user.role in WRITERS


def check_role(role: str) -> str:
    if role not in ROLES:
        raise ConfigError(f"role {role!r}: not one of {', '.join(ROLES)}")
    return role


def check_name(name: str) -> str:
    if not NAME.fullmatch(name or ""):
        raise ConfigError(f"user name {name!r}: use 1-100 letters, digits, '.', '_', '@' or '-'"
                          ", starting with a letter or digit")
    return name


def check_password(password: str) -> str:
    if len(password or "") < MIN_PASSWORD:
        raise ConfigError(f"password: at least {MIN_PASSWORD} characters")
    return password


def add_user(name: str, role: str, password: str, db: str | None = None, *,
             update: bool = False, by: str = "") -> User:
    """Add a user (or with ``update`` change the role and password of one); audited."""
    user = User(name=check_name(name), role=check_role(role),
                password_hash=HASHER.hash(check_password(password)))
    with Ledger(settings.get("db", db)) as ledger:
        if update:
            _store.get_user(ledger, name)  # NotFound when there is none to update
        stored = _store.add_user(ledger, user, replace=update, by=by)
    log.info("user %s (%s) %s", name, role, "updated" if update else "added")
    return stored


def users(db: str | None = None) -> list[User]:
    with Ledger(settings.get("db", db)) as ledger:
        return _store.users(ledger)


def authenticate(ledger: Ledger, name: str, password: str) -> User | None:
    """The user when ``password`` is theirs, else None (same cost either way)."""
    if "\x00" in name or "\x00" in password:
        return None
    try:
        user = _store.get_user(ledger, name)
    except NotFound:
        user = None
    if user is None and not _dummy:
        _dummy.append(HASHER.hash("not the password of anyone"))
    try:
        HASHER.verify(user.password_hash if user else _dummy[0], password)
    except (VerificationError, InvalidHashError):
        return None
    return user
