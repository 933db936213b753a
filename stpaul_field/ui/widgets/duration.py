"""Duration: the usual choices, or a custom length in hours and minutes."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QSpinBox, QWidget

from stpaul_field.domain import values as v
from stpaul_field.ui.widgets.focus import focus_through

CUSTOM = -1


class DurationPicker(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.combo = QComboBox()
        for minutes in v.DURATION_CHOICES:
            self.combo.addItem(v.duration_label(minutes), minutes)
        self.combo.addItem(self.tr("Autre durée…"), CUSTOM)
        self.combo.setAccessibleName(self.tr("Durée"))
        self.hours = QSpinBox()
        self.hours.setRange(0, 23)
        self.hours.setSuffix(" h")
        self.hours.setAccessibleName(self.tr("Heures"))
        self.minutes_box = QSpinBox()
        self.minutes_box.setRange(0, 59)
        self.minutes_box.setSingleStep(5)
        self.minutes_box.setSuffix(" min")
        self.minutes_box.setAccessibleName(self.tr("Minutes"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.combo, 1)
        layout.addWidget(self.hours)
        layout.addWidget(self.minutes_box)
        focus_through(self, self.combo)
        self.combo.currentIndexChanged.connect(self._mode_changed)
        self.hours.valueChanged.connect(self.changed)
        self.minutes_box.valueChanged.connect(self.changed)
        self._mode_changed()

    def _mode_changed(self) -> None:
        custom = self.combo.currentData() == CUSTOM
        self.hours.setVisible(custom)
        self.minutes_box.setVisible(custom)
        self.changed.emit()

    def minutes(self) -> int:
        chosen = self.combo.currentData()
        if chosen == CUSTOM:
            return self.hours.value() * 60 + self.minutes_box.value()
        return int(chosen)

    def set_minutes(self, minutes: int) -> None:
        index = self.combo.findData(minutes)
        if index >= 0:
            self.combo.setCurrentIndex(index)
            return
        self.combo.setCurrentIndex(self.combo.findData(CUSTOM))
        self.hours.setValue(minutes // 60)
        self.minutes_box.setValue(minutes % 60)
