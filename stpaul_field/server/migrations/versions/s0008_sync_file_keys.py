"""Sync files (issue 20): each device's public keys, the central record's own key pairs

Revision ID: s0008
Revises: s0006
Create Date: 2026-12-03
"""

import sqlalchemy as sa
from alembic import op

revision = "s0008"
down_revision = "s0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # A device enrolled before has none until its next online sync registers them.
    with op.batch_alter_table("device") as batch:
        batch.add_column(sa.Column("signing_key", sa.String(64), nullable=True))
        batch.add_column(sa.Column("box_key", sa.String(64), nullable=True))
    op.create_table(
        "server_key",
        sa.Column("name", sa.String(20), primary_key=True),
        sa.Column("server_id", sa.Uuid(), nullable=False),
        sa.Column("signing_key", sa.String(64), nullable=False),
        sa.Column("box_key", sa.String(64), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),  # naive UTC, as UTCDateTime stores it
    )


def downgrade() -> None:
    raise NotImplementedError("the central record is never downgraded; restore a backup instead")
