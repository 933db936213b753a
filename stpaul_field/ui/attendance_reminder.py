"""The first start of the day reminds the advisor of their workshops awaiting attendance.

A workshop that happened with registered people and whose attendance nobody marked
(« Émargement à saisir », `store.activities.awaiting_attendance`) counts none of them: once a
day, the advisor's own are listed, with a button to the Activités list filtered on them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget
from sqlalchemy.orm import Session

from stpaul_field import settings as st
from stpaul_field.store import activities as acts
from stpaul_field.store.reference import current_advisor_id
from stpaul_field.ui import i18n
from stpaul_field.ui.context import AppContext

SHOWN = 10  # workshops listed by name; the others are counted


def own_awaiting(session: Session, configured: str, today: dt.date) -> list[acts.ActivityRow]:
    """This laptop's advisor's workshops (led or co-led) awaiting attendance, oldest first."""
    me = current_advisor_id(session, configured)
    if me is None:
        return []
    flt = acts.ActivityFilter(advisor_id=me, awaiting_attendance_on=today)
    return acts.list_activities(session, flt, descending=False, limit=500, today=today)


def message(rows: list[acts.ActivityRow]) -> str:
    head = QCoreApplication.translate(
        "AttendanceReminder",
        "{0} atelier(s) passé(s) sans émargement : leurs inscrits ne sont pas comptés "
        "tant que la présence n'est pas saisie.",
    )
    lines = [head.format(len(rows)), ""]
    for row in rows[:SHOWN]:
        lines.append(
            f"• {i18n.format_date(row.date)} {i18n.format_time(row.start_time)} {row.title}".replace(
                "  ", " "
            )
        )
    if len(rows) > SHOWN:
        lines.append(
            QCoreApplication.translate("AttendanceReminder", "… et {0} autre(s)").format(len(rows) - SHOWN)
        )
    return "\n".join(lines)


def remind(
    parent: QWidget, ctx: AppContext, show_list: Callable[[], None], today: dt.date | None = None
) -> None:
    """Once a day (setting ATTENDANCE_REMINDER_DAY), in the background, then a message if any."""
    today = today or i18n.today()
    if ctx.settings.get(st.ATTENDANCE_REMINDER_DAY) == today.isoformat():
        return
    ctx.settings.set(st.ATTENDANCE_REMINDER_DAY, today.isoformat())
    configured = ctx.settings.get(st.CURRENT_ADVISOR)

    def shown(rows: list[acts.ActivityRow]) -> None:
        if not rows:
            return
        box = QMessageBox(
            QMessageBox.Icon.Information,
            QCoreApplication.translate("AttendanceReminder", "Émargements à saisir"),
            message(rows),
            parent=parent,
        )
        box.setObjectName("attendanceReminder")
        see = box.addButton(
            QCoreApplication.translate("AttendanceReminder", "Voir la liste"),
            QMessageBox.ButtonRole.AcceptRole,
        )
        box.addButton(
            QCoreApplication.translate("AttendanceReminder", "Plus tard"), QMessageBox.ButtonRole.RejectRole
        )
        see.clicked.connect(show_list)
        box.open()
        parent.setProperty("attendance_reminder", box)  # kept alive while open; tests find it

    ctx.read(lambda s: own_awaiting(s, configured, today), shown, owner=parent)
