"""The register's order: a folded name key, and live people in that order from one index

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-30
"""

import sqlalchemy as sa
from alembic import op

from stpaul_field.domain.text import name_key

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

# The register lists live people (not deleted, not merged, not anonymous) by name. SQLite's
# NOCASE folds ASCII only (« Éthève » would come after « Zitte »): the laptop keeps a folded
# key instead (`domain.text.name_key`, set on every ORM write; never synced). With the three
# liveness columns first and the key after, SQLite counts the register and reads its first
# page from the index alone — no sort of 100,000 rows, and on the encrypted store no
# decryption of every page of the table.


def upgrade() -> None:
    op.add_column("beneficiary", sa.Column("sort_name", sa.String(210), nullable=False, server_default=""))
    conn = op.get_bind()
    rows = conn.execute(sa.text("SELECT id, last_name, first_name FROM beneficiary")).all()
    if rows:
        conn.execute(
            sa.text("UPDATE beneficiary SET sort_name = :key WHERE id = :id"),
            [{"key": name_key(last, first), "id": id_} for id_, last, first in rows],
        )
    op.create_index(
        "ix_beneficiary_register", "beneficiary", ["deleted_at", "merged_into_id", "anonymous", "sort_name"]
    )


def downgrade() -> None:
    raise NotImplementedError("the store is never downgraded; restore a backup instead")
