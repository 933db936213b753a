"""Fixtures of the desktop app's tests (imported by the test_ui_* modules).

`no_dangling_workers` (autouse where imported) fails a test that leaves store work queued,
running, or with a result not yet delivered to the UI thread — napari's habit.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from stpaul_field.settings import Settings
from stpaul_field.ui import tasks
from stpaul_field.ui.context import AppContext


@pytest.fixture(autouse=True)
def no_dangling_workers(qapp) -> Iterator[None]:
    yield
    settled = tasks.wait_until_settled(5000)
    assert settled, f"{tasks.pending()} background job(s) still running at the end of the test"


@pytest.fixture
def ctx(store, paths, qapp) -> Iterator[AppContext]:
    context = AppContext(store, Settings(paths.settings_file), paths)
    yield context
    tasks.wait_until_settled(5000)
