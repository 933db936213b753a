"""A form with changes asks before it is closed (Échap, the window's ×, « Annuler »).

Pressing Échap to dismiss a list used to throw away a whole form — the chosen person, the
ticked theme, a long note. `AsksBeforeDiscarding` (a QDialog mixin) remembers what the fields
held when the form was shown and, if anything differs when it is asked to close, asks
« Abandonner les modifications ? » first; the question is window-modal and never blocks.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QComboBox,
    QDialog,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QPlainTextEdit,
    QWidget,
)

# A widget with this property set (True) is not part of what the advisor entered
# (the search results of a picker, filled as they type).
NOT_ENTERED = "notEntered"


def form_state(root: QWidget) -> tuple[Any, ...]:
    """What the fields of a window hold, in a comparable form."""
    state: list[Any] = []
    for w in root.findChildren(QWidget):
        if w.window() is not root or w.property(NOT_ENTERED):
            continue
        if isinstance(w, QLineEdit):
            state.append(w.text())
        elif isinstance(w, QPlainTextEdit):
            state.append(w.toPlainText())
        elif isinstance(w, QComboBox):
            state.append(w.currentIndex())
        elif isinstance(w, QAbstractButton) and w.isCheckable():
            state.append(w.isChecked())
        elif isinstance(w, QAbstractSpinBox):
            state.append(w.text())
        elif isinstance(w, QListWidget):
            items = (w.item(i) for i in range(w.count()))
            state.append(tuple((item.text(), item.checkState().value) for item in items))
    return tuple(state)


def ask_before_discarding(dialog: QDialog, discard: Callable[[], None]) -> QMessageBox:
    box = QMessageBox(
        QMessageBox.Icon.Question,
        QCoreApplication.translate("Unsaved", "Abandonner les modifications ?"),
        QCoreApplication.translate("Unsaved", "Ce qui a été saisi dans ce formulaire n'est pas enregistré."),
        QMessageBox.StandardButton.NoButton,
        dialog,
    )
    drop = box.addButton(
        QCoreApplication.translate("Unsaved", "&Abandonner les modifications"),
        QMessageBox.ButtonRole.DestructiveRole,
    )
    keep = box.addButton(
        QCoreApplication.translate("Unsaved", "&Continuer la saisie"), QMessageBox.ButtonRole.RejectRole
    )
    box.setDefaultButton(keep)
    box.setEscapeButton(keep)  # a second Échap keeps the form: nothing is lost by accident
    box.setWindowModality(Qt.WindowModality.WindowModal)
    box.finished.connect(lambda _result: discard() if box.clickedButton() is drop else None)
    box.open()
    return box


class AsksBeforeDiscarding:
    """Mixin placed before QDialog: call `remember_state()` once the form holds its data."""

    _initial_state: tuple[Any, ...] | None = None
    _discarding = False
    discard_question: QMessageBox | None = None

    def current_state(self) -> tuple[Any, ...]:
        return form_state(self)  # type: ignore[arg-type]

    def remember_state(self) -> None:
        self._initial_state = self.current_state()

    def has_changes(self) -> bool:
        return self._initial_state is not None and self.current_state() != self._initial_state

    def reject(self) -> None:
        if not self._discarding and self.has_changes():
            if self.discard_question is None or not self.discard_question.isVisible():
                self.discard_question = ask_before_discarding(self, self._discard)  # type: ignore[arg-type]
            return
        super().reject()  # type: ignore[misc]

    def _discard(self) -> None:
        self._discarding = True
        self.reject()
