"""The conflicts view: a table of open conflicts, settled with « Garder la mienne / l'autre »."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from sqlalchemy import select

from stpaul_field.store.activities import create_beneficiary
from stpaul_field.store.models import Beneficiary, Conflict, OutboxEntry
from stpaul_field.store.outbox import APPLYING_REMOTE
from stpaul_field.ui.conflicts_view import COL_FIELD, COL_KEPT, COL_LOST, COL_RECORD, COL_WHOSE, ConflictsView


def pulled_person(store, **values):
    """A person as the last pull left them: no unsent change."""
    with store.session() as s:
        person = create_beneficiary(s, "Hélène", "Payet")
    with store.session() as s:
        s.info[APPLYING_REMOTE] = True
        record = s.get(Beneficiary, person)
        for name, value in values.items():
            setattr(record, name, value)
        for entry in s.scalars(select(OutboxEntry)):
            s.delete(entry)
    return person


def test_keep_mine_and_keep_other_from_the_keyboard(qtbot, store, ctx):
    person = pulled_person(store, phone="0692000000", gender="feminin")
    with store.session() as s:
        s.add_all(
            [
                Conflict(
                    entity="beneficiary", record_id=person, field="phone", kept_value="0692000000",
                    lost_value="0692123456", lost_is_mine=True,
                ),
                Conflict(
                    entity="beneficiary", record_id=person, field="gender", kept_value="feminin",
                    lost_value="non_communique", lost_is_mine=False,
                ),
            ]
        )  # fmt: skip
    view = ConflictsView(ctx)
    qtbot.addWidget(view)
    view.show()
    view.refresh()
    qtbot.waitUntil(lambda: view.model.rowCount() == 2, timeout=5000)
    cells = {
        view.model.index(r, COL_FIELD).data(): [view.model.index(r, c).data() for c in range(5)]
        for r in range(2)
    }
    assert cells["Téléphone"][COL_RECORD] == "PAYET Hélène"
    assert cells["Téléphone"][COL_KEPT] == "06 92 00 00 00"
    assert cells["Téléphone"][COL_LOST] == "06 92 12 34 56"
    assert cells["Téléphone"][COL_WHOSE] == "la mienne"
    assert cells["Genre"][COL_KEPT] == "Féminin" and cells["Genre"][COL_WHOSE] == "l'autre"
    assert view.model.headerData(COL_LOST, Qt.Orientation.Horizontal) == "Valeur perdue"
    assert view.keep_mine_button.isEnabled()  # the first row is selected, ready for the keyboard

    # Keyboard: focus the table, pick the phone row, Tab to « Garder la mienne », Space.
    view.table.setFocus()
    phone_row = next(r for r in range(2) if view.model.entry(r).field == "phone")
    view.table.selectRow(phone_row)
    QTest.keyClick(view.table, Qt.Key.Key_Tab)
    assert view.focusWidget() is view.keep_mine_button
    with qtbot.waitSignal(view.changed, timeout=5000):
        QTest.keyClick(view.keep_mine_button, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: view.model.rowCount() == 1, timeout=5000)
    with store.reader() as s:
        assert s.get(Beneficiary, person).phone == "0692123456"
        [entry] = s.scalars(select(OutboxEntry)).all()
        assert entry.fields.keys() - {"updated_at"} == {"phone"}
        assert entry.fields["phone"] == "0692123456"

    # « Garder l'autre » on the gender, where mine was kept: the other laptop's value comes back.
    view.table.selectRow(0)
    with qtbot.waitSignal(view.changed, timeout=5000):
        view.keep_other_button.click()
    qtbot.waitUntil(lambda: view.model.rowCount() == 0, timeout=5000)
    assert view.empty_label.isVisible() and not view.keep_mine_button.isEnabled()
    with store.reader() as s:
        assert s.get(Beneficiary, person).gender == "non_communique"
        assert s.scalars(select(Conflict).where(Conflict.resolved_at.is_(None))).all() == []
    assert view.table.accessibleName() == "Conflits ouverts"
