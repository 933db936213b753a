"""The Qt binding in use does not leak references to None (PySide6 6.12.0 did, and the
interpreter aborted after a few minutes of use): a guard against a broken upgrade."""

import sys

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtWidgets import QLabel, QTableView


class _Empty(QAbstractTableModel):
    def rowCount(self, parent=QModelIndex()):  # noqa: B008
        return 50

    def columnCount(self, parent=QModelIndex()):  # noqa: B008
        return 5

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        return None


def test_void_calls_and_none_returning_models_keep_none_alive(qtbot):
    label = QLabel()
    qtbot.addWidget(label)
    view = QTableView()
    qtbot.addWidget(view)
    model = _Empty()
    view.setModel(model)
    before = sys.getrefcount(None)
    for _ in range(2000):
        label.setText("x")
        model.data(model.index(0, 0))
    view.resize(600, 800)
    view.show()
    view.grab()  # Qt asks the model for every visible cell and role
    assert sys.getrefcount(None) >= before - 50
