"""Shared fixtures. Qt runs offscreen; every test gets its own data directory."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("TZ", "Indian/Reunion")

from collections.abc import Iterator
from pathlib import Path

import pytest

from stpaul_field.paths import DATA_DIR_ENV, AppPaths
from stpaul_field.store.database import Store


@pytest.fixture(autouse=True)
def _no_real_user_data(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch):
    # A test that forgets --data-dir must still never touch the user's real files.
    monkeypatch.setenv(DATA_DIR_ENV, str(tmp_path_factory.mktemp("default-data")))


@pytest.fixture
def paths(tmp_path: Path) -> AppPaths:
    return AppPaths.under(tmp_path / "data-dir")


@pytest.fixture
def store(paths: AppPaths) -> Iterator[Store]:
    s = Store.open(paths)
    yield s
    s.close()
