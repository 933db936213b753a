"""The store keeps SQLite's planner statistics (issue 22: a report took minutes without them)."""

from __future__ import annotations

from tests.statistics_fixture import build


def test_a_store_with_records_and_no_statistics_gets_them_at_opening(paths):
    # Without them SQLite's planner scanned every participation for each person of a report.
    from sqlalchemy import text

    from stpaul_field.store.database import Store

    store = Store.open(paths)
    build(store)
    with store.session() as s:
        s.execute(text("DROP TABLE IF EXISTS sqlite_stat1"))
    store.close()
    store = Store.open(paths)
    try:
        with store.reader() as s:
            tables = {r[0] for r in s.execute(text("SELECT tbl FROM sqlite_stat1"))}
    finally:
        store.close()
    assert {"participation", "activity", "beneficiary"} <= tables
