"""Create or edit a beneficiary: every field of the CRA, Saint-Paul's markers, consent.

Rules come from `domain.validation`; each error shows in French under its field, and the
form saves nothing until all are fixed. On create, people who may be the same person are
shown first: open the existing fiche, or create anyway.
"""

from __future__ import annotations

import datetime as dt
import itertools
import uuid
from zoneinfo import ZoneInfo

from PySide6.QtCore import QDate, QRegularExpression, QSize, Qt, Signal
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from stpaul_field.domain import values as v
from stpaul_field.domain.entities import BeneficiaryData
from stpaul_field.domain.reference import reference_data
from stpaul_field.domain.text import format_phone
from stpaul_field.domain.validation import MAX_NAME, MAX_TEXT, MAX_VOUCHERS, ValidationError
from stpaul_field.store import beneficiaries as reg
from stpaul_field.store.models import Beneficiary
from stpaul_field.ui import i18n
from stpaul_field.ui.context import AppContext, Changes, report_failure
from stpaul_field.ui.register.display import REUNION
from stpaul_field.ui.register.duplicates import DuplicateDialog
from stpaul_field.ui.screen_fit import fit_to_screen
from stpaul_field.ui.widgets.focus import follow_focus
from stpaul_field.ui.widgets.unsaved import AsksBeforeDiscarding

ERROR_STYLE = "color: #b00020; font-weight: 600;"
FIELD_ERROR_STYLE = "border: 2px solid #b00020;"


def known_communes() -> dict[str, tuple[str, str]]:
    """Communes of the reference data: name -> (postcode, INSEE code), for completion."""
    data = reference_data()
    out = {data["commune"]["name"]: (data["commune"]["postcode"], data["commune"]["insee_code"])}
    for venue in data["venues"]:
        out.setdefault(venue["commune"], (venue["postcode"], venue["insee_code"]))
    return out


class BeneficiaryDialog(AsksBeforeDiscarding, QDialog):
    """The fiche form. After `exec()` returns Accepted, `person_id` is the saved fiche, or the
    existing fiche the advisor chose to open instead (`opened_existing` is then True)."""

    saved = Signal(object)  # the person's id

    def __init__(
        self,
        ctx: AppContext,
        person_id: uuid.UUID | None = None,
        parent: QWidget | None = None,
        initial: BeneficiaryData | None = None,
        today: dt.date | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.person_id = person_id
        self.opened_existing = False
        self.today = today or dt.datetime.now(REUNION).date()
        self._stored_consent: dt.datetime | None = None
        self.duplicate_dialog: DuplicateDialog | None = None
        self._fields: dict[str, tuple[QWidget, QLabel]] = {}
        self.setWindowTitle(self.tr("Modifier la fiche") if person_id else self.tr("Nouveau bénéficiaire"))
        self.setModal(True)
        self._build()
        data = initial or BeneficiaryData()
        if person_id is not None:
            # One row by primary key: instant, and the form cannot open without it.
            stored = ctx.read_now(lambda s: reg.data_of(p) if (p := s.get(Beneficiary, person_id)) else None)
            if stored is None:
                raise reg.RegisterError(self.tr("Cette fiche n'existe plus sur ce poste."))
            data = stored
        self._stored = data if person_id is not None else None
        self.set_data(data)
        self.remember_state()  # Échap, × or « Annuler » ask first once something changes
        # The common case is a followed person: start on the first name, not on « anonyme ».
        (self.first_name if self.first_name.isEnabled() else self.birth_year).setFocus()

    # ---- layout ---------------------------------------------------------------------

    def _build(self) -> None:
        self.anonymous = QCheckBox(self.tr("Bénéficiaire &anonyme (ni nom ni coordonnées)"))
        self.already = QCheckBox(self.tr("&J'ai déjà accompagné ce bénéficiaire"))
        self.first_name = self._line(MAX_NAME, self.tr("Prénom"))
        self.last_name = self._line(MAX_NAME, self.tr("Nom"))
        self.phone = self._line(20, self.tr("Téléphone"), placeholder="06 92 12 34 56")
        self.no_phone = QCheckBox(self.tr("Pas de téléphone"))
        self.email = self._line(MAX_TEXT, self.tr("E-mail"), placeholder="nom@exemple.re")
        self.birth_year = self._line(4, self.tr("Année de naissance"), placeholder=self.tr("aaaa"))
        self.birth_year.setValidator(QRegularExpressionValidator(QRegularExpression(r"\d{0,4}"), self))
        self.address = self._line(MAX_TEXT, self.tr("Adresse"))
        self.commune = self._line(MAX_NAME, self.tr("Commune"))
        self._communes = known_communes()
        completer = QCompleter(sorted(self._communes), self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.commune.setCompleter(completer)
        self.postcode = self._line(5, self.tr("Code postal"), placeholder="97460")
        self.insee_code = self._line(5, self.tr("Code INSEE"), placeholder="97415")
        self.gender = self._combo(v.GENDERS, self.tr("Genre"))
        self.age_band = self._combo(v.AGE_BANDS, self.tr("Tranche d'âge"))
        self.social_status = self._combo(v.SOCIAL_STATUSES, self.tr("Statut"))
        self.markers = {c.code: QCheckBox(c.label) for c in v.PRIORITY_PUBLICS}
        self.vouchers = QSpinBox()
        self.vouchers.setRange(0, MAX_VOUCHERS)
        self.vouchers.setSuffix(self.tr(" chèque(s)"))
        self.vouchers.setAccessibleName(self.tr("Chèques Pass Numérique remis"))
        self.consent = QCheckBox(self.tr("Information RGPD donnée, &consentement recueilli"))
        self.consent_date = QDateEdit()
        self.consent_date.setDisplayFormat("dd/MM/yyyy")
        self.consent_date.setCalendarPopup(True)
        self.consent_date.setAccessibleName(self.tr("Date du consentement"))
        self.notes = QPlainTextEdit()
        self.notes.setTabChangesFocus(True)  # Tab leaves the notes, as in every other field
        self.notes.setAccessibleName(self.tr("Notes"))
        self.notes.setFixedHeight(self.fontMetrics().lineSpacing() * 4 + 12)

        identity = QGroupBox(self.tr("Identité et coordonnées"))
        form = QFormLayout(identity)
        form.addRow(self.anonymous)
        form.addRow(self.already)
        self._row(form, self.tr("&Prénom"), self.first_name, "first_name")
        self._row(form, self.tr("&Nom"), self.last_name, "last_name")
        phone_box = QWidget()
        phone_layout = QHBoxLayout(phone_box)
        phone_layout.setContentsMargins(0, 0, 0, 0)
        phone_layout.addWidget(self.phone, 1)
        phone_layout.addWidget(self.no_phone)
        self._row(form, self.tr("Télép&hone"), self.phone, "phone", shown=phone_box)
        self._row(form, self.tr("E-mai&l"), self.email, "email")  # Alt+E is « Enregistrer »
        self._row(form, self.tr("A&dresse"), self.address, "address")
        self._row(form, self.tr("Co&mmune"), self.commune, "commune")
        self._row(form, self.tr("Code p&ostal"), self.postcode, "postcode")
        self._row(form, self.tr("Code &INSEE"), self.insee_code, "insee_code")

        situation = QGroupBox(self.tr("Situation"))
        form2 = QFormLayout(situation)
        self._row(form2, self.tr("Année de nai&ssance"), self.birth_year, "birth_year")
        self._row(form2, self.tr("T&ranche d'âge"), self.age_band, "age_band")
        self._row(form2, self.tr("&Genre"), self.gender, "gender")
        self._row(form2, self.tr("Stat&ut"), self.social_status, "social_status")
        self._row(form2, self.tr("Pass Numéri&que"), self.vouchers, "pass_numerique_vouchers")
        form2.addRow(QLabel(self.tr("Consentement :")))
        consent_box = QWidget()
        consent_layout = QHBoxLayout(consent_box)
        consent_layout.setContentsMargins(0, 0, 0, 0)
        consent_layout.addWidget(self.consent, 1)
        date_label = QLabel(self.tr("le"))  # not Alt+E: that is « Enregistrer »
        date_label.setBuddy(self.consent_date)
        consent_layout.addWidget(date_label)
        consent_layout.addWidget(self.consent_date)
        form2.addRow(consent_box)
        markers_box = QGroupBox(self.tr("Public prioritaire"))
        markers_layout = QVBoxLayout(markers_box)
        for box in self.markers.values():
            markers_layout.addWidget(box)
        hint = QLabel(
            self.tr(
                "Handicap : cocher seulement avec le consentement de la personne, "
                "et n'écrire aucun détail (donnée sensible)."
            )
        )
        hint.setWordWrap(True)
        markers_layout.addWidget(hint)
        self.markers["disability"].setAccessibleDescription(hint.text())
        self._register_error(markers_layout, self.markers["disability"], "disability")
        form2.addRow(markers_box)
        self._row(form2, self.tr("No&tes"), self.notes, "notes")

        columns = QHBoxLayout()
        columns.addWidget(identity, 1)
        columns.addWidget(situation, 1)
        body = QWidget()
        body.setLayout(columns)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        follow_focus(scroll)

        self.summary = QLabel()
        self.summary.setStyleSheet(ERROR_STYLE)
        self.summary.setWordWrap(True)
        self.summary.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("&Enregistrer"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Annuler"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.summary)
        layout.addWidget(self.buttons)

        self.anonymous.toggled.connect(self._sync_enabled)
        self.no_phone.toggled.connect(self._sync_enabled)
        self.consent.toggled.connect(self._sync_enabled)
        self.birth_year.textChanged.connect(self._sync_age_band)
        self.commune.editingFinished.connect(self._fill_codes)
        self._set_tab_order()
        fit_to_screen(self, QSize(980, 640))

    def _line(self, max_length: int, name: str, placeholder: str = "") -> QLineEdit:
        edit = QLineEdit()
        edit.setMaxLength(max_length)
        edit.setAccessibleName(name)
        if placeholder:
            edit.setPlaceholderText(placeholder)
        return edit

    def _combo(self, values: v.ValueList, name: str) -> QComboBox:
        combo = QComboBox()
        combo.addItem(self.tr("— non renseigné —"), None)
        for choice in values:
            combo.addItem(choice.label, choice.code)
        combo.setAccessibleName(name)
        return combo

    def _row(
        self, form: QFormLayout, label: str, field: QWidget, name: str, shown: QWidget | None = None
    ) -> None:
        holder = QWidget()
        box = QVBoxLayout(holder)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(2)
        box.addWidget(shown or field)
        caption = QLabel(label)
        caption.setBuddy(field)  # Alt+letter jumps to the field; screen readers read the label
        self._register_error(box, field, name)
        form.addRow(caption, holder)

    def _register_error(self, layout: QVBoxLayout, field: QWidget, name: str) -> None:
        error = QLabel()
        error.setObjectName(f"error_{name}")
        error.setStyleSheet(ERROR_STYLE)
        error.setWordWrap(True)
        error.hide()
        layout.addWidget(error)
        self._fields[name] = (field, error)

    def _set_tab_order(self) -> None:
        chain = [
            self.anonymous, self.already, self.first_name, self.last_name, self.phone, self.no_phone,
            self.email, self.address, self.commune, self.postcode, self.insee_code, self.birth_year,
            self.age_band, self.gender, self.social_status, self.vouchers, self.consent, self.consent_date,
            *self.markers.values(), self.notes,
        ]  # fmt: skip
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

    # ---- behaviour ------------------------------------------------------------------

    def _sync_enabled(self) -> None:
        anonymous = self.anonymous.isChecked()
        for widget in (self.first_name, self.last_name, self.phone, self.no_phone, self.email):
            widget.setEnabled(not anonymous)
        self.already.setEnabled(anonymous)
        if anonymous:
            for edit in (self.first_name, self.last_name, self.phone, self.email):
                edit.clear()
        else:
            self.already.setChecked(False)
        if self.no_phone.isChecked():
            self.phone.clear()
        self.phone.setEnabled(not anonymous and not self.no_phone.isChecked())
        self.consent_date.setEnabled(self.consent.isChecked())

    def _sync_age_band(self) -> None:
        year = self._birth_year()
        if year is not None and 1900 <= year <= self.today.year:
            band = v.age_band_for(year, self.today.year)
            self.age_band.setCurrentIndex(self.age_band.findData(band))
            self.age_band.setEnabled(False)  # computed from the year, as the store will
        else:
            self.age_band.setEnabled(True)

    def _fill_codes(self) -> None:
        codes = self._communes.get(self.commune.text().strip())
        if codes and not self.postcode.text() and not self.insee_code.text():
            self.postcode.setText(codes[0])
            self.insee_code.setText(codes[1])

    def _birth_year(self) -> int | None:
        text = self.birth_year.text().strip()
        return int(text) if text.isdigit() else None

    # ---- data in and out ------------------------------------------------------------

    def set_data(self, d: BeneficiaryData) -> None:
        self.anonymous.setChecked(d.anonymous)
        self.already.setChecked(d.already_accompanied)
        self.first_name.setText(d.first_name)
        self.last_name.setText(d.last_name)
        self.phone.setText(format_phone(d.phone))
        self.no_phone.setChecked(d.no_phone)
        self.email.setText(d.email)
        self.birth_year.setText(str(d.birth_year) if d.birth_year else "")
        self.address.setText(d.address)
        self.commune.setText(d.commune)
        self.postcode.setText(d.postcode)
        self.insee_code.setText(d.insee_code)
        for combo, code in (
            (self.gender, d.gender),
            (self.age_band, d.age_band),
            (self.social_status, d.social_status),
        ):
            combo.setCurrentIndex(max(0, combo.findData(code)))
        for code, box in self.markers.items():
            box.setChecked(bool(getattr(d, code)))
        self.vouchers.setValue(d.pass_numerique_vouchers or 0)
        self._stored_consent = d.consent_at
        self.consent.setChecked(d.consent_at is not None)
        day = d.consent_at.astimezone(REUNION).date() if d.consent_at else self.today
        self.consent_date.setDate(QDate(day.year, day.month, day.day))
        self.notes.setPlainText(d.notes)
        self._sync_enabled()
        self._sync_age_band()

    def data(self) -> BeneficiaryData:
        text = self.birth_year.text().strip()
        return BeneficiaryData(
            anonymous=self.anonymous.isChecked(),
            first_name=self.first_name.text(),
            last_name=self.last_name.text(),
            phone=self.phone.text(),
            no_phone=self.no_phone.isChecked(),
            email=self.email.text(),
            birth_year=int(text) if text.isdigit() else None,
            address=self.address.text(),
            commune=self.commune.text(),
            postcode=self.postcode.text(),
            insee_code=self.insee_code.text(),
            gender=self.gender.currentData(),
            age_band=self.age_band.currentData(),
            social_status=self.social_status.currentData(),
            disability=self.markers["disability"].isChecked(),
            family_carer=self.markers["family_carer"].isChecked(),
            homeless=self.markers["homeless"].isChecked(),
            pass_numerique_vouchers=self.vouchers.value(),
            consent_at=self._consent_at(),
            already_accompanied=self.anonymous.isChecked() and self.already.isChecked(),
            notes=self.notes.toPlainText(),
        )

    def _consent_at(self) -> dt.datetime | None:
        if not self.consent.isChecked():
            return None
        day = self.consent_date.date().toPython()
        stored = self._stored_consent
        if stored is not None and stored.astimezone(REUNION).date() == day:
            return stored  # unchanged: keep the recorded instant
        if day == self.today:
            return dt.datetime.now(dt.UTC)
        # A past date typed by hand: noon in La Réunion, so the day reads the same everywhere.
        return dt.datetime.combine(day, dt.time(12), ZoneInfo(v.TIME_ZONE)).astimezone(dt.UTC)

    # ---- errors ---------------------------------------------------------------------

    def errors_shown(self) -> dict[str, str]:
        """The field errors on screen now (for tests and for the summary)."""
        return {name: err.text() for name, (_, err) in self._fields.items() if not err.isHidden()}

    def show_errors(self, by_field: dict[str, str]) -> None:
        first: QWidget | None = None
        for name, (field, error) in self._fields.items():
            message = i18n.message(by_field[name]) if by_field.get(name) else None
            error.setText(message or "")
            error.setVisible(bool(message))
            field.setStyleSheet(FIELD_ERROR_STYLE if message else "")
            field.setAccessibleDescription(message or "")
            if message and first is None:
                first = field
        unplaced = [m for k, m in by_field.items() if k not in self._fields]
        count = len(by_field)
        if count:
            self.summary.setText(
                self.tr("%n erreur(s) à corriger avant d'enregistrer.", "", count)
                + ("\n" + "\n".join(unplaced) if unplaced else "")
            )
        self.summary.setVisible(bool(count))
        if first is not None:
            first.setFocus(Qt.FocusReason.OtherFocusReason)

    # ---- saving ---------------------------------------------------------------------

    def save(self) -> None:
        """Check, warn about likely duplicates (on create), then save in one transaction."""
        data = self.data()
        try:
            reg.validate_for_save(data, self.today)
        except ValidationError as exc:
            self.show_errors(exc.by_field())
            return
        self.show_errors({})
        if self.person_id is None and not data.anonymous:
            # Indexed lookups on the names and phone (as the picker's own check).
            candidates = self.ctx.read_now(lambda s: reg.duplicate_candidates(s, data))
            if candidates:
                self.duplicate_dialog = DuplicateDialog(candidates, self)
                self.duplicate_dialog.finished.connect(self._after_duplicate_warning)
                self.duplicate_dialog.open()
                return
        self._write(data)

    def _after_duplicate_warning(self, result: int) -> None:
        warning = self.duplicate_dialog
        self.duplicate_dialog = None
        if warning is None or result != QDialog.DialogCode.Accepted:
            return  # back to the form
        if warning.existing_id is not None:
            self.person_id = warning.existing_id
            self.opened_existing = True
            self.accept()
        else:
            self._write(self.data())

    def _names_changed(self, data: BeneficiaryData) -> bool:
        """Whether what other lists show of the person (their name) changes with this save."""
        if self._stored is None:
            return True
        shown = ("anonymous", "first_name", "last_name")
        before, after = reg.prepared(self._stored, self.today), reg.prepared(data, self.today)
        return any(getattr(before, name) != getattr(after, name) for name in shown)

    def _write(self, data: BeneficiaryData) -> None:
        person_id, today = self.person_id, self.today

        def work(session: Session) -> uuid.UUID:
            if person_id is None:
                return reg.create_beneficiary(session, data, today).id
            return reg.update_beneficiary(session, person_id, data, today).id

        self._save_button().setEnabled(False)
        changes = Changes.people(names=self._names_changed(data))
        self.ctx.write(work, self._saved, self._failed, owner=self, changes=changes)

    def _save_button(self) -> QWidget:
        return self.buttons.button(QDialogButtonBox.StandardButton.Save)

    def _saved(self, saved_id: uuid.UUID) -> None:
        self.person_id = saved_id
        self.saved.emit(saved_id)
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self._save_button().setEnabled(True)
        if isinstance(error, ValidationError):
            self.show_errors(error.by_field())
        elif isinstance(error, reg.RegisterError):  # French, and names no one
            QMessageBox.warning(self, self.windowTitle(), str(error))
        else:
            report_failure(self.tr("L'enregistrement de la fiche"), error, self)
