"""Agenda: today first; day or week; create from a time slot; open to record the outcome.

Keyboard: arrows move between slots, Enter opens what is there (or offers to create an
appointment or a workshop at that time), the context-menu key or Shift+F10 shows the
actions (record the outcome, mark done, cancel, attendance, delete).
"""

from __future__ import annotations

import datetime as dt
import uuid

from PySide6.QtCore import QModelIndex, QPoint, Qt, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from stpaul_field.store import activities as acts
from stpaul_field.ui import i18n
from stpaul_field.ui.activity_form.base import FOCUS_STYLE
from stpaul_field.ui.agenda.agenda_model import AgendaModel
from stpaul_field.ui.context import AppContext, Changes
from stpaul_field.ui.widgets.list_keys import bind_list_keys, table_key
from stpaul_field.ui.widgets.undo_bar import UndoBar

DAY, WEEK = "day", "week"


class AgendaView(QWidget):
    loaded = Signal()  # the shown period's items are on screen

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setStyleSheet(FOCUS_STYLE)
        self.mode = DAY
        self.anchor = i18n.today()
        self.model = AgendaModel(self)
        self._generation = 0

        self.previous_button = QPushButton(self.tr("◀ &Précédent"))
        self.today_button = QPushButton(self.tr("Aujourd'&hui"))
        self.next_button = QPushButton(self.tr("&Suivant ▶"))
        self.title = QLabel()
        self.title.setObjectName("agendaTitle")
        self.title.setStyleSheet("QLabel#agendaTitle { font-size: 13pt; font-weight: bold; }")
        self.day_button = QPushButton(self.tr("&Jour"))
        self.week_button = QPushButton(self.tr("Se&maine"))
        self.day_button.setAccessibleName(self.tr("Vue jour"))
        self.week_button.setAccessibleName(self.tr("Vue semaine"))
        group = QButtonGroup(self)
        for b in (self.day_button, self.week_button):
            b.setCheckable(True)
            group.addButton(b)
        self.day_button.setChecked(True)
        self.team_box = QCheckBox(self.tr("Toute l'é&quipe"))
        self.team_box.setToolTip(self.tr("Montrer aussi les rendez-vous et ateliers des collègues"))
        self.new_button = QPushButton(self.tr("&Nouveau…"))
        self.new_button.setToolTip(self.tr("Nouveau rendez-vous ou atelier au créneau choisi"))
        bar = QHBoxLayout()
        for w in (self.previous_button, self.today_button, self.next_button):
            bar.addWidget(w)
        bar.addStretch(1)
        for w in (self.day_button, self.week_button, self.new_button):
            bar.addWidget(w)

        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Agenda"))
        self.setFocusProxy(self.table)  # Ctrl+1 puts the keyboard in the days
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        self.table.setWordWrap(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._context_menu)
        self.table.doubleClicked.connect(self.activate)
        bind_list_keys(self, self.table, self.activate_current, self.delete_current, self._undo)
        table_key(self.table, QKeySequence(Qt.Key.Key_Enter), self.activate_current)
        table_key(
            self.table,
            "Shift+F10",
            lambda: self._context_menu(self.table.visualRect(self.table.currentIndex()).center()),
        )

        self.undo_bar = UndoBar()
        layout = QVBoxLayout(self)
        heading = QHBoxLayout()
        heading.addWidget(self.title, 1)
        heading.addWidget(self.team_box)
        layout.addLayout(heading)
        layout.addLayout(bar)
        layout.addWidget(self.undo_bar)
        layout.addWidget(self.table, 1)

        self.previous_button.clicked.connect(lambda: self.move(-1))
        self.next_button.clicked.connect(lambda: self.move(1))
        self.today_button.clicked.connect(self.go_today)
        self.day_button.clicked.connect(lambda: self.set_mode(DAY))
        self.week_button.clicked.connect(lambda: self.set_mode(WEEK))
        self.new_button.clicked.connect(lambda: self.offer_new(self.table.currentIndex()))
        self.team_box.toggled.connect(self.reload)
        ctx.data_changed.connect(self._data_changed)
        self.reload()

    # ---- period ---------------------------------------------------------------------
    def days(self) -> list[dt.date]:
        if self.mode == DAY:
            return [self.anchor]
        monday = self.anchor - dt.timedelta(days=self.anchor.weekday())
        return [monday + dt.timedelta(days=i) for i in range(7)]

    def set_mode(self, mode: str) -> None:
        self.mode = mode
        (self.day_button if mode == DAY else self.week_button).setChecked(True)
        self.reload()

    def move(self, steps: int) -> None:
        self.anchor += dt.timedelta(days=steps * (1 if self.mode == DAY else 7))
        self.reload()

    def go_today(self) -> None:
        self.anchor = i18n.today()
        self.reload()

    def go_to(self, day: dt.date) -> None:
        self.anchor = day
        self.reload()

    def concerns(self, changes: Changes) -> bool:
        """What the agenda shows: activities, their venue, series and person's name."""
        return changes.any("activities", "venues", "series", "beneficiary_names")

    def _data_changed(self, changes: Changes) -> None:
        if self.concerns(changes):
            self.reload()

    def reload(self) -> None:
        days = self.days()
        first, last = days[0], days[-1]
        if self.mode == DAY:
            self.title.setText(f"{self.model.weekday(first)} {i18n.format_date(first)}")
        else:
            self.title.setText(
                self.tr("Semaine du {0} au {1}").format(i18n.format_date(first), i18n.format_date(last))
            )
        self._generation += 1
        generation = self._generation
        # My agenda: what I lead or co-lead; the whole team's on demand.
        advisor = None if self.team_box.isChecked() else self.ctx.advisor_id
        self.ctx.read(
            lambda s: acts.agenda_items(s, first, last, advisor),
            lambda items: self._show(generation, days, items),
            owner=self,
        )

    def _show(self, generation: int, days: list[dt.date], items: list[acts.ActivityRow]) -> None:
        if generation != self._generation:
            return
        current = self.table.currentIndex()
        keep = self.model.slot_at(current) if current.isValid() and current.column() < len(days) else None
        self.model.set_items(days, items, i18n.today())
        if keep and keep[0] in days:
            self.table.setCurrentIndex(self.model.index_of_day_time(*keep))
        else:
            # Today first, at the current hour.
            now = i18n.now()
            day = now.date() if now.date() in days else days[0]
            index = self.model.index_of_day_time(day, now.time() if day == now.date() else dt.time(8, 0))
            self.table.setCurrentIndex(index)
            self.table.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtCenter)
        self.loaded.emit()

    # ---- actions -------------------------------------------------------------------------
    def activate_current(self) -> None:
        self.activate(self.table.currentIndex())

    def activate(self, index: QModelIndex) -> None:
        if not index.isValid():
            return
        items = self.model.items_at(index)
        if len(items) == 1:
            self.open_item(items[0].id)
        elif items:
            self._context_menu(self.table.visualRect(index).center())
        else:
            self.offer_new(index)

    def open_item(self, activity_id: uuid.UUID, status: str | None = None) -> QWidget | None:
        from stpaul_field.ui.activity_form import open_activity

        form = open_activity(self.ctx, activity_id, self)
        if form is not None and status is not None:
            form.status_combo.set_code(status)
        return form

    def create_at(self, kind: str, index: QModelIndex) -> QWidget:
        from stpaul_field.ui.activity_form import new_activity

        day, start = self.model.slot_at(index) if index.isValid() else (self.anchor, None)
        return new_activity(self.ctx, kind, self, day=day, start=start or dt.time(9, 0), status="planned")

    def offer_new(self, index: QModelIndex) -> None:
        menu = self._new_menu(index)
        rect = self.table.visualRect(index) if index.isValid() else self.table.rect()
        menu.popup(self.table.viewport().mapToGlobal(rect.center()))

    def _new_menu(self, index: QModelIndex) -> QMenu:
        menu = QMenu(self)
        menu.addAction(
            self.tr("Nouveau rendez-vous &individuel ici"), lambda: self.create_at("individual", index)
        )
        menu.addAction(self.tr("Nouvel &atelier ici"), lambda: self.create_at("workshop", index))
        return menu

    def _context_menu(self, pos: QPoint) -> None:
        index = self.table.indexAt(pos)
        if not index.isValid():
            index = self.table.currentIndex()
        if not index.isValid():
            return
        menu = QMenu(self)
        for item in self.model.items_at(index):
            sub = menu.addMenu(self.model.describe(item)) if len(self.model.items_at(index)) > 1 else menu
            self._item_actions(sub, item)
        if menu.actions():
            menu.addSeparator()
        for action in self._new_menu(index).actions():
            action.setParent(menu)
            menu.addAction(action)
        menu.popup(self.table.viewport().mapToGlobal(pos))

    def _item_actions(self, menu: QMenu, item: acts.ActivityRow) -> None:
        menu.addAction(self.tr("&Ouvrir"), lambda: self.open_item(item.id))
        if item.status == "planned":
            menu.addAction(self.tr("Saisir le &résultat…"), lambda: self.open_item(item.id, "done"))
            menu.addAction(self.tr("Marquer &réalisé"), lambda: self.set_status(item.id, "done"))
            cancel = (
                self.tr("A&nnuler l'atelier")
                if item.type == "workshop"
                else self.tr("A&nnuler le rendez-vous")
            )
            menu.addAction(cancel, lambda: self.set_status(item.id, "cancelled"))
        elif item.status == "cancelled":
            menu.addAction(self.tr("Remettre &prévu"), lambda: self.set_status(item.id, "planned"))
        if item.type == "workshop":
            menu.addAction(self.tr("É&margement…"), lambda: self.open_attendance(item.id))
            menu.addAction(self.tr("&Feuille d'émargement à imprimer…"), lambda: self.print_sheet(item.id))
        menu.addAction(self.tr("&Supprimer"), lambda: self.delete(item.id))

    def print_sheet(self, activity_id: uuid.UUID) -> None:
        from stpaul_field.ui import printing

        printing.preview_sheets(self, self.ctx, [activity_id])

    def print_day_sheets(self) -> None:
        """Every workshop of the day shown first in the agenda, in one preview."""
        from stpaul_field.ui import printing

        day = self.days()[0] if self.mode == DAY else self.model.slot_at(self.table.currentIndex())[0]
        if printing.day_sheets(self, self.ctx, day, "preview") is None:
            QMessageBox.information(
                self, self.tr("Feuilles d'émargement"), self.tr("Aucun atelier ce jour-là.")
            )

    def set_status(self, activity_id: uuid.UUID, status: str) -> None:
        self.ctx.write(
            lambda s: acts.set_status(s, activity_id, status),
            owner=self,
            changes=Changes(activities=True),
            what=self.tr("Le changement d'état du rendez-vous"),
        )

    def open_attendance(self, activity_id: uuid.UUID) -> QWidget:
        from stpaul_field.ui.activity_form.attendance import AttendanceDialog

        dialog = AttendanceDialog(self.ctx, activity_id, self)
        dialog.open()
        return dialog

    def delete_current(self) -> None:
        items = self.model.items_at(self.table.currentIndex())
        if len(items) == 1:
            self.delete(items[0].id)

    def delete(self, activity_id: uuid.UUID) -> None:
        self.ctx.write(
            lambda s: acts.delete_activity(s, activity_id),
            lambda _stamp: self.undo_bar.offer(
                self.tr("Rendez-vous supprimé."),
                lambda: self.ctx.write(
                    lambda s: acts.restore_activity(s, activity_id),
                    owner=self,
                    changes=Changes(activities=True),
                    what=self.tr("La restauration du rendez-vous"),
                ),
            ),
            owner=self,
            changes=Changes(activities=True),
            what=self.tr("La suppression du rendez-vous"),
        )

    def _undo(self) -> None:
        if self.undo_bar.can_undo():
            self.undo_bar.undo()
