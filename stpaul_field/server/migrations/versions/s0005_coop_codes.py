"""The Coop's current codes: age bands, a theme and two redirect structures renamed in place

Revision ID: s0005
Revises: s0004
Create Date: 2026-12-02
"""

from typing import Any

import sqlalchemy as sa
from alembic import op

from stpaul_field.domain.fields import current_fields, former_codes

revision = "s0005"
down_revision = "s0004"
branch_labels = None
depends_on = None

# The same renaming as the laptops' migration 0008 (see there): each record's document and each
# logged conflict's values. A rename is not a write: no sequence value is taken and the fields'
# versions stay, so a laptop that already renamed its copy has nothing to pull, and one that has
# not yet been updated keeps working (the server translates what it pushes, see server.batch).
# The journal is left as it is: it tells what was written, when.


def _matches(column: sa.ColumnElement[Any]) -> sa.ColumnElement[bool]:
    return sa.or_(*(sa.cast(column, sa.Text).like(f"%{code}%") for code in former_codes()))


def upgrade() -> None:
    conn = op.get_bind()
    record = sa.table("record", sa.column("entity"), sa.column("id", sa.Uuid), sa.column("fields", sa.JSON))
    query = sa.select(record).where(record.c.entity.in_(("beneficiary", "activity")), _matches(record.c.fields))
    for entity, id_, fields in conn.execute(query).all():
        new = current_fields(entity, fields)
        if new is not fields:
            conn.execute(
                record.update().where(record.c.entity == entity, record.c.id == id_).values(fields=new)
            )
    log = sa.table(
        "conflict_log",
        sa.column("id", sa.BigInteger),
        sa.column("entity"),
        sa.column("field"),
        sa.column("kept", sa.JSON),
        sa.column("lost", sa.JSON),
    )
    for id_, entity, field, kept, lost in conn.execute(
        sa.select(log).where(sa.or_(_matches(log.c.kept), _matches(log.c.lost)))
    ).all():
        values = {
            "kept": current_fields(entity, {field: kept})[field],
            "lost": current_fields(entity, {field: lost})[field],
        }
        conn.execute(log.update().where(log.c.id == id_).values(**values))


def downgrade() -> None:
    raise NotImplementedError("the central record is never downgraded; restore a backup instead")
