"""scale: documents.pending (resolution state), 64-bit figures on PostgreSQL, read indexes

Revision ID: 0007_scale
Revises: 0006
Create Date: 2026-12-06 19:50:00

- ``documents.pending``: true from the commit that stores a document until the
  commit of the resolution that includes its claims (a re-run finishes them;
  ``civcas incidents`` warns while any is pending). Existing documents are
  resolved (false) when the ledger holds incidents or tallies, else pending.
- Figures (claims, tallies, assessments) as BIGINT on PostgreSQL ("killed 3
  billion" fitted no INTEGER column there); SQLite's INTEGER is 64-bit already.
- Indexes for reads that no longer load the ledger: incidents by position and
  by event date are there; assessments by grade are there; resolve_items by
  window end.
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0007_scale'
down_revision = '0006'
branch_labels = None
depends_on = None

FIGURES = {'claims': ('low', 'high'), 'tallies': ('low', 'high'),
           'assessments': ('killed_low', 'killed_best', 'killed_high')}


def upgrade() -> None:
    with op.batch_alter_table('documents', schema=None) as batch_op:
        batch_op.add_column(sa.Column('pending', sa.Boolean(), nullable=False,
                                      server_default=sa.false()))
        batch_op.create_index(batch_op.f('ix_documents_pending'), ['pending'], unique=False)
    bind = op.get_bind()
    resolved = bind.execute(sa.text(
        "SELECT (SELECT COUNT(*) FROM incidents) + (SELECT COUNT(*) FROM tallies)")).scalar()
    if not resolved:
        op.execute(sa.text("UPDATE documents SET pending = :t WHERE is_current = :t")
                   .bindparams(t=True))
    with op.batch_alter_table('resolve_items', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_resolve_items_end'), ['end'], unique=False)
    with op.batch_alter_table('incidents', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_incidents_position'), ['position'], unique=False)
    if bind.dialect.name == 'postgresql':
        for table, columns in FIGURES.items():
            for column in columns:
                op.alter_column(table, column, type_=sa.BigInteger(), existing_nullable=True)


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == 'postgresql':
        for table, columns in FIGURES.items():
            for column in columns:
                op.alter_column(table, column, type_=sa.Integer(), existing_nullable=True)
    with op.batch_alter_table('incidents', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_incidents_position'))
    with op.batch_alter_table('resolve_items', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_resolve_items_end'))
    with op.batch_alter_table('documents', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_documents_pending'))
        batch_op.drop_column('pending')
