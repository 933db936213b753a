"""One door to the store for screens: `ctx.read` / `ctx.write`, writes that say what changed
(`Changes`), each view reloading only for what it shows, and a failed write told in French."""

from __future__ import annotations

import ast
import datetime as dt
import logging
import uuid
from pathlib import Path

from PySide6.QtWidgets import QMessageBox
from sqlalchemy import select

import stpaul_field
from stpaul_field.domain.entities import ActivityData
from stpaul_field.store import activities as acts
from stpaul_field.store.models import Beneficiary, Venue
from stpaul_field.store.reference import local_advisor_id
from stpaul_field.ui import i18n, tasks
from stpaul_field.ui.agenda.agenda_view import AgendaView
from stpaul_field.ui.context import Changes
from stpaul_field.ui.register.model import COL_PHONE


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


# ---- one door, kept by reading the source ----------------------------------------------

UI = Path(stpaul_field.__file__).parent / "ui"
# Where the store is reached without the door, and why.
ALLOWED = {
    "tasks.py": "the lanes themselves",
    "context.py": "the door",
    "app.py": "opens the store, before there is a context",
}
BACKGROUND = {"run_in_background", "run_long"}
STORE_SESSIONS = {"reader", "session"}


def _screen_modules() -> list[tuple[str, ast.Module]]:
    return [
        (path.relative_to(UI).as_posix(), ast.parse(path.read_text(encoding="utf-8")))
        for path in sorted(UI.rglob("*.py"))
        if path.relative_to(UI).as_posix() not in ALLOWED
    ]


def _second_doors(tree: ast.Module) -> list[str]:
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module == "stpaul_field.ui.tasks":
            found += [f"from tasks import {a.name}" for a in node.names if a.name in BACKGROUND]
        elif isinstance(node, ast.Attribute):
            owner = node.value.id if isinstance(node.value, ast.Name) else getattr(node.value, "attr", "")
            if owner == "tasks" and node.attr in BACKGROUND:
                found.append(f"tasks.{node.attr} (line {node.lineno})")
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr in STORE_SESSIONS
            and not (node.args or node.keywords)
        ):
            found.append(f".{node.func.attr}() (line {node.lineno})")
    return found


def test_screens_reach_the_store_through_the_context_only():
    doors = {name: found for name, tree in _screen_modules() if (found := _second_doors(tree))}
    assert doors == {}


def test_the_scan_sees_a_second_door():
    tree = ast.parse(
        "from stpaul_field.ui import tasks\n"
        "def f(store):\n"
        "    with store.reader() as s: pass\n"
        "    tasks.run_in_background(lambda: None)\n"
    )
    assert _second_doors(tree) == [".reader() (line 3)", "tasks.run_in_background (line 4)"]


def test_every_screen_and_helper_of_the_ui_is_given_a_context_not_a_store():
    # Screens and the helpers they call (printing's sheets read their workshops through
    # the context too); the lock takes settings and a key, never the store.
    takes_a_store = []
    for name, tree in _screen_modules():
        for node in ast.walk(tree):
            if isinstance(node, ast.FunctionDef):
                params = [a.arg for a in node.args.args + node.args.kwonlyargs]
                if "store" in params:
                    takes_a_store.append(f"{name}:{node.lineno} {node.name}")
    assert takes_a_store == []


def test_the_register_does_not_reload_for_an_attendance_but_does_for_people(qtbot, ctx, store):
    from stpaul_field.ui.register import RegisterView

    person, activity = _appointment_today(store)
    view = RegisterView(ctx)
    qtbot.addWidget(view)
    with qtbot.waitSignal(view.model.loaded, timeout=5000):
        view.show()
    # The attendance dialog's write: activities changed, no person did.
    with qtbot.assertNotEmitted(view.model.loaded, wait=200):
        ctx.write(lambda s: acts.set_status(s, activity, "done"), changes=Changes(activities=True))
        assert tasks.wait_until_settled()
    with qtbot.waitSignal(view.model.loaded, timeout=5000):
        ctx.write(_set_phone(person, "0692123456"), changes=Changes.people(names=False))
    assert view.model.index(0, COL_PHONE).data() == "06 92 12 34 56"


def test_a_hidden_view_reloads_when_next_shown_and_only_then(qtbot, ctx, store):
    from stpaul_field.ui.bin_view import BinView

    _person, activity = _appointment_today(store)
    view = BinView(ctx)
    qtbot.addWidget(view)
    with qtbot.waitSignal(view.loaded, timeout=5000):
        view.show()
    assert view.model.rowCount() == 0
    view.hide()
    with qtbot.assertNotEmitted(view.loaded, wait=200):
        ctx.write(lambda s: acts.delete_activity(s, activity), changes=Changes(activities=True))
        assert tasks.wait_until_settled()
    with qtbot.waitSignal(view.loaded, timeout=5000):
        view.show()
    assert view.model.rowCount() == 1
