"""« Corbeille »: the people and activities put in the bin, and « Restaurer »."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QLocale,
    QObject,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from stpaul_field.store import bin as trash
from stpaul_field.ui.context import AppContext, Changes, report_failure
from stpaul_field.ui.register.display import REUNION
from stpaul_field.ui.widgets.entries_model import AnyIndex, EntriesTableModel

COL_KIND = 0
COL_LABEL = 1
COL_DETAIL = 2
COL_DELETED = 3

# The bin shows the latest deletions; older ones stay restorable by sync or support.
SHOWN_AT_MOST = 500


class BinTableModel(EntriesTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._headers = [self.tr("Type"), self.tr("Élément"), self.tr("Détail"), self.tr("Supprimé le")]
        self._kinds = {
            trash.KIND_BENEFICIARY: self.tr("Bénéficiaire"),
            trash.KIND_ACTIVITY: self.tr("Activité"),
        }

    def entry(self, row: int) -> trash.BinEntry:
        return self._entries[row]

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        e = self._entries[index.row()]
        column = index.column()
        if column == COL_KIND:
            return self._kinds.get(e.kind, e.kind)
        if column == COL_LABEL:
            return e.label
        if column == COL_DETAIL:
            return e.detail
        if column == COL_DELETED:
            return f"{e.deleted_at.astimezone(REUNION):%d/%m/%Y %H:%M}"
        return None


class BinView(QWidget):
    """Self-contained: `BinView(ctx)`; reloads after what it concerns (`ctx.follow`)."""

    loaded = Signal()  # the bin's entries are on screen

    # What a restore brings back: people, activities, their series (and their tombstones go).
    RESTORED = Changes(beneficiaries=True, beneficiary_names=True, activities=True, series=True)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setAccessibleName(self.tr("Corbeille"))

        title = QLabel(self.tr("Corbeille"))
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.35)
        font.setBold(True)
        title.setFont(font)
        explain = QLabel(
            self.tr(
                "Les fiches et activités supprimées restent ici et se restaurent à tout moment ; "
                "rien n'est effacé définitivement. La suppression et la restauration sont "
                "transmises au registre central à la prochaine synchronisation."
            )
        )
        explain.setWordWrap(True)
        self.count_label = QLabel()

        self.model = BinTableModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Éléments de la corbeille"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setTabKeyNavigation(False)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_LABEL, QHeaderView.ResizeMode.Stretch)
        list_label = QLabel(self.tr("&Éléments supprimés :"))
        list_label.setBuddy(self.table)

        self.restore_button = QPushButton(self.tr("&Restaurer"))
        self.refresh_button = QPushButton(self.tr("Ac&tualiser"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.count_label, 1)
        buttons.addWidget(self.refresh_button)
        buttons.addWidget(self.restore_button)

        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(explain)
        layout.addWidget(list_label)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)

        self.restore_button.clicked.connect(self.restore_selected)
        self.refresh_button.clicked.connect(self.refresh)
        self.table.activated.connect(lambda _index: self.restore_selected())
        self.table.selectionModel().selectionChanged.connect(self._update_actions)
        self.setTabOrder(self.table, self.refresh_button)
        self.setTabOrder(self.refresh_button, self.restore_button)
        ctx.follow(self, self.concerns, self.refresh)
        self.refresh()

    def concerns(self, changes: Changes) -> bool:
        """Something put in the bin or taken out: people, activities, series."""
        return changes.any("beneficiary_names", "activities", "series")

    def refresh(self) -> None:
        def read(session: Session) -> tuple[list[trash.BinEntry], int]:
            return trash.deleted_entries(session, SHOWN_AT_MOST), trash.deleted_count(session)

        self.ctx.read(read, lambda result: self._show(*result), owner=self)

    def _show(self, entries: list[trash.BinEntry], total: int) -> None:
        self.model.set_entries(entries)
        number = QLocale(QLocale.Language.French).toString(total)
        if total > len(entries):
            text = self.tr("%1 éléments ; les %2 plus récents sont affichés.").replace("%1", number)
            text = text.replace("%2", str(len(entries)))
        elif total:
            text = self.tr("Éléments dans la corbeille : %1").replace("%1", number)
        else:
            text = self.tr("La corbeille est vide.")
        self.count_label.setText(text)
        self._update_actions()
        self.loaded.emit()

    def _update_actions(self) -> None:
        self.restore_button.setEnabled(bool(self.table.selectionModel().selectedRows()))

    def restore_selected(self) -> int:
        """Restore the selected entries in the background; returns how many were asked for
        (the view reloads with every other view once restored)."""
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        if not rows:
            return 0
        entries = [self.model.entry(r) for r in rows]

        def work(session: Session) -> None:
            for e in entries:
                trash.restore(session, trash.record_of(session, e.kind, e.id))

        def failed(error: BaseException) -> None:
            if isinstance(error, trash.BinError):  # its message is French and names no one
                QMessageBox.warning(self, self.tr("Restaurer"), str(error))
            else:
                report_failure(self.tr("La restauration"), error, self)

        self.ctx.write(work, on_error=failed, owner=self, changes=self.RESTORED)
        return len(entries)
