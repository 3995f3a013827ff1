"""The ledger database: the only layer of civcas that knows SQL.

    >>> from civcas.store import Ledger
    >>> with Ledger("sqlite:///civcas.db") as ledger:   # migrates to the newest schema
    ...     for item, status in ledger.ingest(results): ...

SQLite by default, PostgreSQL by URL (``postgresql+psycopg://...``). Schema
changes are Alembic migrations in ``store/migrations/versions``, applied on open.
:class:`Reader` opens a ledger for reading only, without SQLAlchemy's ORM.
"""
from __future__ import annotations

import typing as _typing

from .._lazy import lazy_names as _lazy_names

# imported on first use (PEP 562): a reader (``civcas show``) loads no ORM
_LAZY: dict[str, tuple[str, str]] = {
    "Ledger": (".ledger", "Ledger"),
    "Reader": (".reader", "Reader"),
    "NEW": (".ingesting", "NEW"),
    "CHANGED": (".ingesting", "CHANGED"),
    "UNCHANGED": (".ingesting", "UNCHANGED"),
    "FAILED": (".ingesting", "FAILED"),
}

if _typing.TYPE_CHECKING:
    from .ingesting import CHANGED, FAILED, NEW, UNCHANGED
    from .ledger import Ledger
    from .reader import Reader


__getattr__ = _lazy_names(__name__, _LAZY, globals())  # imported on first use, then kept here


__all__ = ["Ledger", "Reader", "NEW", "CHANGED", "UNCHANGED", "FAILED"]
