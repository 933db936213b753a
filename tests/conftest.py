"""Shared fixtures. Qt runs offscreen; every test gets its own data directory."""

from __future__ import annotations

import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("TZ", "Indian/Reunion")

from collections.abc import Iterator
from pathlib import Path

import pytest

from stpaul_field.paths import DATA_DIR_ENV, AppPaths
from stpaul_field.store import keys
from stpaul_field.store.database import Store
from stpaul_field.store.keys import PASSPHRASE_ENV

TEST_PASSPHRASE = "phrase de passe des tests"
TEST_SCRYPT_N = 2**12
# Fixtures any test module can ask for by name, without importing them:
# the central record (`server_env`, ...), laptops syncing with it (`world`), the app context (`ctx`).
pytest_plugins = ("tests.server_fixtures", "tests.sync_fixtures", "tests.ui_fixtures")


@pytest.fixture(autouse=True)
def _no_real_user_data(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch):
    # A test that forgets --data-dir must still never touch the user's real files.
    monkeypatch.setenv(DATA_DIR_ENV, str(tmp_path_factory.mktemp("default-data")))
    # No OS keyring on CI: stores are keyed by a passphrase, which subprocesses inherit too.
    monkeypatch.setenv(PASSPHRASE_ENV, TEST_PASSPHRASE)
    # Hundreds of stores are made: a cheap scrypt for them (each store keeps the cost it was
    # made with; tests/store/test_keys.py checks the product's own).
    monkeypatch.setattr(keys, "SCRYPT_N", TEST_SCRYPT_N)


@pytest.fixture(autouse=True)
def no_dangling_workers() -> Iterator[None]:
    """Fail a test that leaves store work queued, running, or with a result not yet delivered
    to the UI thread (napari's habit). Every test gets it; tests that never loaded the UI's
    background helper have nothing to wait for, and this file stays free of Qt imports."""
    yield
    tasks = sys.modules.get("stpaul_field.ui.tasks")
    if tasks is None:
        return
    settled = tasks.wait_until_settled(5000)
    assert settled, f"{tasks.pending()} background job(s) still running at the end of the test"
    # Collection runs on the UI thread's timer (`ui.garbage`); tests that never spin the
    # event loop get it here, on the main thread, between tests.
    sys.modules["stpaul_field.ui.garbage"].collect()


@pytest.fixture
def paths(tmp_path: Path) -> AppPaths:
    return AppPaths.under(tmp_path / "data-dir")


@pytest.fixture
def store(paths: AppPaths) -> Iterator[Store]:
    s = Store.open(paths)
    yield s
    s.close()


POSTGRES_URL_ENV = "STPAUL_TEST_POSTGRES_URL"
REQUIRE_POSTGRES_ENV = "STPAUL_REQUIRE_POSTGRES"


@pytest.fixture(scope="session")
def postgres_url() -> str:
    """URL of a real PostgreSQL server for the tests marked `postgres`."""
    url = os.environ.get(POSTGRES_URL_ENV)
    if not url:
        pytest.skip(
            f"PostgreSQL non configuré : exportez {POSTGRES_URL_ENV}="
            "postgresql+psycopg://USER@HOST:PORT/BASE pour lancer ces tests (.ci/run le fait)"
        )
    return url


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]):
    # In CI the PostgreSQL tests are mandatory: a skip there is a failure.
    outcome = yield
    report = outcome.get_result()
    if report.skipped and item.get_closest_marker("postgres") and os.environ.get(REQUIRE_POSTGRES_ENV):
        report.outcome = "failed"
        report.longrepr = (
            f"test PostgreSQL sauté alors que {REQUIRE_POSTGRES_ENV} est posé : {report.longrepr}"
        )


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    # Long trials (marker `slow`) run only when asked for with `-m slow`: the default suite stays short.
    if "slow" in (config.getoption("markexpr") or ""):
        return
    slow = [item for item in items if item.get_closest_marker("slow") is not None]
    if slow:
        config.hook.pytest_deselected(items=slow)
        items[:] = [item for item in items if item.get_closest_marker("slow") is None]
