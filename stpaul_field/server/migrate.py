"""Schema upgrades of the central record (SQLite or PostgreSQL), with the server's own migrations."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Engine, text

from stpaul_field.records.migrations import MigrationScripts

VERSION_TABLE = "server_alembic_version"
SCRIPTS = MigrationScripts(Path(__file__).with_name("migrations"), VERSION_TABLE)
MIGRATION_LOCK_KEY = 7872851


def head_revision() -> str:
    return SCRIPTS.head()


def current_revision(engine: Engine) -> str | None:
    return SCRIPTS.current(engine)


def upgrade(engine: Engine, to: str = "head") -> bool:
    """Bring the schema to `to`; returns whether anything was done.

    On PostgreSQL an advisory lock makes workers that start together migrate one at a time.
    """
    target = head_revision() if to == "head" else to
    with engine.begin() as conn:
        if conn.dialect.name == "postgresql":
            conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": MIGRATION_LOCK_KEY})
        if SCRIPTS.current(conn) == target:
            return False
        SCRIPTS.upgrade(conn, to)
    return True
