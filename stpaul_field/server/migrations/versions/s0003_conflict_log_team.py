"""Conflict log: the record's team, indexed with seq, for laptops to pull their team's conflicts

Revision ID: s0003
Revises: s0002
Create Date: 2026-11-30
"""

import sqlalchemy as sa
from alembic import op

revision = "s0003"
down_revision = "s0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("conflict_log") as batch:
        batch.add_column(sa.Column("team_id", sa.Uuid(), nullable=True))
    # Conflicts logged before: the team of their record (a record never changes team).
    op.execute(
        "UPDATE conflict_log SET team_id = (SELECT record.team_id FROM record "
        "WHERE record.entity = conflict_log.entity AND record.id = conflict_log.record_id)"
    )
    op.create_index("ix_conflict_log_team_seq", "conflict_log", ["team_id", "seq"])


def downgrade() -> None:
    raise NotImplementedError("the central record is never downgraded; restore a backup instead")
