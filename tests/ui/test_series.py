"""« Nouveau cycle d'ateliers… » in the Activités view (issue 19): a series typed once with its
sessions and people; its sessions listed with their number; a latecomer registered for the
remaining sessions; the cycle sheet from the list. pytest-qt, offscreen."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from sqlalchemy import select

from stpaul_field.store import activities as acts
from stpaul_field.store import series
from stpaul_field.store.models import Activity, Participation, WorkshopSeries
from stpaul_field.ui import printing, tasks
from stpaul_field.ui.activities_view import ActivitiesModel, ActivitiesView
from stpaul_field.ui.activity_form.base import to_qdate
from stpaul_field.ui.series_dialog import JoinSeriesDialog, SeriesDialog

# Two days ago: the first session is past, the three others still to come.
FIRST = dt.date.today() - dt.timedelta(days=2)


def _person(store, first: str, last: str):
    with store.session() as s:
        return acts.create_beneficiary(s, first, last)


def _register(qtbot, dialog, typed: str, count: int) -> None:
    QTest.keyClicks(dialog.picker.search, typed)
    QTest.keyClick(dialog.picker.search, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: len(dialog.people.ids()) == count, timeout=5000)


def _type_series(qtbot, ctx, store) -> SeriesDialog:
    alice, bruno = _person(store, "Alice", "Técher"), _person(store, "Bruno", "Payet")
    dialog = SeriesDialog(ctx, sessions=1)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.title_edit.setText("Découvrir l'ordinateur")
    dialog.place.place_type.set_code("autre")
    dialog.place.commune.set_values("Saint-Paul", "97460", "97415")
    dialog.themes.set_codes(["prendre_en_main_du_materiel"])
    first = dialog.sessions.cellWidget(0, dialog.sessions.DATE)
    first.setDate(to_qdate(FIRST))
    start = dialog.sessions.cellWidget(0, dialog.sessions.START)
    start.clear()
    QTest.keyClicks(start, "14")
    end = dialog.sessions.cellWidget(0, dialog.sessions.END)
    end.clear()
    QTest.keyClicks(end, "1630")
    for _ in range(3):  # a week apart, at the same hours
        dialog.sessions.add_session()
    _register(qtbot, dialog, "alice tech", 1)
    _register(qtbot, dialog, "bruno pay", 2)
    assert dialog.people.ids() == [alice, bruno]
    return dialog


def test_a_series_is_typed_once_with_its_sessions_and_people(qtbot, ctx, store):
    dialog = _type_series(qtbot, ctx, store)
    with qtbot.waitSignal(dialog.saved, timeout=5000) as saved:
        QTest.keyClick(dialog, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    series_id = saved.args[0]
    with store.reader() as s:
        assert s.get(WorkshopSeries, series_id).title == "Découvrir l'ordinateur"
        sessions = series.series_sessions(s, series_id)
        assert [x.slot.date for x in sessions] == [FIRST + dt.timedelta(weeks=w) for w in range(4)]
        assert all((x.slot.start_time, x.slot.end_time) == (dt.time(14), dt.time(16, 30)) for x in sessions)
        for x in sessions:
            people = s.scalars(select(Participation.id).where(Participation.activity_id == x.activity_id))
            assert len(list(people)) == 2


def test_what_is_missing_is_said_in_french_and_nothing_is_saved(qtbot, ctx, store):
    dialog = SeriesDialog(ctx, sessions=1)
    qtbot.addWidget(dialog)
    dialog.show()
    end = dialog.sessions.cellWidget(0, dialog.sessions.END)
    end.clear()
    QTest.keyClicks(end, "8h")  # before the start (9h)
    dialog.save()
    assert dialog.errors.message("title") == "Donnez un titre au cycle d'ateliers."
    assert dialog.errors.message("themes") == "Choisissez au moins une thématique."
    assert dialog.errors.message("participants") == "Inscrivez au moins un participant au cycle."
    assert "Un cycle compte de 2 à 52 séances." in dialog.errors.message("sessions")
    with store.reader() as s:
        assert s.scalar(select(WorkshopSeries.id)) is None and s.scalar(select(Activity.id)) is None


def test_the_list_shows_each_session_a_latecomer_joins_and_the_cycle_sheet_opens(
    qtbot, ctx, store, monkeypatch
):
    dialog = _type_series(qtbot, ctx, store)
    with qtbot.waitSignal(dialog.saved, timeout=5000) as saved:
        dialog.save()
    series_id = saved.args[0]
    late = _person(store, "Carla", "Fontaine")
    view = ActivitiesView(ctx)
    qtbot.addWidget(view)
    with qtbot.waitSignal(view.model.loaded, timeout=5000):
        view.period.setCurrentIndex(view.period.findData("all"))
    qtbot.waitUntil(lambda: tasks.pending() == 0)
    shown = sorted(view.model.display(r, ActivitiesModel.column("who")) for r in view.model.rows)
    assert shown == [f"Découvrir l'ordinateur — séance {n}" for n in (1, 2, 3, 4)]
    assert not view.join_series_button.isEnabled()
    view.table.setCurrentIndex(view.model.index(0, 0))
    assert view.join_series_button.isEnabled() and view.cycle_sheet_button.isEnabled()

    join = view.join_series()
    assert isinstance(join, JoinSeriesDialog)
    qtbot.addWidget(join)
    with qtbot.waitSignal(join.joined, timeout=5000) as joined:
        QTest.keyClicks(join.picker.search, "carla font")
        QTest.keyClick(join.picker.search, Qt.Key.Key_Return)
    assert joined.args[0] == 3
    with store.reader() as s:
        numbers = s.scalars(
            select(Activity.session_number)
            .join(Participation, Participation.activity_id == Activity.id)
            .where(Participation.beneficiary_id == late)
        )
        assert sorted(numbers) == [2, 3, 4]

    asked = []
    monkeypatch.setattr(printing, "cycle_sheet", lambda *args: asked.append(args[2:]))
    view.cycle_sheet_button.click()
    assert asked == [(series_id, "preview")]
