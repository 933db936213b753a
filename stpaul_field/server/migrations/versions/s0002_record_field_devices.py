"""Record: per field, the device whose write set it; documents as JSON text on PostgreSQL

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

# Columns that s0001 made JSONB on PostgreSQL: plain JSON text is faster to write, and the
# pull splices the stored text into its responses as it is.
_JSON_COLUMNS = {
    "record": ("fields", "field_seqs", "field_stamps"),
    "applied_batch": ("results",),
    "conflict_log": ("kept", "lost"),
}


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for table, columns in _JSON_COLUMNS.items():
            for column in columns:
                op.execute(f"ALTER TABLE {table} ALTER COLUMN {column} TYPE json USING {column}::json")
    # Existing fields get no device: a laptop's next edit of them is checked like any other.
    with op.batch_alter_table("record") as batch:
        batch.add_column(sa.Column("field_devices", sa.JSON(), nullable=False, server_default="{}"))


def downgrade() -> None:
    raise NotImplementedError("the central record is never downgraded; restore a backup instead")
