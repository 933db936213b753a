"""The app's start with no OS keyring, run as `stpaul-field` runs it (`ui.app.run`, its own
event loop): the passphrase dialog, then the main window — and the app still running.

The end-to-end tests (`tests/e2e/`) do the same with the real program under X11; these
run offscreen in the ordinary suite and drive the dialog through its widgets.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from stpaul_field.paths import AppPaths
from stpaul_field.settings import Settings
from stpaul_field.store import keys
from stpaul_field.store.backup import DAILY_REASON, describe_backups
from stpaul_field.store.database import Store
from stpaul_field.ui import app as app_module
from stpaul_field.ui.lock import SecretDialog
from stpaul_field.ui.main_window import MainWindow

PASSPHRASE = "le chemin de Mafate"


def _visible(kind: type) -> list:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()]


def run_app(qapp: QApplication, paths: AppPaths, on_dialog: Callable[[SecretDialog, int], None]) -> dict:
    """`ui.app.run` with a robot at the keyboard: `on_dialog(dialog, n)` for each passphrase
    dialog shown; once the main window shows, it is left open 1.5 s (the app must still run),
    then every window is closed. Returns what was seen and the exit code."""
    seen: dict = {"dialogs": [], "window_seen": False, "alive_after_window": False}

    def step() -> None:
        for dialog in _visible(SecretDialog):
            if dialog not in seen["dialogs"]:
                seen["dialogs"].append(dialog)
                on_dialog(dialog, len(seen["dialogs"]))
        windows = _visible(MainWindow)
        if windows and not seen["window_seen"]:
            seen["window_seen"] = True
            QTimer.singleShot(1500, lambda: finish(windows[0]))

    def finish(window: MainWindow) -> None:
        seen["alive_after_window"] = window.isVisible()
        for widget in QApplication.topLevelWidgets():
            widget.close()

    robot = QTimer()
    robot.timeout.connect(step)
    robot.start(50)
    watchdog = QTimer()
    watchdog.setSingleShot(True)
    watchdog.timeout.connect(lambda: qapp.exit(99))
    watchdog.start(30_000)
    try:
        seen["code"] = app_module.run(argparse.Namespace(), paths)
    finally:
        robot.stop()
        watchdog.stop()
        qapp.setQuitOnLastWindowClosed(True)
    return seen


@pytest.fixture
def no_keyring(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(keys.PASSPHRASE_ENV)
    monkeypatch.setattr(keys, "system_keyring", lambda: None)


def test_first_start_without_keyring_chooses_a_passphrase_and_the_app_stays_open(qapp, paths, no_keyring):
    def answer(dialog: SecretDialog, n: int) -> None:
        assert dialog.again is not None  # a new passphrase is typed twice
        if n == 1:
            # The rule is said before it is broken, and so is what a forgotten one means.
            text = " ".join(label.text() for label in dialog.findChildren(type(dialog.error)))
            assert "8 caractères au moins" in text
            assert "registre central" in text and "personne ne peut lire" in text
            dialog.secret.setText("court")
            dialog.again.setText("court")
        elif n == 2:
            assert dialog.error.text() == "La phrase de passe doit compter au moins 8 caractères."
            dialog.secret.setText(PASSPHRASE)
            dialog.again.setText("autre chose encore")
        else:
            assert dialog.error.text() == "Les deux saisies diffèrent."
            dialog.secret.setText(PASSPHRASE)
            dialog.again.setText(PASSPHRASE)
        dialog.accept()

    seen = run_app(qapp, paths, answer)
    assert len(seen["dialogs"]) == 3
    assert seen["window_seen"], "the main window never showed: the app quit with the dialog"
    assert seen["alive_after_window"]
    assert seen["code"] == 0
    # The store was made with that passphrase (and the short one was never used).
    Store.open(paths, passphrase=PASSPHRASE).close()


def test_a_later_start_refuses_a_wrong_passphrase_then_opens(qapp, paths, no_keyring):
    Store.open(paths, passphrase=PASSPHRASE).close()

    def answer(dialog: SecretDialog, n: int) -> None:
        assert dialog.again is None  # an existing passphrase is typed once
        labels = " ".join(label.text() for label in dialog.findChildren(type(dialog.error)))
        assert "oubliée" in labels and "registre central" in labels
        if n == 1:
            dialog.secret.setText("pas la bonne phrase")
        else:
            assert dialog.error.text() == "Ce n'est pas la bonne phrase de passe. Réessayez."
            dialog.secret.setText(PASSPHRASE)
        dialog.accept()

    seen = run_app(qapp, paths, answer)
    assert len(seen["dialogs"]) == 2
    assert seen["window_seen"] and seen["alive_after_window"] and seen["code"] == 0
    # The first opening of the day backs the store up (yesterday's work is kept).
    assert [b.reason for b in describe_backups(paths.backups)].count(DAILY_REASON) == 1


def test_cancel_at_the_first_passphrase_quits_and_creates_nothing(qapp, paths, no_keyring):
    def answer(dialog: SecretDialog, _n: int) -> None:
        [cancel] = [b for b in dialog.findChildren(QDialogButtonBox)[0].buttons() if b.text() == "&Annuler"]
        cancel.click()

    seen = run_app(qapp, paths, answer)
    assert seen["code"] == 0 and not seen["window_seen"]
    assert not paths.store_file.exists()
    assert not keys.key_info_file(paths).exists()


def test_a_store_that_finishes_opening_after_the_app_quit_is_closed_without_a_window(qapp, paths, qtbot):
    # Ctrl+C while the store is still opening (a slow first backup of the day): the open job
    # delivers after the event loop ended; a window built then outlived the app (exit -11).
    launcher = app_module.Launcher(paths, Settings(paths.settings_file))
    launcher.closing = True
    store = Store.open(paths, passphrase=PASSPHRASE)
    closed: list[bool] = []
    real_close = store.close
    store.close = lambda: (closed.append(True), real_close())  # type: ignore[method-assign]
    launcher._opened(store)
    assert launcher.window is None and not _visible(MainWindow)
    assert closed == [True]
