"""Self-check of the desktop app with no one at the keyboard: open the main window, then quit.

With the environment variable STPAUL_FIELD_SMOKE_TEST set, `stpaul-field gui` opens the store
and the main window as usual, prints how long that took, and exits 0 by itself; a store that
cannot be opened exits 1 with the reason, and a window that never shows exits 3 after a
time limit instead of hanging a CI job. `packaging/smoke-test` and the packaging benchmark
run the frozen build this way.

The variable's value may be the launch time (seconds since the epoch, `date +%s.%N`): the
start-up time is then measured from it, the frozen bootloader and interpreter start included.
STPAUL_FIELD_SMOKE_SHOT=FILE.png also saves a picture of the window, to look at the build.
"""

from __future__ import annotations

import os
import sys
import threading
import time
from typing import Any

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QWidget

SMOKE_ENV = "STPAUL_FIELD_SMOKE_TEST"
SHOT_ENV = "STPAUL_FIELD_SMOKE_SHOT"
TIME_LIMIT_S = 120.0
# The line packaging/smoke-test and the benchmark read; keep it stable.
REPORT_PREFIX = "smoke-test: window shown in"

_started_at = time.time()


def requested() -> bool:
    return bool(os.environ.get(SMOKE_ENV))


def launch_time() -> float:
    """The launch time given in the variable, else the time this module was imported."""
    try:
        given = float(os.environ.get(SMOKE_ENV, ""))
    except ValueError:
        return _started_at
    # "1" (just a switch) is not a time; a launch time is a plausible epoch before now.
    return given if 1e9 < given <= time.time() else _started_at


def arm(app: QCoreApplication, launcher: Any) -> None:
    """When asked for, quit `app` once `launcher` has shown the main window.

    Call before the app's own `failed` handler is connected: in this mode a failure is
    printed and ends the process, since a modal message box would wait for no one.
    """
    if not requested():
        return
    started = launch_time()
    watchdog = threading.Timer(TIME_LIMIT_S, _give_up)
    watchdog.daemon = True
    watchdog.start()

    def ready(window: QWidget) -> None:
        # Let the event loop paint once before measuring and quitting.
        QTimer.singleShot(0, lambda: _report_and_quit(app, window, started, watchdog))

    def failed(message: str) -> None:
        watchdog.cancel()
        print(f"smoke-test: the store could not be opened: {message}", file=sys.stderr, flush=True)
        os._exit(1)

    launcher.ready.connect(ready)
    launcher.failed.connect(failed)


def _report_and_quit(
    app: QCoreApplication, window: QWidget, started: float, watchdog: threading.Timer
) -> None:
    elapsed = time.time() - started
    watchdog.cancel()
    if not window.isVisible():
        print("smoke-test: the main window is not visible", file=sys.stderr, flush=True)
        app.exit(1)
        return
    shot = os.environ.get(SHOT_ENV)
    if shot:
        window.grab().save(shot)
    print(f"{REPORT_PREFIX} {elapsed:.3f} s ({window.windowTitle()})", flush=True)
    for widget in QCoreApplication.instance().topLevelWidgets():  # type: ignore[union-attr]
        widget.close()
    app.quit()


def _give_up() -> None:
    print(f"smoke-test: no window after {TIME_LIMIT_S:.0f} s", file=sys.stderr, flush=True)
    os._exit(3)
