"""The warning shown on create when the register already has someone who may be this person."""

from __future__ import annotations

import uuid

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from stpaul_field.domain.text import format_phone
from stpaul_field.store.beneficiaries import DuplicateCandidate
from stpaul_field.ui.screen_fit import fit_to_screen


class DuplicateDialog(QDialog):
    """« Ouvrir la fiche existante » sets `existing_id`; « Créer quand même » leaves it None.
    Both accept the dialog; Échap goes back to the form."""

    def __init__(self, candidates: list[DuplicateCandidate], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.existing_id: uuid.UUID | None = None
        self.setWindowTitle(self.tr("Ce bénéficiaire existe peut-être déjà"))
        intro = QLabel(
            self.tr(
                "Le registre contient déjà %n fiche(s) qui ressemble(nt) à celle-ci. "
                "Ouvrez la fiche existante plutôt que d'en créer une seconde.",
                "",
                len(candidates),
            )
        )
        intro.setWordWrap(True)
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Fiches qui ressemblent"))
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        for c in candidates:
            reasons = []
            if c.same_name:
                reasons.append(self.tr("même nom") + (self.tr(", même année") if c.birth_year else ""))
            if c.same_phone:
                reasons.append(self.tr("même téléphone"))
            facts = [str(c.birth_year) if c.birth_year else self.tr("année inconnue")]
            if c.phone:
                facts.append(format_phone(c.phone))
            if c.commune:
                facts.append(c.commune)
            item = QListWidgetItem(f"{c.display_name} — {', '.join(facts)} ({'; '.join(reasons)})")
            item.setData(Qt.ItemDataRole.UserRole, c.id)
            self.list.addItem(item)
        self.list.setCurrentRow(0)
        intro.setBuddy(self.list)

        buttons = QDialogButtonBox()
        self.open_button = QPushButton(self.tr("&Ouvrir la fiche existante"))
        self.create_button = QPushButton(self.tr("&Créer quand même"))
        self.back_button = QPushButton(self.tr("&Revenir au formulaire"))
        buttons.addButton(self.open_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.create_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.back_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.open_button.setDefault(True)
        self.open_button.clicked.connect(self._open_existing)
        self.create_button.clicked.connect(self.accept)
        self.back_button.clicked.connect(self.reject)
        self.list.itemActivated.connect(lambda _item: self._open_existing())

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.list)
        layout.addWidget(buttons)
        fit_to_screen(self, QSize(640, 300))

    def _open_existing(self) -> None:
        item = self.list.currentItem()
        if item is None:
            return
        self.existing_id = item.data(Qt.ItemDataRole.UserRole)
        self.accept()
