"""Schema upgrades of a laptop's store, in place, after an automatic backup."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Engine, inspect

from stpaul_field.store.backup import backup_store
from stpaul_field.store.schema import (
    SCRIPTS,
    UNMODELLED_PREFIXES,
    current_revision,
    head_revision,
    include_name,
    known_revisions,
)

__all__ = [
    "SCRIPTS",
    "UNMODELLED_PREFIXES",
    "current_revision",
    "head_revision",
    "include_name",
    "known_revisions",
]


def upgrade(
    engine: Engine, backups: Path | None, key: bytes | None = None, to: str = "head", keep: int = 10
) -> Path | None:
    """Bring the store to `to`; back the file up first if it already held a schema.

    Returns the backup's path, if one was made.
    """
    current = current_revision(engine)
    target = head_revision() if to == "head" else to
    if current == target:
        return None
    backup = None
    has_tables = bool(inspect(engine).get_table_names())
    if has_tables and backups is not None:
        if key is None:
            raise ValueError("backing up an encrypted store needs its key")
        backup = backup_store(
            engine, backups, key, reason=f"avant-migration-{current or 'sans-version'}", keep=keep
        )
    with engine.begin() as conn:
        SCRIPTS.upgrade(conn, to)
    return backup
