"""The agenda as a table: one row per time slot, one column per day.

An activity sits in the slot where it starts; the following slots it covers are shaded
so that its length shows. Activities without a start time sit in the first row.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from stpaul_field.domain import values as v
from stpaul_field.store.activities import ActivityRow
from stpaul_field.ui import i18n

Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()  # the invisible root of a table model
FIRST_HOUR = 7
LAST_HOUR = 19
SLOT_MIN = 30
UNTIMED_ROW = 0
COLORS = {"individual": QColor("#dbeafe"), "workshop": QColor("#dcfce7")}
RUNNING = {"individual": QColor("#eff6ff"), "workshop": QColor("#f0fdf4")}
CANCELLED = QColor("#eeeeee")
TODAY = QColor("#fffbeb")


def slot_times() -> list[dt.time]:
    start = FIRST_HOUR * 60
    return [dt.time(m // 60, m % 60) for m in range(start, LAST_HOUR * 60, SLOT_MIN)]


class AgendaModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.days: list[dt.date] = [i18n.today()]
        self.slots = slot_times()
        self.today = i18n.today()
        self._cells: dict[tuple[int, int], list[ActivityRow]] = {}
        self._running: dict[tuple[int, int], ActivityRow] = {}

    def set_items(self, days: list[dt.date], items: list[ActivityRow], today: dt.date) -> None:
        self.beginResetModel()
        self.days = days
        self.today = today
        self._cells = {}
        self._running = {}
        column = {d: i for i, d in enumerate(days)}
        for item in items:
            col = column.get(item.date)
            if col is None:
                continue
            row = self.row_for(item.start_time)
            self._cells.setdefault((row, col), []).append(item)
            if item.start_time is not None:
                covered = -(-item.duration_min // SLOT_MIN)
                for extra in range(1, covered):
                    r = row + extra
                    if r >= self.rowCount():
                        break
                    self._running.setdefault((r, col), item)
        self.endResetModel()

    def row_for(self, start: dt.time | None) -> int:
        if start is None:
            return UNTIMED_ROW
        minutes = start.hour * 60 + start.minute - FIRST_HOUR * 60
        slot = max(0, min(minutes // SLOT_MIN, len(self.slots) - 1))
        return slot + 1

    def slot_at(self, index: Index) -> tuple[dt.date, dt.time | None]:
        day = self.days[index.column()]
        return day, None if index.row() == UNTIMED_ROW else self.slots[index.row() - 1]

    def items_at(self, index: Index) -> list[ActivityRow]:
        return list(self._cells.get((index.row(), index.column()), []))

    def index_of_day_time(self, day: dt.date, start: dt.time | None) -> QModelIndex:
        if day not in self.days:
            return QModelIndex()
        return self.index(self.row_for(start), self.days.index(day))

    # ---- Qt model -------------------------------------------------------------------
    def rowCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.slots) + 1

    def columnCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.days)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            if orientation == Qt.Orientation.Horizontal:
                day = self.days[section]
                return f"{self.weekday(day)} {day.strftime('%d/%m')}"
            return (
                self.tr("Sans heure") if section == UNTIMED_ROW else self.slots[section - 1].strftime("%H:%M")
            )
        horizontal = orientation == Qt.Orientation.Horizontal
        if role == Qt.ItemDataRole.FontRole and horizontal and self.days[section] == self.today:
            font = QFont()
            font.setBold(True)
            return font
        return None

    def weekday(self, day: dt.date) -> str:
        names = (
            self.tr("lun."),
            self.tr("mar."),
            self.tr("mer."),
            self.tr("jeu."),
            self.tr("ven."),
            self.tr("sam."),
            self.tr("dim."),
        )
        return names[day.weekday()]

    def describe(self, item: ActivityRow) -> str:
        time = i18n.format_time(item.start_time)
        mark = {"done": "✓ ", "cancelled": "✗ "}.get(item.status, "")
        if item.awaiting_attendance:  # happened, nobody marked: its people are not counted yet
            mark = "⚠ "
        if item.type == "workshop":
            what = self.tr("Atelier : {0} ({1})").format(item.title, item.participants)
        else:
            what = item.beneficiary or self.tr("Accompagnement")
        return f"{mark}{time} {what}".strip()

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        key = (index.row(), index.column())
        items = self._cells.get(key, [])
        running = self._running.get(key)
        if role == Qt.ItemDataRole.DisplayRole:
            return "\n".join(self.describe(i) for i in items)
        if role == Qt.ItemDataRole.ToolTipRole and items:
            return "\n".join(self.tooltip(i) for i in items)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            day, start = self.slot_at(index)
            where = f"{self.weekday(day)} {i18n.format_date(day)} {i18n.format_time(start)}"
            return f"{where} : " + ("; ".join(self.describe(i) for i in items) or self.tr("libre"))
        if role == Qt.ItemDataRole.BackgroundRole:
            shown = items[0] if items else running
            if shown is not None:
                if shown.status == "cancelled":
                    return QBrush(CANCELLED)
                return QBrush((COLORS if items else RUNNING)[shown.type])
            if self.days[index.column()] == self.today:
                return QBrush(TODAY)
        if role == Qt.ItemDataRole.FontRole and items and all(i.status == "cancelled" for i in items):
            font = QFont()
            font.setStrikeOut(True)
            return font
        return None

    def tooltip(self, item: ActivityRow) -> str:
        parts = [
            i18n.label(v.ACTIVITY_TYPES, item.type),
            i18n.label(v.ACTIVITY_STATUSES, item.status),
            v.duration_label(item.duration_min),
            item.venue,
            ", ".join(i18n.label(v.THEMES, t) for t in item.themes),
            self.tr("Émargement à saisir") if item.awaiting_attendance else "",
        ]
        return " · ".join(p for p in parts if p)
