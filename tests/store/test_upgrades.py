"""Every released revision's store (one file each under tests/data/) opens, upgrades in place
after a backup, and keeps every row — as Electrum tests its old wallet files."""

import re
import shutil
import sqlite3
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import select

from stpaul_field.paths import AppPaths
from stpaul_field.records.synced import SYNCED_FIELDS
from stpaul_field.store import migrate
from stpaul_field.store.backup import list_backups
from stpaul_field.store.database import Store
from stpaul_field.store.models import SYNCED_MODELS, Base, OutboxEntry

DATA = Path(__file__).parents[1] / "data"
STORES = sorted(DATA.glob("store-r*.sqlite3"))
# The revisions laptops in the field may hold; a release that adds a revision adds its file
# (tests/data/make_old_stores.py).
RELEASED = ("0001", "0002", "0003", "0004", "0005", "0006", "0007", "0008", "0009", "0010", "0011", "0012")


def _revision(store_file: Path) -> str:
    match = re.fullmatch(r"store-r(\d{4})\.sqlite3", store_file.name)
    assert match, store_file.name
    return match.group(1)


def _rows(store_file: Path) -> dict[str, set[str]]:
    """The ids in each synced table and the outbox's op ids, read straight from the old file."""
    conn = sqlite3.connect(store_file)
    try:
        tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        # A table a later revision adds (workshop_series, 0012) is empty after the upgrade.
        out = {
            table: {row[0] for row in conn.execute(f"SELECT id FROM {table}")} if table in tables else set()
            for table in SYNCED_FIELDS
        }
        out["outbox"] = {row[0] for row in conn.execute("SELECT op_id FROM outbox")}
        return out
    finally:
        conn.close()


def test_one_store_file_for_every_released_revision():
    assert {_revision(f) for f in STORES} >= set(RELEASED)
    assert set(RELEASED) <= migrate.known_revisions()


@pytest.mark.parametrize("old", STORES, ids=lambda f: f.stem)
def test_a_store_of_each_revision_upgrades_and_keeps_every_row(old: Path, paths: AppPaths):
    before = _rows(old)
    assert before["beneficiary"] and before["activity"], "an old store worth the name holds rows"
    paths.ensure()
    shutil.copy(old, paths.store_file)
    store = Store.open(paths)
    try:
        assert migrate.current_revision(store.engine) == migrate.head_revision()
        # A backup before each upgrade; the store of the head revision needs none.
        upgraded = _revision(old) != migrate.head_revision()
        assert upgraded == any(
            f"avant-migration-{_revision(old)}" in b.name for b in list_backups(paths.backups)
        )
        with store.reader() as session:
            for table, model in SYNCED_MODELS.items():
                ids = {i.hex for i in session.scalars(select(model.id))}
                assert {i.replace("-", "") for i in before[table]} <= ids, table
            ops = {e.op_id.hex for e in session.scalars(select(OutboxEntry))}
            assert {i.replace("-", "") for i in before["outbox"]} == ops
        with store.engine.connect() as conn:
            context = MigrationContext.configure(conn, opts={"include_name": migrate.include_name})
            assert compare_metadata(context, Base.metadata) == []
    finally:
        store.close()
