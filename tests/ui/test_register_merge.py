"""Merging two fiches through the merge dialog keeps both histories."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import QDialogButtonBox
from sqlalchemy import select

from stpaul_field.domain.entities import BeneficiaryData
from stpaul_field.store import beneficiaries as reg
from stpaul_field.store.database import Store
from stpaul_field.store.models import Activity, Beneficiary, OutboxEntry, Participation
from stpaul_field.store.reference import local_advisor_id
from stpaul_field.ui.register import RegisterView
from stpaul_field.ui.register.merge import MergeDialog


@pytest.fixture
def view(qtbot, ctx) -> Iterator[RegisterView]:
    widget = RegisterView(ctx)
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitUntil(lambda: not widget.model.is_loading, timeout=5000)
    yield widget
    assert widget.model.wait_for_loads(5000)


def accompany(store: Store, who: uuid.UUID, day: dt.date, theme: str) -> uuid.UUID:
    with store.session() as s:
        activity = Activity(
            type="individual", advisor_id=local_advisor_id(s), date=day, place_type="domicile",
            commune="Saint-Paul", themes=[theme],
        )  # fmt: skip
        s.add(activity)
        s.flush()
        s.add(Participation(activity_id=activity.id, beneficiary_id=who))
        return activity.id


def test_merge_two_fiches_keeps_both_histories(qtbot, view: RegisterView, store: Store) -> None:
    with store.session() as s:
        older = reg.create_beneficiary(
            s, BeneficiaryData(first_name="Hélène", last_name="PAYET", birth_year=1961, commune="Saint-Paul")
        ).id
        newer = reg.create_beneficiary(
            s, BeneficiaryData(first_name="Helene", last_name="Payet", phone="0692123456")
        ).id
    first = accompany(store, older, dt.date(2026, 10, 6), "email")
    second = accompany(store, older, dt.date(2026, 10, 20), "sante")
    third = accompany(store, newer, dt.date(2026, 11, 3), "banque_et_achats_en_ligne")
    view.refresh()
    qtbot.waitUntil(lambda: view.model.rowCount() == 2, timeout=5000)

    selection = view.table.selectionModel()
    for row in (0, 1):
        selection.select(
            view.model.index(row, 0),
            QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows,
        )
    assert view.merge_button.isEnabled()
    qtbot.mouseClick(view.merge_button, Qt.MouseButton.LeftButton)
    dialog = view.findChild(MergeDialog)
    assert dialog is not None and dialog.isVisible()
    # The fiche with the longer history is kept by default; empty values come from the other.
    assert dialog.people[dialog.keep_group.checkedId()].id == older
    keep, other, chosen = dialog.chosen()
    assert (keep, other) == (older, newer)
    assert chosen["first_name"] == "Hélène" and chosen["phone"] == "0692123456"
    assert chosen["birth_year"] == 1961 and chosen["commune"] == "Saint-Paul"
    # The advisor prefers the other spelling of the last name.
    dialog.choices["last_name"].button(1 - dialog.keep_group.checkedId()).setChecked(True)
    qtbot.mouseClick(
        dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok),
        Qt.MouseButton.LeftButton,
    )
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5000)  # merged in the background

    with store.reader() as s:
        kept = s.get(Beneficiary, older)
        gone = s.get(Beneficiary, newer)
        assert kept is not None and gone is not None
        assert (kept.first_name, kept.last_name, kept.phone, kept.birth_year) == (
            "Hélène",
            "Payet",
            "0692123456",
            1961,
        )
        assert gone.merged_into_id == older and gone.deleted_at is not None
        assert [h.activity_id for h in reg.follow_up_history(s, older)] == [third, second, first]
        assert s.scalars(select(OutboxEntry).where(OutboxEntry.record_id == newer)).all()[
            -1
        ].fields.keys() >= {
            "merged_into_id",
            "deleted_at",
        }
    qtbot.waitUntil(lambda: view.model.rowCount() == 1 and view.detail.person_id == older, timeout=5000)
    assert view.detail.history.rowCount() == 3
    assert view.detail.history_title.text().startswith("Historique du suivi (3")
    # Enter on a history row asks the main window to open that activity.
    view.detail.history_view.setFocus()
    view.detail.history_view.setCurrentIndex(view.detail.history.index(1, 0))
    with qtbot.waitSignal(view.activityRequested) as opened:
        qtbot.keyClick(view.detail.history_view, Qt.Key.Key_Return)
    assert opened.args == [second]
