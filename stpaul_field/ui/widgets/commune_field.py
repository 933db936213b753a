"""A commune: name, postcode and INSEE code (Saint-Paul's codes filled in when named)."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QWidget

from stpaul_field.domain import values as v
from stpaul_field.domain.text import fold
from stpaul_field.ui.widgets.focus import focus_through


class CommuneField(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.name = QLineEdit()
        self.name.setPlaceholderText(self.tr("Commune"))
        self.name.setAccessibleName(self.tr("Commune"))
        self.postcode = QLineEdit()
        self.postcode.setPlaceholderText(self.tr("Code postal"))
        self.postcode.setAccessibleName(self.tr("Code postal"))
        self.postcode.setMaxLength(5)
        self.postcode.setFixedWidth(self.fontMetrics().horizontalAdvance("000000") + 24)
        self.insee = QLineEdit()
        self.insee.setPlaceholderText(self.tr("Code INSEE"))
        self.insee.setAccessibleName(self.tr("Code INSEE"))
        self.insee.setMaxLength(5)
        self.insee.setFixedWidth(self.postcode.width())
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.name, 1)
        layout.addWidget(self.postcode)
        layout.addWidget(self.insee)
        focus_through(self, self.name)
        self.name.editingFinished.connect(self._fill_codes)

    def _fill_codes(self) -> None:
        # The advisors' own commune is by far the most common: save them typing its codes.
        if fold(self.name.text()) in ("saint-paul", "saint paul", "st paul", "st-paul"):
            self.name.setText("Saint-Paul")
            if not self.postcode.text():
                self.postcode.setText(v.SAINT_PAUL_POSTCODE)
            if not self.insee.text():
                self.insee.setText(v.SAINT_PAUL_INSEE)

    def values(self) -> tuple[str, str, str]:
        self._fill_codes()
        return self.name.text().strip(), self.postcode.text().strip(), self.insee.text().strip()

    def set_values(self, commune: str, postcode: str, insee: str) -> None:
        self.name.setText(commune)
        self.postcode.setText(postcode)
        self.insee.setText(insee)
