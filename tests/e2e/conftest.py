"""The e2e layer's fixtures: a virtual display per test, a fresh laptop account, the app."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.e2e.desktop import Display, Laptop, RunningApp, require_tools, start_app, virtual_display


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    here = Path(__file__).parent
    for item in items:
        if here in Path(str(item.fspath)).parents:
            item.add_marker(pytest.mark.e2e)


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> Iterator[None]:
    report = yield
    setattr(item, f"e2e_{report.when}", report)  # the teardown screenshots a failed test's screen
    return report


@pytest.fixture
def display(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Display]:
    require_tools()
    with virtual_display(tmp_path) as screen:
        yield screen


@pytest.fixture
def laptop(tmp_path: Path) -> Laptop:
    return Laptop.fresh(tmp_path)


@pytest.fixture
def launch(
    request: pytest.FixtureRequest, display: Display, laptop: Laptop, tmp_path: Path
) -> Iterator[Callable[[], RunningApp]]:
    """Starts the app (as many times as the test needs); every one is stopped at the end."""
    started: list[RunningApp] = []

    def start() -> RunningApp:
        app = start_app(display, laptop, tmp_path / f"app-{len(started) + 1}.log")
        started.append(app)
        return app

    yield start
    call = getattr(request.node, "e2e_call", None)
    if call is not None and call.failed:  # the screen as it was, before the app is stopped
        print(f"écran au moment de l'échec : {display.screenshot('failure')}")
    for app in started:
        app.stop()
