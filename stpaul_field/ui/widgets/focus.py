"""Composite fields that hand the keyboard to one of their parts."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QApplication, QScrollArea, QWidget
from shiboken6 import isValid


def focus_through(container: QWidget, part: QWidget) -> None:
    """`container` gives its focus to `part`. Its own focus policy matters too: a label's
    Alt+letter focuses its buddy only if the buddy takes focus (Qt checks the buddy, not the
    proxy); Tab still stops once, on `part` (Qt skips a widget that has a focus proxy)."""
    container.setFocusProxy(part)
    container.setFocusPolicy(Qt.FocusPolicy.StrongFocus)


class _FocusFollower(QObject):
    def __init__(self, scroll: QScrollArea) -> None:
        super().__init__(scroll)
        self.scroll = scroll
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        app.focusChanged.connect(self.focus_changed)

    def focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        if not isValid(self.scroll):  # the form is being destroyed: focus moves as it goes
            return
        content = self.scroll.widget()
        if new is not None and content is not None and content.isAncestorOf(new):
            self.scroll.ensureWidgetVisible(new, 16, 24)


def follow_focus(scroll: QScrollArea) -> None:
    """Scroll to the field that gets the keyboard. Qt scrolls on Tab only: Alt+« In&scrire »,
    or the first field in error after « Enregistrer », left the field below the window's edge."""
    _FocusFollower(scroll)
