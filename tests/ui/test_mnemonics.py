"""Alt+letter of a field's label puts the keyboard in that field (issue 15: « In&scrire » did
nothing, its buddy being the person picker's frame, which takes no focus itself)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLabel, QScrollArea, QWidget

from stpaul_field.ui.activity_form.accompaniment import AccompanimentForm
from stpaul_field.ui.activity_form.workshop import WorkshopForm
from stpaul_field.ui.blank_sheet_dialog import BlankSheetDialog
from stpaul_field.ui.register.editor import BeneficiaryDialog
from tests.screen_fit_probe import mnemonic


def _labels_with_a_letter(window: QWidget) -> list[QLabel]:
    return [
        label
        for label in window.findChildren(QLabel)
        if label.buddy() is not None and label.isVisibleTo(window) and mnemonic(label.text())
    ]


def _inside(widget: QWidget | None, buddy: QWidget) -> bool:
    while widget is not None:
        if widget is buddy:
            return True
        widget = widget.parentWidget()
    return False


@pytest.mark.parametrize("kind", ["accompagnement", "accompagnement anonyme", "atelier", "fiche", "feuille"])
def test_each_labels_letter_puts_the_keyboard_in_its_field(ctx, qtbot, kind):
    makers = {
        "accompagnement": lambda: AccompanimentForm(ctx),
        "accompagnement anonyme": lambda: AccompanimentForm(ctx),
        "atelier": lambda: WorkshopForm(ctx),
        "fiche": lambda: BeneficiaryDialog(ctx),
        "feuille": lambda: BlankSheetDialog(ctx),
    }
    window = makers[kind]()
    qtbot.addWidget(window)
    window.show()
    if kind == "accompagnement anonyme":
        window.anonymous.setChecked(True)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)
    labels = _labels_with_a_letter(window)
    assert len(labels) >= 5
    missed = []
    for label in labels:
        letter = mnemonic(label.text())
        QTest.keyClick(QApplication.focusWidget(), ord(letter.upper()), Qt.KeyboardModifier.AltModifier)
        if not _inside(QApplication.focusWidget(), label.buddy()):
            missed.append(label.text())
    assert missed == []


def test_ctrl_and_a_views_number_puts_the_keyboard_in_its_main_control(ctx, qtbot):
    from stpaul_field.ui.main_window import MainWindow

    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)
    for keys, target in (("3", lambda: window.activities.table), ("2", lambda: window.register.search)):
        QTest.keyClick(QApplication.focusWidget(), ord(keys), Qt.KeyboardModifier.ControlModifier)
        qtbot.waitUntil(lambda t=target: QApplication.focusWidget() is t(), timeout=2000)


def test_the_form_scrolls_to_the_field_that_gets_the_keyboard(ctx, qtbot):
    form = WorkshopForm(ctx)
    qtbot.addWidget(form)
    form.resize(800, 420)  # a small screen: « Inscrire » is below the window's edge
    form.show()
    form.activateWindow()
    qtbot.waitUntil(form.isActiveWindow, timeout=2000)
    scroll = form.picker.parentWidget()
    while not isinstance(scroll, QScrollArea):
        scroll = scroll.parentWidget()
    viewport = scroll.viewport()

    def on_screen(widget: QWidget) -> bool:
        top = widget.mapTo(viewport, widget.rect().topLeft()).y()
        return top >= 0 and top + widget.height() <= viewport.height()

    assert not on_screen(form.picker.search)
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_S, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: on_screen(form.picker.search), timeout=2000)
