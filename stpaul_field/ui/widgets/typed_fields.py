"""Time and date fields that take what the advisor types, as typed (`domain.typed_input`).

Qt's QTimeEdit and QDateEdit edit one section at a time: Ctrl+A then « 14:00 » gave 10:00,
« 1430 » gave 10:14, and « 1400 » in the date became 02/10/2026 after Tab. These are plain
line edits: the text is read as a whole when the field is left, rewritten as HH:MM or
dd/mm/yyyy when understood, and left as typed (with `error()` saying why) when not — a
value never changes by itself.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Qt, QTime, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCalendarWidget,
    QHBoxLayout,
    QLineEdit,
    QMenu,
    QToolButton,
    QWidget,
    QWidgetAction,
)

from stpaul_field.domain.typed_input import parse_date, parse_time
from stpaul_field.ui import i18n
from stpaul_field.ui.widgets.focus import focus_through

ARROW_STEP_MIN = 5


class TimeField(QLineEdit):
    """« 14 », « 1430 », « 14h30 », « 14:30 »; ↑ / ↓ move by 5 minutes."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setPlaceholderText(self.tr("hh:mm"))
        self.setMaxLength(8)
        self.editingFinished.connect(self._tidy)

    def time(self) -> QTime:
        """The time typed, or an invalid QTime when it is not understood."""
        t = parse_time(self.text())
        return QTime(t.hour, t.minute) if t is not None else QTime()

    def setTime(self, t: QTime) -> None:
        self.setText(i18n.format_time(dt.time(t.hour(), t.minute())))

    def error(self) -> str:
        if parse_time(self.text()) is not None:
            return ""
        return self.tr("Heure non comprise : tapez par exemple 14, 1430, 14h30 ou 14:30.")

    def _tidy(self) -> None:
        t = self.time()
        if t.isValid():
            self.setTime(t)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        step = {Qt.Key.Key_Up: ARROW_STEP_MIN, Qt.Key.Key_Down: -ARROW_STEP_MIN}.get(event.key())
        t = self.time()
        if step is not None and t.isValid():
            self.setTime(t.addSecs(step * 60))
            return
        super().keyPressEvent(event)


class DateField(QWidget):
    """dd/mm/yyyy, or the short ways (« 14/10 », « 1410 », « 14/10/26 »); a calendar button."""

    dateChanged = Signal(QDate)

    def __init__(self, day: QDate | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.edit = QLineEdit()
        self.edit.setPlaceholderText(self.tr("jj/mm/aaaa"))
        self.edit.setMaxLength(12)
        self.calendar = QCalendarWidget()
        self.calendar.clicked.connect(self._picked)
        # A menu without a parent: as a child of this widget, its calendar's widgets joined the
        # window's Tab chain and looped it (Tab from the date never left the date).
        menu = self._menu = QMenu()
        holder = QWidgetAction(menu)
        holder.setDefaultWidget(self.calendar)
        menu.addAction(holder)
        self.button = QToolButton()
        self.button.setText("▾")
        self.button.setToolTip(self.tr("Choisir dans le calendrier"))
        self.button.setAccessibleName(self.tr("Calendrier"))
        self.button.setMenu(menu)
        self.button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        # Out of the Tab chain: Tab goes from the date to the next field (the date is typed;
        # Alt+↓ opens the calendar from the keyboard).
        self.button.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        QShortcut(
            QKeySequence("Alt+Down"),
            self.edit,
            self.button.showMenu,
            context=Qt.ShortcutContext.WidgetShortcut,
        )
        menu.aboutToShow.connect(self._calendar_on_typed)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.button)
        focus_through(self, self.edit)
        self.edit.editingFinished.connect(self._tidy)
        if day is not None:
            self.setDate(day)

    def date(self) -> QDate:
        """The date typed, or an invalid QDate when it is not understood."""
        day = parse_date(self.edit.text(), i18n.today())
        return QDate(day.year, day.month, day.day) if day is not None else QDate()

    def setDate(self, day: QDate) -> None:
        before = self.edit.text()
        self.edit.setText(i18n.format_date(dt.date(day.year(), day.month(), day.day())))
        if self.edit.text() != before:
            self.dateChanged.emit(day)

    def error(self) -> str:
        if parse_date(self.edit.text(), i18n.today()) is not None:
            return ""
        return self.tr("Date non comprise : tapez par exemple 14/10/2026, 14/10 ou 1410.")

    def _tidy(self) -> None:
        day = self.date()
        if day.isValid():
            self.setDate(day)

    def _calendar_on_typed(self) -> None:
        day = self.date()
        self.calendar.setSelectedDate(day if day.isValid() else QDate.currentDate())

    def _picked(self, day: QDate) -> None:
        self.setDate(day)
        self.button.menu().hide()
        self.edit.setFocus()
