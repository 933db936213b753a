"""Writing many rows of one table at once: `insert_rows`, optionally as an upsert.

On PostgreSQL the rows travel as one JSON document in a single statement,
`INSERT … SELECT … FROM json_to_recordset(:rows) AS given(<the table's columns and types>)`:
PostgreSQL turns each object into a row. psycopg's executemany would pipeline one INSERT
per row in a single round trip too, but waits for the results by polling the socket while
holding the GIL: under load (bench `sync-many`, 200 laptops on 2 cores) that polling was a
tenth of the server's CPU, taken from PostgreSQL itself. (One array per column, `unnest`,
costs more: psycopg quotes JSON array elements character by character.) On SQLite
(in-process, no round trip) it is a plain executemany.

Values go through each column's own bind processing (UTC datetimes) as SQLAlchemy would do
for a row; JSON columns travel as nested JSON. (A JSON `null` lands as SQL NULL: both read
back as None.)
"""

from __future__ import annotations

import functools
from typing import Any, TypeVar

from sqlalchemy import JSON, Dialect, Executable, Table, insert, text
from sqlalchemy.dialects import sqlite
from sqlalchemy.orm import Session

from stpaul_field.server import jsontext

T = TypeVar("T")


# Values in one `IN (…)` list at most: a statement per chunk (SQLite's bound parameters,
# and plans that stay index lookups).
IN_LIST_BOUND = 500


def chunks(items: list[T], size: int = IN_LIST_BOUND) -> list[list[T]]:
    """`items` cut in lists of at most `size`, for `IN (…)` lists ([] for no items)."""
    return [items[start : start + size] for start in range(0, len(items), size)]


def insert_rows(
    session: Session, table: Table, rows: list[dict[str, Any]], update_on: tuple[str, ...] = ()
) -> None:
    """Insert `rows` (dicts with the same keys) in one statement.

    `update_on`: the table's key columns; a row whose key exists updates that row's other
    given columns instead (an upsert)."""
    if not rows:
        return
    names = tuple(column.name for column in table.columns if column.name in rows[0])
    dialect = session.get_bind().dialect
    if dialect.name != "postgresql":
        session.execute(_executemany(table, names, update_on), rows)
        return
    processors = [(name, _processor(table, name, dialect)) for name in names]
    documents = [
        {name: row[name] if process is None else process(row[name]) for name, process in processors}
        for row in rows
    ]
    session.execute(_from_json(table, names, update_on), {"rows": jsontext.dumps(documents)})


@functools.cache
def _processor(table: Table, name: str, dialect: Dialect) -> Any:
    """The column's bind processing, except JSON's (its value is nested in the document)."""
    column_type = table.columns[name].type
    if isinstance(column_type, JSON):
        return None
    return column_type.dialect_impl(dialect).bind_processor(dialect)


@functools.cache
def _from_json(table: Table, names: tuple[str, ...], update_on: tuple[str, ...]) -> Executable:
    from sqlalchemy.dialects import postgresql

    dialect = postgresql.dialect()
    columns = ", ".join(names)
    types = ", ".join(f"{name} {table.columns[name].type.compile(dialect=dialect)}" for name in names)
    sql = (
        f"INSERT INTO {table.name} ({columns}) "
        f"SELECT {columns} FROM json_to_recordset(CAST(:rows AS json)) AS given({types})"
    )
    if update_on:
        changed = ", ".join(f"{name} = EXCLUDED.{name}" for name in names if name not in update_on)
        sql += f" ON CONFLICT ({', '.join(update_on)}) DO UPDATE SET {changed}"
    return text(sql)


@functools.cache
def _executemany(table: Table, names: tuple[str, ...], update_on: tuple[str, ...]) -> Executable:
    if not update_on:
        return insert(table)
    statement = sqlite.insert(table)
    return statement.on_conflict_do_update(
        index_elements=list(update_on),
        set_={name: statement.excluded[name] for name in names if name not in update_on},
    )
