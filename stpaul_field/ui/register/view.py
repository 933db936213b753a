"""« Bénéficiaires »: the register's screen — search, list, fiche with history, actions."""

from __future__ import annotations

import uuid

from PySide6.QtCore import QItemSelectionModel, QLocale, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from stpaul_field.store import bin as trash
from stpaul_field.store.models import Beneficiary
from stpaul_field.ui.context import AppContext, Changes
from stpaul_field.ui.register.activity_import_dialog import ActivityImportDialog
from stpaul_field.ui.register.detail import BeneficiaryDetail
from stpaul_field.ui.register.editor import BeneficiaryDialog
from stpaul_field.ui.register.import_dialog import ImportDialog
from stpaul_field.ui.register.merge import MergeDialog
from stpaul_field.ui.register.model import (
    COL_NAME,
    COL_PRIORITY,
    COL_UPDATED,
    SORT_OF_COLUMN,
    BeneficiaryTableModel,
)

# Typing pauses this long before the search runs: one query per burst of keys, not per key.
SEARCH_DELAY_MS = 120


class RegisterView(QWidget):
    """The beneficiary register, self-contained: `RegisterView(ctx)`."""

    activityRequested = Signal(object)  # an activity's id, to open in its form
    # What the bin moves: people (gone from every list) and their activities' participants.
    BIN_CHANGES = Changes.people() | Changes(activities=True)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._select_after_load: uuid.UUID | None = None
        self._undo_ids: list[uuid.UUID] = []
        self.setAccessibleName(self.tr("Registre des bénéficiaires"))

        # -- search and actions --
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Nom, prénom ou téléphone…"))
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName(self.tr("Rechercher un bénéficiaire"))
        self.setFocusProxy(self.search)  # Ctrl+2 puts the keyboard in the search
        search_label = QLabel(self.tr("&Rechercher :"))
        search_label.setBuddy(self.search)
        self.count_label = QLabel()
        self.count_label.setAccessibleName(self.tr("Nombre de bénéficiaires trouvés"))
        self.new_button = QPushButton(self.tr("&Nouveau bénéficiaire"))
        self.edit_button = QPushButton(self.tr("&Modifier"))
        self.merge_button = QPushButton(self.tr("F&usionner…"))
        self.merge_button.setToolTip(self.tr("Sélectionnez deux fiches (Ctrl+clic) de la même personne."))
        self.delete_button = QPushButton(self.tr("Mettre à la &corbeille"))
        self.import_button = QPushButton(self.tr("&Importer…"))
        self.import_button.setToolTip(
            self.tr("Modèle ou export de la Coop, ou CSV/XLSX de la ville : aperçu avant d'importer.")
        )
        self.import_activities_button = QPushButton(self.tr("Importer des acti&vités…"))
        self.import_activities_button.setToolTip(
            self.tr(
                "Votre export des activités de la Coop : chaque activité, avec ses bénéficiaires "
                "(retrouvés dans le registre ou créés) ; aperçu avant d'importer."
            )
        )
        top = QHBoxLayout()
        top.addWidget(search_label)
        top.addWidget(self.search, 1)
        for button in (self.new_button, self.edit_button, self.merge_button, self.delete_button):
            top.addWidget(button)

        self.model = BeneficiaryTableModel(ctx, self)
        # Sorting from the keyboard too: the column titles are not reachable with Tab.
        self.sort_combo = QComboBox()
        self.sort_combo.setAccessibleName(self.tr("Trier par"))
        for column in SORT_OF_COLUMN:
            self.sort_combo.addItem(str(self.model.headerData(column, Qt.Orientation.Horizontal)), column)
        sort_label = QLabel(self.tr("&Trier par :"))
        sort_label.setBuddy(self.sort_combo)
        self.descending = QCheckBox(self.tr("Ordre décroi&ssant"))
        second = QHBoxLayout()
        second.addWidget(self.count_label, 1)
        second.addWidget(sort_label)
        second.addWidget(self.sort_combo)
        second.addWidget(self.descending)
        # On the second row: the first one already fills an 800-pixel-wide window.
        second.addWidget(self.import_button)
        second.addWidget(self.import_activities_button)

        # -- undo bar, shown after a delete --
        self.undo_bar = QFrame()
        self.undo_bar.setFrameShape(QFrame.Shape.StyledPanel)
        self.undo_label = QLabel()
        self.undo_button = QPushButton(self.tr("Annuler la su&ppression"))
        undo_layout = QHBoxLayout(self.undo_bar)
        undo_layout.setContentsMargins(8, 4, 8, 4)
        undo_layout.addWidget(self.undo_label, 1)
        undo_layout.addWidget(self.undo_button)
        self.undo_bar.hide()

        # -- list and fiche --
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Liste des bénéficiaires"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(COL_NAME, Qt.SortOrder.AscendingOrder)
        self.table.setWordWrap(False)
        rows = self.table.verticalHeader()
        rows.hide()
        # One line per person, every row the same height: the view never measures 100,000 rows.
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(self.fontMetrics().height() + 10)
        self.table.setTabKeyNavigation(False)  # Tab leaves the list for the next control
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        header.setSectionResizeMode(COL_PRIORITY, QHeaderView.ResizeMode.Stretch)
        header.setSortIndicatorShown(True)
        header.setSectionsClickable(True)
        self._size_columns()
        self.detail = BeneficiaryDetail(ctx)
        self.detail.activityRequested.connect(self.activityRequested)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.table)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 11)
        splitter.setStretchFactor(1, 9)
        splitter.setSizes([1100, 900])
        splitter.setChildrenCollapsible(False)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(second)
        layout.addWidget(self.undo_bar)
        layout.addWidget(splitter, 1)

        # -- behaviour --
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.apply_search)
        self.search.textChanged.connect(lambda _text: self._search_timer.start())
        self.search.returnPressed.connect(self._focus_list)
        self.model.countChanged.connect(self._show_count)
        self.model.loaded.connect(self._after_load)
        self.model.page_loaded.connect(self._after_load)
        self.table.selectionModel().selectionChanged.connect(self._on_selection)
        self.table.activated.connect(lambda _index: self.edit_selected())
        self.new_button.clicked.connect(self.create_person)
        self.import_button.clicked.connect(self.import_file)
        self.import_activities_button.clicked.connect(self.import_activities)
        self.edit_button.clicked.connect(self.edit_selected)
        self.merge_button.clicked.connect(self.merge_selected)
        self.delete_button.clicked.connect(self.delete_selected)
        self.undo_button.clicked.connect(self.undo_delete)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.table, self.delete_selected)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Find), self, self._focus_search)
        QShortcut(QKeySequence(QKeySequence.StandardKey.New), self, self.create_person)
        self.setTabOrder(self.search, self.new_button)
        self.setTabOrder(self.new_button, self.edit_button)
        self.setTabOrder(self.edit_button, self.merge_button)
        self.setTabOrder(self.merge_button, self.delete_button)
        self.setTabOrder(self.delete_button, self.sort_combo)
        self.setTabOrder(self.sort_combo, self.descending)
        self.setTabOrder(self.descending, self.table)
        self.setTabOrder(self.table, self.detail)
        self.sort_combo.currentIndexChanged.connect(self._sort_from_controls)
        self.descending.toggled.connect(self._sort_from_controls)
        header.sortIndicatorChanged.connect(self._show_sort)
        self._update_actions()
        ctx.follow(self, self.concerns, self.refresh)
        self.model.reload()

    # ---- search and list ------------------------------------------------------------

    def apply_search(self) -> None:
        self._search_timer.stop()
        self.model.set_query(self.search.text())

    def _sort_from_controls(self) -> None:
        order = Qt.SortOrder.DescendingOrder if self.descending.isChecked() else Qt.SortOrder.AscendingOrder
        self.table.sortByColumn(self.sort_combo.currentData(), order)

    def _show_sort(self, column: int, order: Qt.SortOrder) -> None:
        # A click on a column title: the controls follow (and the model sorts, or ignores it).
        if column not in SORT_OF_COLUMN:
            self.table.horizontalHeader().setSortIndicator(self.model.sort_column(), self._model_order())
            return
        for widget in (self.sort_combo, self.descending):
            widget.blockSignals(True)
        self.sort_combo.setCurrentIndex(self.sort_combo.findData(column))
        self.descending.setChecked(order == Qt.SortOrder.DescendingOrder)
        for widget in (self.sort_combo, self.descending):
            widget.blockSignals(False)

    def _model_order(self) -> Qt.SortOrder:
        return Qt.SortOrder.DescendingOrder if self.descending.isChecked() else Qt.SortOrder.AscendingOrder

    def _show_count(self, count: int) -> None:
        locale = QLocale(QLocale.Language.French)
        number = locale.toString(count)
        if self.model.count_is_capped:
            text = self.tr("Trouvés : plus de %1").replace("%1", locale.toString(self.model.count_cap))
        elif self.model.query.strip():
            text = self.tr("Trouvés : %1").replace("%1", number)
        else:
            text = self.tr("Bénéficiaires : %1").replace("%1", number)
        self.count_label.setText(text)

    def _size_columns(self) -> None:
        width = self.fontMetrics().horizontalAdvance
        samples = ("HOAREAU-PAYE", "Marie-Claude", "Né(e) en", "06 92 00 00 00", "Bois de Nèfles")
        for column, sample in enumerate(samples):
            self.table.setColumnWidth(column, width(sample) + 24)
        self.table.setColumnWidth(COL_UPDATED, width("Modifiée le") + 28)
        self.table.horizontalHeader().setMinimumSectionSize(width("Né(e) en") + 16)

    def _focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def _focus_list(self) -> None:
        self.apply_search()
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)
        if not self.selected_ids() and self.model.rowCount():
            self.table.selectRow(0)

    def _after_load(self) -> None:
        wanted = self._select_after_load
        if wanted is not None:
            row = self.model.row_of(wanted)
            if row is not None:
                self._select_after_load = None
                self.select_row(row)
                return
        if not self.selected_ids():
            self.detail.show_person(self.detail.person_id if self._exists(self.detail.person_id) else None)
        self._update_actions()

    def _exists(self, person_id: uuid.UUID | None) -> bool:
        if person_id is None:
            return False
        # One row by primary key: instant, and the fiche shown depends on it.
        person = self.ctx.read_now(lambda s: s.get(Beneficiary, person_id))
        return person is not None and person.deleted_at is None

    def select_row(self, row: int) -> None:
        index = self.model.index(row, 0)
        self.table.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        )
        self.table.scrollTo(index)

    def show_person(self, person_id: uuid.UUID) -> None:
        """Show a fiche (selecting it in the list once loaded, if the search shows it)."""
        self.detail.show_person(person_id)
        row = self.model.row_of(person_id)
        if row is not None:
            self.select_row(row)
        else:
            self._select_after_load = person_id

    def selected_ids(self) -> list[uuid.UUID]:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [pid for pid in (self.model.id_at(r) for r in rows) if pid is not None]

    def _on_selection(self) -> None:
        ids = self.selected_ids()
        if ids:
            self.detail.show_person(ids[-1] if len(ids) == 1 else ids[0])
        self._update_actions()

    def _update_actions(self) -> None:
        count = len(self.selected_ids())
        self.edit_button.setEnabled(count == 1)
        self.delete_button.setEnabled(count >= 1)
        self.merge_button.setEnabled(count == 2)

    # ---- actions --------------------------------------------------------------------

    def create_person(self) -> BeneficiaryDialog:
        dialog = BeneficiaryDialog(self.ctx, None, self)
        dialog.accepted.connect(lambda: self._after_dialog(dialog))
        dialog.open()
        return dialog

    def edit_selected(self) -> BeneficiaryDialog | None:
        ids = self.selected_ids()
        if len(ids) != 1:
            return None
        dialog = BeneficiaryDialog(self.ctx, ids[0], self)
        dialog.accepted.connect(lambda: self._after_dialog(dialog))
        dialog.open()
        return dialog

    def _after_dialog(self, dialog: BeneficiaryDialog) -> None:
        if dialog.person_id is None:
            return
        if dialog.opened_existing:
            # The person exists: show them, clearing a search that might hide them.
            self.search.clear()
            self.apply_search()
        self.show_person(dialog.person_id)

    def import_file(self) -> ImportDialog:
        dialog = ImportDialog(self.ctx, self)
        dialog.open()
        dialog.choose()
        return dialog

    def import_activities(self) -> ActivityImportDialog:
        dialog = ActivityImportDialog(self.ctx, self)
        dialog.open()
        dialog.choose()
        return dialog

    def merge_selected(self) -> MergeDialog | None:
        ids = self.selected_ids()
        if len(ids) != 2:
            QMessageBox.information(
                self,
                self.tr("Fusionner"),
                self.tr("Sélectionnez deux fiches (Ctrl+clic) de la même personne."),
            )
            return None
        dialog = MergeDialog(self.ctx, ids[0], ids[1], self)
        dialog.accepted.connect(lambda: self._after_merge(dialog))
        dialog.open()
        return dialog

    def _after_merge(self, dialog: MergeDialog) -> None:
        if dialog.kept_id is None:
            return
        self.show_person(dialog.kept_id)

    def delete_selected(self) -> None:
        """Put the selected fiches in the bin; the undo bar offers to take them back."""
        ids = self.selected_ids()
        if not ids:
            return

        def work(session: Session) -> list[str]:
            names = []
            for pid in ids:
                person = session.get(Beneficiary, pid)
                if person is not None:
                    trash.delete(session, person)
                    names.append(person.display_name)
            return names

        self.ctx.write(
            work,
            lambda names: self._deleted(ids, names),
            owner=self,
            changes=self.BIN_CHANGES,
            what=self.tr("La mise à la corbeille"),
        )

    def _deleted(self, ids: list[uuid.UUID], names: list[str]) -> None:
        self._undo_ids = ids
        if len(names) == 1:
            text = self.tr("« %1 » est dans la corbeille.").replace("%1", names[0])
        else:
            text = self.tr("%n fiche(s) mises à la corbeille.", "", len(names))
        self.undo_label.setText(text)
        self.undo_bar.show()
        self.detail.show_person(None)
        self.undo_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def undo_delete(self) -> None:
        ids = self._undo_ids

        def work(session: Session) -> None:
            for pid in ids:
                person = session.get(Beneficiary, pid)
                if person is not None:
                    trash.restore(session, person)

        def restored(_result: None) -> None:
            self._undo_ids = []
            self.undo_bar.hide()
            if ids:
                self.show_person(ids[0])
            self.table.setFocus(Qt.FocusReason.OtherFocusReason)

        self.ctx.write(
            work, restored, owner=self, changes=self.BIN_CHANGES, what=self.tr("La restauration des fiches")
        )

    # ---- life ------------------------------------------------------------------------

    def concerns(self, changes: Changes) -> bool:
        """The register shows people only: an attendance marked changes nothing here."""
        return changes.beneficiaries

    def refresh(self) -> None:
        """Reload the list (another view or a sync changed the store)."""
        self.model.reload()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.search.setFocus(Qt.FocusReason.OtherFocusReason)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.model.wait_for_loads()
        super().closeEvent(event)
