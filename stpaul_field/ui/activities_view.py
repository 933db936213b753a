"""The activities list: filtered by period, type, venue, theme; sorted in SQL; paged lazily.

`ActivitiesModel` is a `PagedModel` (shared with the register) over `store.activities`. A new filter
or sort asks the store, off the UI thread, for the matching ids in order (SQL computes only
the sort keys) and the first page; scrolling then asks for the next `PAGE` rows by
primary key (canFetchMore/fetchMore), also off the UI thread, and inserts them on arrival.
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from stpaul_field.domain import values as v
from stpaul_field.store import activities as acts
from stpaul_field.ui import i18n
from stpaul_field.ui.activity_form.base import FOCUS_STYLE, from_qdate, to_qdate
from stpaul_field.ui.context import AppContext, Changes
from stpaul_field.ui.widgets.choice_combo import ChoiceCombo
from stpaul_field.ui.widgets.columns import RIGHT, Column, column_number
from stpaul_field.ui.widgets.list_keys import bind_list_keys
from stpaul_field.ui.widgets.paged_model import Page, PagedModel, PageWork
from stpaul_field.ui.widgets.undo_bar import UndoBar
from stpaul_field.ui.widgets.venue_combo import VenueCombo

AWAITING = QColor("#b45309")  # « Émargement à saisir »: to do, not an error


def _who(row: acts.ActivityRow) -> str:
    if row.type != "workshop":
        return row.beneficiary
    if row.session_number is not None:
        return QCoreApplication.translate("ActivitiesModel", "{0} — séance {1}").format(
            row.title, row.session_number
        )
    return row.title


def _status(row: acts.ActivityRow) -> str:
    if row.awaiting_attendance:
        return QCoreApplication.translate("ActivitiesModel", "Émargement à saisir")
    return i18n.label(v.ACTIVITY_STATUSES, row.status)


# The list's columns, in order (adding one is one line here); QT_TRANSLATE_NOOP
# lets lupdate find the headers, which headerData() translates.
COLUMNS: tuple[Column[acts.ActivityRow], ...] = (
    Column(
        "date",
        QT_TRANSLATE_NOOP("ActivitiesModel", "Date"),
        lambda r: i18n.format_date(r.date),
        sort_key="date",
    ),
    Column(
        "time",
        QT_TRANSLATE_NOOP("ActivitiesModel", "Heure"),
        lambda r: i18n.format_time(r.start_time),
        sort_key="date",
    ),
    Column(
        "type",
        QT_TRANSLATE_NOOP("ActivitiesModel", "Type"),
        lambda r: i18n.label(v.ACTIVITY_TYPES, r.type),
        sort_key="type",
    ),
    Column("who", QT_TRANSLATE_NOOP("ActivitiesModel", "Bénéficiaire / atelier"), _who, sort_key="title"),
    Column(
        "participants",
        QT_TRANSLATE_NOOP("ActivitiesModel", "Participants"),
        lambda r: str(r.participants),
        "participants",
        RIGHT,
    ),
    Column(
        "duration",
        QT_TRANSLATE_NOOP("ActivitiesModel", "Durée"),
        lambda r: v.duration_label(r.duration_min),
        "duration",
        RIGHT,
    ),
    Column("venue", QT_TRANSLATE_NOOP("ActivitiesModel", "Lieu"), lambda r: r.venue, sort_key="venue"),
    Column(
        "themes",
        QT_TRANSLATE_NOOP("ActivitiesModel", "Thématiques"),
        lambda r: ", ".join(i18n.label(v.THEMES, t) for t in r.themes),
    ),
    Column(
        "status",
        QT_TRANSLATE_NOOP("ActivitiesModel", "Statut"),
        _status,
        sort_key="status",
        foreground=lambda r: QBrush(AWAITING) if r.awaiting_attendance else None,
    ),
)


class ActivitiesModel(PagedModel[acts.ActivityRow]):
    """The Activités list, a page at a time in the list's order (each page read from the sort
    key's index), with the count of every match."""

    PAGE = 100

    @staticmethod
    def column(name: str) -> int:
        return column_number(COLUMNS, name)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, COLUMNS, "ActivitiesModel", parent)
        self.filter = acts.ActivityFilter()
        self.sort_key = "date"
        self.descending = True

    def set_filter(self, flt: acts.ActivityFilter) -> None:
        self.filter = flt
        self.reload()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        key = COLUMNS[column].sort_key if 0 <= column < len(COLUMNS) else None
        if key is None:
            return
        self.sort_key = key
        self.descending = order == Qt.SortOrder.DescendingOrder
        self.reload()

    # The cursor is how many rows have been read: each page is the next LIMIT of the sorted
    # list, from the sort key's index; a change in the store reloads the list from the top.
    def first_page(self) -> PageWork:
        flt, key, desc, page = self.filter, self.sort_key, self.descending, self.PAGE

        def work(s: Session) -> Page[acts.ActivityRow]:
            total = acts.count_activities(s, flt)
            rows = acts.list_activities(s, flt, key, desc, limit=page)
            return Page(rows, len(rows) < total, len(rows), total)

        return work

    def next_page(self, cursor: int) -> PageWork:
        flt, key, desc, page, total = self.filter, self.sort_key, self.descending, self.PAGE, self.total

        def work(s: Session) -> Page[acts.ActivityRow]:
            rows = acts.list_activities(s, flt, key, desc, limit=page, offset=cursor)
            done = cursor + len(rows)
            return Page(rows, bool(rows) and done < total, done)

        return work

    def extra_data(self, row: acts.ActivityRow, role: int) -> Any:
        if role == Qt.ItemDataRole.FontRole and row.status == "cancelled":
            font = QFont()
            font.setStrikeOut(True)
            return font
        return None

    def display(self, row: acts.ActivityRow, col: int) -> str:
        return COLUMNS[col].display(row)


PERIODS = ("today", "week", "month", "last_month", "year", "all", "custom")


def period_range(period: str, today: dt.date) -> tuple[dt.date | None, dt.date | None]:
    if period == "today":
        return today, today
    if period == "week":
        start = today - dt.timedelta(days=today.weekday())
        return start, start + dt.timedelta(days=6)
    if period == "month":
        start = today.replace(day=1)
        return start, (start + dt.timedelta(days=32)).replace(day=1) - dt.timedelta(days=1)
    if period == "last_month":
        end = today.replace(day=1) - dt.timedelta(days=1)
        return end.replace(day=1), end
    if period == "year":
        return dt.date(today.year, 1, 1), dt.date(today.year, 12, 31)
    return None, None


class ActivitiesView(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setStyleSheet(FOCUS_STYLE)
        self.model = ActivitiesModel(ctx, self)
        self._dirty = True

        self.period = QComboBox()
        period_names = {
            "today": self.tr("Aujourd'hui"),
            "week": self.tr("Cette semaine"),
            "month": self.tr("Ce mois-ci"),
            "last_month": self.tr("Le mois dernier"),
            "year": self.tr("Cette année"),
            "all": self.tr("Tout"),
            "custom": self.tr("Du … au …"),
        }
        for key in PERIODS:
            self.period.addItem(period_names[key], key)
        self.period.setCurrentIndex(PERIODS.index("month"))
        self.date_from = QDateEdit()
        self.date_to = QDateEdit()
        for edit in (self.date_from, self.date_to):
            edit.setDisplayFormat(i18n.DATE_FORMAT)
            edit.setCalendarPopup(True)
        self.type_filter = ChoiceCombo(v.ACTIVITY_TYPES, empty=self.tr("Tous les types"))
        self.venue_filter = VenueCombo(ctx, allow_none=self.tr("Tous les lieux"))
        self.theme_filter = ChoiceCombo(v.THEMES, empty=self.tr("Toutes les thématiques"))
        self.status_filter = ChoiceCombo(v.ACTIVITY_STATUSES, empty=self.tr("Tous les statuts"))
        self.awaiting_filter = QCheckBox(self.tr("Émar&gement à saisir"))
        self.awaiting_filter.setToolTip(
            self.tr(
                "Ateliers passés dont personne n'a marqué la présence : leurs inscrits ne comptent pas encore"
            )
        )

        # Rows of filters, so that the list fits a small laptop screen at 125 %.
        filters = QGridLayout()
        placed = (
            (0, 0, self.tr("&Période"), self.period),
            (0, 2, self.tr("du"), self.date_from),
            (0, 4, self.tr("au"), self.date_to),
            (1, 0, self.tr("T&ype"), self.type_filter),
            (1, 2, self.tr("L&ieu"), self.venue_filter),
            (2, 0, self.tr("T&hématique"), self.theme_filter),
            (2, 2, self.tr("Stat&ut"), self.status_filter),
        )
        for row, col, text, widget in placed:
            label = QLabel(text)
            label.setBuddy(widget)
            widget.setAccessibleName(text.replace("&", ""))
            if isinstance(widget, QComboBox):
                widget.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
                widget.setMinimumContentsLength(12)
            filters.addWidget(label, row, col)
            filters.addWidget(widget, row, col + 1)
        filters.addWidget(self.awaiting_filter, 2, 4, 1, 2)
        filters.setColumnStretch(6, 1)

        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Activités"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setSortingEnabled(True)
        self.table.horizontalHeader().setSortIndicator(
            ActivitiesModel.column("date"), Qt.SortOrder.DescendingOrder
        )
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().hide()
        # One line a row, all of the same height: long lists scroll without measuring rows.
        self.table.setWordWrap(False)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        self.table.setAlternatingRowColors(True)
        self.table.setTabKeyNavigation(False)
        for col, width in ((0, 90), (1, 55), (2, 170), (3, 220), (4, 90), (5, 70), (6, 200), (7, 260)):
            self.table.setColumnWidth(col, width)
        self.table.doubleClicked.connect(self.open_current)
        bind_list_keys(self, self.table, self.open_current, self.delete_current, self.undo)
        self.setFocusProxy(self.table)  # Ctrl+3 puts the keyboard in the list

        self.count_label = QLabel()
        new_individual = QPushButton(self.tr("&Nouvel accompagnement"))
        new_workshop = QPushButton(self.tr("Nouvel a&telier"))
        self.attendance_button = QPushButton(self.tr("É&margement…"))
        self.sheet_button = QPushButton(self.tr("Feuille à imp&rimer…"))
        self.sheet_button.setToolTip(self.tr("Feuille d'émargement de l'atelier choisi"))
        self.sheet_button.clicked.connect(self.print_sheet)
        self.delete_button = QPushButton(self.tr("&Supprimer"))
        new_series = QPushButton(self.tr("Nouveau &cycle d'ateliers…"))
        new_series.setToolTip(
            self.tr("Un cycle de séances, créé une fois avec ses dates et ses participants")
        )
        new_series.clicked.connect(self.new_series)
        self.join_series_button = QPushButton(self.tr("Inscrire au cyc&le…"))
        self.join_series_button.setToolTip(self.tr("Inscrire une personne aux séances qui restent du cycle"))
        self.join_series_button.clicked.connect(self.join_series)
        self.cycle_sheet_button = QPushButton(self.tr("Feuille du cycl&e…"))
        self.cycle_sheet_button.setToolTip(
            self.tr("Une ligne par personne, une case de signature par séance du cycle")
        )
        self.cycle_sheet_button.clicked.connect(self.print_cycle_sheet)
        new_individual.clicked.connect(lambda: self._new("individual"))
        new_workshop.clicked.connect(lambda: self._new("workshop"))
        self.attendance_button.clicked.connect(self.open_attendance)
        self.delete_button.clicked.connect(self.delete_current)
        # A button that would do nothing says so: greyed until a row (a workshop) is chosen.
        self.table.selectionModel().currentRowChanged.connect(self._update_buttons)
        self.model.modelReset.connect(self._update_buttons)
        self.model.layoutChanged.connect(self._update_buttons)
        # A reload (after a save, a sync, a filter) keeps the chosen activity; the keyboard
        # in the list always has a row to act on.
        self._kept: uuid.UUID | None = None
        self.model.modelAboutToBeReset.connect(self._remember_current)
        self.model.loaded.connect(self._restore_current)
        self._update_buttons()
        # Two short rows of buttons so that the view fits a small screen at 125 %.
        creating = QHBoxLayout()
        creating.addWidget(self.count_label, 1)
        creating.addWidget(new_individual)
        creating.addWidget(new_workshop)
        creating.addWidget(new_series)
        actions = QHBoxLayout()
        actions.addStretch(1)
        for b in (
            self.join_series_button,
            self.cycle_sheet_button,
            self.attendance_button,
            self.sheet_button,
            self.delete_button,
        ):
            actions.addWidget(b)

        self.undo_bar = UndoBar()
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.undo_bar)
        layout.addLayout(creating)
        layout.addWidget(self.table, 1)
        layout.addLayout(actions)

        self.period.currentIndexChanged.connect(self._period_changed)
        for combo in (self.type_filter, self.venue_filter, self.theme_filter, self.status_filter):
            combo.currentIndexChanged.connect(self.apply_filter)
        self.awaiting_filter.toggled.connect(self.apply_filter)
        self.date_from.dateChanged.connect(self._dates_edited)
        self.date_to.dateChanged.connect(self._dates_edited)
        self.model.loaded.connect(self._update_count)
        ctx.data_changed.connect(self._data_changed)
        self._period_changed()

    def activated(self) -> None:
        """Called by the main window when the view is shown."""
        if self._dirty:
            self.apply_filter()

    def concerns(self, changes: Changes) -> bool:
        """What the list shows: activities, their venue, series and person's name."""
        return changes.any("activities", "venues", "series", "beneficiary_names")

    def _data_changed(self, changes: Changes) -> None:
        if not self.concerns(changes):
            return
        if self.isVisible():
            self.apply_filter()
        else:
            self._dirty = True

    def _period_changed(self) -> None:
        period = self.period.currentData()
        start, end = period_range(period, i18n.today())
        custom = period == "custom"
        for edit in (self.date_from, self.date_to):
            edit.setEnabled(custom)
        if start is not None:
            self._setting_dates = True
            self.date_from.setDate(to_qdate(start))
            self.date_to.setDate(to_qdate(end))
            self._setting_dates = False
        self.apply_filter()

    def _dates_edited(self) -> None:
        if not getattr(self, "_setting_dates", False) and self.period.currentData() == "custom":
            self.apply_filter()

    def current_filter(self) -> acts.ActivityFilter:
        all_time = self.period.currentData() == "all"
        return acts.ActivityFilter(
            date_from=None if all_time else from_qdate(self.date_from.date()),
            date_to=None if all_time else from_qdate(self.date_to.date()),
            type=self.type_filter.code(),
            status=self.status_filter.code(),
            venue_id=self.venue_filter.venue_id(),
            theme=self.theme_filter.code(),
            awaiting_attendance_on=i18n.today() if self.awaiting_filter.isChecked() else None,
        )

    def show_awaiting_attendance(self, first_day: dt.date, last_day: dt.date) -> None:
        """The workshops of these days whose attendance is to be marked (the Rapports' link)."""
        widgets = (self.period, self.type_filter, self.venue_filter, self.theme_filter, self.status_filter)
        for widget in (*widgets, self.awaiting_filter, self.date_from, self.date_to):
            widget.blockSignals(True)
        for combo in widgets[1:]:
            combo.setCurrentIndex(0)
        self.period.setCurrentIndex(PERIODS.index("custom"))
        self.date_from.setDate(to_qdate(first_day))
        self.date_to.setDate(to_qdate(last_day))
        self.awaiting_filter.setChecked(True)
        for widget in (*widgets, self.awaiting_filter, self.date_from, self.date_to):
            widget.blockSignals(False)
        for edit in (self.date_from, self.date_to):
            edit.setEnabled(True)
        self.apply_filter()

    def apply_filter(self) -> None:
        self._dirty = False
        self.model.set_filter(self.current_filter())

    def _update_count(self) -> None:
        self.count_label.setText(self.tr("%n activité(s)", "", self.model.total))

    # ---- actions ------------------------------------------------------------------
    def current_id(self) -> uuid.UUID | None:
        index = self.table.currentIndex()
        return self.model.id_at(index.row()) if index.isValid() else None

    def open_current(self) -> None:
        from stpaul_field.ui.activity_form import open_activity

        activity_id = self.current_id()
        if activity_id is not None:
            open_activity(self.ctx, activity_id, self)

    def _remember_current(self) -> None:
        self._kept = self.current_id()

    def _restore_current(self) -> None:
        rows = [r.id for r in self.model.rows]
        row = rows.index(self._kept) if self._kept in rows else -1
        if row < 0 and self.table.hasFocus() and rows:
            row = 0
        if row >= 0:
            self.table.setCurrentIndex(self.model.index(row, 0))

    def _update_buttons(self) -> None:
        index = self.table.currentIndex()
        workshop = index.isValid() and self.model.rows[index.row()].type == "workshop"
        for button in (self.attendance_button, self.sheet_button):
            button.setEnabled(workshop)
        self.delete_button.setEnabled(index.isValid())
        in_series = index.isValid() and self.model.rows[index.row()].series_id is not None
        for button in (self.join_series_button, self.cycle_sheet_button):  # a session of a cycle
            button.setEnabled(in_series)

    def open_attendance(self) -> None:
        from stpaul_field.ui.activity_form.attendance import AttendanceDialog

        index = self.table.currentIndex()
        if index.isValid() and self.model.rows[index.row()].type == "workshop":
            AttendanceDialog(self.ctx, self.model.rows[index.row()].id, self).open()

    def print_sheet(self) -> None:
        from stpaul_field.ui import printing

        index = self.table.currentIndex()
        if index.isValid() and self.model.rows[index.row()].type == "workshop":
            printing.preview_sheets(self, self.ctx, [self.model.rows[index.row()].id])

    def current_series(self) -> uuid.UUID | None:
        """The series of the chosen row, when it is a session of one."""
        index = self.table.currentIndex()
        return self.model.rows[index.row()].series_id if index.isValid() else None

    def new_series(self) -> QWidget:
        from stpaul_field.ui.series_dialog import SeriesDialog

        dialog = SeriesDialog(self.ctx, self)
        dialog.open()
        return dialog

    def join_series(self) -> QWidget | None:
        from stpaul_field.ui.series_dialog import JoinSeriesDialog

        series_id = self.current_series()
        if series_id is None:
            return None
        dialog = JoinSeriesDialog(self.ctx, series_id, self)
        dialog.open()
        return dialog

    def print_cycle_sheet(self) -> None:
        from stpaul_field.ui import printing

        series_id = self.current_series()
        if series_id is not None:
            printing.cycle_sheet(self, self.ctx, series_id, "preview")

    def _new(self, kind: str) -> None:
        from stpaul_field.ui.activity_form import new_activity

        new_activity(self.ctx, kind, self)

    def delete_current(self) -> None:
        activity_id = self.current_id()
        if activity_id is None:
            return
        self.ctx.write(
            lambda s: acts.delete_activity(s, activity_id),
            lambda _stamp: self.undo_bar.offer(
                self.tr("Activité supprimée."), lambda: self._restore(activity_id)
            ),
            owner=self,
            changes=Changes(activities=True),
            what=self.tr("La suppression de l'activité"),
        )

    def _restore(self, activity_id: uuid.UUID) -> None:
        self.ctx.write(
            lambda s: acts.restore_activity(s, activity_id),
            owner=self,
            changes=Changes(activities=True),
            what=self.tr("La restauration de l'activité"),
        )

    def undo(self) -> None:
        if self.undo_bar.can_undo():
            self.undo_bar.undo()
