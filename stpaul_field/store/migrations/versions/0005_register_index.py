"""The register's live people in name order, from one index

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-30
"""

from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

# The register lists live people (not deleted, not merged, not anonymous) by name, case
# folded. With those three columns first and the names after, SQLite counts the register
# and reads its first page from the index alone, without sorting 100,000 rows — and on the
# encrypted store, without decrypting every page of the table.


def upgrade() -> None:
    op.execute(
        "CREATE INDEX ix_beneficiary_register ON beneficiary "
        "(deleted_at, merged_into_id, anonymous, last_name COLLATE NOCASE, first_name COLLATE NOCASE)"
    )


def downgrade() -> None:
    raise NotImplementedError("the store is never downgraded; restore a backup instead")
