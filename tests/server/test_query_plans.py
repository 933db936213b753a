"""The sync's hot statements reach records through an index on SQLite, never a full scan.

A full scan costs nothing on a test's few rows and everything on a record of 430,000: the
bench `sync-day` once lost 0.4 s to a row-value IN that SQLite answers by scanning. Timings
belong to the benches; what the planner chose is checked here.
"""

from __future__ import annotations

import uuid
from pathlib import Path

from sqlalchemy import Executable

from stpaul_bench.central_record import ServerEnv, sqlite_url
from stpaul_field.server import batch, book, pull


def _plan(env: ServerEnv, statement: Executable, params: dict[str, object]) -> list[str]:
    with env.db.session() as s:
        result = s.execute(statement, params)
        sql, bound = result.context.statement, result.context.parameters[0]
        rows = s.connection().exec_driver_sql("EXPLAIN QUERY PLAN " + sql, tuple(bound)).all()
    return [row[-1] for row in rows]


def _full_scans(plan: list[str]) -> list[str]:
    return [step for step in plan if step.startswith("SCAN record") or step.startswith("SCAN journal")]


def test_hot_statements_use_indexes(tmp_path: Path) -> None:
    env = ServerEnv.start(sqlite_url(tmp_path))
    try:
        keys: dict[str, object] = {entity: [] for entity in book._ENTITIES}
        keys.update(beneficiary=[uuid.uuid4(), uuid.uuid4()], activity=[uuid.uuid4()])
        ops = [uuid.uuid4(), uuid.uuid4()]
        page = {"team": uuid.uuid4(), "cursor": 10, "limit": 501}
        checked = {
            "records by key": (book._RECORDS, keys),
            "operations already accepted": (batch._PRIOR_OPS, {"ops": ops}),
            "what moved since the draft": (
                batch._SINCE_DRAFT,
                {"seen": 10, "ops": ops, "batch": uuid.uuid4()},
            ),
            "pull page": (pull._PAGE, page),
        }
        for name, (statement, params) in checked.items():
            plan = _plan(env, statement, params)
            assert _full_scans(plan) == [], f"{name}: {plan}"
    finally:
        env.close()
