"""« Nouveau cycle d'ateliers… »: a workshop series created once with its sessions' dates
and times and its participants (each registered for every session), and « Inscrire au
cycle… » for a person who joins later (the remaining sessions only). `store.series` does
the work; the sessions are then ordinary workshops (Émargement per session, sheets)."""

from __future__ import annotations

import datetime as dt
import uuid

from PySide6.QtCore import QDate, QSize, Qt, QTime, Signal
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from stpaul_field.domain import values as v
from stpaul_field.domain.entities import SeriesData, SessionSlot
from stpaul_field.domain.validation import FieldError, ValidationError, series_errors
from stpaul_field.store import series
from stpaul_field.ui import i18n
from stpaul_field.ui.activity_form.base import (
    FOCUS_STYLE,
    from_qdate,
    lay_out_saving_form,
    no_default_button,
    swallow_plain_enter,
    to_qdate,
)
from stpaul_field.ui.context import AppContext, Changes
from stpaul_field.ui.screen_fit import fit_to_screen
from stpaul_field.ui.widgets.beneficiary_picker import BeneficiaryPicker
from stpaul_field.ui.widgets.checklist import ChoiceChecklist
from stpaul_field.ui.widgets.choice_combo import ChoiceCombo
from stpaul_field.ui.widgets.field_errors import ERROR_STYLE, FieldErrors
from stpaul_field.ui.widgets.place_fields import PlaceFields
from stpaul_field.ui.widgets.registered_people import RegisteredPeople
from stpaul_field.ui.widgets.typed_fields import DateField, TimeField
from stpaul_field.ui.widgets.unsaved import AsksBeforeDiscarding

DEFAULT_START, DEFAULT_END = dt.time(9, 0), dt.time(11, 0)
WEEK = dt.timedelta(weeks=1)


class SessionsTable(QTableWidget):
    """One row per session: its date, start and end, typed as in the forms."""

    DATE, START, END = range(3)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, 3, parent)
        self.setHorizontalHeaderLabels([self.tr("Date"), self.tr("Début"), self.tr("Fin")])
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 16)
        self.setAccessibleName(self.tr("Séances du cycle"))
        self.setMinimumHeight(self.fontMetrics().height() * 9)

    def add_session(
        self, day: dt.date | None = None, start: dt.time | None = None, end: dt.time | None = None
    ):
        """A new row; by default a week after the last session, at the same hours."""
        last = self.slots()[-1] if self.rowCount() else None
        if day is None:
            day = last.date + WEEK if last is not None and last.date else i18n.today()
        start = start or (last.start_time if last and last.start_time else DEFAULT_START)
        end = end or (last.end_time if last and last.end_time else DEFAULT_END)
        row = self.rowCount()
        self.insertRow(row)
        date_field = DateField(to_qdate(day))
        start_field, end_field = TimeField(), TimeField()
        start_field.setTime(QTime(start.hour, start.minute))
        end_field.setTime(QTime(end.hour, end.minute))
        for col, widget in ((self.DATE, date_field), (self.START, start_field), (self.END, end_field)):
            self.setCellWidget(row, col, widget)
        self.setCurrentCell(row, self.DATE)

    def remove_current(self) -> None:
        row = self.currentRow()
        if row >= 0:
            self.removeRow(row)

    def slots(self) -> list[SessionSlot]:
        out = []
        for row in range(self.rowCount()):
            day = self.cellWidget(row, self.DATE).date()  # type: ignore[union-attr]
            start = self.cellWidget(row, self.START).time()  # type: ignore[union-attr]
            end = self.cellWidget(row, self.END).time()  # type: ignore[union-attr]
            out.append(SessionSlot(_day(day), _time(start), _time(end)))
        return out

    def typed_errors(self) -> list[FieldError]:
        """A date or hour typed in a way the fields did not understand (never guessed)."""
        for row in range(self.rowCount()):
            for col in (self.DATE, self.START, self.END):
                message = self.cellWidget(row, col).error()  # type: ignore[union-attr]
                if message:
                    return [FieldError("sessions", self.tr("Séance {0} : {1}").format(row + 1, message))]
        return []


def _day(day: QDate) -> dt.date | None:
    return from_qdate(day) if day.isValid() else None


def _time(t: QTime) -> dt.time | None:
    return dt.time(t.hour(), t.minute()) if t.isValid() else None


class SeriesDialog(AsksBeforeDiscarding, QDialog):
    """Nouveau cycle d'ateliers: title, level, place, themes, equipment, sessions, people."""

    saved = Signal(object)  # the series' id, once committed

    def __init__(self, ctx: AppContext, parent: QWidget | None = None, sessions: int = 2) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._shown_once = False
        self.setWindowTitle(self.tr("Nouveau cycle d'ateliers"))
        self.setStyleSheet(FOCUS_STYLE + ERROR_STYLE)
        self.setSizeGripEnabled(True)
        self.summary = QLabel()
        self.summary.setObjectName("errorSummary")
        self.summary.setWordWrap(True)
        self.summary.hide()
        self.errors = FieldErrors(self.summary)

        content = QWidget()
        self.content_layout = QVBoxLayout(content)
        form = self._section(self.tr("Cycle"))
        self.title_edit = QLineEdit()
        self.title_edit.setPlaceholderText(self.tr("ex. Découvrir l'ordinateur"))
        self.errors.add_row(form, self.tr("T&itre"), self.title_edit, "title")
        self.level = ChoiceCombo(v.WORKSHOP_LEVELS)
        self.errors.add_row(form, self.tr("Nive&au"), self.level, "level")

        self.place = PlaceFields(ctx, self._section(self.tr("Où")), self.errors)
        what = self._section(self.tr("Quoi"))
        self.themes = ChoiceChecklist(v.THEMES, columns=2)
        self.errors.add_row(what, self.tr("Thémati&ques"), self.themes, "themes", "admin_themes")
        self.equipment = ChoiceChecklist(v.EQUIPMENT, columns=3)
        self.errors.add_row(what, self.tr("Matériel utilisé"), self.equipment, "equipment")

        when = self._section(self.tr("Séances"))
        self.sessions = SessionsTable()
        self.errors.add_row(
            when, self.tr("&Dates et heures"), self.sessions, "sessions", "date", "duration_min"
        )
        add = QPushButton(self.tr("A&jouter une séance"))
        add.setToolTip(self.tr("Une semaine après la dernière, aux mêmes heures"))
        add.clicked.connect(lambda: self.sessions.add_session())
        remove = QPushButton(self.tr("Re&tirer la séance"))
        remove.clicked.connect(self.sessions.remove_current)
        buttons_row = QWidget()
        row = QHBoxLayout(buttons_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(add)
        row.addWidget(remove)
        row.addStretch(1)
        when.addRow("", buttons_row)
        for _ in range(sessions):
            self.sessions.add_session()

        people = self._section(self.tr("Participants inscrits à toutes les séances"))
        self.picker = BeneficiaryPicker(ctx)
        self.picker.search.setAccessibleName(self.tr("Inscrire un participant : rechercher"))
        self.errors.add_row(people, self.tr("In&scrire"), self.picker, "participants", "beneficiary")
        self.people = RegisteredPeople()
        people.addRow(self.tr("Liste"), self.people)
        people.addRow("", self.people.count_label)
        self.picker.picked.connect(self._picked)
        self.content_layout.addStretch(1)

        self.buttons, self.save_button = lay_out_saving_form(
            self,
            self.summary,
            content,
            self.save,
            self.tr("Enregistrer le cycle et ses séances (Ctrl+Entrée)"),
        )
        no_default_button(self)
        fit_to_screen(self, QSize(820, 860))

    def _section(self, title: str) -> QFormLayout:
        box = QGroupBox(title)
        form = QFormLayout(box)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.content_layout.addWidget(box)
        return form

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if not self._shown_once:
            self._shown_once = True
            self.remember_state()
            self.activateWindow()
            self.title_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def keyPressEvent(self, event) -> None:
        if swallow_plain_enter(event):
            return
        super().keyPressEvent(event)

    def current_state(self) -> tuple[object, ...]:
        return (*super().current_state(), repr(self.sessions.slots()))

    def _picked(self, beneficiary_id: uuid.UUID, name: str) -> None:
        self.people.add(beneficiary_id, name)
        self.picker.setFocus()  # the next person

    def collect(self) -> SeriesData:
        place_type, venue_id, commune, postcode, insee = self.place.values()
        return SeriesData(
            advisor_id=self.ctx.advisor_id,
            title=self.title_edit.text().strip(),
            themes=self.themes.codes(),
            level=self.level.code(),
            place_type=place_type,
            venue_id=venue_id,
            commune=commune,
            postcode=postcode,
            insee_code=insee,
            equipment=self.equipment.codes(),
        )

    def save(self) -> None:
        if not self.save_button.isEnabled():
            return  # a save is on its way
        data, slots, people = self.collect(), self.sessions.slots(), self.people.ids()
        typed = self.sessions.typed_errors()
        errors = typed + [e for e in series_errors(data, slots) if not (typed and e.field == "sessions")]
        if not people:
            errors.append(FieldError("participants", self.tr("Inscrivez au moins un participant au cycle.")))
        if errors:
            self.errors.show(errors)
            return
        self.errors.clear()
        self.save_button.setEnabled(False)
        self.ctx.write(
            lambda s: series.create_series(s, data, slots, people),
            self._saved,
            self._failed,
            owner=self,
            changes=Changes(activities=True, series=True),
        )

    def _saved(self, series_id: uuid.UUID) -> None:
        self.saved.emit(series_id)
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self.save_button.setEnabled(True)
        if isinstance(error, ValidationError):
            self.errors.show(error.errors)
            return
        QMessageBox.critical(
            self,
            self.tr("Enregistrement impossible"),
            self.tr("Le cycle n'a pas été enregistré : {0}").format(error),
        )


class JoinSeriesDialog(QDialog):
    """« Inscrire au cycle… »: a person who joins a series late, for its remaining sessions."""

    joined = Signal(int)  # how many sessions

    def __init__(self, ctx: AppContext, series_id: uuid.UUID, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.series_id = series_id
        self.setWindowTitle(self.tr("Inscrire au cycle"))
        self.setStyleSheet(FOCUS_STYLE + ERROR_STYLE)
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(self.tr("La personne est inscrite aux séances qui restent (pas aux passées)."))
        )
        self.picker = BeneficiaryPicker(ctx)
        self.picker.search.setAccessibleName(self.tr("Inscrire au cycle : rechercher"))
        layout.addWidget(self.picker)
        self.error = QLabel()
        self.error.setObjectName("fieldError")
        self.error.setWordWrap(True)
        self.error.hide()
        layout.addWidget(self.error)
        self.picker.picked.connect(self._picked)
        fit_to_screen(self, QSize(520, 360))

    def _picked(self, beneficiary_id: uuid.UUID, _name: str) -> None:
        series_id = self.series_id
        self.ctx.write(
            lambda s: series.add_participant(s, series_id, beneficiary_id),
            self._done,
            self._failed,
            owner=self,
            changes=Changes(activities=True, series=True),
        )

    def _done(self, count: int) -> None:
        self.joined.emit(count)
        self.accept()

    def _failed(self, error: BaseException) -> None:
        if isinstance(error, ValidationError):
            self.error.setText(" ".join(e.message for e in error.errors))
            self.error.show()
            return
        QMessageBox.critical(
            self,
            self.tr("Inscription impossible"),
            self.tr("La personne n'a pas été inscrite au cycle : {0}").format(error),
        )
