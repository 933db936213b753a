"""The About dialog: the version of the package and where the data lives, and a way to open it."""

from __future__ import annotations

from PySide6.QtGui import QDesktopServices

import stpaul_field
from stpaul_field.ui.about import show_about


def test_about_shows_the_version_and_the_data_directory(qtbot, paths):
    dialog = show_about(None, paths)
    qtbot.addWidget(dialog)
    assert dialog.isVisible()
    assert stpaul_field.__version__ in dialog.version_label.text()
    assert str(paths.data) in dialog.data_label.text()
    assert str(paths.backups) in dialog.backups_label.text()
    dialog.close()


def test_open_folder_opens_the_data_directory(qtbot, paths, monkeypatch):
    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toLocalFile()) or True)
    dialog = show_about(None, paths)
    qtbot.addWidget(dialog)
    dialog.open_folder_button.click()
    assert opened == [str(paths.data)]
