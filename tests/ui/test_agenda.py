"""The agenda: today first, create from a time slot, record the outcome, done/cancelled."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QMenu
from sqlalchemy import select

from stpaul_field.store import activities as acts
from stpaul_field.store.models import Activity, Venue
from stpaul_field.ui import i18n
from stpaul_field.ui.activity_form.accompaniment import AccompanimentForm
from stpaul_field.ui.activity_form.attendance import AttendanceDialog
from stpaul_field.ui.activity_form.workshop import WorkshopForm
from stpaul_field.ui.agenda.agenda_view import WEEK, AgendaView


def _setup(store, ctx):
    with store.reader() as s:
        ctx.set_venue(s.scalars(select(Venue.id).where(Venue.active).order_by(Venue.name)).first())
    with store.session() as s:
        return acts.create_beneficiary(s, "Hélène", "Payet")


def _agenda(qtbot, ctx):
    view = AgendaView(ctx)  # starts loading today at once
    qtbot.addWidget(view)
    with qtbot.waitSignal(view.loaded, timeout=5000):
        view.show()
    return view


def _status(store, activity_id) -> str:
    with store.reader() as s:
        return s.get(Activity, activity_id).status


def test_opens_on_today(qtbot, ctx, store):
    view = _agenda(qtbot, ctx)
    assert view.model.columnCount() == 1
    assert view.table.currentIndex().column() == 0
    with qtbot.waitSignal(view.loaded, timeout=5000):
        view.set_mode(WEEK)
    assert len(view.model.days) == 7 and i18n.today() in view.model.days
    assert view.model.days[0].weekday() == 0


def test_create_from_a_slot_then_record_outcome(qtbot, ctx, store):
    person = _setup(store, ctx)
    view = _agenda(qtbot, ctx)
    day = i18n.today() + dt.timedelta(days=1)
    with qtbot.waitSignal(view.loaded, timeout=5000):
        view.go_to(day)
    slot = view.model.index_of_day_time(day, dt.time(10, 0))
    view.table.setCurrentIndex(slot)
    view.table.setFocus()

    # Enter on a free slot offers to create there; the form comes pre-filled with it.
    QTest.keyClick(view.table, Qt.Key.Key_Return)
    menu = view.findChildren(QMenu)[-1]
    assert menu.actions()[0].text().startswith("Nouveau rendez-vous")
    menu.close()
    form = view.create_at("individual", slot)
    qtbot.addWidget(form)
    assert isinstance(form, AccompanimentForm)
    assert form.status_combo.code() == "planned"
    assert form.date_edit.date().toPython() == day
    assert form.time_edit.time().toPython() == dt.time(10, 0)
    form.set_beneficiary(person, "PAYET Hélène")
    form.themes.set_codes(["email"])
    with qtbot.waitSignal(view.loaded, timeout=5000):
        form.save()
    [item] = view.model.items_at(slot)
    assert item.status == "planned" and item.beneficiary == "PAYET Hélène"
    assert "10:00 PAYET Hélène" in view.model.data(slot)

    # Enter on it opens the form; recording the outcome makes it done.
    view.table.setCurrentIndex(slot)
    outcome = view.open_item(item.id, "done")
    qtbot.addWidget(outcome)
    assert outcome.beneficiary_id == person
    outcome.autonomy.set_code("autonome")
    with qtbot.waitSignal(view.loaded, timeout=5000):
        outcome.save()
    assert _status(store, item.id) == "done"
    with store.reader() as s:
        assert s.get(Activity, item.id).autonomy == "autonome"
    assert view.model.data(slot).startswith("✓")


def test_cancel_and_mark_done_from_the_agenda(qtbot, ctx, store):
    person = _setup(store, ctx)
    today = i18n.today()
    view = _agenda(qtbot, ctx)
    ids = []
    for hour in (9, 14):
        form = AccompanimentForm(ctx, day=today, start=dt.time(hour, 0), status="planned")
        qtbot.addWidget(form)
        form.set_beneficiary(person, "PAYET Hélène")
        form.themes.set_codes(["sante"])
        with qtbot.waitSignal(form.saved, timeout=5000) as saved:
            form.save()
        ids.append(saved.args[0])
    qtbot.waitUntil(
        lambda: len(view.model.items_at(view.model.index_of_day_time(today, dt.time(14, 0)))) == 1
    )
    with qtbot.waitSignal(view.loaded, timeout=5000):
        view.set_status(ids[0], "cancelled")
    with qtbot.waitSignal(view.loaded, timeout=5000):
        view.set_status(ids[1], "done")
    assert (_status(store, ids[0]), _status(store, ids[1])) == ("cancelled", "done")
    cancelled = view.model.index_of_day_time(today, dt.time(9, 0))
    assert view.model.data(cancelled, Qt.ItemDataRole.FontRole).strikeOut()


def test_workshop_attendance_from_the_agenda(qtbot, ctx, store):
    person = _setup(store, ctx)
    today = i18n.today()
    view = _agenda(qtbot, ctx)
    form = WorkshopForm(ctx, day=today, start=dt.time(9, 0), status="planned")
    qtbot.addWidget(form)
    form.title_edit.setText("Smartphone")
    form.themes.set_codes(["prendre_en_main_du_materiel"])
    form.add_participant(person, "PAYET Hélène")
    with qtbot.waitSignal(view.loaded, timeout=5000):
        form.save()
    [item] = view.model.items_at(view.model.index_of_day_time(today, dt.time(9, 0)))
    assert item.type == "workshop" and item.participants == 1
    dialog = view.open_attendance(item.id)
    qtbot.addWidget(dialog)
    assert isinstance(dialog, AttendanceDialog)
    dialog.mark_all_present()
    with qtbot.waitSignal(view.loaded, timeout=5000):
        dialog.save()
    assert _status(store, item.id) == "done"
    with store.reader() as s:
        assert [p.attended for p in acts.load_activity(s, item.id).participants] == [True]


def test_delete_and_undo_in_the_agenda(qtbot, ctx, store):
    person = _setup(store, ctx)
    today = i18n.today()
    view = _agenda(qtbot, ctx)
    form = AccompanimentForm(ctx, day=today, start=dt.time(11, 0), status="planned")
    qtbot.addWidget(form)
    form.set_beneficiary(person, "PAYET Hélène")
    form.themes.set_codes(["email"])
    with qtbot.waitSignal(view.loaded, timeout=5000):
        form.save()
    slot = view.model.index_of_day_time(today, dt.time(11, 0))
    view.table.setCurrentIndex(slot)
    with qtbot.waitSignal(view.loaded, timeout=5000):
        QTest.keyClick(view.table, Qt.Key.Key_Delete)
    assert view.model.items_at(slot) == []
    assert view.undo_bar.isVisible()
    with store.reader() as s:
        assert s.scalar(select(Activity.deleted_at)) is not None
    with qtbot.waitSignal(view.loaded, timeout=5000):
        QTest.keyClick(view.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert len(view.model.items_at(slot)) == 1
    with store.reader() as s:
        assert s.scalar(select(Activity.deleted_at)) is None
