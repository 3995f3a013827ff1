"""Users of the review app: names, roles, argon2 password hashes.

Roles (:data:`~civcas.records.ROLES`): a *viewer* reads; a *reviewer* also
judges (reject, accept, correct, merge, split, grade); an *admin* also
manages users. Users live in the ledger database (table ``users``).
"""
from __future__ import annotations

import logging
import re
from typing import cast

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from ..errors import ConfigError, NotFound
from ..records import ROLES, Role, User
from ..store import Ledger
from ..store import review as _store

log = logging.getLogger(__name__)

HASHER = PasswordHasher()  # argon2id, the library's (RFC 9106) defaults
MIN_PASSWORD = 8
NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._@-]{0,99}")
_dummy: list[str] = []  # a hash to verify against when the user does not exist (same cost)

WRITERS = ("reviewer", "admin")


def can_judge(user: User | None) -> bool:
    """Whether ``user`` may record judgements (a reviewer or an admin)."""
    return user is not None and user.role in WRITERS


def check_role(role: str) -> str:
    if role not in ROLES:
        raise ConfigError("E132", role=role, roles=", ".join(ROLES))
    return role


def check_name(name: str) -> str:
    if not NAME.fullmatch(name or ""):
        raise ConfigError("E133", name=name)
    return name


def check_password(password: str) -> str:
    if len(password or "") < MIN_PASSWORD:
        raise ConfigError("E134", length=MIN_PASSWORD)
    return password


def new_user(name: str, role: str, password: str) -> User:
    """A user record with the password hashed (name, role and password checked first)."""
    return User(name=check_name(name), role=cast(Role, check_role(role)),
                password_hash=HASHER.hash(check_password(password)))


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
