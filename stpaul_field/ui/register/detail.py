"""A person's fiche: what the register knows, and the follow-up history by every advisor."""

from __future__ import annotations

import uuid
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from stpaul_field.domain import values as v
from stpaul_field.store import beneficiaries as reg
from stpaul_field.store.models import Beneficiary
from stpaul_field.ui.context import AppContext
from stpaul_field.ui.register.display import local_date, local_time, phone_text, priority_labels
from stpaul_field.ui.widgets.entries_model import AnyIndex, EntriesTableModel

# What the activity was about comes right after the date: the panel is narrow, the rest
# scrolls sideways, and every cell's full text is in its tooltip.
H_DATE = 0
H_SUBJECT = 1
H_PLACE = 2
H_ADVISOR = 3
H_TYPE = 4
H_PRESENCE = 5


class HistoryModel(EntriesTableModel):
    """The follow-up history of one person: a few dozen rows, loaded at once."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._headers = [
            self.tr("Date"),
            self.tr("Objet"),
            self.tr("Lieu"),
            self.tr("Conseiller"),
            self.tr("Type"),
            self.tr("Présence"),
        ]

    def entry(self, row: int) -> reg.HistoryEntry:
        return self._entries[row]

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        e = self._entries[index.row()]
        column = index.column()
        if column == H_DATE:
            return " ".join(x for x in (local_date(e.date), local_time(e.start_time)) if x)
        if column == H_TYPE:
            kind = v.ACTIVITY_TYPES.label(e.type)
            return kind if e.status == "done" else f"{kind} ({v.ACTIVITY_STATUSES.label(e.status).lower()})"
        if column == H_SUBJECT:
            return e.summary
        if column == H_PLACE:
            return e.place
        if column == H_ADVISOR:
            return e.advisor
        if column == H_PRESENCE:
            if e.attended is None:
                return ""
            return self.tr("présent(e)") if e.attended else self.tr("absent(e)")
        return None


class BeneficiaryDetail(QWidget):
    """Read-only fiche of the selected person, with the follow-up history beneath."""

    activityRequested = Signal(object)  # an activity's id: Enter or double-click in the history

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.person_id: uuid.UUID | None = None
        self.setAccessibleName(self.tr("Fiche du bénéficiaire"))

        self.title = QLabel(self.tr("Aucun bénéficiaire sélectionné"))
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.35)
        font.setBold(True)
        self.title.setFont(font)
        self.title.setWordWrap(True)

        self.form = QFormLayout()
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self._values: dict[str, QLabel] = {}
        for key, label in (
            ("birth", self.tr("Année de naissance")),
            ("phone", self.tr("Téléphone")),
            ("email", self.tr("E-mail")),
            ("place", self.tr("Commune")),
            ("gender", self.tr("Genre")),
            ("status", self.tr("Statut")),
            ("priority", self.tr("Public prioritaire")),
            ("vouchers", self.tr("Pass Numérique")),
            ("consent", self.tr("Consentement")),
            ("notes", self.tr("Notes")),
        ):
            value = QLabel()
            value.setWordWrap(True)
            # Selectable by keyboard too, so a screen reader user can reach each value.
            value.setTextInteractionFlags(
                Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard
            )
            value.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            value.setAccessibleName(label)
            caption = QLabel(label + " :")
            caption.setBuddy(value)
            self.form.addRow(caption, value)
            self._values[key] = value

        self.history_title = QLabel(self.tr("Historique du suivi"))
        hfont = self.history_title.font()
        hfont.setBold(True)
        self.history_title.setFont(hfont)
        self.history = HistoryModel(self)
        self.history_view = QTableView()
        self.history_view.setModel(self.history)
        self.history_view.setAccessibleName(self.tr("Historique du suivi"))
        self.history_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.history_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.history_view.setAlternatingRowColors(True)
        self.history_view.verticalHeader().hide()
        self.history_view.setWordWrap(False)
        header = self.history_view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for column in (H_DATE, H_TYPE, H_PRESENCE):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        width = self.fontMetrics().horizontalAdvance
        self.history_view.setColumnWidth(H_SUBJECT, width("Créer son adresse e-mail") + 16)
        self.history_view.setColumnWidth(H_PLACE, width("Maison de quartier") + 16)
        self.history_view.setColumnWidth(H_ADVISOR, width("Isabelle Rivière") + 16)
        self.history_title.setBuddy(self.history_view)
        self.history_view.activated.connect(
            lambda index: self.activityRequested.emit(self.history.entry(index.row()).activity_id)
        )

        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addLayout(self.form)
        layout.addSpacing(8)
        layout.addWidget(self.history_title)
        layout.addWidget(self.history_view, 1)
        self.show_person(None)

    def show_person(self, person_id: uuid.UUID | None) -> None:
        self.person_id = person_id
        person: Beneficiary | None = None
        entries: list[reg.HistoryEntry] = []
        if person_id is not None:
            # One row by primary key and its history (indexed): a few milliseconds, read at once.
            person, entries = self.ctx.read_now(lambda s: self._read(s, person_id))
        self._fill(person)
        self.history.set_entries(entries)
        count = len(entries)
        self.history_title.setText(
            self.tr("Historique du suivi (%n activité(s))", "", count)
            if person
            else self.tr("Historique du suivi")
        )
        for widget in (*self._values.values(), self.history_view, self.history_title):
            widget.setVisible(person is not None)

    @staticmethod
    def _read(session: Session, person_id: uuid.UUID) -> tuple[Beneficiary | None, list[reg.HistoryEntry]]:
        person = session.get(Beneficiary, person_id)
        return person, reg.follow_up_history(session, person_id) if person is not None else []

    def _fill(self, p: Beneficiary | None) -> None:
        if p is None:
            self.title.setText(self.tr("Aucun bénéficiaire sélectionné"))
            for value in self._values.values():
                value.clear()
            return
        self.title.setText(p.display_name)
        set_ = self._set
        birth = str(p.birth_year) if p.birth_year else ""
        band = v.AGE_BANDS.label(p.age_band) if p.age_band else ""
        set_("birth", " — ".join(x for x in (birth, band) if x))
        set_("phone", phone_text(p.phone, p.no_phone, self.tr("pas de téléphone")))
        set_("email", p.email)
        codes = ", ".join(
            x for x in (p.postcode, p.insee_code and self.tr("INSEE %1").replace("%1", p.insee_code)) if x
        )
        set_("place", " ".join(x for x in (p.commune, f"({codes})" if codes else "") if x))
        set_("gender", v.GENDERS.label(p.gender))
        set_("status", v.SOCIAL_STATUSES.label(p.social_status))
        set_("priority", ", ".join(priority_labels(p)))
        set_(
            "vouchers",
            self.tr("%n chèque(s) remis", "", p.pass_numerique_vouchers) if p.pass_numerique_vouchers else "",
        )
        set_(
            "consent",
            self.tr("information donnée le %1").replace("%1", local_date(p.consent_at))
            if p.consent_at
            else "",
        )
        set_("notes", p.notes)

    def _set(self, key: str, text: str) -> None:
        label = self._values[key]
        label.setText(text or "—")
        label.setAccessibleDescription(text or self.tr("non renseigné"))
