"""Nothing changes while the advisor types or scrolls (issue 15, item 3).

Times and dates are read as typed; the wheel changes a value only in the focused field;
the themes' type-ahead folds accents and case.
"""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QDate, QPoint, QPointF, Qt, QTimer
from PySide6.QtGui import QWheelEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from sqlalchemy import func, select

from stpaul_field.domain.typed_input import parse_date, parse_time
from stpaul_field.store.models import Activity
from stpaul_field.ui.activity_form.accompaniment import AccompanimentForm
from stpaul_field.ui.activity_form.workshop import WorkshopForm
from stpaul_field.ui.widgets import wheel_guard

TODAY = dt.date(2026, 11, 23)


@pytest.mark.parametrize(
    ("typed", "time"),
    [
        ("14", dt.time(14, 0)),
        ("14h", dt.time(14, 0)),
        ("1430", dt.time(14, 30)),
        ("930", dt.time(9, 30)),
        ("14h30", dt.time(14, 30)),
        ("14H30", dt.time(14, 30)),
        ("14:30", dt.time(14, 30)),
        ("9:05", dt.time(9, 5)),
        (" 14.30 ", dt.time(14, 30)),
        ("25", None),
        ("14:75", None),
        ("2pm", None),
        ("", None),
    ],
)
def test_times_as_people_type_them(typed, time):
    assert parse_time(typed) == time


@pytest.mark.parametrize(
    ("typed", "day"),
    [
        ("14/10/2026", dt.date(2026, 10, 14)),
        ("14/10/26", dt.date(2026, 10, 14)),
        ("14/10", dt.date(2026, 10, 14)),
        ("14.10.2026", dt.date(2026, 10, 14)),
        ("1410", dt.date(2026, 10, 14)),
        ("14102026", dt.date(2026, 10, 14)),
        ("1400", None),  # was 02/10/2026 after Tab
        ("31/11/2026", None),
        ("demain", None),
    ],
)
def test_dates_as_people_type_them(typed, day):
    assert parse_date(typed, TODAY) == day


def _retype(qtbot, field, text: str) -> None:
    field.setFocus()
    QTest.keyClick(field, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClicks(field, text)
    QTest.keyClick(field, Qt.Key.Key_Tab)


def test_the_start_time_is_what_was_typed_after_ctrl_a(qtbot, ctx):
    form = AccompanimentForm(ctx)
    qtbot.addWidget(form)
    form.show()
    form.activateWindow()
    qtbot.waitUntil(form.isActiveWindow, timeout=2000)
    for typed, shown in (("14:00", "14:00"), ("1430", "14:30"), ("14h30", "14:30"), ("14", "14:00")):
        _retype(qtbot, form.time_edit, typed)
        assert form.time_edit.text() == shown
        assert form.time_edit.time().toPython() == dt.time.fromisoformat(shown)
    QTest.keyClick(form.time_edit, Qt.Key.Key_Up)
    assert form.time_edit.text() == "14:05"


def test_a_date_or_time_not_understood_is_said_and_nothing_is_saved(qtbot, ctx, store):
    form = AccompanimentForm(ctx)
    qtbot.addWidget(form)
    form.show()
    form.activateWindow()
    qtbot.waitUntil(form.isActiveWindow, timeout=2000)
    before = form.date_edit.date()
    form.date_edit.setFocus()
    QTest.keyClick(form.date_edit.edit, Qt.Key.Key_Tab)  # Tab through: the date stays
    assert form.date_edit.date() == before
    _retype(qtbot, form.date_edit.edit, "1400")
    assert form.date_edit.edit.text() == "1400"  # left as typed, never another date
    _retype(qtbot, form.time_edit, "25h")
    form.save()
    assert "Date non comprise" in form.errors.message("date")
    assert "Heure non comprise" in form.errors.message("start_time")
    with store.reader() as s:
        assert s.scalar(select(func.count()).select_from(Activity)) == 0
    _retype(qtbot, form.date_edit.edit, "14/10")
    assert form.date_edit.date().toPython().strftime("%d/%m") == "14/10"


def _wheel(widget, steps: int = -1) -> None:
    center = QPointF(widget.rect().center())
    event = QWheelEvent(
        center,
        QPointF(widget.mapToGlobal(QPoint(int(center.x()), int(center.y())))),
        QPoint(0, 0),
        QPoint(0, 120 * steps),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(widget, event)


def test_the_wheel_scrolls_the_form_and_leaves_unfocused_values_alone(qtbot, ctx, qapp):
    wheel_guard.install(qapp)
    form = WorkshopForm(ctx)
    qtbot.addWidget(form)
    form.show()
    form.activateWindow()
    qtbot.waitUntil(form.isActiveWindow, timeout=2000)
    female = form.by_gender.spins["feminin"]
    female.setValue(2)
    form.title_edit.setFocus()
    _wheel(female)
    assert female.value() == 2  # « Féminin 2 → 0 » while scrolling the form
    level = form.level.currentIndex()
    _wheel(form.level)
    assert form.level.currentIndex() == level
    female.setFocus()
    _wheel(female, 1)
    assert female.value() == 3  # a focused field still takes the wheel


def test_themes_type_ahead_folds_accents_and_case(qtbot, ctx):
    form = AccompanimentForm(ctx)
    qtbot.addWidget(form)
    form.show()
    form.activateWindow()
    qtbot.waitUntil(form.isActiveWindow, timeout=2000)
    form.themes.setFocus()
    QTest.keyClicks(form.themes, "prev")
    assert form.themes.currentItem().text() == "Prévention en sécurité numérique"
    QTest.keyClick(form.themes, Qt.Key.Key_Space)
    assert form.themes.codes() == ["securite_numerique"]


def test_tab_goes_from_the_date_to_the_next_field_and_alt_down_opens_the_calendar(qtbot):
    from PySide6.QtWidgets import QLineEdit, QVBoxLayout, QWidget

    from stpaul_field.ui.widgets.typed_fields import DateField

    holder = QWidget()
    qtbot.addWidget(holder)
    day, after = DateField(QDate(2026, 11, 20)), QLineEdit()
    layout = QVBoxLayout(holder)
    layout.addWidget(day)
    layout.addWidget(after)
    with qtbot.waitActive(holder):
        holder.show()
        holder.activateWindow()
    day.setFocus()
    qtbot.waitUntil(day.edit.hasFocus)
    QTest.keyClick(day.edit, Qt.Key.Key_Tab)
    assert after.hasFocus()  # Tab leaves the date: typed times never land in it
    day.setFocus()
    qtbot.waitUntil(day.edit.hasFocus)
    opened: list[bool] = []
    day.button.menu().aboutToShow.connect(lambda: opened.append(True))
    QTimer.singleShot(300, day.button.menu().hide)
    QTest.keyClick(day.edit, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert opened
