"""The Coop's current codes: age bands, a theme and two redirect structures renamed in place

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-02
"""

from typing import Any

import sqlalchemy as sa
from alembic import op

from stpaul_field.domain.fields import (
    CODED_FIELDS,
    COUNTED_FIELDS,
    current_fields,
    former_codes,
    renamed_fields,
)

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

# Our value lists now spell every code as La Coop de la médiation numérique does (see
# docs/reference/coop-cra.md); the codes they had before are each list's `former` codes. Every
# stored copy is rewritten: the records, the queued edits (the outbox, so that a laptop never
# pushes a former code again) and the conflicts kept for review. The central record does the
# same (server migration s0005); nothing is queued for sync, since both sides rename alike.
# Former codes only ever accumulate, so this stays right after later renames.
_TABLES = {"beneficiary": "beneficiary", "activity": "activity"}


def _matches(column: sa.ColumnElement[Any]) -> sa.ColumnElement[bool]:
    # The stored text of a column (a code, or JSON holding codes) that may hold a former code.
    return sa.or_(*(sa.cast(column, sa.Text).like(f"%{code}%") for code in former_codes()))


def _rewrite_records(conn: sa.Connection, entity: str) -> None:
    names = renamed_fields(entity)
    if not names:
        return
    json_names = {n for n in names if n in COUNTED_FIELDS or CODED_FIELDS[n].many}
    table = sa.table(
        _TABLES[entity],
        sa.column("id", sa.String),
        *(sa.column(n, sa.JSON if n in json_names else sa.String) for n in names),
    )
    query = sa.select(table).where(sa.or_(*(_matches(table.c[n]) for n in names)))
    for row in conn.execute(query).mappings().all():
        fields = {n: row[n] for n in names}
        new = current_fields(entity, fields)
        if new is not fields:
            conn.execute(table.update().where(table.c.id == row["id"]).values(**new))


def _rewrite_outbox(conn: sa.Connection) -> None:
    outbox = sa.table("outbox", sa.column("seq", sa.Integer), sa.column("entity"), sa.column("fields", sa.JSON))
    for seq, entity, fields in conn.execute(sa.select(outbox).where(_matches(outbox.c.fields))).all():
        new = current_fields(entity, fields)
        if new is not fields:
            conn.execute(outbox.update().where(outbox.c.seq == seq).values(fields=new))


def _rewrite_conflicts(conn: sa.Connection) -> None:
    conflict = sa.table(
        "conflict",
        sa.column("id", sa.String),
        sa.column("entity"),
        sa.column("field"),
        sa.column("kept_value", sa.JSON),
        sa.column("lost_value", sa.JSON),
    )
    query = sa.select(conflict).where(sa.or_(_matches(conflict.c.kept_value), _matches(conflict.c.lost_value)))
    for id_, entity, field, kept, lost in conn.execute(query).all():
        kept_now = current_fields(entity, {field: kept})[field]
        lost_now = current_fields(entity, {field: lost})[field]
        conn.execute(
            conflict.update().where(conflict.c.id == id_).values(kept_value=kept_now, lost_value=lost_now)
        )


def _widen_age_band(conn: sa.Connection) -> None:
    # « quarante_cinquante_neuf » is 23 characters: the column is declared VARCHAR(40) now. SQLite
    # never enforces a VARCHAR length, so only the declared type changes, in the schema text (the
    # procedure of sqlite.org/lang_altertable.html for changes that leave the stored rows as
    # they are), rather than copying the table and losing its triggers.
    version = conn.exec_driver_sql("PRAGMA schema_version").scalar_one()
    conn.exec_driver_sql("PRAGMA writable_schema=ON")
    conn.exec_driver_sql(
        "UPDATE sqlite_master SET sql = replace(sql, 'age_band VARCHAR(20)', 'age_band VARCHAR(40)')"
        " WHERE type = 'table' AND name = 'beneficiary'"
    )
    conn.exec_driver_sql(f"PRAGMA schema_version={int(version) + 1}")
    conn.exec_driver_sql("PRAGMA writable_schema=OFF")


def upgrade() -> None:
    conn = op.get_bind()
    _widen_age_band(conn)
    for entity in _TABLES:
        _rewrite_records(conn, entity)
    _rewrite_outbox(conn)
    _rewrite_conflicts(conn)


def downgrade() -> None:
    raise NotImplementedError("the store is never downgraded; restore a backup instead")
