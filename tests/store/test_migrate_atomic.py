"""A migration that stops half-way (a crash, a kill, an error) leaves the ledger as it was, so the
next run migrates it whole: on SQLite too, where the driver opens no transaction for DDL."""
from __future__ import annotations

import pytest
from alembic import op
from sqlalchemy import inspect

from civcas.errors import StoreError
from civcas.store import Ledger
from civcas.store.engine import create, migrate


def test_a_migration_that_fails_half_way_leaves_nothing_and_the_next_run_completes(tmp_path, monkeypatch):
    url = f"sqlite:///{tmp_path / 'l.db'}"
    engine = create(url)
    real = op.create_table
    made = []

    def dying(name, *args, **kwargs):  # the third table of the first migration never comes
        if len(made) == 2:
            raise RuntimeError("killed")
        made.append(name)
        return real(name, *args, **kwargs)

    monkeypatch.setattr(op, "create_table", dying)
    with pytest.raises((RuntimeError, StoreError)):
        migrate(engine)
    assert len(made) == 2
    assert inspect(engine).get_table_names() == []  # the two tables made before the crash are gone
    monkeypatch.setattr(op, "create_table", real)
    migrate(engine)  # no "table ... already exists"
    names = set(inspect(engine).get_table_names())
    assert {"audit_log", "documents", "alembic_version"} <= names
    engine.dispose()


def test_a_ledger_at_the_newest_schema_opens_without_running_the_migrations(db_url, monkeypatch):
    """Opening a ledger whose schema is the newest reads its version and nothing else (Alembic's
    environment cost about 45 ms per open: most of a `show` at 100,000 documents); an older
    one still migrates."""
    with Ledger(db_url):  # a new ledger: migrated
        pass
    calls = []
    from alembic import command  # (loaded by the engine only when it migrates)
    monkeypatch.setattr(command, "upgrade", lambda *a, **k: calls.append(a))
    with Ledger(db_url) as ledger:
        assert ledger.counts()["documents"] == 0
    assert calls == []
    engine = create(db_url)
    with engine.begin() as connection:  # as if written by an older civcas
        connection.exec_driver_sql("UPDATE alembic_version SET version_num = '0008_claim_confidence'")
    migrate(engine)  # an older schema: Alembic runs (here, recorded only)
    engine.dispose()
    assert len(calls) == 1
