"""The mouse wheel changes a spin box or a list box only once the field has the focus.

Scrolling a long form with the wheel used to change whatever value passed under the pointer
(Féminin 2 → 0) without a word. One filter on the application covers every form and dialog:
a wheel turn over a spin box, date or combo box that does not have the focus scrolls the
form around it instead.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject
from PySide6.QtWidgets import QAbstractScrollArea, QAbstractSpinBox, QComboBox, QWidget

GUARDED = (QAbstractSpinBox, QComboBox)


class WheelGuard(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.Wheel or not isinstance(watched, GUARDED):
            return False
        if watched.hasFocus():
            return False
        area = _scroll_area_around(watched)
        if area is not None:
            QCoreApplication.sendEvent(area.viewport(), event)
        return True  # the value stays as it is


def _scroll_area_around(widget: QWidget) -> QAbstractScrollArea | None:
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QAbstractScrollArea):
            return parent
        parent = parent.parentWidget()
    return None


_installed: dict[int, WheelGuard] = {}


def install(app: QCoreApplication) -> WheelGuard:
    """Once per application (the app's start, and tests that need it)."""
    guard = _installed.get(id(app))
    if guard is None:
        guard = _installed[id(app)] = WheelGuard(app)
        app.installEventFilter(guard)
    return guard
