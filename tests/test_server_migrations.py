"""The server's migrations build exactly the schema its models describe, on SQLite and PostgreSQL."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect

from stpaul_field.server.migrate import VERSION_TABLE, current_revision, head_revision, upgrade
from stpaul_field.server.models import Base
from stpaul_field.server.testing import (  # noqa: F401 (fixtures)
    ServerEnv,
    server_env,
    server_postgres_url,
    server_sqlite_template,
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
