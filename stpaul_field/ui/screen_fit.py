"""Windows and dialogs that fit the screen the advisor has (down to 1024×600 netbooks).

Every window asks for its comfortable size through `fit_to_screen`, which gives it that size
or the screen's available area if smaller (the content scrolls inside, the buttons stay in
view), and keeps it inside the screen; a geometry restored from a bigger screen is brought
back inside the current one the same way.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

# Room for the window manager's title bar and borders before the window is shown (their
# real size is only known once it is): a title bar is 20 to 32 px on the desktops we know.
FRAME_ALLOWANCE = QSize(12, 40)


def available_area(window: QWidget) -> QRect:
    """The screen's area free of panels, on the screen the window (or its parent) is on."""
    anchor = window.parentWidget().window() if window.parentWidget() is not None else window
    screen = anchor.screen() or QGuiApplication.primaryScreen()
    return screen.availableGeometry()


def _frame_extra(window: QWidget) -> QSize:
    frame, inner = window.frameGeometry(), window.geometry()
    if window.isVisible() and frame.size() != inner.size():
        return frame.size() - inner.size()
    return FRAME_ALLOWANCE


def fit_to_screen(window: QWidget, preferred: QSize | None = None) -> None:
    """Size the window to `preferred` (its current size if None), at most the screen's free
    area, and move it so that all of it, title bar included, is on that screen."""
    area = available_area(window)
    extra = _frame_extra(window)
    wanted = preferred if preferred is not None else window.size()
    room = area.size() - extra
    window.resize(wanted.boundedTo(room).expandedTo(window.minimumSizeHint().boundedTo(room)))
    frame = QRect(window.frameGeometry().topLeft(), window.size() + extra)
    if not area.contains(frame):
        x = min(max(frame.x(), area.left()), area.right() + 1 - frame.width())
        y = min(max(frame.y(), area.top()), area.bottom() + 1 - frame.height())
        window.move(QPoint(max(x, area.left()), max(y, area.top())))
