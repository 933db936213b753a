"""The register: a folded name key, live people in that order from one covering index, and their count kept by triggers

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
# liveness columns first, the key and the id (the tie-break) after, then every column the
# list shows, SQLite reads a
# page of the register from the index alone — no sort of 100,000 rows, and on the encrypted
# store a few index pages to decrypt rather than one table page per row. The register's
# size, shown at every opening, is kept in `register_tally` by triggers (local edits,
# pulled changes and bulk inserts alike) instead of being counted over 100,000 entries.
LIVE = "{0}.deleted_at IS NULL AND {0}.merged_into_id IS NULL AND NOT {0}.anonymous"
SHOWN = ["last_name", "first_name", "birth_year", "phone", "no_phone", "commune"]
SHOWN += ["disability", "family_carer", "homeless", "updated_at"]
TALLY = [
    "CREATE TABLE register_tally (one INTEGER PRIMARY KEY CHECK (one = 1), live INTEGER NOT NULL)",
    f"INSERT INTO register_tally SELECT 1, count(*) FROM beneficiary WHERE {LIVE.format('beneficiary')}",
    f"""CREATE TRIGGER register_tally_ai AFTER INSERT ON beneficiary WHEN {LIVE.format("new")} BEGIN
        UPDATE register_tally SET live = live + 1;
    END""",
    f"""CREATE TRIGGER register_tally_ad AFTER DELETE ON beneficiary WHEN {LIVE.format("old")} BEGIN
        UPDATE register_tally SET live = live - 1;
    END""",
    f"""CREATE TRIGGER register_tally_au AFTER UPDATE OF deleted_at, merged_into_id, anonymous
    ON beneficiary BEGIN
        UPDATE register_tally SET live = live + ({LIVE.format("new")}) - ({LIVE.format("old")});
    END""",
]


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
        "ix_beneficiary_register",
        "beneficiary",
        ["deleted_at", "merged_into_id", "anonymous", "sort_name", "id", *SHOWN],
    )
    for statement in TALLY:
        op.execute(statement)


def downgrade() -> None:
    raise NotImplementedError("the store is never downgraded; restore a backup instead")
