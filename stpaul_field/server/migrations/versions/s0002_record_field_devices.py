"""Record: per field, the device whose write set it

Revision ID: s0002
Revises: s0001
Create Date: 2026-11-23
"""

import sqlalchemy as sa
from alembic import op

revision = "s0002"
down_revision = "s0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Existing fields get no device: a laptop's next edit of them is checked like any other.
    with op.batch_alter_table("record") as batch:
        batch.add_column(sa.Column("field_devices", sa.JSON(), nullable=False, server_default="{}"))


def downgrade() -> None:
    raise NotImplementedError("the central record is never downgraded; restore a backup instead")
