"""A migration that stops half-way (a crash, a kill, an error) leaves the ledger as it was, so the
next run migrates it whole: on SQLite too, where the driver opens no transaction for DDL."""
from __future__ import annotations

import pytest
from alembic import op
from sqlalchemy import inspect

from civcas.errors import StoreError
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
