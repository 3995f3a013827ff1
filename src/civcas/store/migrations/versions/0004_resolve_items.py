"""resolve_items (what a judgement's re-resolution starts from) and ledger_state (write lock)

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-24 10:00:00
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('resolve_items',
    sa.Column('claim_id', sa.String(length=64), nullable=False),
    sa.Column('doc_id', sa.String(length=300), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('cumulative', sa.Boolean(), nullable=False),
    sa.Column('start', sa.Integer(), nullable=True),
    sa.Column('end', sa.Integer(), nullable=True),
    sa.Column('name', sa.String(length=300), nullable=True),
    sa.Column('key', sa.String(length=300), nullable=True),
    sa.Column('tokens', sa.JSON(), nullable=True),
    sa.Column('precision', sa.String(length=20), nullable=True),
    sa.Column('country', sa.String(length=8), nullable=True),
    sa.Column('admin1', sa.String(length=200), nullable=True),
    sa.Column('lat', sa.Float(), nullable=True),
    sa.Column('lon', sa.Float(), nullable=True),
    sa.Column('geonames_id', sa.Integer(), nullable=True),
    sa.PrimaryKeyConstraint('claim_id', name=op.f('pk_resolve_items'))
    )
    with op.batch_alter_table('resolve_items', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_resolve_items_doc_id'), ['doc_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_resolve_items_start'), ['start'], unique=False)
    state = op.create_table('ledger_state',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('revision', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_ledger_state'))
    )
    op.bulk_insert(state, [{'id': 1, 'revision': 0}])


def downgrade() -> None:
    op.drop_table('ledger_state')
    with op.batch_alter_table('resolve_items', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_resolve_items_start'))
        batch_op.drop_index(batch_op.f('ix_resolve_items_doc_id'))
    op.drop_table('resolve_items')
