"""« Conflits à examiner »: values another laptop overwrote (or that overwrote theirs).

One row per open conflict (`store.conflicts`): the record, the field, the value kept and
the one lost, and whose value lost. « Garder la mienne » / « Garder l'autre » settle the
selected rows; restoring a lost value is a local edit that syncs like any other.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from stpaul_field.store import conflicts
from stpaul_field.ui import i18n
from stpaul_field.ui.activity_form.base import FOCUS_STYLE
from stpaul_field.ui.context import AppContext, Changes
from stpaul_field.ui.widgets.entries_model import AnyIndex, EntriesTableModel

COL_RECORD = 0
COL_FIELD = 1
COL_KEPT = 2
COL_LOST = 3
COL_WHOSE = 4

TABLE_FOCUS_STYLE = "QTableView:focus { border: 2px solid #1565c0; }"


def read_open_conflicts(session: Session) -> list[conflicts.ConflictRow]:
    return conflicts.open_conflicts(session, i18n.text)


class ConflictsModel(EntriesTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._headers = [
            self.tr("Fiche"),
            self.tr("Champ"),
            self.tr("Valeur gardée"),
            self.tr("Valeur perdue"),
            self.tr("Valeur perdue : de qui"),
        ]

    def entry(self, row: int) -> conflicts.ConflictRow:
        return self._entries[row]

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        c = self._entries[index.row()]
        column = index.column()
        if column == COL_RECORD:
            return c.record
        if column == COL_FIELD:
            return c.field_label
        if column == COL_KEPT:
            return c.kept
        if column == COL_LOST:
            return c.lost
        if column == COL_WHOSE:
            return self.tr("la mienne") if c.lost_is_mine else self.tr("l'autre")
        return None


class ConflictsView(QWidget):
    """The open conflicts of the store; `changed` after a conflict was settled."""

    changed = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setStyleSheet(FOCUS_STYLE + TABLE_FOCUS_STYLE)
        self.setAccessibleName(self.tr("Conflits à examiner"))
        explain = QLabel(
            self.tr(
                "Quand deux postes ont modifié le même champ, la modification la plus récente est "
                "gardée et l'autre valeur est conservée ici. Choisissez pour chacune la valeur juste."
            )
        )
        explain.setWordWrap(True)
        self.model = ConflictsModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Conflits ouverts"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_RECORD, QHeaderView.ResizeMode.Stretch)
        self.empty_label = QLabel(self.tr("Aucun conflit à examiner."))
        self.notice = QLabel()
        self.notice.setObjectName("fieldError")
        self.notice.setStyleSheet("color: #b00020;")
        self.notice.setWordWrap(True)
        self.notice.hide()

        self.keep_mine_button = QPushButton(self.tr("Garder la &mienne"))
        self.keep_mine_button.setToolTip(self.tr("La valeur de ce poste devient celle de la fiche"))
        self.keep_other_button = QPushButton(self.tr("Garder l'a&utre"))
        self.keep_other_button.setToolTip(self.tr("La valeur de l'autre poste devient celle de la fiche"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.empty_label)
        buttons.addStretch(1)
        buttons.addWidget(self.keep_mine_button)
        buttons.addWidget(self.keep_other_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(explain)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.notice)
        layout.addLayout(buttons)
        self.setTabOrder(self.table, self.keep_mine_button)
        self.setTabOrder(self.keep_mine_button, self.keep_other_button)
        self.setFocusProxy(self.table)

        self.keep_mine_button.clicked.connect(lambda: self.settle(conflicts.keep_mine))
        self.keep_other_button.clicked.connect(lambda: self.settle(conflicts.keep_other))
        self.table.selectionModel().selectionChanged.connect(self._update_actions)
        self._update_actions()

    def refresh(self) -> None:
        self.ctx.read(read_open_conflicts, self.show_conflicts, owner=self)

    def show_conflicts(self, rows: list[conflicts.ConflictRow]) -> None:
        selected = set(self.selected_ids())
        self.model.set_entries(rows)
        for row, c in enumerate(rows):
            if c.id in selected:
                self.table.selectRow(row)
        if rows and not self.table.selectionModel().hasSelection():
            self.table.selectRow(0)
        self.empty_label.setVisible(not rows)
        self._update_actions()

    def selected_ids(self) -> list[uuid.UUID]:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [self.model.entry(r).id for r in rows]

    def settle(self, how: Callable[[Session, uuid.UUID], bool]) -> None:
        """Settle the selected conflicts with `conflicts.keep_mine` or `keep_other`."""
        ids = self.selected_ids()
        if not ids:
            return
        self.notice.hide()

        def write(session: Session) -> None:
            for conflict_id in ids:
                how(session, conflict_id)

        def done(_result: None) -> None:
            self.changed.emit()
            self.refresh()

        def failed(error: BaseException) -> None:
            # Someone settled it meanwhile (or the record is gone): show what is left.
            self.notice.setText(str(error))
            self.notice.show()
            self.refresh()

        # The value kept may be any record's field: every view may show it.
        self.ctx.write(write, done, failed, owner=self, changes=Changes.everything())

    def _update_actions(self) -> None:
        chosen = self.table.selectionModel().hasSelection()
        self.keep_mine_button.setEnabled(chosen)
        self.keep_other_button.setEnabled(chosen)
