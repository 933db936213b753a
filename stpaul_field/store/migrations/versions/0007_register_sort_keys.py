"""The register sorted by first name and by commune on folded keys, like the name order

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-30
"""

import sqlalchemy as sa
from alembic import op

from stpaul_field.domain.text import register_sort_keys

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

# SQLite's NOCASE folds ASCII only: sorted by first name, « Émilie » came after « Zoé ». The
# laptop keeps folded keys, as it does for the name order (0005): first name then name, and
# commune then name (`register_sort_keys`, set on every ORM write; never synced). Both keys
# join the register's covering index, so a page in these orders is still sorted from the
# index alone (~15 ms at 100,000, as with NOCASE; reading the rows instead took ~95 ms).


def upgrade() -> None:
    op.add_column("beneficiary", sa.Column("sort_first_name", sa.String(210), nullable=False, server_default=""))
    op.add_column("beneficiary", sa.Column("sort_commune", sa.String(320), nullable=False, server_default=""))
    conn = op.get_bind()
    rows = conn.execute(sa.text("SELECT id, last_name, first_name, commune FROM beneficiary")).all()
    if rows:
        conn.execute(
            sa.text("UPDATE beneficiary SET sort_first_name = :first, sort_commune = :commune WHERE id = :id"),
            [
                dict(zip(("first", "commune"), register_sort_keys(last, first, commune)[1:], strict=True), id=id_)
                for id_, last, first, commune in rows
            ],
        )
    register_index = ["deleted_at", "merged_into_id", "anonymous", "sort_name", "id", "last_name"]
    register_index += ["first_name", "birth_year", "phone", "no_phone", "commune", "disability"]
    register_index += ["family_carer", "homeless", "updated_at", "sort_first_name", "sort_commune"]
    op.drop_index("ix_beneficiary_register", table_name="beneficiary")
    op.create_index("ix_beneficiary_register", "beneficiary", register_index)


def downgrade() -> None:
    raise NotImplementedError("the store is never downgraded; restore a backup instead")
