"""Ctrl+C in the terminal that started the app stops it (issue 17), the store closed properly."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import pytest

from stpaul_field.paths import AppPaths

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGINT from a terminal")


def test_ctrl_c_stops_the_app(paths: AppPaths) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    app = subprocess.Popen(
        [sys.executable, "-m", "stpaul_field", "--data-dir", str(paths.data.parent), "gui"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        deadline = time.monotonic() + 60
        while not paths.store_file.exists():  # the store is made once the app runs
            assert app.poll() is None, app.stderr.read() if app.stderr else ""
            assert time.monotonic() < deadline, "the app did not start"
            time.sleep(0.1)
        time.sleep(2)  # the main window, then the event loop
        assert app.poll() is None
        app.send_signal(signal.SIGINT)
        assert app.wait(timeout=20) == 0
    finally:
        if app.poll() is None:
            app.kill()
            app.wait()
