"""The people registered for a workshop or a series: a list fed by a `BeneficiaryPicker`,
with « Retirer » (or Suppr) and a count. Shared by the workshop form and the series dialog."""

from __future__ import annotations

import uuid

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QPushButton, QWidget

from stpaul_field.ui.widgets.columns import ID_ROLE

# Texts keep the context of the form they came from (« WorkshopForm »): one translation.


class RegisteredPeople(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.list = QListWidget()
        self.list.setAccessibleName(QCoreApplication.translate("WorkshopForm", "Participants inscrits"))
        self.list.setMinimumHeight(self.fontMetrics().height() * 6)
        remove = QPushButton(QCoreApplication.translate("WorkshopForm", "&Retirer"))
        remove.setToolTip(
            QCoreApplication.translate("WorkshopForm", "Retirer le participant sélectionné (Suppr)")
        )
        remove.clicked.connect(self.remove_selected)
        QShortcut(
            QKeySequence(Qt.Key.Key_Delete),
            self.list,
            self.remove_selected,
            context=Qt.ShortcutContext.WidgetShortcut,
        )
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.list, 1)
        row.addWidget(remove, 0, Qt.AlignmentFlag.AlignTop)
        self.count_label = QLabel(QCoreApplication.translate("WorkshopForm", "Inscrits : 0"))

    def add(self, beneficiary_id: uuid.UUID, name: str) -> bool:
        """Adds the person unless already listed; True if added."""
        if beneficiary_id in self.ids():
            return False
        item = QListWidgetItem(name)
        item.setData(ID_ROLE, beneficiary_id)
        self.list.addItem(item)
        self._count_changed()
        return True

    def remove_selected(self) -> None:
        row = self.list.currentRow()
        if row >= 0:
            self.list.takeItem(row)
            self._count_changed()

    def _count_changed(self) -> None:
        self.count_label.setText(
            QCoreApplication.translate("WorkshopForm", "Inscrits : {0}").format(self.list.count())
        )

    def ids(self) -> list[uuid.UUID]:
        return [self.list.item(i).data(ID_ROLE) for i in range(self.list.count())]
