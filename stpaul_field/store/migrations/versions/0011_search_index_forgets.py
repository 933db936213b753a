"""Erasure leaves no trace in the search index (issue 17): FTS5 secure-delete, then optimize

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-02
"""

from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None

# Without secure-delete, FTS5 forgets a row by writing a delete marker beside it: the old
# tokens (an erased person's name and phone) stay in the index's data, readable with the
# store's key, until segments happen to merge. With it (SQLite 3.44+, a setting kept in the
# index), each delete takes the tokens out at once. `optimize` then merges the segments, which
# drops the tokens left by earlier erasures.
STATEMENTS = [
    "INSERT INTO beneficiary_search(beneficiary_search, rank) VALUES ('secure-delete', 1)",
    "INSERT INTO beneficiary_search(beneficiary_search) VALUES ('optimize')",
]


def upgrade() -> None:
    for statement in STATEMENTS:
        op.execute(statement)


def downgrade() -> None:
    op.execute("INSERT INTO beneficiary_search(beneficiary_search, rank) VALUES ('secure-delete', 0)")
