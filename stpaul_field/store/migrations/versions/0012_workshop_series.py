"""Workshop series: a cycle of sessions, each session a workshop activity with its number

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-03
"""

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None

# Activities recorded before belong to no series (NULL). The central record needs no
# migration: it stores documents, and an activity without the fields takes their defaults.


def upgrade() -> None:
    op.create_table(
        "workshop_series",
        sa.Column("advisor_id", sa.Uuid(), nullable=False),
        sa.Column("co_advisor_ids", sa.JSON(), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("themes", sa.JSON(), nullable=False),
        sa.Column("level", sa.String(length=20), nullable=True),
        sa.Column("place_type", sa.String(length=20), nullable=False),
        sa.Column("venue_id", sa.Uuid(), nullable=True),
        sa.Column("commune", sa.String(length=100), nullable=False),
        sa.Column("postcode", sa.String(length=5), nullable=False),
        sa.Column("insee_code", sa.String(length=5), nullable=False),
        sa.Column("equipment", sa.JSON(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.Column("server_version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["advisor_id"], ["advisor.id"]),
        sa.ForeignKeyConstraint(["venue_id"], ["venue.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    # Plain ADD COLUMNs, no foreign key (SQLite would copy the whole table for one).
    op.add_column("activity", sa.Column("series_id", sa.Uuid(), nullable=True))
    op.add_column("activity", sa.Column("session_number", sa.Integer(), nullable=True))
    op.create_index("ix_activity_series", "activity", ["series_id", "session_number"])


def downgrade() -> None:
    raise NotImplementedError("the store is never downgraded; restore a backup instead")
