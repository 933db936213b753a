"""A multi-choice list over a `ValueList`: one tab stop, arrows to move, Space to tick,
typing a few letters jumps to the matching choice."""

from __future__ import annotations

import time

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QListView,
    QListWidget,
    QListWidgetItem,
    QWidget,
)

from stpaul_field.domain.text import fold
from stpaul_field.domain.values import ValueList
from stpaul_field.ui import i18n

CODE_ROLE = Qt.ItemDataRole.UserRole


class TickList(QListWidget):
    """A list of checkable rows where Space ticks the current row.

    Nothing is ever "selected" (a highlighted row would read as chosen): the tick is the
    choice, the focus frame shows where the keyboard is.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self._typed = ""
        self._typed_at = 0.0

    def keyboardSearch(self, search: str) -> None:
        """Type-ahead with accents and case folded: « prev » finds « Prévention » (Qt's own
        search compares accents, so it went to « Prendre en main du matériel »)."""
        now = time.monotonic()
        if now - self._typed_at > QApplication.keyboardInputInterval() / 1000:
            self._typed = ""
        self._typed_at = now
        self._typed += search
        wanted = fold(self._typed)
        count = self.count()
        if not wanted or count == 0:
            return
        # A first letter looks past the current row, so pressing it again goes to the next.
        first = max(self.currentRow(), 0) + (1 if len(self._typed) == 1 else 0)
        for step in range(count):
            row = (first + step) % count
            if fold(self.item(row).text()).startswith(wanted):
                self.setCurrentRow(row)
                return

    def keyPressEvent(self, event) -> None:
        # Space ticks the current row (Qt's delegate only does it for a selected one).
        if event.key() in (Qt.Key.Key_Space, Qt.Key.Key_Select) and self.currentItem() is not None:
            item = self.currentItem()
            checked = item.checkState() == Qt.CheckState.Checked
            item.setCheckState(Qt.CheckState.Unchecked if checked else Qt.CheckState.Checked)
            return
        super().keyPressEvent(event)


class ChoiceChecklist(TickList):
    changed = Signal()

    def __init__(self, values: ValueList, columns: int = 2, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.values = values
        self._columns = columns
        self.setFlow(QListView.Flow.TopToBottom)
        self.setWrapping(columns > 1)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setUniformItemSizes(True)
        for choice in values:
            item = QListWidgetItem(i18n.label(values, choice.code))
            item.setData(CODE_ROLE, choice.code)
            item.setFlags(
                Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsSelectable
            )
            item.setCheckState(Qt.CheckState.Unchecked)
            self.addItem(item)
        self.itemChanged.connect(lambda _item: self.changed.emit())
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # Exactly `columns` columns of the widest label: the height holds ceil(n / columns) rows.
        rows = -(-len(values) // max(columns, 1)) if len(values) else 1
        row_height = max(self.sizeHintForRow(0), self.fontMetrics().height() + 4) if len(values) else 20
        widest = max(
            (self.fontMetrics().horizontalAdvance(self.item(i).text()) for i in range(self.count())),
            default=80,
        )
        self.setUniformItemSizes(False)
        self.setGridSize(QSize(widest + 40, row_height))
        self.setMinimumWidth(min(columns, max(len(values), 1)) * (widest + 40) + 2 * self.frameWidth() + 4)
        self.setFixedHeight(rows * row_height + 2 * self.frameWidth() + 6)
        self.setCurrentRow(0)

    def sizeHint(self) -> QSize:
        return QSize(super().sizeHint().width(), self.height())

    def codes(self) -> list[str]:
        return [
            self.item(i).data(CODE_ROLE)
            for i in range(self.count())
            if self.item(i).checkState() == Qt.CheckState.Checked
        ]

    def set_codes(self, codes: list[str] | tuple[str, ...]) -> None:
        wanted = set(codes)
        self.blockSignals(True)
        for i in range(self.count()):
            item = self.item(i)
            item.setCheckState(
                Qt.CheckState.Checked if item.data(CODE_ROLE) in wanted else Qt.CheckState.Unchecked
            )
        self.blockSignals(False)
        self.changed.emit()
