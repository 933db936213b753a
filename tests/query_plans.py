"""The query plans SQLite chose for the statements a piece of store code ran."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sqlalchemy import Engine, event
from sqlalchemy.orm import Session


def plans_of(engine: Engine, session: Session, work: Callable[[], Any]) -> list[str]:
    """Run `work`, then EXPLAIN QUERY PLAN each SELECT it sent; one line per statement."""
    seen: list[tuple[str, Any]] = []

    def capture(conn, cursor, statement, parameters, context, executemany):  # type: ignore[no-untyped-def]
        if statement.lstrip().upper().startswith("SELECT"):
            seen.append((statement, parameters))

    event.listen(engine, "before_cursor_execute", capture)
    try:
        work()
    finally:
        event.remove(engine, "before_cursor_execute", capture)
    return [
        " / ".join(
            row[-1] for row in session.connection().exec_driver_sql("EXPLAIN QUERY PLAN " + sql, params)
        )
        for sql, params in seen
    ]
