"""The register screen driven through its real widgets; each test checks what the store holds."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QEvent, QItemSelectionModel, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractButton, QApplication, QDialog, QDialogButtonBox, QLabel, QWidget
from sqlalchemy import select

from stpaul_field.domain.entities import BeneficiaryData
from stpaul_field.store import beneficiaries as reg
from stpaul_field.store.database import Store
from stpaul_field.store.models import Beneficiary
from stpaul_field.ui import tasks
from stpaul_field.ui.register import RegisterView
from stpaul_field.ui.register.editor import BeneficiaryDialog
from stpaul_field.ui.register.model import COL_BIRTH_YEAR, COL_FIRST_NAME, COL_NAME, COL_PHONE


def add_people(store: Store, *people: BeneficiaryData) -> list[uuid.UUID]:
    with store.session() as s:
        return [reg.create_beneficiary(s, p).id for p in people]


def wait_loaded(qtbot, view: RegisterView) -> None:
    qtbot.waitUntil(lambda: not view.model.is_loading, timeout=5000)


@pytest.fixture
def view(qtbot, ctx) -> Iterator[RegisterView]:
    widget = RegisterView(ctx)
    qtbot.addWidget(widget)
    widget.resize(1200, 700)
    widget.show()
    wait_loaded(qtbot, widget)
    yield widget
    # Nothing left running behind the test.
    assert widget.model.wait_for_loads(5000)


def type_text(widget: QWidget, text: str) -> None:
    """Key presses carrying each character (QTest's keyClicks only knows ASCII: no « é »)."""
    for char in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, char))


def search(qtbot, view: RegisterView, text: str) -> None:
    view.search.clear()
    type_text(view.search, text)
    qtbot.waitUntil(lambda: view.model.query == text and not view.model.is_loading, timeout=5000)


def column(view: RegisterView, col: int) -> list[str]:
    return [view.model.index(r, col).data() for r in range(view.model.rowCount())]


def all_people(store: Store) -> list[Beneficiary]:
    with store.reader() as s:
        return list(s.scalars(select(Beneficiary).order_by(Beneficiary.created_at)))


HELENE = BeneficiaryData(first_name="Hélène", last_name="PAYET", birth_year=1961, phone="0692123456")
JEAN = BeneficiaryData(first_name="Jean", last_name="HOARAU", birth_year=1980, phone="0693000001")
HELENA = BeneficiaryData(first_name="Hélèna", last_name="Técher", commune="Saint-Paul")


def test_search_with_and_without_accents_and_by_phone(qtbot, view: RegisterView, store: Store) -> None:
    add_people(store, HELENE, JEAN, HELENA)
    view.refresh()
    wait_loaded(qtbot, view)
    assert view.model.rowCount() == 3
    assert view.count_label.text() == "Bénéficiaires : 3"

    search(qtbot, view, "helene payet")
    assert column(view, COL_FIRST_NAME) == ["Hélène"]
    assert view.count_label.text() == "Trouvés : 1"
    search(qtbot, view, "Hélène PAYET")
    assert column(view, COL_FIRST_NAME) == ["Hélène"]
    search(qtbot, view, "TECH")
    assert column(view, COL_NAME) == ["TÉCHER"]
    search(qtbot, view, "06 92 12")
    assert column(view, COL_PHONE) == ["06 92 12 34 56"]
    search(qtbot, view, "hel")
    assert column(view, COL_FIRST_NAME) == ["Hélène", "Hélèna"]  # PAYET before TÉCHER
    search(qtbot, view, "zzz")
    assert view.model.rowCount() == 0 and view.count_label.text() == "Trouvés : 0"
    # Enter in the search field goes to the list, on the first person found.
    search(qtbot, view, "hoarau")
    qtbot.keyClick(view.search, Qt.Key.Key_Return)
    assert view.detail.title.text() == "HOARAU Jean"


def fill(qtbot, dialog: BeneficiaryDialog, **texts: str) -> None:
    for name, text in texts.items():
        edit = getattr(dialog, name)
        edit.clear()
        type_text(edit, text)


def save(qtbot, dialog: BeneficiaryDialog) -> None:
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton)
    assert tasks.wait_until_settled()  # the fiche is written in the background


@pytest.mark.parametrize(
    ("texts", "field", "message"),
    [
        ({"last_name": "PAYET"}, "first_name", "Le prénom est obligatoire."),
        ({"first_name": "Hélène"}, "last_name", "Le nom est obligatoire."),
        ({"first_name": "A", "last_name": "B", "phone": "0692"}, "phone", "Numéro de téléphone invalide"),
        ({"first_name": "A", "last_name": "B", "email": "paul@"}, "email", "Adresse e-mail invalide."),
        (
            {"first_name": "A", "last_name": "B", "birth_year": "1850"},
            "birth_year",
            "Année de naissance entre 1900",
        ),
        ({"first_name": "A", "last_name": "B", "postcode": "974"}, "postcode", "Code postal : 5 chiffres."),
        (
            {"first_name": "A", "last_name": "B", "insee_code": "97"},
            "insee_code",
            "Code INSEE : 5 caractères.",
        ),
    ],
)
def test_create_shows_each_validation_error_and_saves_nothing(
    qtbot, view: RegisterView, store: Store, texts: dict[str, str], field: str, message: str
) -> None:
    dialog = view.create_person()
    fill(qtbot, dialog, **texts)
    save(qtbot, dialog)
    shown = dialog.errors_shown()
    assert field in shown and shown[field].startswith(message)
    assert dialog.findChild(QLabel, f"error_{field}").isVisible()
    assert dialog.isVisible() and dialog.summary.isVisible()
    assert all_people(store) == []


def test_disability_needs_consent_then_saves_marker_and_consent_date(
    qtbot, view: RegisterView, store: Store
) -> None:
    dialog = view.create_person()
    fill(qtbot, dialog, first_name="Josette", last_name="Grondin")
    dialog.markers["disability"].setChecked(True)
    save(qtbot, dialog)
    assert dialog.errors_shown() == {
        "disability": "La situation de handicap ne s'enregistre qu'avec le consentement de la personne."
    }
    assert all_people(store) == []
    dialog.consent.setChecked(True)
    save(qtbot, dialog)
    assert not dialog.isVisible()
    [person] = all_people(store)
    assert person.disability and person.consent_at is not None
    assert person.consent_at.date() in {dt.date.today(), dt.date.today() - dt.timedelta(days=1)}


def test_notes_too_long_then_fixed_creates_the_person(qtbot, view: RegisterView, store: Store) -> None:
    dialog = view.create_person()
    fill(qtbot, dialog, first_name="Sully", last_name="Grondin", phone="+262 692 11 22 33", birth_year="1950")
    dialog.notes.setPlainText("x" * 2001)
    save(qtbot, dialog)
    assert dialog.errors_shown() == {"notes": "Notes : 2000 caractères au plus."}
    assert all_people(store) == []
    dialog.notes.setPlainText("Vient le mardi.")
    dialog.commune.setText("Saint-Paul")
    dialog.commune.editingFinished.emit()  # fills the codes of a known commune
    dialog.gender.setCurrentIndex(dialog.gender.findData("masculin"))
    dialog.vouchers.setValue(2)
    save(qtbot, dialog)
    assert not dialog.isVisible() and dialog.errors_shown() == {}
    [p] = all_people(store)
    assert (p.first_name, p.last_name, p.phone, p.birth_year) == ("Sully", "Grondin", "0692112233", 1950)
    assert (p.commune, p.postcode, p.insee_code) == ("Saint-Paul", "97460", "97415")
    assert (p.gender, p.age_band, p.pass_numerique_vouchers, p.notes) == (
        "masculin",
        "soixante_dix_plus",
        2,
        "Vient le mardi.",
    )
    # The new fiche is shown and selected.
    wait_loaded(qtbot, view)
    assert view.detail.title.text() == "GRONDIN Sully"
    assert view.selected_ids() == [p.id]


def test_every_field_has_a_label_tied_to_it(qtbot, view: RegisterView) -> None:
    dialog = view.create_person()
    buddies = {label.buddy() for label in dialog.findChildren(QLabel) if label.buddy() is not None}
    for name, (field, _error) in dialog._fields.items():
        own_text = field.text() if isinstance(field, QAbstractButton) else ""  # a check box names itself
        assert field in buddies or field.accessibleName() or own_text, name
        assert field.focusPolicy() & Qt.FocusPolicy.TabFocus, name
    assert all(w.accessibleName() for w in (dialog.vouchers, dialog.consent_date, dialog.notes))
    dialog.reject()


def test_anonymous_fiche_has_no_name_fields(qtbot, view: RegisterView, store: Store) -> None:
    dialog = view.create_person()
    fill(qtbot, dialog, first_name="X")
    dialog.anonymous.setChecked(True)
    assert not dialog.first_name.isEnabled() and dialog.first_name.text() == ""
    dialog.already.setChecked(True)
    dialog.social_status.setCurrentIndex(dialog.social_status.findData("retraite"))
    save(qtbot, dialog)
    [p] = all_people(store)
    assert p.anonymous and p.already_accompanied and p.social_status == "retraite" and p.first_name == ""


def test_duplicate_warning_opens_the_existing_fiche(qtbot, view: RegisterView, store: Store) -> None:
    [existing] = add_people(store, HELENE)
    dialog = view.create_person()
    fill(qtbot, dialog, first_name="helene", last_name="Payet", birth_year="1961")
    save(qtbot, dialog)
    warning = dialog.duplicate_dialog
    assert warning is not None and warning.isVisible()
    assert warning.list.count() == 1 and "PAYET Hélène" in warning.list.item(0).text()
    qtbot.mouseClick(warning.open_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Accepted and dialog.opened_existing
    assert [p.id for p in all_people(store)] == [existing]
    wait_loaded(qtbot, view)
    assert view.detail.person_id == existing


def test_duplicate_warning_create_anyway_and_back_to_form(qtbot, view: RegisterView, store: Store) -> None:
    add_people(store, HELENE)
    dialog = view.create_person()
    fill(qtbot, dialog, first_name="Marie", last_name="Payet", phone="06 92 12 34 56")  # same phone
    save(qtbot, dialog)
    warning = dialog.duplicate_dialog
    assert warning is not None and "même téléphone" in warning.list.item(0).text()
    qtbot.mouseClick(warning.back_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and len(all_people(store)) == 1
    save(qtbot, dialog)
    qtbot.mouseClick(dialog.duplicate_dialog.create_button, Qt.MouseButton.LeftButton)
    assert tasks.wait_until_settled()
    assert not dialog.isVisible()
    assert [p.first_name for p in all_people(store)] == ["Hélène", "Marie"]


def select_rows(view: RegisterView, *rows: int) -> None:
    selection = view.table.selectionModel()
    selection.clearSelection()
    for row in rows:
        selection.select(
            view.model.index(row, 0),
            QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows,
        )


def test_edit_a_fiche(qtbot, view: RegisterView, store: Store) -> None:
    [pid] = add_people(store, HELENE)
    view.refresh()
    wait_loaded(qtbot, view)
    select_rows(view, 0)
    dialog = view.edit_selected()
    assert (
        dialog is not None
        and dialog.first_name.text() == "Hélène"
        and dialog.phone.text() == "06 92 12 34 56"
    )
    fill(qtbot, dialog, phone="0693 55 66 77", commune="La Possession")
    save(qtbot, dialog)
    assert not dialog.isVisible()
    with store.reader() as s:
        p = s.get(Beneficiary, pid)
        assert p is not None and (p.phone, p.commune, p.birth_year) == ("0693556677", "La Possession", 1961)
    wait_loaded(qtbot, view)
    assert column(view, COL_PHONE) == ["06 93 55 66 77"]
    assert view.detail.title.text() == "PAYET Hélène"


def test_delete_then_undo(qtbot, view: RegisterView, store: Store) -> None:
    [pid, _other] = add_people(store, HELENE, JEAN)
    view.refresh()
    wait_loaded(qtbot, view)
    row = view.model.row_of(pid)
    assert row is not None
    view.select_row(row)
    view.table.setFocus()
    qtbot.keyClick(view.table, Qt.Key.Key_Delete)
    assert tasks.wait_until_settled()
    with store.reader() as s:
        assert s.get(Beneficiary, pid).deleted_at is not None  # type: ignore[union-attr]
    wait_loaded(qtbot, view)
    assert column(view, COL_NAME) == ["HOARAU"]
    assert view.undo_bar.isVisible() and "PAYET Hélène" in view.undo_label.text()
    qtbot.mouseClick(view.undo_button, Qt.MouseButton.LeftButton)
    assert tasks.wait_until_settled()
    with store.reader() as s:
        assert s.get(Beneficiary, pid).deleted_at is None  # type: ignore[union-attr]
    wait_loaded(qtbot, view)
    assert sorted(column(view, COL_NAME)) == ["HOARAU", "PAYET"]
    assert not view.undo_bar.isVisible()


def test_sort_from_the_keyboard_controls_and_from_the_column_titles(
    qtbot, view: RegisterView, store: Store
) -> None:
    add_people(store, HELENE, JEAN, HELENA)
    view.refresh()
    wait_loaded(qtbot, view)
    assert column(view, COL_NAME) == ["HOARAU", "PAYET", "TÉCHER"]
    view.sort_combo.setFocus()
    view.sort_combo.setCurrentIndex(view.sort_combo.findData(COL_BIRTH_YEAR))
    qtbot.keyClick(view.descending, Qt.Key.Key_Space)
    wait_loaded(qtbot, view)
    assert column(view, COL_NAME) == ["HOARAU", "PAYET", "TÉCHER"]  # 1980, 1961, unknown
    assert view.table.horizontalHeader().sortIndicatorSection() == COL_BIRTH_YEAR
    view.table.horizontalHeader().setSortIndicator(COL_FIRST_NAME, Qt.SortOrder.AscendingOrder)  # a click
    wait_loaded(qtbot, view)
    assert column(view, COL_FIRST_NAME) == ["Hélèna", "Hélène", "Jean"]
    assert view.sort_combo.currentData() == COL_FIRST_NAME and not view.descending.isChecked()


def test_create_with_the_keyboard_only(qtbot, view: RegisterView, store: Store) -> None:
    view.activateWindow()
    qtbot.waitUntil(view.isActiveWindow, timeout=2000)
    qtbot.keyClick(view, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)  # Ctrl+N
    dialog = view.findChild(BeneficiaryDialog)
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.isActiveWindow(), timeout=2000)
    assert QApplication.focusWidget() is dialog.first_name
    type_text(QApplication.focusWidget(), "Gérard")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    type_text(QApplication.focusWidget(), "Lauret")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    type_text(QApplication.focusWidget(), "0692 40 50 60")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)  # the default button saves
    assert tasks.wait_until_settled()
    assert not dialog.isVisible()
    [p] = all_people(store)
    assert (p.first_name, p.last_name, p.phone) == ("Gérard", "Lauret", "0692405060")


def test_a_pasted_nul_character_is_shown_in_french_and_nothing_is_saved(
    qtbot, view: RegisterView, store: Store
) -> None:
    dialog = view.create_person()
    fill(qtbot, dialog, first_name="Sully", last_name="Grondin")
    dialog.notes.setPlainText("Vient le mardi.\x00")  # as pasted from another program
    save(qtbot, dialog)
    assert dialog.errors_shown() == {"notes": "Notes : caractère nul (U+0000) interdit, retirez-le."}
    assert dialog.isVisible() and all_people(store) == []
