"""Alembic environment: run by :func:`civcas.store.engine.migrate` (programmatically).

The caller puts an open connection in ``config.attributes["connection"]``;
``alembic`` on the command line (with ``-x url=...``) also works for authors
writing a new migration.
"""
from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine

from civcas.store.models import Base

config = context.config
target_metadata = Base.metadata


def _run(connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=connection.dialect.name == "sqlite",
    )
    with context.begin_transaction():
        context.run_migrations()


connection = config.attributes.get("connection")
if connection is not None:
    _run(connection)
else:  # pragma: no cover - command-line use by migration authors
    url = context.get_x_argument(as_dictionary=True).get("url") or config.get_main_option(
        "sqlalchemy.url"
    )
    engine = create_engine(str(url))
    with engine.begin() as conn:
        _run(conn)
