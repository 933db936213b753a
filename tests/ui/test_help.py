"""« Aide » (F1): the French help page, shipped with the app, that says how to do the common tasks."""

from __future__ import annotations

import re

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from stpaul_field.resources import resource
from stpaul_field.ui.help_dialog import HELP_PAGE, HelpDialog
from stpaul_field.ui.main_window import MainWindow


def test_f1_opens_the_help_beside_the_window(ctx, qtbot) -> None:
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    with qtbot.waitActive(window):
        window.show()
        window.activateWindow()
    QTest.keyClick(window.agenda, Qt.Key.Key_F1)
    qtbot.waitUntil(lambda: any(d.isVisible() for d in window.findChildren(HelpDialog)), timeout=3000)
    [dialog] = window.findChildren(HelpDialog)
    assert not dialog.isModal()  # the advisor reads it while filling the form
    text = dialog.browser.toPlainText()
    for task in (
        "Enregistrer un accompagnement individuel",
        "Un atelier collectif et ses présents",
        "Imprimer une feuille d'émargement",
        "Synchroniser en fin de journée",
        "Phrase de passe",
    ):
        assert task in text


def test_every_link_of_the_help_leads_somewhere_in_the_page() -> None:
    page = resource(*HELP_PAGE).read_text(encoding="utf-8")
    anchors = set(re.findall(r'id="([^"]+)"', page))
    links = re.findall(r'href="#([^"]+)"', page)
    assert links and set(links) <= anchors
    assert not re.findall(r'href="(?!#)', page)  # nothing that needs a network


def test_the_shortcuts_the_help_lists_are_the_windows_own(ctx, qtbot) -> None:
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()  # « Synchroniser maintenant » (F5) joins the menu once the window has painted
    qtbot.waitUntil(lambda: window.view("sync").view is not None)
    page = resource(*HELP_PAGE).read_text(encoding="utf-8")
    menu_keys = {
        a.shortcut().toString()
        for menu in (window.file_menu, *[m.menu() for m in window.menuBar().actions() if m.menu()])
        for a in menu.actions()
        if not a.shortcut().isEmpty()
    }
    for keys in ("Ctrl+N", "Ctrl+Shift+N", "Ctrl+P", "F5", "Ctrl+,", "Ctrl+L", "F1", "Ctrl+Q"):
        assert keys in menu_keys, keys
        shown = keys.replace("Shift", "Maj")
        assert f"<td>{shown}</td>" in page, shown


def test_each_letter_of_a_menu_opens_one_entry(ctx, qtbot) -> None:
    # Two entries with the same underlined letter make Alt+F then the letter only move between
    # them (« v » for « Feuille d'émargement vierge » and « Verrouiller le poste »).
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    for top in window.menuBar().actions():
        letters = [re.search(r"&(\w)", a.text()) for a in top.menu().actions() if not a.isSeparator()]
        found = [m.group(1).lower() for m in letters if m]
        assert len(found) == len(set(found)), (top.text(), found)
