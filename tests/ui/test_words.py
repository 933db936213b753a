"""The app's words (issue 15, item 10): English where translated, a title said once, a
workshop's own menu, Alt+E saves the fiche, a French command line that says « inscrire »."""

from __future__ import annotations

import datetime as dt
import uuid

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QMenu

from stpaul_field import cli
from stpaul_field.store.activities import ActivityRow
from stpaul_field.ui import i18n
from stpaul_field.ui.activity_form.accompaniment import AccompanimentForm
from stpaul_field.ui.agenda.agenda_view import AgendaView
from stpaul_field.ui.app import configure
from stpaul_field.ui.main_window import MainWindow
from stpaul_field.ui.register.editor import BeneficiaryDialog


def test_in_english_the_status_bar_and_the_form_errors_are_english(qapp, qtbot, ctx):
    try:
        i18n.install(qapp, "en")
        window = MainWindow(ctx)
        qtbot.addWidget(window)
        qtbot.waitUntil(lambda: window.sync_status.text() == "Laptop not enrolled with the central record")
        form = AccompanimentForm(ctx)
        qtbot.addWidget(form)
        form.save()
        assert form.errors.message("themes") == "Choose at least one theme."
        form.time_edit.setText("25h")
        form.save()
        assert form.errors.message("start_time").startswith("Time not understood")
    finally:
        i18n.install(qapp, "fr")
    assert i18n.message("Choisissez au moins une thématique.") == "Choisissez au moins une thématique."


def test_the_window_title_says_the_app_once_and_names_the_view(qapp, qtbot, ctx):
    configure(qapp)
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    shown = f"{window.windowTitle()} — {qapp.applicationDisplayName()}"  # what Qt puts on the frame
    assert shown == "Agenda — Saint-Paul — Accompagnements numériques"
    window.show_view("beneficiaries")
    assert window.windowTitle() == "Bénéficiaires"


def test_a_workshop_menu_cancels_the_workshop(qtbot, ctx):
    view = AgendaView(ctx)
    qtbot.addWidget(view)

    def actions(kind: str) -> list[str]:
        row = ActivityRow(
            uuid.uuid4(), dt.date(2026, 11, 23), dt.time(9), 60, kind, "planned", "", "", 0, "", (), ""
        )
        menu = QMenu()
        view._item_actions(menu, row)
        return [a.text().replace("&", "") for a in menu.actions()]

    assert "Annuler l'atelier" in actions("workshop")
    assert "Annuler le rendez-vous" not in actions("workshop")
    assert "Annuler le rendez-vous" in actions("individual")


def test_alt_e_in_the_person_editor_saves(qtbot, store, ctx):
    dialog = BeneficiaryDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow, timeout=2000)
    dialog.first_name.setText("Gérard")
    dialog.last_name.setText("Lauret")
    QTest.keyClick(dialog.focusWidget(), Qt.Key.Key_E, Qt.KeyboardModifier.AltModifier)
    assert not dialog.email.hasFocus()
    qtbot.waitUntil(lambda: dialog.person_id is not None, timeout=5000)


def test_the_command_line_speaks_french_and_says_inscrire(capsys):
    parser = cli.build_parser()
    text = parser.format_help()
    assert text.startswith("utilisation : stpaul-field")
    assert "afficher cette aide et quitter" in text and "options" in text
    assert "show this help" not in text and "usage:" not in text
    assert "inscrire ce poste au registre central" in text
    assert "enrôler" not in text
    sub = parser._subparsers._group_actions[0].choices["enrol"].format_help()
    assert sub.startswith("utilisation : stpaul-field enrol") and "afficher cette aide" in sub
