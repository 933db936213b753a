"""« Émargement à saisir » in the app: the Rapports' count and link, the Activités list's filter
and flag, the agenda's mark, and the reminder of the first start of the day (issue 19)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QMessageBox

from stpaul_field.settings import ATTENDANCE_REMINDER_DAY, CURRENT_ADVISOR
from stpaul_field.store import activities as acts
from stpaul_field.ui import attendance_reminder, tasks
from stpaul_field.ui.activities_view import ActivitiesModel, ActivitiesView
from stpaul_field.ui.agenda.agenda_model import AgendaModel
from stpaul_field.ui.reports_view import ReportsView
from tests.statistics_fixture import NOV, build

NOV_1, NOV_30 = dt.date(2026, 11, 1), dt.date(2026, 11, 30)
# Seen from any day after November (the fixture's month is over): a4 (done; b2, b3), a11 and
# a13 (planned and past; b1, b2 each) are workshops whose attendance nobody marked.
AWAITING = ("a4", "a11", "a13")


def test_the_rapports_view_counts_them_and_links_to_the_list(qtbot, store, ctx):
    build(store)
    view = ReportsView(ctx)
    qtbot.addWidget(view)
    view.show()
    with qtbot.waitSignal(view.reportReady, timeout=10_000):
        view.set_month(*NOV)
    view.wait()
    assert view.awaiting_label.isVisible()
    assert "3 atelier(s) sans émargement, 6 inscrit(s) non compté(s)" in view.awaiting_label.text()
    with qtbot.waitSignal(view.awaitingAttendanceRequested) as asked:
        view.awaiting_label.linkActivated.emit("activites")
    assert asked.args == [NOV_1, NOV_30]
    # October has none: the line is hidden.
    with qtbot.waitSignal(view.reportReady, timeout=10_000):
        view.set_month(2026, 10)
    view.wait()
    assert not view.awaiting_label.isVisible()


def test_the_activities_list_filters_and_flags_them(qtbot, store, ctx):
    fx = build(store)
    view = ActivitiesView(ctx)
    qtbot.addWidget(view)
    with qtbot.waitSignal(view.model.loaded, timeout=5000):
        view.show_awaiting_attendance(NOV_1, NOV_30)
    assert view.awaiting_filter.isChecked()
    assert {r.id for r in view.model.rows} == {fx.activities[k] for k in AWAITING}
    status = view.model.index(0, ActivitiesModel.column("status"))
    assert status.data() == "Émargement à saisir"
    # Unticked: the month's other activities are back, the others without the flag.
    with qtbot.waitSignal(view.model.loaded, timeout=5000):
        view.awaiting_filter.setChecked(False)
    assert view.model.total > len(AWAITING)
    marked = next(r for r in view.model.rows if r.id == fx.activities["a3"])
    assert not marked.awaiting_attendance


def test_the_agenda_marks_them(qtbot, store, ctx):
    fx = build(store)
    with store.reader() as s:
        items = acts.agenda_items(s, dt.date(2026, 11, 16), dt.date(2026, 11, 22))
    model = AgendaModel()
    model.set_items([dt.date(2026, 11, 16) + dt.timedelta(days=i) for i in range(7)], items, NOV_30)
    by_id = {i.id: i for i in items}
    a11, a3 = by_id[fx.activities["a11"]], by_id.get(fx.activities["a3"])
    assert model.describe(a11).startswith("⚠")
    assert "Émargement à saisir" in model.tooltip(a11)
    assert a3 is None  # the 12th is another week
    assert not model.describe(by_id[fx.activities["a4"]]).startswith("✓")  # done, but not marked


def test_the_first_start_of_the_day_lists_the_advisors_own(qtbot, store, ctx):
    fx = build(store)
    ctx.settings.set(CURRENT_ADVISOR, str(fx.alice))
    parent = ActivitiesView(ctx)
    qtbot.addWidget(parent)
    opened: list[bool] = []
    attendance_reminder.remind(parent, ctx, lambda: opened.append(True), today=dt.date(2026, 12, 2))
    tasks.wait_until_settled(5000)
    qtbot.waitUntil(lambda: parent.property("attendance_reminder") is not None, timeout=5000)
    box: QMessageBox = parent.property("attendance_reminder")
    # Alice's: a11 and a13, not Bruno's a4.
    assert box.text().startswith("2 atelier(s) passé(s) sans émargement")
    assert "Découvrir l'ordinateur" in box.text() and "Visio avec la famille" in box.text()
    assert "Ameli" not in box.text()
    see = next(b for b in box.buttons() if b.text() == "Voir la liste")
    see.click()
    assert opened == [True]
    assert ctx.settings.get(ATTENDANCE_REMINDER_DAY) == "2026-12-02"
    # Once a day: a second start the same day says nothing.
    parent.setProperty("attendance_reminder", None)
    attendance_reminder.remind(parent, ctx, lambda: opened.append(True), today=dt.date(2026, 12, 2))
    tasks.wait_until_settled(5000)
    qtbot.wait(50)
    assert parent.property("attendance_reminder") is None


def test_the_rapports_link_opens_the_filtered_list_in_the_main_window(qtbot, store, ctx):
    from stpaul_field.ui.main_window import MainWindow

    fx = build(store)
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    window.show_view("reports")
    reports = window.view("reports").build()
    reports.wait()
    with qtbot.waitSignal(window.activities.model.loaded, timeout=10_000):
        reports.awaitingAttendanceRequested.emit(NOV_1, NOV_30)
    assert window.current_view_key() == "activities"
    assert window.activities.awaiting_filter.isChecked()
    assert {r.id for r in window.activities.model.rows} == {fx.activities[k] for k in AWAITING}
    tasks.wait_until_settled(5000)


def test_in_english_the_reminder_speaks_english(qapp, qtbot, store, ctx):
    from stpaul_field.ui import i18n

    fx = build(store)
    ctx.settings.set(CURRENT_ADVISOR, str(fx.alice))
    parent = ActivitiesView(ctx)
    qtbot.addWidget(parent)
    try:
        i18n.install(qapp, "en")
        attendance_reminder.remind(parent, ctx, lambda: None, today=dt.date(2026, 12, 2))
        tasks.wait_until_settled(5000)
        qtbot.waitUntil(lambda: parent.property("attendance_reminder") is not None, timeout=5000)
        box: QMessageBox = parent.property("attendance_reminder")
        assert box.windowTitle() == "Attendance to record"
        assert box.text().startswith("2 past workshop(s) without attendance")
        assert sorted(b.text() for b in box.buttons()) == ["Later", "See the list"]
    finally:
        i18n.install(qapp, "fr")
