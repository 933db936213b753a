"""Workshop: title, themes, level, when, where, co-advisors, registered and anonymous people."""

from __future__ import annotations

import uuid

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import select

from stpaul_field.domain import values as v
from stpaul_field.domain.entities import ActivityData
from stpaul_field.store import activities as acts
from stpaul_field.store.models import Advisor
from stpaul_field.ui import i18n
from stpaul_field.ui.activity_form.base import ActivityForm
from stpaul_field.ui.widgets.beneficiary_picker import BeneficiaryPicker
from stpaul_field.ui.widgets.checklist import ChoiceChecklist
from stpaul_field.ui.widgets.choice_combo import ChoiceCombo
from stpaul_field.ui.widgets.registered_people import RegisteredPeople

MAX_COUNT = 500


class CountGrid(QGroupBox):
    """Anonymous participants counted by one breakdown (gender, age band or status)."""

    def __init__(self, title: str, values: v.ValueList, parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        self.values = values
        self.spins: dict[str, QSpinBox] = {}
        grid = QGridLayout(self)
        for i, choice in enumerate(values):
            spin = QSpinBox()
            spin.setRange(0, MAX_COUNT)
            label = QLabel(i18n.label(values, choice.code))
            label.setBuddy(spin)
            spin.setAccessibleName(f"{title} : {label.text()}")
            grid.addWidget(label, i, 0)
            grid.addWidget(spin, i, 1)
            self.spins[choice.code] = spin

    def counts(self) -> dict[str, int]:
        return {code: spin.value() for code, spin in self.spins.items() if spin.value()}

    def set_counts(self, counts: dict[str, int]) -> None:
        for code, spin in self.spins.items():
            spin.setValue(int(counts.get(code, 0)))


class WorkshopForm(ActivityForm):
    KIND = "workshop"

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.setWindowTitle(
            self.tr("Atelier collectif")
            if self.activity_id is None
            else self.tr("Atelier collectif — modifier")
        )

    def first_field(self):
        return self.title_edit

    def build_specific_top(self) -> None:
        form = self.section(self.tr("Atelier"))
        self.title_edit = QLineEdit()
        self.title_edit.setPlaceholderText(self.tr("ex. Découvrir la messagerie"))
        self.errors.add_row(form, self.tr("T&itre"), self.title_edit, "title", "type")
        self.level = ChoiceCombo(v.WORKSHOP_LEVELS)
        self.errors.add_row(form, self.tr("Nive&au"), self.level, "level")
        me = self.ctx.advisor_id
        advisors = self.ctx.read_now(
            lambda s: [
                (str(a.id), a.display_name)
                for a in s.scalars(
                    select(Advisor)
                    .where(Advisor.active, Advisor.deleted_at.is_(None))
                    .order_by(Advisor.last_name)
                )
                if a.id != me
            ]
        )
        self.co_advisors = ChoiceChecklist(v.ValueList("advisor", *advisors), columns=2)
        label = self.errors.add_row(form, self.tr("Co-animateurs"), self.co_advisors, "co_advisor_ids")
        if not advisors:
            form.setRowVisible(label, False)

    def build_specific_bottom(self) -> None:
        form = self.section(self.tr("Participants inscrits"))
        self.picker = BeneficiaryPicker(self.ctx)
        self.picker.search.setAccessibleName(self.tr("Inscrire un participant : rechercher"))
        self.errors.add_row(form, self.tr("In&scrire"), self.picker, "participants", "beneficiary")
        self.people = RegisteredPeople()
        self.registered, self.registered_count = self.people.list, self.people.count_label
        lbl = QLabel(self.tr("Liste"))
        lbl.setBuddy(self.registered)
        form.addRow(lbl, self.people)
        form.addRow("", self.registered_count)
        self.picker.picked.connect(self.add_participant)

        anon = self.section(self.tr("Participants anonymes"))
        self.anon_total = QSpinBox()
        self.anon_total.setRange(0, MAX_COUNT)
        self.errors.add_row(anon, self.tr("Nom&bre total"), self.anon_total, "anon_total")
        self.anon_already = QSpinBox()
        self.anon_already.setRange(0, MAX_COUNT)
        self.errors.add_row(anon, self.tr("Dé&jà accompagnés"), self.anon_already, "anon_already_accompanied")
        grids = QWidget()
        grid_row = QHBoxLayout(grids)
        grid_row.setContentsMargins(0, 0, 0, 0)
        self.by_gender = CountGrid(self.tr("Genre"), v.GENDERS)
        self.by_age = CountGrid(self.tr("Tranche d'âge"), v.AGE_BANDS)
        self.by_status = CountGrid(self.tr("Statut"), v.SOCIAL_STATUSES)
        for g in (self.by_gender, self.by_age, self.by_status):
            grid_row.addWidget(g, 0, Qt.AlignmentFlag.AlignTop)
        errors_box = QWidget()
        col = QVBoxLayout(errors_box)
        col.setContentsMargins(0, 0, 0, 0)
        col.addWidget(grids)
        error = QLabel()
        error.setObjectName("fieldError")
        error.setWordWrap(True)
        error.hide()
        col.addWidget(error)
        anon.addRow(errors_box)
        self.errors.register(grids, error, "anon_genders", "anon_age_bands", "anon_statuses")

    # ---- participants -------------------------------------------------------------
    def add_participant(self, beneficiary_id: uuid.UUID, name: str) -> None:
        self.people.add(beneficiary_id, name)
        # Multi-add: back to the search for the next person.
        self.picker.setFocus()

    def registered_ids(self) -> list[uuid.UUID]:
        return self.people.ids()

    # ---- data ---------------------------------------------------------------------
    def collect_specific(self, data: ActivityData) -> None:
        data.title = self.title_edit.text().strip()
        data.level = self.level.code()
        data.co_advisor_ids = self.co_advisors.codes()
        data.anon_total = self.anon_total.value()
        data.anon_already_accompanied = self.anon_already.value()
        data.anon_genders = self.by_gender.counts()
        data.anon_age_bands = self.by_age.counts()
        data.anon_statuses = self.by_status.counts()

    def participants(self) -> list[acts.ParticipantInput]:
        return [acts.ParticipantInput(beneficiary_id=bid) for bid in self.registered_ids()]

    def load_specific(self, loaded: acts.LoadedActivity) -> None:
        d = loaded.data
        self.title_edit.setText(d.title)
        self.level.set_code(d.level)
        self.co_advisors.set_codes([str(c) for c in d.co_advisor_ids])
        self.anon_total.setValue(d.anon_total)
        self.anon_already.setValue(d.anon_already_accompanied)
        self.by_gender.set_counts(d.anon_genders)
        self.by_age.set_counts(d.anon_age_bands)
        self.by_status.set_counts(d.anon_statuses)
        for p in loaded.participants:
            self.add_participant(p.beneficiary_id, p.display_name)
