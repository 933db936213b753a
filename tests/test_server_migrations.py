"""The server's migrations build exactly the schema its models describe, on SQLite and PostgreSQL."""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect, select, text

from stpaul_field.server.db import Database
from stpaul_field.server.migrate import VERSION_TABLE, current_revision, head_revision, upgrade
from stpaul_field.server.models import Base, Record
from stpaul_field.server.testing import (  # noqa: F401 (fixtures)
    ServerEnv,
    drop_database,
    fresh_postgres_database,
    server_env,
    server_postgres_url,
    server_sqlite_template,
    sqlite_url,
)


def test_migrated_schema_matches_the_models(server_env: ServerEnv) -> None:  # noqa: F811
    engine = server_env.db.write_engine
    assert current_revision(engine) == head_revision()
    with engine.connect() as conn:
        context = MigrationContext.configure(
            conn, opts={"version_table": VERSION_TABLE, "compare_type": True}
        )
        differences = compare_metadata(context, Base.metadata)
    assert differences == []
    assert "ix_record_team_seq" in {ix["name"] for ix in inspect(engine).get_indexes("record")}


def test_migrating_again_is_a_no_op(server_env: ServerEnv) -> None:  # noqa: F811
    assert upgrade(server_env.db.write_engine) is False


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def empty_database(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    if request.param == "sqlite":
        yield sqlite_url(tmp_path)
        return
    url = fresh_postgres_database(request.getfixturevalue("postgres_url"))
    yield url
    drop_database(url)


def test_a_record_from_the_first_schema_is_upgraded_in_place(empty_database: str) -> None:
    db = Database(empty_database)
    upgrade(db.write_engine, to="s0001")
    record_id = uuid.uuid4()
    with db.write_engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO record (entity, id, team_id, seq, fields, field_seqs, field_stamps) "
                "VALUES ('venue', :id, NULL, 1, :fields, :seqs, :stamps)"
            ),
            {
                "id": record_id.hex if not db.is_postgres else record_id,
                "fields": json.dumps({"name": "Marla"}),
                "seqs": json.dumps({"name": 1}),
                "stamps": json.dumps({"name": "001700000000000-000000-server"}),
            },
        )
        conn.execute(text("UPDATE counter SET value = 1"))
    upgrade(db.write_engine)
    with db.session() as s:
        rec = s.get(Record, ("venue", record_id))
        assert rec is not None
        assert (rec.fields, rec.field_seqs, rec.field_devices) == ({"name": "Marla"}, {"name": 1}, {})
    db.dispose()


def test_a_logged_conflict_gets_the_team_of_its_record(empty_database: str) -> None:
    from stpaul_field.server.models import ConflictLog

    db = Database(empty_database)
    upgrade(db.write_engine, to="s0002")
    record_id, team_id = uuid.uuid4(), uuid.uuid4()

    def uid(value: uuid.UUID) -> object:
        return value if db.is_postgres else value.hex

    with db.write_engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO record (entity, id, team_id, seq, fields, field_seqs, field_stamps) "
                "VALUES ('beneficiary', :id, :team, 2, '{}', '{}', '{}')"
            ),
            {"id": uid(record_id), "team": uid(team_id)},
        )
        conn.execute(
            text(
                "INSERT INTO conflict_log "
                "(at, seq, entity, record_id, field, kept, lost, kept_stamp, lost_stamp) "
                "VALUES (CURRENT_TIMESTAMP, 2, 'beneficiary', :id, 'commune', '\"a\"', '\"b\"', 'k', 'l')"
            ),
            {"id": uid(record_id)},
        )
    upgrade(db.write_engine)
    with db.session() as s:
        (logged,) = s.scalars(select(ConflictLog)).all()
        assert (logged.team_id, logged.lost) == (team_id, "b")
    db.dispose()
