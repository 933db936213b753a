"""Fixtures of the desktop app's tests (a plugin registered in tests/conftest.py).

The check that no worker is left behind (`no_dangling_workers`) is autouse in conftest.py.
Qt is imported only when a test asks for `ctx`, so tests that never touch the UI stay Qt-free.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from stpaul_field.ui.context import AppContext


@pytest.fixture
def ctx(store, paths, qapp) -> Iterator[AppContext]:
    from stpaul_field.settings import Settings
    from stpaul_field.ui import tasks
    from stpaul_field.ui.context import AppContext

    context = AppContext(store, Settings(paths.settings_file), paths)
    yield context
    tasks.wait_until_settled(5000)
