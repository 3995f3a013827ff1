"""Opening a ledger database: URL checks, engine, migrations to the newest schema."""
from __future__ import annotations

import logging
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import ModuleType

from sqlalchemy import create_engine, event, inspect, text
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError, SQLAlchemyError

from ..errors import ConfigError, NotFound, StoreError
from .revisions import MIGRATIONS, _heads_by_alembic, _heads_read, heads  # noqa: F401

fcntl: ModuleType | None
try:
    import fcntl
except ImportError:  # pragma: no cover - Windows: in-process lock only
    fcntl = None

log = logging.getLogger(__name__)

SUPPORTED = ("sqlite", "postgresql")
_MIGRATING = threading.Lock()  # Alembic's upgrade is not safe in two threads at once


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    cur = dbapi_connection.cursor()
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA busy_timeout=30000")
    cur.close()


def describe(url: str) -> str:
    """The URL with any password hidden, for messages."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return url


def create(url: str) -> Engine:
    """An engine for ``url``; ConfigError when it is not a usable database URL."""
    try:
        parsed = make_url(url)
    except ArgumentError:
        raise ConfigError("E121", url=url) from None
    if parsed.get_backend_name() not in SUPPORTED:
        raise ConfigError("E122", url=describe(url), backend=parsed.get_backend_name())
    if parsed.get_backend_name() == "sqlite" and parsed.database not in (None, "", ":memory:"):
        parent = Path(parsed.database).expanduser().resolve().parent
        if not parent.is_dir():
            raise ConfigError("E123", url=describe(url), directory=parent)
    try:
        engine = create_engine(parsed, future=True)
    except (ArgumentError, NoSuchModuleError, ImportError) as exc:
        raise ConfigError("E124", url=describe(url), reason=exc) from None
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
    return engine


def require_existing(url: str) -> None:
    """NotFound when ``url`` names a SQLite file that does not exist (a typo, or no ingest yet)."""
    try:
        parsed = make_url(url)
    except ArgumentError:
        return  # create() reports it
    if parsed.get_backend_name() == "sqlite" and parsed.database not in (None, "", ":memory:"):
        if not Path(parsed.database).expanduser().exists():
            raise NotFound("E401", url=describe(url))


def migrate(engine: Engine) -> None:
    """Bring the schema to the newest migration (``alembic upgrade head``), under a lock that
    every process opening the ledger takes (PostgreSQL: an advisory lock for the
    transaction; SQLite: a lock on the file ``DB-migrate.lock`` beside it), so that
    processes opening a new ledger at once migrate it one after another."""
    if _at_head(engine):
        return  # nothing to migrate: one indexed read, not Alembic's environment per open
    from alembic import command  # Alembic loads only when a ledger is created or migrated
    from alembic.config import Config
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    try:
        with _MIGRATING, _file_lock(engine), engine.begin() as connection:
            if engine.dialect.name == "postgresql":
                connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": LOCK_KEY})
            elif engine.dialect.name == "sqlite":
                # pysqlite opens no transaction for DDL: without this, a migration killed half-way
                # leaves half a schema that no later run can migrate ("table ... already exists")
                connection.exec_driver_sql("BEGIN")
            config.attributes["connection"] = connection
            command.upgrade(config, "head")
    except SQLAlchemyError as exc:
        raise StoreError("E411", url=describe(str(engine.url)), action="open or migrate",
                         reason=_short(exc)) from None


def _at_head(engine: Engine) -> bool:
    """Whether the ledger's schema is the newest already (then opening it needs no lock and no
    migration: migrations only move forward, and one in progress elsewhere commits its version
    with its schema)."""
    try:
        with engine.connect() as connection:
            if "alembic_version" not in inspect(connection).get_table_names():
                return False
            found = connection.execute(text("SELECT version_num FROM alembic_version"))
            return tuple(sorted(r[0] for r in found)) == heads()
    except SQLAlchemyError:
        return False


LOCK_KEY = 0x63697663  # "civc": the advisory lock migrations take on PostgreSQL


@contextmanager
def _file_lock(engine: Engine) -> Iterator[None]:
    """An exclusive lock on ``DB-migrate.lock`` for a SQLite file (nothing otherwise)."""
    database = engine.url.database if engine.dialect.name == "sqlite" else None
    if not database or database == ":memory:" or fcntl is None:
        yield
        return
    path = Path(database).expanduser().resolve()
    with open(path.with_name(path.name + "-migrate.lock"), "a") as f:
        fcntl.flock(f, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(f, fcntl.LOCK_UN)


def tables(engine: Engine) -> list[str]:
    return sorted(inspect(engine).get_table_names())


def _short(exc: Exception) -> str:
    text = str(getattr(exc, "orig", None) or exc).strip().splitlines()
    return text[0] if text else type(exc).__name__
