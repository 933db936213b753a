"""Journal: a pushed operation's row is how its replay is known (unique index on op_id); applied_op goes

Every accepted operation was written to applied_op and to the journal in the same
transaction, with the same op id, advisor and version (the journal's seq): the journal alone
answers "was this operation accepted already, and at which version?", and a push writes one
table less under the write lock.

Revision ID: s0004
Revises: s0003
Create Date: 2026-11-30
"""

import sqlalchemy as sa
from alembic import op

revision = "s0004"
down_revision = "s0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index(
        "ix_journal_op",
        "journal",
        ["op_id"],
        unique=True,
        postgresql_where=sa.text("op_id IS NOT NULL"),
        sqlite_where=sa.text("op_id IS NOT NULL"),
    )
    op.drop_table("applied_op")


def downgrade() -> None:
    raise NotImplementedError("the central record is never downgraded; restore a backup instead")
