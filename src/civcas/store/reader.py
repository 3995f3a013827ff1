"""A ledger opened for reading only, without SQLAlchemy where it can be: a SQLite file at the newest
schema with the standard library's ``sqlite3`` alone and a PostgreSQL database at the newest schema
with psycopg alone, so that ``civcas show`` and ``civcas incidents`` load no SQLAlchemy at all
(decisions §15.7); any other ledger through SQLAlchemy's engine (a SQLite file to migrate, one that
does not exist: the errors are the engine's). The reads themselves are
:class:`~civcas.store.reading.Reading`'s.
"""
from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from ..errors import StoreError
from .reading import Reading, Sql
from .revisions import heads


class Reader(Reading):
    """A ledger opened for reading only. At the newest schema, a SQLite file is read with
    ``sqlite3`` alone and a ``postgresql+psycopg://`` database with the driver alone (no
    SQLAlchemy is loaded); any other ledger through SQLAlchemy's engine, migrated first as
    :class:`~civcas.store.Ledger` does (NotFound when ``url`` names a SQLite file that does not
    exist: nothing is created)."""

    def __init__(self, url: str) -> None:
        self.url = url
        self._file = _sqlite_file_at_head(url)
        # PostgreSQL at the newest schema: the connection that found it so, kept for the reads
        self._connection: Any = None if self._file is not None else _postgres_at_head(url)
        self.engine: Any = None
        if self._file is None and self._connection is None:
            from . import engine as _engine
            _engine.require_existing(url)
            self.engine = _engine.create(url)
            _engine.migrate(self.engine)

    @contextmanager
    def _sql(self) -> Iterator[Sql]:
        if self.engine is not None:
            connection = self.engine.raw_connection()
            try:
                yield Sql(connection, self.engine.dialect.name)
            finally:
                connection.close()
            return
        if self._connection is None:  # one connection for the reader's reads (a command's)
            if self._file is None:
                raise RuntimeError("this reader is closed")
            self._connection = _connect(self._file)
        yield Sql(self._connection, "sqlite" if self._file is not None else "postgresql")

    def close(self) -> None:
        if self._connection is not None:
            self._connection.close()
            self._connection = None
        if self.engine is not None:
            self.engine.dispose()

    def __enter__(self) -> Reader:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _connect(path: Path) -> Any:
    import sqlite3
    # as the engine connects (store.engine._sqlite_pragmas): waits up to 30 s for a writer
    connection = sqlite3.connect(path, timeout=30)
    connection.execute("PRAGMA busy_timeout=30000")
    return connection


def _sqlite_file_at_head(url: str) -> Path | None:
    """The file of ``url`` when it plainly names an existing SQLite file whose schema is the
    newest (then ``sqlite3`` alone reads it); None for anything else (the engine's way)."""
    prefix = "sqlite:///"
    rest = url[len(prefix):] if url.startswith(prefix) else ""
    if not rest or any(c in rest for c in "?%#") or rest == ":memory:":
        return None
    path = Path(rest).expanduser()
    if not path.is_file():
        return None
    import sqlite3
    try:
        connection = _connect(path)
        try:
            found = connection.execute("SELECT version_num FROM alembic_version").fetchall()
        finally:
            connection.close()
    except sqlite3.Error:
        return None  # no ledger yet, or not a database: the engine migrates or says why
    return path if tuple(sorted(r[0] for r in found)) == heads() else None


def _postgres_at_head(url: str) -> Any:
    """A driver's connection to ``url`` when it names a PostgreSQL database through psycopg
    whose schema is the newest; None for anything else (the engine's way). The URL's
    query options are the driver's connection parameters either way (``options=-csearch_path
    %3DX``); one libpq does not know falls back to the engine. A server that cannot be reached
    is the error the engine gives (E411), not a second attempt through it."""
    prefix = "postgresql+psycopg://"
    if not url.startswith(prefix) or "#" in url:
        return None
    conninfo = "postgresql://" + url[len(prefix):]
    try:
        import psycopg
    except ImportError:
        return None
    try:
        connection = psycopg.connect(conninfo)
    except psycopg.OperationalError as exc:
        from .engine import describe
        lines = str(exc).strip().splitlines()
        raise StoreError("E411", url=describe(url), action="open or migrate",
                         reason=lines[0] if lines else type(exc).__name__) from None
    except psycopg.Error:
        return None
    try:
        found = connection.execute("SELECT version_num FROM alembic_version").fetchall()
        connection.rollback()  # the reads start afresh
    except psycopg.Error:
        found = []  # no ledger yet: the engine migrates
    if tuple(sorted(r[0] for r in found)) == heads():
        return connection
    connection.close()
    return None
