"""The desktop app's smoke-test mode, which packaging/smoke-test runs on the frozen build."""

from __future__ import annotations

import time

from stpaul_field import settings as st
from stpaul_field.ui import smoke
from stpaul_field.ui.app import Launcher


class RecordingApp:
    """Stands for the QApplication: the test's own must keep running."""

    def __init__(self) -> None:
        self.calls: list[str] = []

    def quit(self) -> None:
        self.calls.append("quit")

    def exit(self, code: int) -> None:
        self.calls.append(f"exit {code}")


def _launch(qtbot, paths):
    """Start the app as `main()` would, smoke mode armed; the app object and its window."""
    app = RecordingApp()
    launcher = Launcher(paths, st.Settings(paths.settings_file), ask_venue=False)
    smoke.arm(app, launcher)
    with qtbot.waitSignal(launcher.ready, timeout=10_000) as ready:
        launcher.start(show_splash=False)
    window = ready.args[0]
    qtbot.addWidget(window)
    return app, window


def test_without_the_variable_nothing_changes(qtbot, paths, monkeypatch):
    monkeypatch.delenv(smoke.SMOKE_ENV, raising=False)
    app, window = _launch(qtbot, paths)
    qtbot.wait(50)
    assert app.calls == []
    assert window.isVisible()
    window.close()
    window.ctx.store.close()


def test_with_the_variable_the_window_shows_then_the_app_quits_and_reports(qtbot, paths, monkeypatch, capsys):
    launched = time.time() - 0.5  # as if the executable had been started half a second ago
    monkeypatch.setenv(smoke.SMOKE_ENV, f"{launched:.6f}")
    shot = paths.data.parent / "window.png"
    monkeypatch.setenv(smoke.SHOT_ENV, str(shot))
    app, window = _launch(qtbot, paths)
    qtbot.waitUntil(lambda: app.calls == ["quit"], timeout=5000)
    line = next(li for li in capsys.readouterr().out.splitlines() if li.startswith(smoke.REPORT_PREFIX))
    assert float(line[len(smoke.REPORT_PREFIX) :].split()[0]) >= 0.5  # measured from the launch
    assert shot.stat().st_size > 0
    window.ctx.store.close()


def test_launch_time_falls_back_to_import_time_for_a_plain_switch(monkeypatch):
    monkeypatch.setenv(smoke.SMOKE_ENV, "1")
    assert smoke.launch_time() == smoke._started_at
    monkeypatch.setenv(smoke.SMOKE_ENV, "oui")
    assert smoke.launch_time() == smoke._started_at
    monkeypatch.setenv(smoke.SMOKE_ENV, "1700000000.25")
    assert smoke.launch_time() == 1700000000.25
