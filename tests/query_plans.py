"""The query plans SQLite chose for the statements a piece of store code ran."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sqlalchemy import event
from sqlalchemy.orm import Session

from stpaul_field.store.database import Store


def plans_of(store: Store, session: Session, work: Callable[[], Any]) -> list[str]:
    """Run `work`, then EXPLAIN QUERY PLAN each SELECT it sent; one line per statement."""
    seen: list[tuple[str, Any]] = []

    def capture(conn, cursor, statement, parameters, context, executemany):  # type: ignore[no-untyped-def]
        if statement.lstrip().upper().startswith("SELECT"):
            seen.append((statement, parameters))

    event.listen(store.engine, "before_cursor_execute", capture)
    try:
        work()
    finally:
        event.remove(store.engine, "before_cursor_execute", capture)
    return [
        " / ".join(
            row[-1] for row in session.connection().exec_driver_sql("EXPLAIN QUERY PLAN " + sql, params)
        )
        for sql, params in seen
    ]
