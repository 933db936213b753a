"""Merge two fiches of one person: choose the fiche kept, and for each differing field, the value.

Both histories stay: the store moves every participation to the kept fiche and marks the
other as merged, in one transaction that syncs like any edit.
"""

from __future__ import annotations

import uuid
from typing import Any

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QGroupBox,
    QLabel,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from stpaul_field.domain import values as v
from stpaul_field.domain.text import format_phone
from stpaul_field.domain.validation import ValidationError
from stpaul_field.store import beneficiaries as reg
from stpaul_field.store.models import Beneficiary
from stpaul_field.ui.context import AppContext, Changes, report_failure
from stpaul_field.ui.register.display import local_date
from stpaul_field.ui.register.editor import ERROR_STYLE
from stpaul_field.ui.screen_fit import fit_to_screen

# Fields never offered: identity flags of a followed person, and vouchers (added up).
_NOT_CHOSEN = {"anonymous", "already_accompanied", "pass_numerique_vouchers"}


class MergeDialog(QDialog):
    def __init__(
        self, ctx: AppContext, first: uuid.UUID, second: uuid.UUID, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.kept_id: uuid.UUID | None = None
        self.setWindowTitle(self.tr("Fusionner deux fiches"))

        def read(session: Session) -> tuple[list[Beneficiary | None], list[int]]:
            people = [session.get(Beneficiary, pid) for pid in (first, second)]
            return people, [len(reg.follow_up_history(session, p.id)) if p else 0 for p in people]

        # Two rows by primary key and their indexed histories: instant, and the form needs them.
        people, self.history_counts = ctx.read_now(read)
        if any(p is None for p in people):
            raise reg.RegisterError(self.tr("Une des fiches n'existe plus sur ce poste."))
        self.people: list[Beneficiary] = people  # type: ignore[assignment]
        self.data = [reg.data_of(p) for p in self.people]
        self._labels = self._field_labels()

        intro = QLabel(
            self.tr(
                "Les deux fiches deviennent une seule : tout l'historique des deux est conservé "
                "sur la fiche gardée. Choisissez la fiche à garder puis, pour chaque différence, "
                "la valeur juste."
            )
        )
        intro.setWordWrap(True)

        keep_box = QGroupBox(self.tr("Fiche à garder"))
        keep_layout = QVBoxLayout(keep_box)
        self.keep_group = QButtonGroup(self)
        self.keep_buttons: list[QRadioButton] = []
        for i, p in enumerate(self.people):
            button = QRadioButton(
                self.tr("Fiche %0 : %1 — %2 activité(s), créée le %3")
                .replace("%0", str(i + 1))
                .replace("%1", p.display_name)
                .replace("%2", str(self.history_counts[i]))
                .replace("%3", local_date(p.created_at))
            )
            self.keep_group.addButton(button, i)
            keep_layout.addWidget(button)
            self.keep_buttons.append(button)

        self.grid_box = QGroupBox(self.tr("Valeurs différentes"))
        self.grid = QGridLayout(self.grid_box)
        self.choices: dict[str, QButtonGroup] = {}
        row = 0
        self.grid.addWidget(QLabel(self.tr("<b>Champ</b>")), row, 0)
        self.grid.addWidget(QLabel(self.tr("<b>Fiche 1</b>")), row, 1)
        self.grid.addWidget(QLabel(self.tr("<b>Fiche 2</b>")), row, 2)
        for name in reg.EDITABLE_FIELDS:
            if name in _NOT_CHOSEN:
                continue
            values = [getattr(d, name) for d in self.data]
            if values[0] == values[1]:
                continue
            row += 1
            caption = QLabel(self._labels.get(name, name))
            self.grid.addWidget(caption, row, 0)
            group = QButtonGroup(self)
            for side in (0, 1):
                button = QRadioButton(self._value_text(name, values[side]))
                button.setAccessibleName(f"{caption.text()} : {button.text()}")
                group.addButton(button, side)
                self.grid.addWidget(button, row, 1 + side)
            caption.setBuddy(group.button(0))
            self.choices[name] = group
        if not self.choices:
            row += 1
            self.grid.addWidget(QLabel(self.tr("Les deux fiches ont les mêmes valeurs.")), row, 0, 1, 3)
        self.grid.setRowStretch(row + 1, 1)  # rows stay together at the top
        self.grid.setColumnStretch(1, 1)
        self.grid.setColumnStretch(2, 1)
        vouchers = sum(d.pass_numerique_vouchers or 0 for d in self.data)
        vouchers_note = QLabel(
            self.tr("Pass Numérique : les chèques des deux fiches sont additionnés (%1).").replace(
                "%1", str(vouchers)
            )
        )
        vouchers_note.setWordWrap(True)

        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.grid_box)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)

        self.error = QLabel()
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self.error.hide()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.merge_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.merge_button.setText(self.tr("&Fusionner les fiches"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Annuler"))
        buttons.accepted.connect(self.merge)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(keep_box)
        layout.addWidget(scroll, 1)
        layout.addWidget(vouchers_note)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

        # By default keep the fiche with the longer history (the older one on a tie).
        best = max((0, 1), key=lambda i: (self.history_counts[i], -self.people[i].created_at.timestamp()))
        self.keep_group.idToggled.connect(self._on_keep_changed)
        self.keep_buttons[best].setChecked(True)
        fit_to_screen(self, QSize(760, 560))

    def _field_labels(self) -> dict[str, str]:
        return {
            "first_name": self.tr("Prénom"),
            "last_name": self.tr("Nom"),
            "phone": self.tr("Téléphone"),
            "no_phone": self.tr("Pas de téléphone"),
            "email": self.tr("E-mail"),
            "birth_year": self.tr("Année de naissance"),
            "address": self.tr("Adresse"),
            "commune": self.tr("Commune"),
            "postcode": self.tr("Code postal"),
            "insee_code": self.tr("Code INSEE"),
            "gender": self.tr("Genre"),
            "age_band": self.tr("Tranche d'âge"),
            "social_status": self.tr("Statut"),
            "disability": v.PRIORITY_PUBLICS.label("disability"),
            "family_carer": v.PRIORITY_PUBLICS.label("family_carer"),
            "homeless": v.PRIORITY_PUBLICS.label("homeless"),
            "consent_at": self.tr("Consentement"),
            "notes": self.tr("Notes"),
        }

    def _value_text(self, name: str, value: Any) -> str:
        if value in (None, ""):
            return self.tr("(vide)")
        if isinstance(value, bool):
            return self.tr("oui") if value else self.tr("non")
        if name == "phone":
            return format_phone(value)
        if name == "consent_at":
            return self.tr("donné le %1").replace("%1", local_date(value))
        lists = {"gender": v.GENDERS, "age_band": v.AGE_BANDS, "social_status": v.SOCIAL_STATUSES}
        if name in lists:
            return lists[name].label(value)
        text = str(value)
        return text if len(text) <= 60 else text[:57] + "…"

    def _on_keep_changed(self, kept: int, checked: bool) -> None:
        if not checked:
            return
        # Each field starts on the kept fiche's value, unless that one is empty.
        for name, group in self.choices.items():
            side = kept
            if getattr(self.data[kept], name) in (None, "", False):
                side = 1 - kept
            group.button(side).setChecked(True)

    def chosen(self) -> tuple[uuid.UUID, uuid.UUID, dict[str, Any]]:
        """(kept id, merged id, field values chosen) as the form stands."""
        kept = self.keep_group.checkedId()
        values = {name: getattr(self.data[group.checkedId()], name) for name, group in self.choices.items()}
        return self.people[kept].id, self.people[1 - kept].id, values

    def merge(self) -> None:
        keep, other, values = self.chosen()

        def merged(_result: object) -> None:
            self.kept_id = keep
            self.accept()

        def failed(error: BaseException) -> None:
            if isinstance(error, ValidationError):
                self._show_error("\n".join(e.message for e in error.errors))
            elif isinstance(error, reg.RegisterError):
                self._show_error(str(error))
            else:
                report_failure(self.tr("La fusion des fiches"), error, self)

        # A merged fiche leaves every list that showed it, and its activities change hands.
        changes = Changes.people() | Changes(activities=True)
        self.ctx.write(
            lambda s: reg.merge_beneficiaries(s, keep, other, values),
            merged,
            failed,
            owner=self,
            changes=changes,
        )

    def _show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()
        self.error.setFocus(Qt.FocusReason.OtherFocusReason)
