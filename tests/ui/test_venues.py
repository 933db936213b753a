"""Fichier › « Lieux d'activité… »: a coordinator manages the city's venues from the app."""

from __future__ import annotations

import uuid

from PySide6.QtWidgets import QLabel
from sqlalchemy import select

from stpaul_field.store.models import OutboxEntry, Venue
from stpaul_field.sync import state
from stpaul_field.sync.enrolment import Enrolment
from stpaul_field.ui.main_window import MainWindow
from stpaul_field.ui.venues_dialog import VenueEditor, VenuesDialog
from stpaul_field.ui.widgets.venue_combo import VenueCombo


def enrol_as(store, role: str) -> None:
    enrolment = Enrolment("https://registre.example", uuid.uuid4(), uuid.uuid4(), uuid.uuid4(), "Chloé", role)
    with store.session() as s:
        state.put(s, state.ENROLMENT, enrolment.to_json())


def open_dialog(ctx, qtbot) -> VenuesDialog:
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    [action] = [a for a in window.file_menu.actions() if a.text() == "&Lieux d'activité…"]
    action.trigger()
    [dialog] = window.findChildren(VenuesDialog)
    return dialog


def names_in_the_forms(ctx) -> list[str]:
    combo = VenueCombo(ctx)
    return [combo.itemText(i) for i in range(combo.count())]


def test_a_coordinator_adds_edits_and_deactivates_a_venue(ctx, store, qtbot) -> None:
    enrol_as(store, "coordinator")
    dialog = open_dialog(ctx, qtbot)
    assert dialog.editable and not dialog.add_button.isHidden()
    before = dialog.table.rowCount()

    editor = dialog.open_editor(None)
    assert isinstance(editor, VenueEditor)
    editor.save()  # no name: said in French, nothing written
    qtbot.waitUntil(lambda: editor.error.text() == "Le nom du lieu est obligatoire.", timeout=5000)
    editor.name.setText("Îlet des Orangers")
    editor.kind.set_code("ilet")
    editor.bassin.set_code("mafate")
    editor.save()
    qtbot.waitUntil(lambda: dialog.table.rowCount() == before + 1, timeout=5000)
    with store.reader() as s:
        venue = s.scalar(select(Venue).where(Venue.name == "Îlet des Orangers"))
        assert venue is not None and venue.kind == "ilet" and venue.bassin == "mafate" and venue.active
        # A synced change: it leaves for every laptop with the next sync.
        assert s.scalar(select(OutboxEntry).where(OutboxEntry.record_id == venue.id)) is not None
    assert any(name.startswith("Îlet des Orangers") for name in names_in_the_forms(ctx))

    # The same name twice (accents and case aside) is refused.
    twin = dialog.open_editor(None)
    twin.name.setText("ilet des orangers")
    twin.save()
    qtbot.waitUntil(lambda: "Un lieu porte déjà ce nom" in twin.error.text(), timeout=5000)

    # Deactivated: it leaves the forms' lists, and stays in the register of venues.
    row = [dialog.table.item(r, 0).text() for r in range(dialog.table.rowCount())].index("Îlet des Orangers")
    dialog.table.selectRow(row)
    assert dialog.active_button.text() == "&Désactiver"
    dialog.active_button.click()
    qtbot.waitUntil(
        lambda: not any(n.startswith("Îlet des Orangers") for n in names_in_the_forms(ctx)), timeout=5000
    )
    with store.reader() as s:
        assert s.scalar(select(Venue.active).where(Venue.id == venue.id)) is False


def test_an_advisor_sees_the_venues_read_only_and_is_told_why(ctx, store, qtbot) -> None:
    enrol_as(store, "advisor")
    dialog = open_dialog(ctx, qtbot)
    assert not dialog.editable
    assert dialog.add_button.isHidden() and dialog.edit_button.isHidden() and dialog.active_button.isHidden()
    assert dialog.open_editor(None) is None
    assert dialog.table.rowCount() >= 1  # the list itself is shown
    notes = [label.text() for label in dialog.findChildren(QLabel)]
    assert any("Seul un coordinateur" in n and "Autre lieu" in n for n in notes)
