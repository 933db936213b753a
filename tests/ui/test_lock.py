"""Locking the window when idle or on demand; unlocking with the passphrase or a code."""

import os

import pytest
from PySide6.QtWidgets import QLabel, QMainWindow

from stpaul_field import settings as st
from stpaul_field.store.database import Store
from stpaul_field.store.keys import PASSPHRASE_ENV
from stpaul_field.ui.lock import LockController


@pytest.fixture
def window(qtbot):
    win = QMainWindow()
    win.setCentralWidget(QLabel("HOARAU Marie — 06 92 12 34 56"))
    qtbot.addWidget(win)
    win.show()
    return win


def test_locks_when_idle_and_unlocks_only_with_the_passphrase(qtbot, window, store: Store, paths):
    settings = st.Settings(paths.settings_file)
    lock = LockController(window, paths, settings, store.key)
    lock.watcher.timer.setInterval(30)  # minutes in real life
    with qtbot.waitSignal(lock.locked, timeout=2000):
        lock.watcher.timer.start()
    assert lock.is_locked and not window.centralWidget().isVisible()

    lock.dialog.secret.setText("pas la bonne")
    lock.dialog.accept()
    assert lock.is_locked and lock.dialog.error.isVisible()
    assert not window.centralWidget().isVisible()

    lock.dialog.secret.setText(os.environ[PASSPHRASE_ENV])
    with qtbot.waitSignal(lock.unlocked):
        lock.dialog.accept()
    assert not lock.is_locked and window.centralWidget().isVisible()


def test_escape_does_not_unlock(qtbot, window, store, paths):
    lock = LockController(window, paths, st.Settings(paths.settings_file), store.key)
    lock.lock()
    lock.dialog.reject()
    assert lock.is_locked and lock.dialog.isVisible()


def test_keyring_store_unlocks_with_a_chosen_code(qtbot, window, store, paths, monkeypatch):
    from stpaul_field.store import keys

    monkeypatch.setattr(keys, "store_uses_passphrase", lambda p: False)
    settings = st.Settings(paths.settings_file)
    settings.set(st.LOCK_CODE_HASH, keys.hash_lock_code("974974"))
    assert "974974" not in paths.settings_file.read_text()
    lock = LockController(window, paths, settings, store.key)
    lock.lock()
    lock.dialog.secret.setText(os.environ[PASSPHRASE_ENV])  # the passphrase is not the code here
    lock.dialog.accept()
    assert lock.is_locked
    lock.dialog.secret.setText("974974")
    lock.dialog.accept()
    assert not lock.is_locked
