"""Fixtures of the desktop app's tests (imported by the test_ui_* modules).

The check that no worker is left behind (`no_dangling_workers`) is autouse in conftest.py,
so it runs for every test, not only those that import this module.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from stpaul_field.settings import Settings
from stpaul_field.ui import tasks
from stpaul_field.ui.context import AppContext


@pytest.fixture
def ctx(store, paths, qapp) -> Iterator[AppContext]:
    context = AppContext(store, Settings(paths.settings_file), paths)
    yield context
    tasks.wait_until_settled(5000)
