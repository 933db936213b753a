"""One door to the store for screens: `ctx.read` / `ctx.write`, writes that say what changed
(`Changes`), each view reloading only for what it shows, and a failed write told in French."""

from __future__ import annotations

import datetime as dt
import logging
import uuid

from PySide6.QtWidgets import QMessageBox
from sqlalchemy import select

from stpaul_field.domain.entities import ActivityData
from stpaul_field.store import activities as acts
from stpaul_field.store.models import Beneficiary, Venue
from stpaul_field.store.reference import local_advisor_id
from stpaul_field.ui import i18n, tasks
from stpaul_field.ui.agenda.agenda_view import AgendaView
from stpaul_field.ui.context import Changes


def _appointment_today(store) -> tuple[uuid.UUID, uuid.UUID]:
    with store.session() as s:
        person = acts.create_beneficiary(s, "Hélène", "Payet")
        venue = s.scalars(select(Venue.id).where(Venue.active).order_by(Venue.name)).first()
        data = ActivityData(
            type="individual",
            advisor_id=local_advisor_id(s),
            date=i18n.today(),
            start_time=dt.time(10, 0),
            duration_min=30,
            venue_id=venue,
            themes=["email"],
        )
        activity = acts.save_activity(s, data, [acts.ParticipantInput(beneficiary_id=person)])
    return person, activity


def _agenda(qtbot, ctx) -> AgendaView:
    view = AgendaView(ctx)
    qtbot.addWidget(view)
    with qtbot.waitSignal(view.loaded, timeout=5000):
        view.show()
    return view


def _set_phone(person: uuid.UUID, phone: str):
    def work(s):
        s.get(Beneficiary, person).phone = phone

    return work


def test_changes_combine_and_say_what_changed():
    both = Changes(activities=True) | Changes.people(names=False)
    assert both.activities and both.beneficiaries and not both.beneficiary_names
    assert both.any("venues", "activities") and not both.any("venues", "series")
    assert all(Changes.everything().any(kind) for kind in ("settings", "sync_state", "series"))


def test_the_agenda_does_not_reload_for_a_phone_change_but_does_for_an_activity(qtbot, ctx, store):
    person, activity = _appointment_today(store)
    view = _agenda(qtbot, ctx)
    with qtbot.waitSignal(ctx.data_changed, timeout=5000) as written:
        ctx.write(_set_phone(person, "0692123456"), changes=Changes.people(names=False))
    assert written.args == [Changes(beneficiaries=True)]
    with qtbot.assertNotEmitted(view.loaded, wait=200):
        tasks.wait_until_settled()

    with qtbot.waitSignal(view.loaded, timeout=5000):
        ctx.write(lambda s: acts.set_status(s, activity, "done"), changes=Changes(activities=True))
    [item] = view.model.items_at(view.model.index_of_day_time(i18n.today(), dt.time(10, 0)))
    assert item.status == "done"


def test_the_agenda_reloads_when_a_name_it_shows_changes(qtbot, ctx, store):
    person, _activity = _appointment_today(store)
    view = _agenda(qtbot, ctx)

    def rename(s):
        s.get(Beneficiary, person).last_name = "Hoarau"

    with qtbot.waitSignal(view.loaded, timeout=5000):
        ctx.write(rename, changes=Changes.people())
    [item] = view.model.items_at(view.model.index_of_day_time(i18n.today(), dt.time(10, 0)))
    assert "HOARAU" in item.beneficiary.upper()


def test_a_failed_delete_in_the_agenda_tells_the_advisor_in_french(qtbot, ctx, store, monkeypatch, caplog):
    _person, activity = _appointment_today(store)
    view = _agenda(qtbot, ctx)
    shown: list[tuple[object, str, str]] = []
    monkeypatch.setattr(
        QMessageBox, "warning", lambda parent, title, text, *a: shown.append((parent, title, text))
    )

    def broken(session, activity_id):
        raise RuntimeError("disk I/O error near 'Payet Hélène'")

    monkeypatch.setattr(acts, "delete_activity", broken)
    caplog.set_level(logging.ERROR)
    with qtbot.assertNotEmitted(ctx.data_changed, wait=0):
        view.delete(activity)
        assert tasks.wait_until_settled()

    [(parent, title, text)] = shown
    assert parent is view
    assert title == "Échec de l'enregistrement"
    assert text.startswith("La suppression du rendez-vous n'a pas abouti")
    assert "rien n'a été modifié" in text
    assert "Payet" not in text and "Hélène" not in text
    assert not view.undo_bar.isVisible()
    # Logged for whoever supports the laptop, without what the exception's message quoted.
    logged = "\n".join(r.getMessage() for r in caplog.records)
    assert "RuntimeError" in logged and "La suppression du rendez-vous" in logged
    assert "Payet" not in logged and "Hélène" not in logged
