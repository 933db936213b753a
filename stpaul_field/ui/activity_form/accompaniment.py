"""Individual accompaniment: one person (followed or anonymous) and every CRA field.

The common case — a known person, one theme, today at the current venue — is: type a few
letters of the name, Enter, type the theme's first letters, Space, Ctrl+Enter.
"""

from __future__ import annotations

import uuid

from PySide6.QtWidgets import QFormLayout, QHBoxLayout, QLabel, QPushButton, QWidget

from stpaul_field.domain import values as v
from stpaul_field.domain.entities import ActivityData, BeneficiaryData
from stpaul_field.domain.fields import CodedField, outcome_fields
from stpaul_field.domain.validation import FieldError
from stpaul_field.store import activities as acts
from stpaul_field.ui import i18n
from stpaul_field.ui.activity_form.base import ActivityForm, check_box
from stpaul_field.ui.widgets.beneficiary_picker import BeneficiaryPicker
from stpaul_field.ui.widgets.choice_combo import ChoiceCombo


class AccompanimentForm(ActivityForm):
    KIND = "individual"

    def __init__(self, *args, **kwargs) -> None:
        self.beneficiary_id: uuid.UUID | None = None
        super().__init__(*args, **kwargs)
        self.setWindowTitle(
            self.tr("Accompagnement individuel")
            if self.activity_id is None
            else self.tr("Accompagnement individuel — modifier")
        )
        self.setTabOrder(self.picker.search, self.picker.create_button)

    def first_field(self):
        if self.anonymous.isChecked():
            return self.anon_gender
        return self.picker.search if self.beneficiary_id is None else self.themes

    # ---- the person -------------------------------------------------------------
    def build_specific_top(self) -> None:
        form = self.section(self.tr("Bénéficiaire"))
        self.person_form = form
        self.anonymous = check_box(self.tr("Bénéficiaire anon&yme"))
        form.addRow("", self.anonymous)

        self.picker = BeneficiaryPicker(self.ctx)
        self.chosen = QLabel()
        self.chosen.setObjectName("chosenBeneficiary")
        self.change_button = QPushButton(self.tr("Changer"))
        self.change_button.setAccessibleName(self.tr("Changer de bénéficiaire"))
        chosen_row = QWidget()
        row = QHBoxLayout(chosen_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.chosen, 1)
        row.addWidget(self.change_button)
        holder = QWidget()
        col = QFormLayout(holder)
        col.setContentsMargins(0, 0, 0, 0)
        col.addRow(self.picker)
        col.addRow(chosen_row)
        self.chosen_row = chosen_row
        chosen_row.hide()
        self.person_label = self.errors.add_row(form, self.tr("&Bénéficiaire"), holder, "beneficiary")
        self.picker.search.setAccessibleName(self.tr("Bénéficiaire : rechercher par nom ou téléphone"))

        # An anonymous person: only what the national report counts.
        self.anon_gender = ChoiceCombo(v.GENDERS)
        self.anon_age = ChoiceCombo(v.AGE_BANDS)
        self.anon_status = ChoiceCombo(v.SOCIAL_STATUSES)
        self.anon_already = check_box(self.tr("&J'ai déjà accompagné ce bénéficiaire"))
        self.anon_rows = [
            self.errors.add_row(form, self.tr("&Genre"), self.anon_gender, "gender"),
            self.errors.add_row(form, self.tr("Tranche d'âge"), self.anon_age, "age_band"),
            self.errors.add_row(form, self.tr("&Statut"), self.anon_status, "social_status"),
        ]
        form.addRow("", self.anon_already)

        self.picker.picked.connect(self.set_beneficiary)
        self.change_button.clicked.connect(self._change)
        self.anonymous.toggled.connect(self._anonymous_toggled)
        self._anonymous_toggled(False)

    def set_beneficiary(self, beneficiary_id: uuid.UUID, name: str) -> None:
        self.beneficiary_id = beneficiary_id
        self.chosen.setText(f"<b>{name}</b>")
        self.chosen.setAccessibleName(self.tr("Bénéficiaire choisi : {0}").format(name))
        self.picker.hide()
        self.chosen_row.show()
        self.errors.clear()
        # The next thing to decide in the common case is the theme.
        self.themes.setFocus()

    def _change(self) -> None:
        self.beneficiary_id = None
        self.chosen_row.hide()
        self.picker.show()
        self.picker.setFocus()

    def _anonymous_toggled(self, anonymous: bool) -> None:
        self.person_form.setRowVisible(self.person_label, not anonymous)
        for label in self.anon_rows:
            self.person_form.setRowVisible(label, anonymous)
        self.person_form.setRowVisible(self.anon_already, anonymous)

    # ---- individual fields -------------------------------------------------------
    def build_specific_bottom(self) -> None:
        form = self.section(self.tr("Résultat"))
        self.result_form = form
        self.autonomy = ChoiceCombo(v.AUTONOMY)
        self.errors.add_row(form, self.tr("&Autonomie"), self.autonomy, "autonomy")
        self.redirected_box = check_box(self.tr("Bénéficiaire &réorienté"))
        form.addRow("", self.redirected_box)
        self.redirect = ChoiceCombo(v.REDIRECT_STRUCTURES, empty=self.tr("— choisir la structure —"))
        self.redirect_label = self.errors.add_row(
            form, self.tr("Structure de réorientation"), self.redirect, "redirect_structure"
        )
        self.redirected_box.toggled.connect(lambda on: form.setRowVisible(self.redirect_label, on))
        form.setRowVisible(self.redirect_label, False)
        # The other outcomes, one list each, as the coded-field table declares them.
        self.outcomes: dict[str, tuple[ChoiceCombo, QLabel, CodedField]] = {}
        for name, coded in outcome_fields().items():
            combo = ChoiceCombo(coded.values)
            label = self.errors.add_row(form, i18n.label(v.FIELD_LABELS, name), combo, name)
            self.outcomes[name] = (combo, label, coded)
        self.themes.changed.connect(self._outcomes_shown)
        self._outcomes_shown()

    def _outcomes_shown(self) -> None:
        for _combo, label, coded in self.outcomes.values():
            self.result_form.setRowVisible(label, self._offered(coded))

    def _offered(self, coded: CodedField) -> bool:
        return not coded.admin_help or v.ADMIN_HELP_THEME in self.themes.codes()

    def collect_specific(self, data: ActivityData) -> None:
        data.autonomy = self.autonomy.code()
        data.redirected = self.redirected_box.isChecked()
        data.redirect_structure = self.redirect.code() if data.redirected else None
        for name, (combo, _label, coded) in self.outcomes.items():
            setattr(data, name, combo.code() if self._offered(coded) else None)

    def participants(self) -> list[acts.ParticipantInput]:
        if self.anonymous.isChecked():
            return [
                acts.ParticipantInput(
                    anonymous=BeneficiaryData(
                        anonymous=True,
                        gender=self.anon_gender.code(),
                        age_band=self.anon_age.code(),
                        social_status=self.anon_status.code(),
                        already_accompanied=self.anon_already.isChecked(),
                    )
                )
            ]
        if self.beneficiary_id is None:
            return []
        return [acts.ParticipantInput(beneficiary_id=self.beneficiary_id)]

    def extra_errors(self) -> list[FieldError]:
        # The domain rule says "one beneficiary"; the form can say exactly what is missing.
        if not self.anonymous.isChecked() and self.beneficiary_id is None:
            return [FieldError("beneficiary", self.tr("Choisissez le bénéficiaire, ou cochez « anonyme »."))]
        return []

    def load_specific(self, loaded: acts.LoadedActivity) -> None:
        d = loaded.data
        self.autonomy.set_code(d.autonomy)
        self.redirected_box.setChecked(d.redirected)
        self.redirect.set_code(d.redirect_structure)
        for name, (combo, _label, _coded) in self.outcomes.items():
            combo.set_code(getattr(d, name))
        if loaded.anonymous_beneficiary is not None:
            anon = loaded.anonymous_beneficiary
            self.anonymous.setChecked(True)
            self.anon_gender.set_code(anon.gender)
            self.anon_age.set_code(anon.age_band)
            self.anon_status.set_code(anon.social_status)
            self.anon_already.setChecked(anon.already_accompanied)
        elif loaded.participants:
            p = loaded.participants[0]
            self.set_beneficiary(p.beneficiary_id, p.display_name)
