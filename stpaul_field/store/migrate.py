"""Schema upgrades of a laptop's store, in place, after an automatic backup."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Engine, inspect

from stpaul_field.records.migrations import MigrationScripts
from stpaul_field.store.backup import backup_store

SCRIPTS = MigrationScripts(Path(__file__).with_name("migrations"))
# Tables made by raw SQL in migrations (FTS5 index and its shadow tables, the reports' and the
# register's tallies kept by triggers), not by the models.
UNMODELLED_PREFIXES = ("beneficiary_search", "activity_tally", "register_tally")


def include_name(name: str | None, type_: str, parent_names: object) -> bool:
    """Autogenerate/compare filter: ignore what the models do not describe."""
    return not (type_ == "table" and name is not None and name.startswith(UNMODELLED_PREFIXES))


def head_revision() -> str:
    return SCRIPTS.head()


def known_revisions() -> set[str]:
    """Every revision this version can upgrade from (a store from a newer version is not one)."""
    return SCRIPTS.revisions()


def current_revision(engine: Engine) -> str | None:
    return SCRIPTS.current(engine)


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
