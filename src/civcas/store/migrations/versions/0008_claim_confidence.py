"""claim confidence: the extractor's calibrated confidence per claim

Revision ID: 0008_claim_confidence
Revises: 0007_scale
Create Date: 2026-12-06 22:30:00

- ``claims.confidence``: a nullable float in [0, 1], written at ingest from
  ``Claim.confidence`` (claims given 0.9 are right about 90% of the time). The
  review queue ``low_confidence`` and the sort ``confidence`` read it. Rows
  stored before this migration keep every value they had and get NULL
  (unknown): nothing is guessed for them (re-ingesting their files does not
  re-extract an unchanged text; a changed text is a new version with values).
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0008_claim_confidence'
down_revision = '0007_scale'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('claims', schema=None) as batch_op:
        batch_op.add_column(sa.Column('confidence', sa.Float(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('claims', schema=None) as batch_op:
        batch_op.drop_column('confidence')
