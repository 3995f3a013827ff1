"""tally period as text: a tally's period is the sentence's own words

Revision ID: 0010_tally_period_text
Revises: 0009_places_per_entry
Create Date: 2026-12-07 14:50:00

- ``tallies.period``: VARCHAR(60) -> TEXT. Resolution takes the period a cumulative
  figure covers from its sentence ("since the uprising ... began in March 2011", up to
  some 90 characters); PostgreSQL refused the longer ones (the whole resolution failed,
  E411), SQLite never checked. Every stored value is kept; a downgrade to 60 characters
  cuts longer periods (it is the old width).
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0010_tally_period_text'
down_revision = '0009_places_per_entry'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('tallies', schema=None) as batch_op:
        batch_op.alter_column('period', existing_type=sa.String(length=60), type_=sa.Text(),
                              existing_nullable=True)


def downgrade() -> None:
    op.execute("UPDATE tallies SET period = substr(period, 1, 60) WHERE length(period) > 60")
    with op.batch_alter_table('tallies', schema=None) as batch_op:
        batch_op.alter_column('period', existing_type=sa.Text(), type_=sa.String(length=60),
                              existing_nullable=True)
