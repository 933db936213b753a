"""What both activity forms share: when, where, themes, equipment, notes, status, saving.

Saving validates with the domain rules first (errors shown inline, in French, by the
field), then writes the activity and its participants in one unit of work off the UI
thread; the form closes only once the store has committed, so nothing is saved half-way.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QDate, QSize, Qt, QTime, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from stpaul_field import settings as st
from stpaul_field.domain import values as v
from stpaul_field.domain.entities import ActivityData
from stpaul_field.domain.validation import FieldError, ValidationError, activity_errors
from stpaul_field.store import activities as acts
from stpaul_field.ui import i18n
from stpaul_field.ui.context import AppContext, Changes
from stpaul_field.ui.screen_fit import fit_to_screen
from stpaul_field.ui.widgets.checklist import ChoiceChecklist
from stpaul_field.ui.widgets.choice_combo import ChoiceCombo
from stpaul_field.ui.widgets.duration import DurationPicker
from stpaul_field.ui.widgets.field_errors import ERROR_STYLE, FieldErrors
from stpaul_field.ui.widgets.focus import follow_focus
from stpaul_field.ui.widgets.place_fields import PlaceFields
from stpaul_field.ui.widgets.typed_fields import DateField, TimeField
from stpaul_field.ui.widgets.unsaved import AsksBeforeDiscarding


def save_buttons(dialog: QDialog, save: Callable[[], object]) -> tuple[QDialogButtonBox, QPushButton]:
    """« Enregistrer » and « Annuler » for a dialog that saves; Ctrl+Enter and Ctrl+S save too."""
    buttons = QDialogButtonBox()
    save_button = buttons.addButton(
        QCoreApplication.translate("ActivityForm", "&Enregistrer"), QDialogButtonBox.ButtonRole.AcceptRole
    )
    cancel = buttons.addButton(
        QCoreApplication.translate("ActivityForm", "Annuler"), QDialogButtonBox.ButtonRole.RejectRole
    )
    save_button.clicked.connect(save)
    cancel.clicked.connect(dialog.reject)
    for keys in ("Ctrl+Return", "Ctrl+Enter", "Ctrl+S"):
        QShortcut(QKeySequence(keys), dialog, save)
    return buttons, save_button


def lay_out_saving_form(
    dialog: QDialog, summary: QWidget, content: QWidget, save: Callable[[], object], tooltip: str
) -> tuple[QDialogButtonBox, QPushButton]:
    """The error summary on top, the fields scrolling (to whichever gets the keyboard), and
    « Enregistrer » / « Annuler » always in view below them."""
    scroll = QScrollArea()
    scroll.setWidgetResizable(True)
    scroll.setWidget(content)
    scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    follow_focus(scroll)
    buttons, save_button = save_buttons(dialog, save)
    save_button.setToolTip(tooltip)
    layout = QVBoxLayout(dialog)
    layout.addWidget(summary)
    layout.addWidget(scroll, 1)
    layout.addWidget(buttons)
    return buttons, save_button


def no_default_button(dialog: QDialog) -> None:
    """Enter in a field must never save by surprise: only the explicit button or Ctrl+Enter."""
    for button in dialog.findChildren(QPushButton):
        button.setAutoDefault(False)
        button.setDefault(False)


def swallow_plain_enter(event: QKeyEvent) -> bool:
    """Accept (and so drop) Enter without Ctrl, for a dialog's keyPressEvent.

    Enter in a field must never save by surprise (QDialogButtonBox makes "Enregistrer" the
    default button when shown): saving is Ctrl+Enter or the button itself.
    """
    if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not (
        event.modifiers() & Qt.KeyboardModifier.ControlModifier
    ):
        event.accept()
        return True
    return False


FOCUS_STYLE = """
QLineEdit:focus, QPlainTextEdit:focus, QComboBox:focus, QDateEdit:focus, QTimeEdit:focus,
QSpinBox:focus, QListWidget:focus, QPushButton:focus, QCheckBox:focus {
    border: 2px solid #1565c0;
}
QLabel#errorSummary { color: #b00020; background: #fdecea; padding: 6px; }
"""


def to_qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def from_qdate(day: QDate) -> dt.date:
    return dt.date(day.year(), day.month(), day.day())


def rounded_now() -> dt.time:
    now = i18n.now()
    return dt.time(now.hour, now.minute - now.minute % 5)


class ActivityForm(AsksBeforeDiscarding, QDialog):
    """Base of both forms; subclasses add their own sections in `build_specific()`."""

    saved = Signal(object)  # the activity's id, once committed
    KIND = "individual"

    def __init__(
        self,
        ctx: AppContext,
        activity_id: uuid.UUID | None = None,
        parent: QWidget | None = None,
        day: dt.date | None = None,
        start: dt.time | None = None,
        status: str = "done",
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.activity_id = activity_id
        self.loaded: acts.LoadedActivity | None = None
        self.already_box: QMessageBox | None = None  # « Déjà enregistré », while it asks
        self._shown_once = False
        self.setStyleSheet(FOCUS_STYLE + ERROR_STYLE)
        self.setSizeGripEnabled(True)

        self.summary = QLabel()
        self.summary.setObjectName("errorSummary")
        self.summary.setWordWrap(True)
        self.summary.hide()
        self.errors = FieldErrors(self.summary)

        content = QWidget()
        self.content_layout = QVBoxLayout(content)
        self.build_specific_top()
        self._build_when(day, start, status)
        self._build_where()
        self._build_what()
        self.build_specific_bottom()
        self._build_notes()
        self.content_layout.addStretch(1)
        self.buttons, self.save_button = lay_out_saving_form(
            self, self.summary, content, self.save, self.tr("Enregistrer (Ctrl+Entrée)")
        )
        if activity_id is not None:
            self._load(activity_id)
        no_default_button(self)
        fit_to_screen(self, QSize(820, 860))

    def first_field(self) -> QWidget:
        return self.date_edit

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if not self._shown_once:
            self._shown_once = True
            self.remember_state()  # Échap, × or « Annuler » ask first once something changes
            self.activateWindow()
            self.first_field().setFocus(Qt.FocusReason.OtherFocusReason)

    def keyPressEvent(self, event) -> None:
        if swallow_plain_enter(event):
            return
        super().keyPressEvent(event)

    def current_state(self) -> tuple[object, ...]:
        # The chosen person or the registered list are not all in the fields' texts.
        return (*super().current_state(), repr(self.participants()))

    # ---- sections ---------------------------------------------------------------
    def section(self, title: str) -> QFormLayout:
        box = QGroupBox(title)
        form = QFormLayout(box)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.content_layout.addWidget(box)
        return form

    def build_specific_top(self) -> None:
        """Sections shown before the date (the beneficiary, the workshop's title)."""

    def build_specific_bottom(self) -> None:
        """Sections shown after the themes."""

    def _build_when(self, day: dt.date | None, start: dt.time | None, status: str) -> None:
        form = self.section(self.tr("Quand"))
        self.date_edit = DateField(to_qdate(day or i18n.today()))
        self.errors.add_row(form, self.tr("&Date"), self.date_edit, "date")
        self.time_edit = TimeField()
        t = start or rounded_now()
        self.time_edit.setTime(QTime(t.hour, t.minute))
        self.errors.add_row(form, self.tr("&Heure de début"), self.time_edit, "start_time")
        self.duration = DurationPicker()
        self.duration.set_minutes(self.ctx.settings.get(st.LAST_DURATIONS[self.KIND]))
        self.errors.add_row(form, self.tr("D&urée"), self.duration, "duration_min")
        self.status_combo = ChoiceCombo(v.ACTIVITY_STATUSES, empty=None)
        self.status_combo.set_code(status)
        self.errors.add_row(form, self.tr("S&tatut"), self.status_combo, "status")

    def _build_where(self) -> None:
        form = self.section(self.tr("Où"))
        self.place = PlaceFields(self.ctx, form, self.errors)
        self.place_type, self.venue, self.commune = (
            self.place.place_type,
            self.place.venue,
            self.place.commune,
        )
        self.no_venue_hint = self.place.no_venue_hint

    def _build_what(self) -> None:
        form = self.section(self.tr("Quoi"))
        self.what_form = form
        self.themes = ChoiceChecklist(v.THEMES, columns=2)
        self.errors.add_row(form, self.tr("Thémati&ques"), self.themes, "themes")
        self.admin_themes = ChoiceChecklist(v.ADMIN_THEMES, columns=2)
        self.admin_label = self.errors.add_row(
            form, self.tr("Dé&marches administratives"), self.admin_themes, "admin_themes"
        )
        self.procedure = QLineEdit()
        self.procedure.setPlaceholderText(self.tr("ex. demande de RSA, carte grise…"))
        self.procedure_label = self.errors.add_row(
            form, self.tr("Nom de la démarche"), self.procedure, "procedure_name"
        )
        # The flag only: the mandate and its journal stay in Aidants Connect.
        self.aidants_connect = QCheckBox(self.tr("Réalisée sous mandat Aidants Connect"))
        self.aidants_connect_label = self.errors.add_row(
            form, self.tr("Aidants Connect"), self.aidants_connect, "aidants_connect"
        )
        self.equipment = ChoiceChecklist(v.EQUIPMENT, columns=3)
        self.errors.add_row(form, self.tr("Matériel utilisé"), self.equipment, "equipment")
        self.themes.changed.connect(self._themes_changed)
        self._themes_changed()

    def _themes_changed(self) -> None:
        admin = v.ADMIN_HELP_THEME in self.themes.codes()
        self.what_form.setRowVisible(self.admin_label, admin)
        self.what_form.setRowVisible(self.procedure_label, admin)
        self.what_form.setRowVisible(self.aidants_connect_label, admin)

    def _build_notes(self) -> None:
        form = self.section(self.tr("Notes"))
        self.notes = QPlainTextEdit()
        self.notes.setTabChangesFocus(True)
        self.notes.setFixedHeight(self.fontMetrics().height() * 4 + 12)
        self.errors.add_row(form, self.tr("N&otes"), self.notes, "notes")

    # ---- data -------------------------------------------------------------------
    def collect(self) -> ActivityData:
        place, venue_id, commune, postcode, insee = self.place.values()
        admin = v.ADMIN_HELP_THEME in self.themes.codes()
        t, day = self.time_edit.time(), self.date_edit.date()
        base = self.loaded.data if self.loaded else ActivityData()
        data = ActivityData(
            type=self.KIND,
            status=self.status_combo.code() or "done",
            advisor_id=base.advisor_id or self.ctx.advisor_id,
            # Not understood (said by `typed_errors`): nothing is saved, so any value will do.
            date=from_qdate(day) if day.isValid() else i18n.today(),
            start_time=dt.time(t.hour(), t.minute()) if t.isValid() else None,
            duration_min=self.duration.minutes(),
            place_type=place,
            venue_id=venue_id,
            commune=commune,
            postcode=postcode,
            insee_code=insee,
            themes=self.themes.codes(),
            admin_themes=self.admin_themes.codes() if admin else [],
            procedure_name=self.procedure.text().strip() if admin else "",
            aidants_connect=self.aidants_connect.isChecked() if admin else False,
            equipment=self.equipment.codes(),
            notes=self.notes.toPlainText().strip(),
        )
        self.collect_specific(data)
        return data

    def collect_specific(self, data: ActivityData) -> None:
        raise NotImplementedError

    def participants(self) -> list[acts.ParticipantInput]:
        raise NotImplementedError

    def extra_errors(self) -> list[FieldError]:
        return []

    def typed_errors(self) -> list[FieldError]:
        """A date or time typed in a way the form did not understand (never guessed)."""
        typed = (("date", self.date_edit.error()), ("start_time", self.time_edit.error()))
        return [FieldError(field, message) for field, message in typed if message]

    def _load(self, activity_id: uuid.UUID) -> None:
        loaded = self.ctx.read_now(lambda s: acts.load_activity(s, activity_id))
        self.loaded = loaded
        d = loaded.data
        self.date_edit.setDate(to_qdate(d.date))
        if d.start_time is not None:
            self.time_edit.setTime(QTime(d.start_time.hour, d.start_time.minute))
        self.duration.set_minutes(d.duration_min)
        self.status_combo.set_code(d.status)
        self.place.set_values((d.place_type, d.venue_id, d.commune, d.postcode, d.insee_code))
        self.themes.set_codes(d.themes)
        self.admin_themes.set_codes(d.admin_themes)
        self.procedure.setText(d.procedure_name)
        self.aidants_connect.setChecked(d.aidants_connect)
        self.equipment.set_codes(d.equipment)
        self.notes.setPlainText(d.notes)
        self.load_specific(loaded)

    def load_specific(self, loaded: acts.LoadedActivity) -> None:
        raise NotImplementedError

    # ---- saving -----------------------------------------------------------------
    def save(self) -> None:
        if not self.save_button.isEnabled() or self.already_box is not None:
            return  # a save is already on its way
        data = self.collect()
        participants = self.participants()
        extra = self.typed_errors() + self.extra_errors()
        # The form's own message about a field is more precise than the generic rule's.
        precise = {e.field for e in extra}
        errors = extra + [e for e in activity_errors(data, len(participants)) if e.field not in precise]
        if errors:
            self.errors.show(errors)
            return
        self.errors.clear()
        if self._ask_if_already_recorded(data, participants):
            return
        self._write(data, participants)

    def _ask_if_already_recorded(self, data: ActivityData, participants: list[acts.ParticipantInput]) -> bool:
        """« Déjà enregistré »: the same person at the same day and minute in another activity
        (the same visit saved twice, most likely) asks before saving; True while it asks."""
        ids = [p.beneficiary_id for p in participants if p.beneficiary_id is not None]
        activity_id = self.activity_id
        names = self.ctx.read_now(
            lambda s: acts.already_recorded(s, ids, data.date, data.start_time, activity_id)
        )
        if not names:
            return False
        box = self.already_box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("Déjà enregistré"))
        when = f"{i18n.format_date(data.date)} {i18n.format_time(data.start_time)}" if data.date else ""
        box.setText(
            self.tr("Déjà enregistré : {0} a déjà une activité le {1}.").format(", ".join(names), when)
        )
        box.setInformativeText(self.tr("Est-ce une autre activité, à enregistrer aussi ?"))
        save_anyway = box.addButton(self.tr("&Enregistrer quand même"), QMessageBox.ButtonRole.AcceptRole)
        back = box.addButton(self.tr("&Revenir au formulaire"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(back)
        box.setEscapeButton(back)

        def answered() -> None:
            self.already_box = None
            if box.clickedButton() is save_anyway:
                self._write(data, participants)

        box.finished.connect(answered)
        box.open()
        return True

    def _write(self, data: ActivityData, participants: list[acts.ParticipantInput]) -> None:
        self.save_button.setEnabled(False)
        activity_id = self.activity_id
        self.ctx.write(
            lambda s: acts.save_activity(s, data, participants, activity_id),
            lambda new_id: self._saved(new_id, data),
            self._failed,
            owner=self,
            # A walk-in or a new registration may be a person the picker just created: that
            # write said so itself; the activity's own fields are activities.
            changes=Changes(activities=True),
        )

    def _saved(self, activity_id: uuid.UUID, data: ActivityData) -> None:
        self.activity_id = activity_id
        self.ctx.settings.set(st.LAST_DURATIONS[data.type], data.duration_min)
        self.saved.emit(activity_id)
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self.save_button.setEnabled(True)
        if isinstance(error, ValidationError):
            self.errors.show(error.errors)
            return
        QMessageBox.critical(
            self,
            self.tr("Enregistrement impossible"),
            self.tr("L'activité n'a pas été enregistrée : {0}").format(error),
        )


def check_box(text: str) -> QCheckBox:
    box = QCheckBox(text)
    box.setAccessibleName(text.replace("&", ""))
    return box
