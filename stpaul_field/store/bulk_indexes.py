"""The activity list's sort indexes, built once after a first sync instead of row by row.

A first sync inserts 100,000 activities in server order, which is no order of these wide
covering indexes (one per sort key of « Activités »): every row lands on another index page,
each read, decrypted, re-encrypted and written at the page's commit. Measured on a copy of
the bench's 430,156-record laptop, 20,000 more activities in pages of 2,000: 8.2 s with
them, 3.1 s without; in a whole first sync the activities' pages took 22.6 s instead of
31.4 s. Building them (and the reports' two) over 100,000 activities takes 1.6 s. The
reports' indexes stay: the participations' triggers read activities through them.

So a pull into a store that holds no activity yet drops them (`defer`) and builds them again
when the run ends, however it ends (`rebuild`). Their SQL is written in `sync_state` in the
drop's own transaction, so a process killed mid-sync leaves the store able to rebuild them:
`Store.open` does, before any migration (which may expect them). No trigger uses them (the
triggers reach activities by id); only the list's sorts are slower, for the length of a
first sync.
"""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import Engine

DEFERRED = (
    "ix_activity_list",
    "ix_activity_by_type",
    "ix_activity_by_status",
    "ix_activity_by_duration",
)
KEY = "deferred_indexes"  # sync_state: JSON list of the dropped indexes' CREATE statements


def defer(engine: Engine) -> bool:
    """Drop the indexes if the store holds no activity yet; whether it did."""
    with engine.begin() as conn:
        if conn.exec_driver_sql("SELECT 1 FROM activity LIMIT 1").first():
            return False
        if conn.exec_driver_sql("SELECT 1 FROM sync_state WHERE key = ?", (KEY,)).first():
            return True  # dropped by a run that did not get to rebuild them
        marks = ", ".join("?" * len(DEFERRED))
        rows = conn.exec_driver_sql(
            f"SELECT name, sql FROM sqlite_master WHERE type = 'index' AND name IN ({marks})", DEFERRED
        ).all()
        if not rows:
            return False
        conn.exec_driver_sql(
            "INSERT INTO sync_state (key, value) VALUES (?, ?)", (KEY, json.dumps([sql for _n, sql in rows]))
        )
        for name, _sql in rows:
            conn.exec_driver_sql(f'DROP INDEX "{name}"')
    return True


def rebuild(engine: Engine) -> bool:
    """Build the indexes `defer` dropped, in one transaction; whether there were any."""
    with engine.begin() as conn:
        if not _has_sync_state(conn):
            return False  # a new store: no table yet
        row = conn.exec_driver_sql("SELECT value FROM sync_state WHERE key = ?", (KEY,)).first()
        if row is None:
            return False
        for sql in json.loads(row[0]):
            conn.exec_driver_sql(sql.replace("CREATE INDEX ", "CREATE INDEX IF NOT EXISTS ", 1))
        conn.exec_driver_sql("DELETE FROM sync_state WHERE key = ?", (KEY,))
    return True


def _has_sync_state(conn: Any) -> bool:
    found = conn.exec_driver_sql("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'sync_state'")
    return found.first() is not None
