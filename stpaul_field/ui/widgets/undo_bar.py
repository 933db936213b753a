"""A message with an "Annuler" button after a delete; goes away by itself."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

UNDO_VISIBLE_MS = 15_000


class UndoBar(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("undoBar")
        self.setStyleSheet("QFrame#undoBar { background: #fff4e5; border: 1px solid #f0b35b; }")
        self.message = QLabel()
        self.undo_button = QPushButton(self.tr("Annuler la suppression"))
        self.undo_button.setToolTip(self.tr("Ctrl+Z"))
        layout = QHBoxLayout(self)
        layout.addWidget(self.message, 1)
        layout.addWidget(self.undo_button)
        self._undo: Callable[[], None] | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.dismiss)
        self.undo_button.clicked.connect(self.undo)
        self.hide()

    def offer(self, message: str, undo: Callable[[], None]) -> None:
        self.message.setText(message)
        self._undo = undo
        self.show()
        self._timer.start(UNDO_VISIBLE_MS)

    def undo(self) -> None:
        undo, self._undo = self._undo, None
        self.dismiss()
        if undo is not None:
            undo()

    def can_undo(self) -> bool:
        return self._undo is not None

    def dismiss(self) -> None:
        self._timer.stop()
        self._undo = None
        self.hide()
