"""A single choice over a `ValueList`, optionally with an empty first entry."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QWidget

from stpaul_field.domain.values import ValueList
from stpaul_field.ui import i18n


class ChoiceCombo(QComboBox):
    def __init__(self, values: ValueList, empty: str | None = "—", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.values = values
        if empty is not None:
            self.addItem(empty, None)
        for choice in values:
            self.addItem(i18n.label(values, choice.code), choice.code)
        # Some labels are long (redirection structures): the form must not widen for them.
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(24)

    def code(self) -> str | None:
        return self.currentData()

    def set_code(self, code: str | None) -> None:
        index = self.findData(code)
        self.setCurrentIndex(max(index, 0))
