"""The users migration: one head, and the schema it makes is the models'."""
from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory

from civcas.store import Ledger
from civcas.store.engine import MIGRATIONS, tables
from civcas.store.models import Base


def test_exactly_one_head():
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    script = ScriptDirectory.from_config(config)
    assert len(script.get_heads()) == 1
    assert {"0002", "0005", "0006"} <= {r.revision for r in script.walk_revisions()}


def test_users_table_matches_the_models(db_url):
    with Ledger(db_url) as ledger:
        assert "users" in tables(ledger.engine)
        with ledger.engine.connect() as conn:
            assert compare_metadata(MigrationContext.configure(conn), Base.metadata) == []
