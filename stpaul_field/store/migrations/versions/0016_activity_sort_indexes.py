"""The activities list sorted by type, status or duration from an index of its own

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-03
"""

from alembic import op

revision = "0016"
down_revision = "0015"
branch_labels = None
depends_on = None

# A click on the Type, Statut or Durée header sorted every activity in a temporary B-tree
# (issue 22). Each of these indexes holds the list in that key's order, then the list's
# ties and filter columns (as ix_activity_list does for the date), so the sorted ids are
# read from the index alone; docs/benchmarks.md has the figures.
TAIL = ["date", "start_time", "id", "deleted_at", "type", "status", "venue_id", "advisor_id"]
SORTED_BY = {"ix_activity_by_type": "type", "ix_activity_by_status": "status", "ix_activity_by_duration": "duration_min"}


def upgrade() -> None:
    for name, key in SORTED_BY.items():
        op.create_index(name, "activity", [key, *(c for c in TAIL if c != key), "themes", "co_advisor_ids"])


def downgrade() -> None:
    raise NotImplementedError("the store is never downgraded; restore a backup instead")
