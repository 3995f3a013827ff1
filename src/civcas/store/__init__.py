"""The ledger database: the only layer of civcas that knows SQL.

    >>> from civcas.store import Ledger
    >>> with Ledger("sqlite:///civcas.db") as ledger:   # migrates to the newest schema
    ...     for item, status in ledger.ingest(results): ...

SQLite by default, PostgreSQL by URL (``postgresql+psycopg://...``). Schema
changes are Alembic migrations in ``store/migrations/versions``, applied on open.
"""
from __future__ import annotations

from .ledger import CHANGED, FAILED, NEW, UNCHANGED, Ledger

__all__ = ["Ledger", "NEW", "CHANGED", "UNCHANGED", "FAILED"]
