"""« Importer… » of the Bénéficiaires view: a file read and previewed in the background (with a
progress bar), the rows to create, to merge and to skip, every row's error, each duplicate with
its choice (join, create, skip); then one transaction through the outbox.

The reading and the checks are `documents.beneficiary_import` and `store.beneficiary_import`,
the same as `stpaul-field import beneficiaries`.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSize, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from stpaul_field.documents import beneficiary_import as reader
from stpaul_field.settings import IMPORT_COLUMNS
from stpaul_field.store import beneficiary_import as importer
from stpaul_field.ui.context import AppContext, Changes
from stpaul_field.ui.register.columns_dialog import ColumnsDialog
from stpaul_field.ui.screen_fit import fit_to_screen


class ImportDialog(QDialog):
    """`ImportDialog(ctx, parent)`; `load(path)` reads a file, `imported(counts)` once written."""

    imported = Signal(object)  # the store's `Written`
    previewed = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.settings = ctx.settings
        self.found: Any = None  # the store's preview (`importer.Preview` here)
        self.read: Any = None  # the file as read (`reader.ReadFile` here)
        self.setWindowTitle(self.tr("Importer des bénéficiaires"))
        self.summary = QLabel(self.tr("Choisissez un fichier : modèle ou export de la Coop, ou CSV/XLSX."))
        self.summary.setWordWrap(True)
        self.progress = QProgressBar()
        self.progress.hide()
        self.choose_button = QPushButton(self.tr("&Choisir le fichier…"))
        self.choose_button.clicked.connect(self.choose)
        # A city's own file: which column holds what (offered with the remembered mapping).
        self.columns_button = QPushButton(self.tr("C&olonnes…"))
        self.columns_button.setEnabled(False)
        self.columns_button.clicked.connect(self.choose_columns)
        self.path: Path | None = None
        self.mapping: dict[str, str] | None = None  # given in « Colonnes… » for this file
        self.headers: list[str] = []  # the file's headers, to map from
        self.errors_label = QLabel(self.tr("Erreurs (lignes ignorées)"))
        self.errors = QTableWidget(0, 3)
        self.errors.setHorizontalHeaderLabels([self.tr("Ligne"), self.tr("Colonne"), self.tr("Erreur")])
        self.errors.setAccessibleName(self.tr("Erreurs du fichier"))
        self.duplicates_label = QLabel(self.tr("Doublons : que faire de chacun ?"))
        self.duplicates = QTableWidget(0, 3)
        self.duplicates.setHorizontalHeaderLabels([self.tr("Ligne"), self.tr("Déjà connu"), self.tr("Choix")])
        self.duplicates.setAccessibleName(self.tr("Doublons trouvés"))
        for table in (self.errors, self.duplicates):
            table.verticalHeader().hide()
            table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
            table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
            table.horizontalHeader().setStretchLastSection(True)
        self.buttons = QDialogButtonBox()
        self.import_button = self.buttons.addButton(
            self.tr("&Importer"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.import_button.setEnabled(False)
        cancel = self.buttons.addButton(self.tr("Annuler"), QDialogButtonBox.ButtonRole.RejectRole)
        self.import_button.clicked.connect(self.write)
        cancel.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addWidget(self.choose_button)
        top.addWidget(self.columns_button)
        top.addStretch(1)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(self.progress)
        layout.addWidget(self.errors_label)
        layout.addWidget(self.errors, 1)
        layout.addWidget(self.duplicates_label)
        layout.addWidget(self.duplicates, 1)
        layout.addWidget(self.buttons)
        fit_to_screen(self, QSize(900, 640))  # smaller on a 1024×600 laptop

    # ---- reading ---------------------------------------------------------------------
    def choose(self) -> None:
        name, _chosen = QFileDialog.getOpenFileName(
            self,
            self.windowTitle(),
            str(Path.home()),
            self.tr("Classeurs et CSV (*.xlsx *.csv *.txt);;Tous les fichiers (*)"),
        )
        if name:
            self.load(Path(name))

    def load(self, path: Path, mapping: dict[str, str] | None = None) -> None:
        """Read and preview `path`; `mapping` ({field: header}) as given in « Colonnes… »."""
        self.path, self.mapping = path, mapping
        self.columns_button.setEnabled(False)
        self.import_button.setEnabled(False)
        self.summary.setText(self.tr("Lecture de {0}…").format(path.name))
        self.progress.setRange(0, 0)
        self.progress.show()
        self.ctx.read_long(self._reader(path), self._progressed, self._show, self._failed, owner=self)

    def _reader(self, path: Path) -> Callable[[Session, Callable[[Any], None]], tuple[Any, Any]]:
        """The background work that reads `path` and previews it (no widget touched there)."""
        mapping = self.mapping
        # The mapping given for the same headers last time, if any (here or by --colonne).
        remembered = reader.remembered_mappings(self.settings.get(IMPORT_COLUMNS))

        def work(session: Session, report: Callable[[Any], None]) -> tuple[reader.ReadFile, importer.Preview]:
            read = reader.read_file(path, mapping, remembered)
            found = importer.preview(
                session, read.rows, read.columns, progress=lambda done, total: report((done, total))
            )
            return read, found

        return work

    def _progressed(self, step: tuple[int, int]) -> None:
        done, total = step
        self.progress.setRange(0, total)
        self.progress.setValue(done)

    def _failed(self, error: BaseException) -> None:
        self.progress.hide()
        if isinstance(error, reader.UnknownColumnsError):
            self.headers = error.headers
            self.columns_button.setEnabled(bool(self.headers))
            self.summary.setText(
                self.tr(
                    "Les en-têtes de ce fichier ne disent pas quelle colonne tient le nom et le "
                    "prénom : indiquez-le avec « Colonnes… »."
                )
            )
        elif isinstance(error, reader.ImportFileError):
            self.summary.setText(str(error))
        else:
            self.summary.setText(self.tr("Le fichier n'a pas pu être lu : {0}").format(error))
        self.previewed.emit()

    def _show(self, result: tuple[reader.ReadFile, importer.Preview]) -> None:
        self.read, self.found = result
        self.progress.hide()
        if isinstance(self.read, reader.ReadFile) and self.read.header:
            self.headers = self.read.header
            self.columns_button.setEnabled(True)
        self._fill_errors()
        self._fill_duplicates()
        self._count()
        self.import_button.setEnabled(any(c != "skip" for c in self.plan().values()))
        self.previewed.emit()

    def _fill_errors(self) -> None:
        assert self.found is not None
        errors = self.found.errors
        self.errors.setRowCount(len(errors))
        for i, e in enumerate(errors):
            for j, text in enumerate((str(e.row), e.column, e.message)):
                self.errors.setItem(i, j, QTableWidgetItem(text))

    def _fill_duplicates(self) -> None:
        assert self.found is not None
        dups = list(self.found.duplicates.values())
        self.duplicates.setRowCount(len(dups))
        for i, d in enumerate(dups):
            self.duplicates.setItem(i, 0, QTableWidgetItem(str(d.row)))
            self.duplicates.setItem(i, 1, QTableWidgetItem(str(d).split(" : ", 1)[1]))
            combo = QComboBox()
            combo.setAccessibleName(self.tr("Choix pour la ligne {0}").format(d.row))
            combo.addItem(self.tr("Joindre à la fiche existante"), "join")
            combo.addItem(self.tr("Créer une nouvelle fiche"), "create")
            combo.addItem(self.tr("Ignorer la ligne"), "skip")
            combo.currentIndexChanged.connect(self._count)
            self.duplicates.setCellWidget(i, 2, combo)

    def choices(self) -> dict[int, importer.Choice]:
        out: dict[int, importer.Choice] = {}
        for i in range(self.duplicates.rowCount()):
            combo = self.duplicates.cellWidget(i, 2)
            row = int(self.duplicates.item(i, 0).text())
            if isinstance(combo, QComboBox):
                out[row] = combo.currentData()
        return out

    def set_choice(self, row: int, choice: importer.Choice) -> None:
        for i in range(self.duplicates.rowCount()):
            combo = self.duplicates.cellWidget(i, 2)
            if int(self.duplicates.item(i, 0).text()) == row and isinstance(combo, QComboBox):
                combo.setCurrentIndex(combo.findData(choice))

    def plan(self) -> dict[int, importer.Choice]:
        return self.found.plan(self.choices()) if self.found else {}

    def _count(self) -> None:
        if self.found is not None and self.read is not None:
            self.summary.setText(self._summary(self.found.counts(self.choices())))

    def _summary(self, c: dict[str, int]) -> str:
        """The preview's counts in words, as the choices made leave them."""
        return self.tr(
            "{0} : {1} ligne(s). À créer : {2} · à fusionner : {3} · à ignorer : {4} "
            "(dont {5} en erreur) · doublons : {6}."
        ).format(
            self.read.layout[:1].upper() + self.read.layout[1:],
            len(self.read.rows),
            c["créer"],
            c["fusionner"],
            c["ignorer"],
            c["erreurs"],
            len(self.found.duplicates),
        ) + (
            self.tr(" Colonnes retenues au dernier import d'un fichier aux mêmes en-têtes.")
            if self.read.remembered
            else ""
        )

    # ---- writing ---------------------------------------------------------------------
    def write(self) -> None:
        if self.found is None:
            return
        self.import_button.setEnabled(False)
        self.progress.setRange(0, 0)
        self.progress.show()
        # One transaction: all of the file, or nothing.
        self.ctx.write(self._writer(), self._written, self._write_failed, owner=self, changes=self.CHANGES)

    CHANGES = Changes.people()  # what an import adds

    def _writer(self) -> Callable[[Session], Any]:
        """The background work that writes the preview, with the choices made."""
        found, choices = self.found, self.choices()
        assert isinstance(found, importer.Preview)
        return lambda session: importer.write(session, found, choices)

    # ---- the columns of a city's file ------------------------------------------------
    def columns_dialog(self) -> ColumnsDialog:
        """« Colonnes… », offered with the columns read (remembered, given or guessed)."""
        current = self.read.columns if isinstance(self.read, reader.ReadFile) else {}
        dialog = ColumnsDialog(self.headers, current, self)
        dialog.accepted.connect(lambda: self._columns_chosen(dialog.mapping()))
        return dialog

    def choose_columns(self) -> None:
        self.columns_dialog().open()

    def _columns_chosen(self, mapping: dict[str, str]) -> None:
        if self.path is not None:
            self.load(self.path, mapping)

    def _write_failed(self, error: BaseException) -> None:
        # One transaction: a failure leaves the store as it was, the preview can be imported again.
        self.progress.hide()
        message = self.tr("L'import n'a pas pu être écrit, rien n'a été importé : {0}")
        self.summary.setText(message.format(error))
        self.import_button.setEnabled(True)

    def _written(self, written: importer.Written) -> None:
        if self.mapping and isinstance(self.read, reader.ReadFile):
            # Offered again at the next file with the same headers (no cell of the file kept).
            kept = reader.remember_mapping(self.settings.get(IMPORT_COLUMNS), self.read)
            self.settings.set(IMPORT_COLUMNS, kept)
        self.progress.hide()
        self.imported.emit(written)
        self.accept()
