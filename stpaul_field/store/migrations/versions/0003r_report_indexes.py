"""Indexes the reports read from alone (covering), so a month's figures stay quick

Revision ID: 0003r
Revises: 0002
Create Date: 2026-11-23
"""

from alembic import op

revision = "0003r"
down_revision = "0002"
branch_labels = None
depends_on = None

# The follow-up count joins activities of a period to their participations and checks each
# participation's attendance and beneficiary. With every column it reads in these indexes,
# SQLite answers from the indexes alone instead of reading the wide rows one by one.
INDEXES = (
    ("ix_activity_report", "activity", ["date", "deleted_at", "status", "advisor_id", "anon_total", "id"]),
    ("ix_activity_counted", "activity", ["id", "date", "deleted_at", "status"]),
    (
        "ix_participation_report",
        "participation",
        ["activity_id", "deleted_at", "attended", "registered", "beneficiary_id"],
    ),
    (
        "ix_participation_person",
        "participation",
        ["beneficiary_id", "deleted_at", "attended", "registered", "activity_id"],
    ),
    # The few deleted people, found without reading the whole table.
    ("ix_beneficiary_tombstone", "beneficiary", ["deleted_at", "merged_into_id", "id"]),
)


def upgrade() -> None:
    for name, table, columns in INDEXES:
        op.create_index(name, table, columns)


def downgrade() -> None:
    raise NotImplementedError("the store is never downgraded; restore a backup instead")
