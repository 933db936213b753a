"""The activities list: model without widgets (paging, SQL sort), then the view (filters, delete/undo)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from sqlalchemy import select

from stpaul_field.domain.entities import ActivityData
from stpaul_field.store import activities as acts
from stpaul_field.store.models import Activity, Venue
from stpaul_field.store.reference import local_advisor_id
from stpaul_field.ui import tasks
from stpaul_field.ui.activities_view import ActivitiesModel, ActivitiesView

M = ActivitiesModel


def _fill(store, count: int, first_day: dt.date) -> list:
    with store.session() as s:
        person = acts.create_beneficiary(s, "Hélène", "Payet")
        venues = s.scalars(select(Venue.id).where(Venue.active).order_by(Venue.name)).all()[:2]
        advisor = local_advisor_id(s)
        ids = []
        for i in range(count):
            data = ActivityData(
                type="individual",
                advisor_id=advisor,
                date=first_day + dt.timedelta(days=i % 28),
                start_time=dt.time(8 + i % 9, 0),
                duration_min=15 + i,
                venue_id=venues[i % 2],
                themes=["sante"] if i % 3 == 0 else ["email"],
            )
            ids.append(acts.save_activity(s, data, [acts.ParticipantInput(beneficiary_id=person)]))
    return venues


def test_a_failed_read_ends_the_loading_in_both_lists(qtbot, ctx, store, monkeypatch):
    # One paged model serves the register and the Activités (issue 21). The Activités list
    # used to stay « loading » for ever when its read failed; now both show an empty list
    # and keep the failure by type only (no personal data).
    from stpaul_field.store import beneficiaries as reg
    from stpaul_field.ui.register.model import BeneficiaryTableModel

    _fill(store, 3, dt.date(2026, 10, 1))

    def broken(*_args, **_kwargs):
        raise RuntimeError("PAYET Hélène")

    monkeypatch.setattr(acts, "list_activities", broken)
    monkeypatch.setattr(reg, "register_page", broken)
    for model, load in ((ActivitiesModel(ctx), "set_filter"), (BeneficiaryTableModel(ctx), "set_query")):
        with qtbot.waitSignal(model.loaded, timeout=5000):
            getattr(model, load)(acts.ActivityFilter() if load == "set_filter" else "pay")
        assert not model.is_loading and model.rowCount() == 0 and not model.canFetchMore()
        assert model.load_errors() == ["RuntimeError"]


def test_model_pages_lazily_and_sorts_in_sql(qtbot, ctx, store):
    _fill(store, 250, dt.date(2026, 10, 1))
    model = ActivitiesModel(ctx)
    with qtbot.waitSignal(model.loaded, timeout=5000):
        model.set_filter(acts.ActivityFilter())
    assert model.total == 250 and model.rowCount() == M.PAGE
    fetches = 0
    while model.canFetchMore():
        # The next page is read off the UI thread and inserted when it arrives.
        with qtbot.waitSignal(model.page_loaded, timeout=5000):
            model.fetchMore()
            assert not model.canFetchMore()  # one page on its way at a time
        fetches += 1
    assert fetches == -(-250 // M.PAGE) - 1
    assert model.rowCount() == 250 and len({r.id for r in model.rows}) == 250

    with qtbot.waitSignal(model.loaded, timeout=5000):
        model.sort(M.column("duration"), Qt.SortOrder.AscendingOrder)
    assert model.rowCount() == M.PAGE  # a new order starts again from the first page
    shown = [model.rows[i].duration_min for i in range(5)]
    assert shown == [15, 16, 17, 18, 19]
    assert model.data(model.index(0, M.column("duration"))) == "15 min"
    assert model.data(model.index(0, M.column("who"))) == "PAYET Hélène"
    assert model.data(model.index(0, M.column("date"))) == "01/10/2026"
    assert model.data(model.index(0, M.column("themes"))) == "Santé"
    with qtbot.waitSignal(model.loaded, timeout=5000):
        model.sort(M.column("duration"), Qt.SortOrder.DescendingOrder)
    assert model.rows[0].duration_min == 264


def test_view_filters_by_period_type_venue_theme(qtbot, ctx, store):
    venues = _fill(store, 30, dt.date(2026, 10, 1))
    view = ActivitiesView(ctx)
    qtbot.addWidget(view)

    def change(action) -> None:
        with qtbot.waitSignal(view.model.loaded, timeout=5000):
            action()
        qtbot.waitUntil(lambda: tasks.pending() == 0)  # the last filter's answer is in

    change(lambda: view.period.setCurrentIndex(view.period.findData("all")))
    assert view.model.total == 30
    change(lambda: view.theme_filter.set_code("sante"))
    assert view.model.total == 10
    change(lambda: view.venue_filter.set_venue_id(venues[0]))
    assert view.model.total == 5
    change(lambda: view.type_filter.set_code("workshop"))
    assert view.model.total == 0
    assert "0 activité" in view.count_label.text()
    view.type_filter.set_code(None)
    view.theme_filter.set_code(None)
    view.venue_filter.set_venue_id(None)
    view.period.setCurrentIndex(view.period.findData("custom"))
    view.date_from.setDate(dt.date(2026, 10, 2))
    change(lambda: view.date_to.setDate(dt.date(2026, 10, 3)))
    assert view.model.total == 3  # the 2nd has two (days wrap after 28), the 3rd one
    assert {r.date for r in view.model.rows} == {dt.date(2026, 10, 2), dt.date(2026, 10, 3)}


def _list_with_first_row_focused(qtbot, ctx) -> ActivitiesView:
    """The list of all activities, shown, its first row current and the keyboard on the table."""
    view = ActivitiesView(ctx)
    qtbot.addWidget(view)
    view.show()
    with qtbot.waitSignal(view.model.loaded, timeout=5000):
        view.period.setCurrentIndex(view.period.findData("all"))
    qtbot.waitUntil(lambda: tasks.pending() == 0)
    view.table.setCurrentIndex(view.model.index(0, 0))
    qtbot.waitExposed(view)
    view.table.setFocus()
    qtbot.waitUntil(view.table.hasFocus)
    return view


def test_delete_and_undo_from_the_list(qtbot, ctx, store):
    _fill(store, 3, dt.date(2026, 10, 1))
    view = _list_with_first_row_focused(qtbot, ctx)
    doomed = view.current_id()
    with qtbot.waitSignal(view.model.loaded, timeout=5000):
        QTest.keyClick(view.table, Qt.Key.Key_Delete)
    assert view.model.total == 2 and doomed not in {r.id for r in view.model.rows}
    assert view.undo_bar.isVisible()
    with store.reader() as s:
        assert s.get(Activity, doomed).deleted_at is not None  # a tombstone in the store
    with qtbot.waitSignal(view.model.loaded, timeout=5000):
        view.undo_bar.undo_button.click()
    assert view.model.total == 3 and not view.undo_bar.isVisible()
    with store.reader() as s:
        assert s.get(Activity, doomed).deleted_at is None
        assert len(acts.load_activity(s, doomed).participants) == 1


def test_enter_opens_the_form(qtbot, ctx, store):
    from stpaul_field.ui.activity_form.accompaniment import AccompanimentForm

    _fill(store, 1, dt.date(2026, 10, 1))
    view = _list_with_first_row_focused(qtbot, ctx)
    QTest.keyClick(view.table, Qt.Key.Key_Return)
    [form] = view.findChildren(AccompanimentForm)
    assert form.isVisible() and form.activity_id == view.current_id()
    assert form.themes.codes() == ["sante"]
    form.reject()


def test_attendance_sheet_and_delete_wait_for_a_chosen_row(qtbot, ctx, store):
    # Pressed with no row chosen they did nothing, silently (the e2e workshop scenario).
    _fill(store, 1, dt.date.today())
    with store.session() as s:
        advisor = local_advisor_id(s)
        venue = s.scalars(select(Venue.id).where(Venue.active)).first()
        data = ActivityData(
            type="workshop",
            advisor_id=advisor,
            date=dt.date.today(),
            start_time=dt.time(14, 0),
            duration_min=120,
            venue_id=venue,
            themes=["email"],
            title="Atelier CAF",
            anon_total=3,
        )
        acts.save_activity(s, data, [])
    view = ActivitiesView(ctx)
    qtbot.addWidget(view)
    view.show()
    with qtbot.waitSignal(view.model.loaded, timeout=5000):
        view.period.setCurrentIndex(view.period.findData("all"))
    buttons = (view.attendance_button, view.sheet_button, view.delete_button)
    assert view.model.rowCount() == 2 and not any(b.isEnabled() for b in buttons)
    row = {view.model.rows[i].type: i for i in range(2)}
    view.table.setCurrentIndex(view.model.index(row["individual"], 0))
    assert [b.isEnabled() for b in buttons] == [False, False, True]
    view.table.setCurrentIndex(view.model.index(row["workshop"], 0))
    assert all(b.isEnabled() for b in buttons)


def test_a_reload_keeps_the_chosen_activity(qtbot, ctx, store):
    _fill(store, 3, dt.date.today().replace(day=1))
    view = _list_with_first_row_focused(qtbot, ctx)
    view.table.setCurrentIndex(view.model.index(2, 0))
    chosen = view.current_id()
    with qtbot.waitSignal(view.model.loaded, timeout=5000):
        view.model.reload()  # what a save or a sync does
    assert view.current_id() == chosen


def test_the_keyboard_in_the_list_has_a_row_after_a_reload(qtbot, ctx, store):
    _fill(store, 2, dt.date.today().replace(day=1))
    view = _list_with_first_row_focused(qtbot, ctx)
    view.table.setCurrentIndex(view.model.index(-1, -1))
    with qtbot.waitSignal(view.model.loaded, timeout=5000):
        view.model.reload()
    assert view.table.currentIndex().row() == 0
