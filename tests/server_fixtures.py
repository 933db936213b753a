"""The central record's pytest fixtures (a plugin registered in tests/conftest.py): any test can
ask for `server_env`, `server_postgres_url` or `server_sqlite_template` without importing them."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from stpaul_bench.central_record import ServerEnv, drop_database, fresh_postgres_database, reset, sqlite_url


@pytest.fixture(scope="session")
def server_sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A migrated, seeded SQLite record, copied for each test (faster than migrating each time)."""
    directory = tmp_path_factory.mktemp("server-template")
    ServerEnv.start(sqlite_url(directory)).close()
    return directory / "central-record.sqlite3"


@pytest.fixture(scope="session")
def server_postgres_url(postgres_url: str) -> Iterator[str]:
    """A migrated database of its own on the test PostgreSQL (`postgres_url`, tests/conftest.py),
    dropped at the end of the session."""
    url = fresh_postgres_database(postgres_url)
    ServerEnv.start(url).close()
    yield url
    drop_database(url)


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def server_env(
    request: pytest.FixtureRequest, tmp_path: Path, server_sqlite_template: Path
) -> Iterator[ServerEnv]:
    """A fresh central record for one test, on SQLite and on PostgreSQL."""
    if request.param == "sqlite":
        shutil.copy(server_sqlite_template, tmp_path / "central-record.sqlite3")
        env = ServerEnv.start(sqlite_url(tmp_path))
    else:
        env = ServerEnv.start(request.getfixturevalue("server_postgres_url"))
        reset(env.db)
    yield env
    env.close()
