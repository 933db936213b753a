"""A démarche can be marked « réalisée sous mandat Aidants Connect »

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-02
"""

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

# The flag only: the mandate itself and its journal belong to Aidants Connect. Activities
# recorded before were not marked (false). The central record needs no migration: its
# documents take the field's default when it is absent.


def upgrade() -> None:
    op.add_column(
        "activity", sa.Column("aidants_connect", sa.Boolean(), nullable=False, server_default=sa.false())
    )


def downgrade() -> None:
    raise NotImplementedError("the store is never downgraded; restore a backup instead")
