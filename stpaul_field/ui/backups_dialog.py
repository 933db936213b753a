"""The « Sauvegardes » dialog: the laptop's backups (date, reason, size), how many to keep,
« Sauvegarder maintenant » and « Restaurer… ».

Restoring replaces the store's file under the running app, so it runs on the UI thread on
purpose, once every background job has finished: with no event processed meanwhile, no timer,
view or worker can open the store while its file is swapped. The store is then reopened in
place (`Store.restore`) and every view reloads.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from stpaul_field import settings as st
from stpaul_field.store.backup import BackupInfo, BackupUnusable, describe_backups
from stpaul_field.ui import i18n
from stpaul_field.ui.context import AppContext, Changes

DATE_COLUMN, REASON_COLUMN, SIZE_COLUMN = range(3)
MAX_KEPT = 100


def size_text(size: int) -> str:
    if size < 1_000_000:
        return f"{max(1, round(size / 1000))} ko"
    return f"{size / 1_000_000:.1f} Mo".replace(".", ",")


class BackupsDialog(QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.backups: list[BackupInfo] = []
        self.setWindowTitle(self.tr("Sauvegardes"))
        self.setMinimumSize(560, 380)

        intro = QLabel(
            self.tr(
                "Les sauvegardes sont chiffrées avec la clé de ce poste : seul ce poste peut les "
                "restaurer. Une sauvegarde est faite avant chaque mise à jour des données."
            )
        )
        intro.setWordWrap(True)

        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels([self.tr("Date"), self.tr("Motif"), self.tr("Taille")])
        self.table.setAccessibleName(self.tr("Sauvegardes du poste"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(REASON_COLUMN, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(DATE_COLUMN, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(SIZE_COLUMN, QHeaderView.ResizeMode.ResizeToContents)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.table.itemDoubleClicked.connect(lambda _item: self.restore_selected())

        self.kept = QSpinBox()
        self.kept.setRange(1, MAX_KEPT)
        self.kept.setValue(max(1, ctx.settings.get(st.BACKUPS_KEPT)))
        self.kept.setToolTip(st.BACKUPS_KEPT.label)
        self.kept.valueChanged.connect(self._kept_changed)
        kept_label = QLabel(self.tr("&Conserver les"))
        kept_label.setBuddy(self.kept)
        self.kept.setAccessibleName(self.tr("Nombre de sauvegardes conservées"))
        kept_row = QHBoxLayout()
        kept_row.addWidget(kept_label)
        kept_row.addWidget(self.kept)
        kept_row.addWidget(QLabel(self.tr("dernières sauvegardes")))
        kept_row.addStretch(1)
        kept_note = QLabel(self.tr("Les plus anciennes sont retirées à chaque nouvelle sauvegarde."))
        kept_note.setWordWrap(True)

        self.status = QLabel()
        self.status.setWordWrap(True)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Fermer"))
        self.backup_button = QPushButton(self.tr("&Sauvegarder maintenant"))
        self.restore_button = QPushButton(self.tr("&Restaurer…"))
        self.restore_button.setEnabled(False)
        buttons.addButton(self.backup_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.backup_button.clicked.connect(self.backup_now)
        self.restore_button.clicked.connect(self.restore_selected)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addLayout(kept_row)
        layout.addWidget(kept_note)
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        self.refresh()

    # ---- the list ---------------------------------------------------------------------
    def reason_text(self, reason: str) -> str:
        if reason == "manuelle":
            return self.tr("Sauvegarde demandée")
        if reason == "quotidienne":
            return self.tr("Sauvegarde du jour (première ouverture)")
        if reason == "avant-synchro":
            return self.tr("Avant une synchronisation")
        if reason.startswith("avant-migration"):
            return self.tr("Avant une mise à jour des données")
        if reason == "avant-chiffrement":
            return self.tr("Avant le chiffrement du poste")
        if reason == "avant-restauration":
            return self.tr("Avant une restauration")
        return reason

    def when_text(self, info: BackupInfo) -> str:
        local = info.made_at.astimezone(i18n.reunion_zone())
        return local.strftime("%d/%m/%Y %H:%M:%S")

    def refresh(self) -> None:
        if self.ctx.paths is None:
            return
        self.backups = describe_backups(self.ctx.paths.backups)
        self.table.setRowCount(len(self.backups))
        for row, info in enumerate(self.backups):
            size = QTableWidgetItem(size_text(info.size))
            size.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            for column, item in (
                (DATE_COLUMN, QTableWidgetItem(self.when_text(info))),
                (REASON_COLUMN, QTableWidgetItem(self.reason_text(info.reason))),
                (SIZE_COLUMN, size),
            ):
                self.table.setItem(row, column, item)
        if not self.backups:
            self.status.setText(self.tr("Aucune sauvegarde sur ce poste pour l'instant."))
        self._selection_changed()

    def selected(self) -> BackupInfo | None:
        rows = self.table.selectionModel().selectedRows()
        return self.backups[rows[0].row()] if rows else None

    def _selection_changed(self) -> None:
        self.restore_button.setEnabled(self.selected() is not None)

    def _kept_changed(self, value: int) -> None:
        self.ctx.settings.set(st.BACKUPS_KEPT, value)
        self.ctx.store.backups_kept = value

    # ---- actions ----------------------------------------------------------------------
    def backup_now(self) -> None:
        self.backup_button.setEnabled(False)
        self.status.setText(self.tr("Sauvegarde en cours…"))
        self.ctx.run(self.ctx.store.backup_now, self._backed_up, self._backup_failed, owner=self)

    def _backed_up(self, _path: object) -> None:
        self.backup_button.setEnabled(True)
        self.refresh()
        self.status.setText(self.tr("Sauvegarde faite."))
        if self.backups:
            self.table.selectRow(0)

    def _backup_failed(self, error: BaseException) -> None:
        self.backup_button.setEnabled(True)
        self.status.setText(self.tr("La sauvegarde a échoué : {0}").format(error))

    def restore_question(self, info: BackupInfo) -> QMessageBox:
        """The confirmation asked before restoring (« Annuler » is the default)."""
        yes, no = QMessageBox.StandardButton.Yes, QMessageBox.StandardButton.No
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Restaurer une sauvegarde"),
            self.tr(
                "Remettre les données du poste telles qu'elles étaient le {0} ?\n\n"
                "Les données actuelles seront d'abord sauvegardées (« Avant une restauration »). "
                "Ce qui a été synchronisé depuis reviendra à la prochaine synchronisation ; ce qui "
                "ne l'a pas été ne sera plus que dans cette sauvegarde de sécurité."
            ).format(self.when_text(info)),
            yes | no,
            self,
        )
        box.button(yes).setText(self.tr("Restaurer"))
        box.button(no).setText(self.tr("Annuler"))
        box.setDefaultButton(no)
        return box

    def confirm_restore(self, info: BackupInfo) -> bool:
        return self.restore_question(info).exec() == QMessageBox.StandardButton.Yes

    def restore_selected(self) -> bool:
        """Restore the selected backup after confirmation; True if the store was replaced."""
        info = self.selected()
        if info is None or not self.confirm_restore(info):
            return False
        if not self.ctx.wait_until_idle(30_000):
            QMessageBox.warning(
                self,
                self.tr("Restaurer une sauvegarde"),
                self.tr("Le poste est occupé : réessayez dans un instant. Rien n'a été modifié."),
            )
            return False
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            self.ctx.store.restore(info.path)
        except BackupUnusable as error:
            QApplication.restoreOverrideCursor()
            QMessageBox.warning(
                self,
                self.tr("Restaurer une sauvegarde"),
                self.tr("{0}\n\nRien n'a été modifié.").format(error),
            )
            return False
        except Exception as error:
            QApplication.restoreOverrideCursor()
            QMessageBox.critical(
                self,
                self.tr("Restaurer une sauvegarde"),
                self.tr(
                    "La restauration a échoué : {0}\n\nFermez puis relancez l'application ; les données "
                    "remplacées sont dans la sauvegarde « Avant une restauration »."
                ).format(type(error).__name__),
            )
            return False
        QApplication.restoreOverrideCursor()
        self.ctx.data_changed.emit(Changes.everything())
        self.refresh()
        self.status.setText(
            self.tr(
                "Sauvegarde du {0} restaurée ; les données remplacées sont dans la sauvegarde "
                "la plus récente."
            ).format(self.when_text(info))
        )
        return True


def show_backups(ctx: AppContext, parent: QWidget | None = None) -> BackupsDialog:
    """Open the dialog (window-modal, not blocking) and return it."""
    dialog = BackupsDialog(ctx, parent)
    dialog.open()
    return dialog
