"""Échap, × or « Annuler » on a form with changes asks first; Échap in a list of matches
closes only that list (issue 15, item 4)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

from stpaul_field.store import activities as acts
from stpaul_field.ui.activity_form.accompaniment import AccompanimentForm
from stpaul_field.ui.register.editor import BeneficiaryDialog


def _shown(qtbot, form):
    qtbot.addWidget(form)
    form.show()
    form.activateWindow()
    qtbot.waitUntil(form.isActiveWindow, timeout=2000)
    return form


def _question(qtbot, form) -> QMessageBox:
    qtbot.waitUntil(lambda: form.discard_question is not None and form.discard_question.isVisible())
    return form.discard_question


def _answer(box: QMessageBox, text: str) -> None:
    [button] = [b for b in box.buttons() if b.text().replace("&", "") == text]
    button.click()


def test_escape_cross_and_cancel_ask_before_a_filled_form_is_lost(qtbot, ctx, store):
    with store.session() as s:
        person = acts.create_beneficiary(s, "Kévin", "Bègue")
    form = _shown(qtbot, AccompanimentForm(ctx))
    form.set_beneficiary(person, "BÈGUE Kévin")
    form.themes.item(0).setCheckState(Qt.CheckState.Checked)
    form.notes.setPlainText("Une longue note sur la démarche en cours…")

    QTest.keyClick(form, Qt.Key.Key_Escape)
    box = _question(qtbot, form)
    assert form.isVisible()
    _answer(box, "Continuer la saisie")
    qtbot.waitUntil(lambda: not box.isVisible())
    assert form.isVisible() and form.beneficiary_id == person
    assert form.notes.toPlainText().startswith("Une longue note")

    form.close()  # the window's ×
    box = _question(qtbot, form)
    assert form.isVisible()
    _answer(box, "Continuer la saisie")
    qtbot.waitUntil(lambda: not box.isVisible())

    [cancel] = [b for b in form.buttons.buttons() if b.text() == "Annuler"]
    cancel.click()
    box = _question(qtbot, form)
    _answer(box, "Abandonner les modifications")
    qtbot.waitUntil(lambda: not form.isVisible())
    assert form.result() == form.DialogCode.Rejected


def test_an_untouched_form_closes_at_once(qtbot, ctx):
    form = _shown(qtbot, AccompanimentForm(ctx))
    QTest.keyClick(form, Qt.Key.Key_Escape)
    assert not form.isVisible() and form.discard_question is None


def test_escape_in_the_list_of_matches_closes_only_the_list(qtbot, ctx, store):
    with store.session() as s:
        acts.create_beneficiary(s, "Hélène", "Payet")
    form = _shown(qtbot, AccompanimentForm(ctx))
    form.picker.search.setFocus()
    QTest.keyClicks(form.picker.search, "payet")
    qtbot.waitUntil(form.picker.results.isVisible, timeout=5000)
    QTest.keyClick(form.picker.search, Qt.Key.Key_Down)  # into the list
    QTest.keyClick(form.picker.results, Qt.Key.Key_Escape)
    assert not form.picker.results.isVisible()
    assert form.isVisible() and form.discard_question is None
    assert form.picker.search.text() == "payet"


def test_the_person_editor_asks_too(qtbot, ctx):
    dialog = _shown(qtbot, BeneficiaryDialog(ctx))
    QTest.keyClicks(dialog.first_name, "Gerard")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel).click()
    box = _question(qtbot, dialog)
    assert dialog.isVisible()
    _answer(box, "Abandonner les modifications")
    qtbot.waitUntil(lambda: not dialog.isVisible())
