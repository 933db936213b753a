"""Fichier › « Lieux d'activité… »: the city's venues, managed by a coordinator.

A coordinator adds a venue (an espace numérique, an îlet, another place) with its bassin de
vie, edits it, or deactivates it; the change is synced to every laptop of the team. On a
laptop not enrolled as a coordinator the list is read-only and says why: the central record
would refuse the change (`server.scope`). Until a venue exists, the forms offer « Autre
lieu » with its commune.
"""

from __future__ import annotations

import uuid

from PySide6.QtCore import QSize
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from stpaul_field.domain import values as v
from stpaul_field.domain.validation import ValidationError
from stpaul_field.store import venues
from stpaul_field.store.models import Venue
from stpaul_field.sync.enrolment import load_enrolment
from stpaul_field.ui import i18n
from stpaul_field.ui.context import AppContext, Changes
from stpaul_field.ui.screen_fit import fit_to_screen
from stpaul_field.ui.widgets.choice_combo import ChoiceCombo
from stpaul_field.ui.widgets.commune_field import CommuneField
from stpaul_field.ui.widgets.field_errors import ERROR_STYLE

COORDINATOR = "coordinator"


def may_edit_venues(ctx: AppContext) -> bool:
    """Only a laptop enrolled as a coordinator: the central record refuses anyone else's."""
    enrolment = load_enrolment(ctx.store)
    return enrolment is not None and enrolment.role == COORDINATOR


class VenueEditor(QDialog):
    def __init__(
        self, ctx: AppContext, venue_id: uuid.UUID | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setStyleSheet(ERROR_STYLE)
        self.ctx = ctx
        self.venue_id = venue_id
        self.setWindowTitle(self.tr("Modifier le lieu") if venue_id else self.tr("Nouveau lieu"))
        self.name = QLineEdit()
        self.name.setMaxLength(200)
        self.kind = ChoiceCombo(v.VENUE_KINDS, empty=None)
        self.bassin = ChoiceCombo(v.BASSINS, empty=self.tr("— bassin de vie —"))
        self.commune = CommuneField()
        self.address = QLineEdit()
        self.address.setMaxLength(200)
        form = QFormLayout()
        form.addRow(self.tr("&Nom :"), self.name)
        form.addRow(self.tr("&Type :"), self.kind)
        form.addRow(self.tr("&Bassin de vie :"), self.bassin)
        form.addRow(self.tr("&Commune :"), self.commune)
        form.addRow(self.tr("&Adresse :"), self.address)
        self.error = QLabel()
        self.error.setObjectName("fieldError")
        self.error.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("&Enregistrer"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Annuler"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.active = True
        if venue_id is not None:
            self._load(venue_id)
        else:
            self.commune.set_values("Saint-Paul", v.SAINT_PAUL_POSTCODE, v.SAINT_PAUL_INSEE)
        fit_to_screen(self, QSize(520, 300))

    def _load(self, venue_id: uuid.UUID) -> None:
        venue = self.ctx.read_now(lambda s: s.get(Venue, venue_id))
        d = venues.data_of(venue)
        self.name.setText(d.name)
        self.kind.set_code(d.kind)
        self.bassin.set_code(d.bassin)
        self.commune.set_values(d.commune, d.postcode, d.insee_code)
        self.address.setText(d.address)
        self.active = d.active

    def data(self) -> venues.VenueData:
        commune, postcode, insee = self.commune.values()
        return venues.VenueData(
            name=self.name.text(),
            kind=self.kind.code() or "espace_numerique",
            bassin=self.bassin.code(),
            commune=commune,
            postcode=postcode,
            insee_code=insee,
            address=self.address.text(),
            active=self.active,
        )

    def save(self) -> None:
        data, venue_id = self.data(), self.venue_id

        def saved(new_id: uuid.UUID) -> None:
            self.venue_id = new_id
            self.accept()

        self.ctx.write(
            lambda s: venues.save_venue(s, data, venue_id),
            saved,
            self._failed,
            owner=self,
            changes=Changes(venues=True),
        )

    def _failed(self, error: BaseException) -> None:
        if not isinstance(error, ValidationError):
            raise error
        self.error.setText("\n".join(e.message for e in error.errors))


class VenuesDialog(QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.editable = may_edit_venues(ctx)
        self.editor: VenueEditor | None = None
        self.setWindowTitle(self.tr("Lieux d'activité"))
        note = QLabel(
            self.tr(
                "Les lieux de la ville, proposés dans les formulaires et synchronisés sur chaque "
                "poste. Un lieu qui ne sert plus est désactivé : ses activités le gardent."
            )
            if self.editable
            else self.tr(
                "Seul un coordinateur peut ajouter ou modifier les lieux de la ville (poste inscrit "
                "comme coordinateur). En attendant qu'un lieu existe, choisissez « Autre lieu » "
                "dans le formulaire et indiquez sa commune."
            )
        )
        note.setWordWrap(True)
        headers = [
            self.tr("Nom"),
            self.tr("Type"),
            self.tr("Bassin de vie"),
            self.tr("Commune"),
            self.tr("État"),
        ]
        self.table = QTableWidget(0, len(headers))
        self.table.setHorizontalHeaderLabels(headers)
        self.table.setAccessibleName(self.tr("Lieux d'activité"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.add_button = QPushButton(self.tr("&Ajouter…"))
        self.edit_button = QPushButton(self.tr("&Modifier…"))
        self.active_button = QPushButton(self.tr("&Désactiver"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Fermer"))
        for button in (self.add_button, self.edit_button, self.active_button):
            buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
            button.setVisible(self.editable)
        buttons.rejected.connect(self.reject)
        self.add_button.clicked.connect(lambda: self.open_editor(None))
        self.edit_button.clicked.connect(lambda: self.open_editor(self.current_id()))
        self.active_button.clicked.connect(self.toggle_active)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        if self.editable:
            self.table.itemActivated.connect(lambda _item: self.open_editor(self.current_id()))
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.refresh()
        fit_to_screen(self, QSize(760, 460))

    def refresh(self) -> None:
        rows = self.ctx.read_now(
            lambda s: [(x.id, x.name, x.kind, x.bassin, x.commune, x.active) for x in venues.all_venues(s)]
        )
        self.table.setRowCount(len(rows))
        self._ids = [r[0] for r in rows]
        self._active = [r[5] for r in rows]
        for i, (_id, name, kind, bassin, commune, active) in enumerate(rows):
            cells = (
                name,
                i18n.label(v.VENUE_KINDS, kind),
                i18n.label(v.BASSINS, bassin) if bassin else "",
                commune,
                self.tr("Actif") if active else self.tr("Désactivé"),
            )
            for column, text in enumerate(cells):
                self.table.setItem(i, column, QTableWidgetItem(text))
        self._update_buttons()

    def current_id(self) -> uuid.UUID | None:
        row = self.table.currentRow()
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def _update_buttons(self) -> None:
        row = self.table.currentRow()
        chosen = 0 <= row < len(self._ids)
        self.edit_button.setEnabled(chosen)
        self.active_button.setEnabled(chosen)
        active = self._active[row] if chosen else True
        self.active_button.setText(self.tr("&Désactiver") if active else self.tr("&Réactiver"))

    def open_editor(self, venue_id: uuid.UUID | None) -> VenueEditor | None:
        if not self.editable:
            return None
        self.editor = VenueEditor(self.ctx, venue_id, self)
        self.editor.accepted.connect(self.refresh)
        self.editor.open()
        return self.editor

    def toggle_active(self) -> None:
        venue_id = self.current_id()
        if venue_id is None or not self.editable:
            return
        row = self.table.currentRow()
        active = not self._active[row]
        self.ctx.write(
            lambda s: venues.set_active(s, venue_id, active),
            lambda _id: (self.refresh(), self.table.selectRow(row)),
            owner=self,
            changes=Changes(venues=True),
            what=self.tr("L'enregistrement du lieu"),
        )


def show_venues(ctx: AppContext, parent: QWidget | None = None) -> VenuesDialog:
    dialog = VenuesDialog(ctx, parent)
    dialog.open()
    return dialog
