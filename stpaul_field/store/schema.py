"""The store's schema revisions: which there are, which a file is at (Alembic only to upgrade)."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Engine

from stpaul_field.records.migrations import MigrationScripts

SCRIPTS = MigrationScripts(Path(__file__).with_name("migrations"))
# Tables made by raw SQL in migrations (FTS5 index and its shadow tables, the reports' and the
# register's tallies, the activities' sort keys and the reports' follow-ups kept by triggers),
# not by the models.
UNMODELLED_PREFIXES = (
    "beneficiary_search",
    "activity_tally",
    "register_tally",
    "activity_sort_keys",
    "report_unit",
)


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
